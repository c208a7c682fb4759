/**
 * workflows/task-ticket-status-sync.json in queue mode: one main takes awork's and the PSA's
 * webhooks, 2 workers run the executions, the loop marks live in a Data Table in Postgres. Each
 * sync's echo (awork sends task_status_changed for the workflow's own change, the PSA a
 * ticket.updated for its PATCH) and replays of both, also many at once on both workers, end in
 * "already synced" and write nothing to either side.
 */
import type { Ticket } from '../../devkit/fakes/onepsa';
import { httpRequest, waitFor, type Execution } from '../../devkit/n8n';
import { startQueueTopology, type QueueTopology } from '../../devkit/n8n/queue';
import { aworkWrites, saveTicketLinks, startWorkflowSandbox, webhookPathOf, type WorkflowSandbox } from '../../devkit/sandbox';
import { seedSupportProject, seedTask } from '../e2e/taskTicketHelpers';

const FILE = 'task-ticket-status-sync.json';
const PSA_TRIGGER = 'The One PSA Trigger';
const AWORK_TRIGGER = 'Awork Trigger';
const SETTINGS = { psaStatusWhenTaskDone: 'closed', aworkDoneStatusName: 'Done' };

/** How one execution ended, e.g. "ticket: moved task" or "task: already synced". */
function outcome(execution: Execution): string {
	const runData = execution.data?.resultData.runData ?? {};
	const side = runData[PSA_TRIGGER] ? 'ticket' : 'task';
	if (execution.data?.resultData.error) return `${side}: error ${execution.data.resultData.error.message}`;
	const ran = (name: string) => Boolean(runData[name]);
	if (ran('Not Linked')) return `${side}: not linked`;
	if (ran('Already Synced')) return `${side}: already synced`;
	if (ran('Move Task to Done')) return `${side}: moved task`;
	if (ran('Set Ticket Status')) return `${side}: set ticket status`;
	if (ran('Save Task Mark') || ran('Save Ticket Mark')) return `${side}: in step, marked`;
	return `${side}: ? (${Object.keys(runData).join(', ')})`;
}

describe('workflow "task ↔ ticket status sync" in queue mode (main + 2 workers, Postgres, Redis)', () => {
	let queue: QueueTopology;
	let sandbox: WorkflowSandbox;
	let workflowId: string;
	let aworkUrl: string;
	let psaPath: string;
	let psaRunsStarted = 0;
	const seen = new Set<string>();
	/** The worker of every execution of the file (undefined: not run by a worker). */
	const ranOn: Array<string | undefined> = [];
	const pairs: Record<string, { ticketId: string; taskId: string }> = {};

	const store = () => sandbox.awork.fake.store;
	const ticket = (id: string): Ticket => sandbox.onePsa.fake.state().tickets.find((candidate) => candidate.id === id)!;
	const taskStatusName = (taskId: string) => store().taskStatuses.get(store().tasks.get(taskId)!.taskStatusId)!.name;
	const psaWrites = () => sandbox.onePsa.fake.log.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path} ${JSON.stringify(entry.body)}`);
	const writes = () => ({ awork: aworkWrites(sandbox.awork), psa: psaWrites() });
	const acceptedAworkDeliveries = () => store().webhookDeliveries.filter((delivery) => delivery.url === aworkUrl && delivery.status === 200).length;

	async function sendTicketUpdated(ticketId: string, changes: Partial<Ticket> = {}): Promise<void> {
		const answer = await sandbox.sendPsaWebhook(psaPath, 'ticket.updated', { ...ticket(ticketId), ...changes });
		expect(answer.status).toBe(200);
		// Identical bytes in the same millisecond are a repeat: the trigger (on the main) starts no run.
		if ((answer.json as { duplicate?: boolean } | undefined)?.duplicate !== true) psaRunsStarted++;
	}

	async function deliverTaskStatusChanged(taskId: string): Promise<void> {
		const answer = await httpRequest<{ deliveries: Array<{ url: string; status: number }> }>('POST', `${sandbox.awork.controlUrl}/webhooks/deliver`, {
			body: { eventType: 'task_status_changed', entityId: taskId },
		});
		expect(answer.body.deliveries.map((delivery) => [delivery.url, delivery.status])).toEqual([[aworkUrl, 200]]);
	}

	/** Waits until every accepted webhook is a finished execution (twice in a row); returns the new ones with the worker each ran on. */
	async function settle(): Promise<Array<{ outcome: string; worker: string | undefined }>> {
		let previous = '';
		let last = '';
		const all = await waitFor(
			async () => {
				const executions = await queue.main.listExecutions(workflowId);
				const finished = executions.filter((execution) => ['success', 'error', 'crashed'].includes(execution.status));
				const key = `${finished.length}/${executions.length}/${psaRunsStarted + acceptedAworkDeliveries()}`;
				last = key;
				const balanced = finished.length === executions.length && executions.length === psaRunsStarted + acceptedAworkDeliveries();
				const stable = balanced && key === previous;
				previous = balanced ? key : '';
				return stable ? executions : undefined;
			},
			{ timeoutMs: 120_000, intervalMs: 500, describe: () => `executions = webhooks accepted (finished/listed/expected: ${last})` },
		);
		const fresh = all.filter((execution) => !seen.has(execution.id)).sort((a, b) => Number(a.id) - Number(b.id));
		for (const execution of fresh) seen.add(execution.id);
		const runs = fresh.map((execution) => ({ outcome: outcome(execution), worker: queue.workerOf(execution.id) }));
		ranOn.push(...runs.map((run) => run.worker));
		return runs;
	}

	/** awork's task_status_changed and the PSA's ticket.updated for the pair, 3 of each at once; their runs. */
	async function echoesAndReplaysAtOnce(ticketId: string, taskId: string): Promise<Array<{ outcome: string; worker: string | undefined }>> {
		await Promise.all([1, 2, 3].flatMap(() => [deliverTaskStatusChanged(taskId), sendTicketUpdated(ticketId)]));
		return await settle();
	}
	const notAlreadySynced = (runs: Array<{ outcome: string }>) =>
		runs.filter((run) => run.outcome !== 'task: already synced' && run.outcome !== 'ticket: already synced');

	beforeAll(async () => {
		queue = await startQueueTopology({ label: 'status-sync' });
		sandbox = await startWorkflowSandbox({ label: 'status-sync-queue', awork: { config: { autoWebhooks: true } }, existingN8n: queue.main });
		const prepared = sandbox.prepare(FILE, { settings: SETTINGS });
		workflowId = await queue.main.importWorkflow(prepared);
		aworkUrl = queue.main.webhookUrl(webhookPathOf(prepared, AWORK_TRIGGER, 'webhook'));
		psaPath = webhookPathOf(prepared, PSA_TRIGGER, 'onepsa');
		await queue.main.activateWorkflow(workflowId);

		const { projectId } = seedSupportProject(sandbox.awork, 'Support desk');
		const names = ['ticketFirst', 'taskFirst', 'concurrent'];
		const tickets = sandbox.onePsa.fake.seed({ tickets: names.map((name) => ({ subject: name, status: 'open' })) }).tickets.slice(-names.length);
		for (const [index, name] of names.entries()) pairs[name] = { ticketId: tickets[index].id, taskId: seedTask(sandbox.awork, projectId, { name }) };
		await saveTicketLinks(sandbox, Object.values(pairs));
		sandbox.awork.fake.server.log.length = 0;
		sandbox.onePsa.fake.log.length = 0;
	});

	afterAll(async () => {
		await sandbox?.close();
		await queue?.stop();
	});

	it('a ticket resolved in the PSA moves the task; the echo and 3 replays of each side at once, on both workers, write nothing', async () => {
		const { ticketId, taskId } = pairs.ticketFirst;
		Object.assign(ticket(ticketId), { status: 'resolved', updatedAt: new Date().toISOString() });
		await sendTicketUpdated(ticketId);
		const runs = await settle();
		expect(runs.map((run) => run.outcome)).toContain('ticket: moved task');
		expect(runs.filter((run) => run.outcome.includes('error') || run.outcome.includes('?'))).toEqual([]);
		expect(taskStatusName(taskId)).toBe('Done');
		const synced = writes();
		expect(synced.awork).toEqual(['POST /api/v1/tasks/changestatuses']);
		expect(synced.psa).toEqual([]);

		const echoes = await echoesAndReplaysAtOnce(ticketId, taskId);
		process.stdout.write(`status sync echoes in queue mode: ${echoes.map((run) => `${run.outcome} @${run.worker}`).join('; ')}\n`);
		expect(echoes.length).toBeGreaterThanOrEqual(4);
		expect(notAlreadySynced(echoes)).toEqual([]);
		expect(writes()).toEqual(synced);
		expect([ticket(ticketId).status, taskStatusName(taskId)]).toEqual(['resolved', 'Done']);
	});

	it('a task done in awork sets the ticket; the PSA echo and awork replays at once write nothing', async () => {
		const { ticketId, taskId } = pairs.taskFirst;
		const before = writes();
		const task = store().tasks.get(taskId)!;
		const done = [...store().taskStatuses.values()].find((status) => status.projectId === task.projectId && status.name === 'Done')!;
		Object.assign(task, { taskStatusId: done.id, closedOn: new Date().toISOString() });
		store().changed();
		await deliverTaskStatusChanged(taskId);
		expect((await settle()).map((run) => run.outcome)).toEqual(['task: set ticket status']);
		expect(ticket(ticketId).status).toBe('closed');
		const synced = writes();
		expect(synced.psa.slice(before.psa.length)).toEqual([`PATCH /api/tickets/${ticketId} {"status":"closed"}`]);
		expect(synced.awork).toEqual(before.awork);

		expect(notAlreadySynced(await echoesAndReplaysAtOnce(ticketId, taskId))).toEqual([]);
		expect(writes()).toEqual(synced);
		expect([ticket(ticketId).status, taskStatusName(taskId)]).toEqual(['closed', 'Done']);
	});

	it('5 updates of one resolved ticket at once, on both workers: no error, the ticket untouched, the task done, echoes write nothing more', async () => {
		const { ticketId, taskId } = pairs.concurrent;
		const before = writes();
		Object.assign(ticket(ticketId), { status: 'resolved' });
		// Five distinct updates (byte-identical ones would be dropped by the trigger as repeats).
		const resolvedAt = Date.now();
		await Promise.all([1, 2, 3, 4, 5].map(async (second) => await sendTicketUpdated(ticketId, { updatedAt: new Date(resolvedAt + second * 1000).toISOString() })));
		const runs = await settle();
		expect(runs.filter((run) => run.outcome.startsWith('ticket:'))).toHaveLength(5);
		process.stdout.write(`status sync, 5 updates of one resolution at once in queue mode: ${runs.map((run) => `${run.outcome} @${run.worker}`).join('; ')}\n`);
		expect(runs.filter((run) => run.outcome.includes('error') || run.outcome.includes('?'))).toEqual([]);
		expect(taskStatusName(taskId)).toBe('Done');
		const after = writes();
		expect(after.psa).toEqual(before.psa);
		// Runs that read the task before any of them moved it each move it (same status, harmless).
		const moves = after.awork.slice(before.awork.length);
		expect(moves.length).toBeGreaterThanOrEqual(1);
		expect(new Set(moves)).toEqual(new Set(['POST /api/v1/tasks/changestatuses']));

		await Promise.all([deliverTaskStatusChanged(taskId), sendTicketUpdated(ticketId)]);
		expect((await settle()).map((run) => run.outcome).sort()).toEqual(['task: already synced', 'ticket: already synced']);
		expect(writes()).toEqual(after);
	});

	it('ran every execution above on a worker, and on both of them', () => {
		expect(ranOn.length).toBeGreaterThanOrEqual(10);
		expect(ranOn.filter((worker) => worker === undefined)).toEqual([]);
		expect(new Set(ranOn).size).toBe(2);
	});
});
