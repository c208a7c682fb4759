/**
 * workflows/project-creation-on-approval.json in queue mode: Postgres, Redis, one main that takes
 * the signed `quote.approved` webhooks and 2 workers that run the executions, with the ID Mapping
 * store on a Data Table (n8n's own Postgres, reached through the main's public API):
 * - the same approval delivered 10 times at once, run on both workers, gives 1 project, 1 task
 *   list, a task per line and 1 mapping per quote, line, contract and company;
 * - a creation whose run died, finished by 10 deliveries at once on both workers: only the one
 *   holding the setup claim adds the list and tasks, the other 9 are answered 409.
 */
import { waitFor } from '../../devkit/n8n';
import { startQueueTopology, type QueueTopology } from '../../devkit/n8n/queue';
import {
	aworkState,
	loadShippedWorkflow,
	mappingRows,
	startWorkflowSandbox,
	webhookPathOf,
	type AworkView,
	type WorkflowSandbox,
	approvalPayload,
	seedOrphanApprovalProject,
} from '../../devkit/sandbox';

const FILE = 'project-creation-on-approval.json';
const WEB_URL = 'https://acme.awork.com';
const LINE_TASKS = ['Build the pages', 'Concept and design', 'Go-live support'];


describe('workflow "project creation on approval" in queue mode (main + 2 workers, Postgres, Redis)', () => {
	let queue: QueueTopology;
	let sandbox: WorkflowSandbox;
	let workflowId: string;
	let webhookPath: string;
	/** Executions already looked at, so each test sees only its own. */
	const seen = new Set<string>();

	const send = async (quoteId: string, number: string) => await sandbox.sendPsaWebhook(webhookPath, 'quote.approved', approvalPayload(quoteId, number));
	const sendTenAtOnce = async (quoteId: string, number: string) =>
		await Promise.all(Array.from({ length: 10 }, async () => await send(quoteId, number)));
	const projectsWithKey = async (key: string) => (await aworkState(sandbox.awork, 'projects')).projects.filter((project) => project.projectKey === key);
	const tasksOf = async (projectId: string) => (await aworkState(sandbox.awork, 'tasks')).tasks.filter((task) => task.projectId === projectId);
	const listsOf = (projectId: string) => [...sandbox.awork.fake.store.taskLists.values()].filter((list) => list.projectId === projectId);

	/** Waits for `count` new finished executions; returns the worker each one ran on. */
	async function workersOfNewExecutions(count: number): Promise<string[]> {
		const fresh = await waitFor(
			async () => {
				const finished = (await queue.main.listExecutions(workflowId, { includeData: false })).filter(
					(execution) => !seen.has(execution.id) && ['success', 'error'].includes(execution.status),
				);
				return finished.length >= count ? finished : undefined;
			},
			{ timeoutMs: 120_000, intervalMs: 500, describe: () => `${count} new finished execution(s) of the approval workflow` },
		);
		for (const execution of fresh) seen.add(execution.id);
		return fresh.map((execution) => queue.workerOf(execution.id) ?? `not a worker (execution ${execution.id})`);
	}

	beforeAll(async () => {
		queue = await startQueueTopology({ label: 'approval' });
		sandbox = await startWorkflowSandbox({ label: 'approval-queue', aworkWebUrl: WEB_URL, existingN8n: queue.main });
		sandbox.onePsa.fake.seed({ contracts: [{ id: 'ctr_acme_projects', number: 'C-1002', name: 'Acme projects' }] });
		workflowId = await sandbox.importShipped(FILE);
		await queue.main.activateWorkflow(workflowId);
		webhookPath = webhookPathOf(loadShippedWorkflow(FILE), 'The One PSA Trigger', 'onepsa');
	});

	afterAll(async () => {
		await sandbox?.close();
		await queue?.stop();
	});

	it('one approval delivered 10 times at once, run on both workers: 1 project, 1 task list, 3 tasks, 1 mapping each', async () => {
		const answers = await sendTenAtOnce('q-1001', 'Q-2026-0042');
		// The delivery that created the project answers 200; one that finds it still being set up
		// by another is told to come again (409); one that finds it done answers 200, created: false.
		for (const answer of answers) expect([200, 409]).toContain(answer.status);
		const bodies = answers.map((answer) => answer.json as Record<string, unknown>);
		expect(bodies.filter((body) => body.created === true)).toHaveLength(1);
		const projectId = bodies.find((body) => body.created === true)!.projectId as string;
		expect(new Set(bodies.map((body) => body.projectId))).toEqual(new Set([projectId]));

		const workers = await workersOfNewExecutions(10);
		process.stdout.write(`approval x10 in queue mode: statuses ${answers.map((a) => a.status).join(',')}; workers ${workers.join(', ')}\n`);
		expect(workers.filter((name) => !name.includes('worker-'))).toEqual([]);
		expect(new Set(workers).size).toBe(2);

		const again = await send('q-1001', 'Q-2026-0042');
		expect([again.status, again.json]).toEqual([200, expect.objectContaining({ created: false, projectId })]);

		expect((await projectsWithKey('PSA-Q-2026-0042')).map((project: AworkView) => project.id)).toEqual([projectId]);
		expect(listsOf(projectId).map((list) => list.name)).toEqual(['Quote Q-2026-0042']);
		expect((await tasksOf(projectId)).map((task) => task.name).sort()).toEqual(LINE_TASKS);

		const rows = await mappingRows(queue.main);
		const mapped = (namespace: string, externalId: string) =>
			rows.filter((row) => row.namespace === namespace && row.externalId === externalId).map((row) => row.aworkId);
		expect(mapped('project', 'q-1001')).toEqual([projectId]);
		expect(mapped('contract', 'ctr_acme_projects')).toEqual([projectId]);
		const taskIds = new Set((await tasksOf(projectId)).map((task) => task.id));
		for (const line of ['l1', 'l2', 'l3']) {
			const [taskId, ...others] = mapped('task', `q-1001:${line}`);
			expect(others).toEqual([]);
			expect(taskIds.has(taskId)).toBe(true);
		}
		const acme = (await aworkState(sandbox.awork, 'companies')).companies.filter((company) => company.name === 'Acme GmbH');
		expect(acme).toHaveLength(1);
		expect(mapped('company', 'cmp_acme')).toEqual([acme[0].id]);
		await workersOfNewExecutions(1);
	});

	it('finishes a creation whose run died: of 10 deliveries at once on both workers, only the claim holder adds list and tasks', async () => {
		const orphan = seedOrphanApprovalProject(sandbox.awork, 'q-2999', 'Q-2026-0099');

		const answers = await sendTenAtOnce('q-2999', 'Q-2026-0099');
		const workers = await workersOfNewExecutions(10);
		process.stdout.write(`died creation x10 in queue mode: statuses ${answers.map((a) => a.status).join(',')}; workers ${workers.join(', ')}\n`);
		expect(new Set(workers).size).toBe(2);
		expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(409)]);
		expect(answers.find((answer) => answer.status === 200)!.json).toMatchObject({ projectId: orphan.id, tasksCreated: 3 });

		expect(listsOf(orphan.id)).toHaveLength(1);
		expect((await tasksOf(orphan.id)).map((task) => task.name).sort()).toEqual(LINE_TASKS);
		const rows = await mappingRows(queue.main);
		expect(rows.filter((row) => row.namespace === 'project' && row.externalId === 'q-2999').map((row) => row.aworkId)).toEqual([orphan.id]);
		expect(rows.filter((row) => row.namespace === 'task' && row.externalId.startsWith('q-2999:'))).toHaveLength(3);
		// The 9 that lost took their claim rows back; the holder's stays until its lease ends.
		expect(rows.filter((row) => row.namespace === '_claim' && row.externalId === 'quote:q-2999')).toHaveLength(1);
	});
});
