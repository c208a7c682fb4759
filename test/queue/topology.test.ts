/**
 * The queue-mode topology itself (devkit/n8n/queue): Postgres, Redis, one main and 2 workers.
 * - a production webhook is taken by the main, enqueued, and run by exactly one worker, never by
 *   the main; the execution is stored in Postgres with its run data;
 * - 10 executions at once are spread over both workers (each worker runs at most 5 at a time),
 *   and each runs exactly once;
 * - claims in workflow static data live in each worker's process: two workers each grant one
 *   (what the README says; use the Data Table store with more than one worker);
 * - with one worker killed, the other runs everything;
 * - start-up time of each part is reported.
 */
import { randomUUID } from 'node:crypto';

import { httpRequest, type WorkflowJson } from '../../devkit/n8n';
import { startQueueTopology, type QueueTopology } from '../../devkit/n8n/queue';

const WEBHOOK_PATH = randomUUID();

/** Webhook -> Wait 2 s -> Set {executionId}; the webhook answers with the last node's item. */
const workflow: WorkflowJson = {
	name: 'queue: who runs me',
	nodes: [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: WEBHOOK_PATH,
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
		},
		{
			// Long enough that 10 deliveries overlap: more than one worker's 5 slots.
			name: 'Wait',
			type: 'n8n-nodes-base.wait',
			typeVersion: 1.1,
			position: [220, 0],
			webhookId: randomUUID(),
			parameters: { resume: 'timeInterval', amount: 2, unit: 'seconds' },
		},
		{
			name: 'Answer',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [440, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{ id: 'a1', name: 'executionId', value: '={{ $execution.id }}', type: 'string' },
						{ id: 'a2', name: 'delivery', value: "={{ $('Webhook').item.json.body.delivery }}", type: 'number' },
					],
				},
				options: {},
			},
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
		Wait: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

const CLAIM_PATH = randomUUID();

/**
 * Webhook -> Wait 2 s -> ID Mapping Claim Take with the static-data store -> answer. Each
 * worker is its own process, so each keeps its own static-data claims.
 */
const staticDataClaimWorkflow: WorkflowJson = {
	name: 'queue: static-data claim',
	nodes: [
		{
			...workflow.nodes[0],
			webhookId: CLAIM_PATH,
			parameters: { httpMethod: 'POST', path: CLAIM_PATH, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
		},
		{ ...workflow.nodes[1], webhookId: randomUUID() },
		{
			name: 'Take Claim',
			type: 'n8n-nodes-awork-psa.idMapping',
			typeVersion: 1,
			position: [440, 0],
			parameters: { store: 'staticData', resource: 'claim', operation: 'take', claimName: 'one-at-a-time', leaseSeconds: 300 },
		},
		{ ...workflow.nodes[2], position: [660, 0] },
	],
	connections: {
		Webhook: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] },
		Wait: { main: [[{ node: 'Take Claim', type: 'main', index: 0 }]] },
		'Take Claim': { main: [[{ node: 'Answer', type: 'main', index: 0 }], [{ node: 'Answer', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

describe('n8n in queue mode: one main and 2 workers on Postgres and Redis', () => {
	let queue: QueueTopology;
	let workflowId: string;

	const deliver = async (delivery: number) =>
		await httpRequest<{ executionId: string; delivery: number }>('POST', queue.main.webhookUrl(WEBHOOK_PATH), { body: { delivery } });
	/** Names of the workers whose logs say they started the execution. */
	const runners = (executionId: string) => queue.workers.filter((worker) => worker.startedExecutions().includes(executionId)).map((worker) => worker.name);

	beforeAll(async () => {
		queue = await startQueueTopology({ label: 'topology' });
		const { postgresMs, redisMs, mainMs, workersMs, totalMs } = queue.startup;
		process.stdout.write(
			`queue topology ready in ${(totalMs / 1000).toFixed(1)} s: Postgres ${postgresMs} ms, Redis ${redisMs} ms, main ${mainMs} ms, 2 workers ${workersMs} ms\n`,
		);
		workflowId = await queue.main.importWorkflow(workflow);
		await queue.main.activateWorkflow(workflowId);
	});

	afterAll(async () => {
		await queue?.stop();
	});

	it('runs a production webhook on exactly one worker: the main enqueues it and does not run it', async () => {
		const answer = await deliver(1);
		expect(answer.status).toBe(200);
		const { executionId } = answer.body;
		expect(answer.body.delivery).toBe(1);

		expect(queue.main.log()).toContain(`Enqueued execution ${executionId} (job`);
		expect(queue.main.log()).not.toMatch(new RegExp(`Worker started execution ${executionId} `));
		expect(runners(executionId)).toHaveLength(1);

		// Stored in Postgres by the worker, with its run data, readable through the main.
		const stored = await queue.main.getExecution(executionId);
		expect([stored.status, stored.mode, stored.workflowId]).toEqual(['success', 'webhook', workflowId]);
		expect(Object.keys(stored.data?.resultData.runData ?? {}).sort()).toEqual(['Answer', 'Wait', 'Webhook']);
	});

	it('spreads 10 executions at once over both workers, each run exactly once', async () => {
		const answers = await Promise.all(Array.from({ length: 10 }, async (_, index) => await deliver(100 + index)));
		expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
		// Each delivery got its own execution's answer.
		expect(answers.map((answer) => answer.body.delivery)).toEqual(Array.from({ length: 10 }, (_, index) => 100 + index));
		const ids = answers.map((answer) => answer.body.executionId);
		expect(new Set(ids).size).toBe(10);

		const ranOn = ids.map((id) => runners(id));
		expect(ranOn.filter((names) => names.length !== 1)).toEqual([]);
		const perWorker = queue.workers.map((worker) => ranOn.filter(([name]) => name === worker.name).length);
		process.stdout.write(`queue topology: 10 concurrent executions per worker: ${perWorker.join(' + ')}\n`);
		expect(perWorker.every((count) => count >= 1)).toBe(true);
		expect(perWorker.reduce((sum, count) => sum + count, 0)).toBe(10);
		for (const id of ids) expect(queue.main.log()).toContain(`Enqueued execution ${id} (job`);
	});

	it('keeps static-data claims per worker process: of 10 takers at once on 2 workers, one per worker gets the claim', async () => {
		const claimWorkflowId = await queue.main.importWorkflow(staticDataClaimWorkflow);
		await queue.main.activateWorkflow(claimWorkflowId);
		const url = queue.main.webhookUrl(CLAIM_PATH);
		const answers = await Promise.all(
			Array.from({ length: 10 }, async (_, index) => await httpRequest<{ executionId: string }>('POST', url, { body: { delivery: index } })),
		);
		expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
		const executions = await Promise.all(answers.map(async (answer) => await queue.main.getExecution(answer.body.executionId)));
		const claimedOn = executions
			.filter((execution) => (execution.data?.resultData.runData['Take Claim']?.[0]?.data?.main?.[0] ?? []).length === 1)
			.map((execution) => runners(execution.id)[0]);
		process.stdout.write(`static-data claim, 10 takers at once on 2 workers: claimed on ${claimedOn.join(', ')}\n`);
		// One holder per process, so two at once: this store cannot make one of several workers go on.
		expect(claimedOn.sort()).toEqual(queue.workers.map((worker) => worker.name).sort());
	});

	it('keeps running the queue with one worker left when the other is killed', async () => {
		const [first, second] = queue.workers;
		await second.kill();
		const before = second.startedExecutions().length;
		const answers = await Promise.all([1, 2, 3].map(async (index) => await deliver(200 + index)));
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
		for (const answer of answers) expect(runners(answer.body.executionId)).toEqual([first.name]);
		expect(second.startedExecutions()).toHaveLength(before);
	});
});
