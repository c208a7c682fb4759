/**
 * The Awork Trigger in real n8n against the fake awork: activation registers a secured webhook,
 * authentic deliveries start executions, forged ones get 401 and start nothing, a restart or a
 * crash keeps the registration, deactivation removes it.
 */
import { startFakeAwork, type RunningFakeAwork } from '../../devkit/fakes/awork';
import { httpRequest, nodeOutput, startN8n, type N8nInstance } from '../../devkit/n8n';
import { testWorkflow } from './workflows';

const WEBHOOK_ID = '0f3c2f8e-6b1a-4c55-9a8e-1d2b3c4d5e6f';
const SECRET_HEADER = 'x-awork-webhook-secret';

interface Delivery {
	webhookId: string;
	url: string;
	status: number;
	error?: string;
}

describe('Awork Trigger in real n8n', () => {
	let awork: RunningFakeAwork;
	let n8n: N8nInstance;
	let workflowId: string;

	const webhooks = () => [...awork.fake.store.webhooks.values()] as Array<Record<string, unknown>>;

	async function deliver(body: Record<string, unknown>): Promise<Delivery[]> {
		const response = await httpRequest<{ deliveries: Delivery[] }>('POST', `${awork.controlUrl}/webhooks/deliver`, { body });
		expect(response.status).toBe(200);
		return response.body.deliveries;
	}

	beforeAll(async () => {
		awork = await startFakeAwork();
		n8n = await startN8n({ label: 'awork-trigger' });
		const credentialId = await n8n.createCredential({
			name: 'awork (fake)',
			type: 'aworkPsaApi',
			data: { apiKey: awork.fake.apiKey, baseUrl: awork.baseUrl },
		});
		workflowId = await n8n.importWorkflow(testWorkflow('awork-trigger.json'), { credentials: { aworkPsaApi: credentialId } });
	});

	afterAll(async () => {
		await n8n?.stop();
		await awork?.close();
	});

	it('registers one awork webhook with a secret header when the workflow is activated', async () => {
		await n8n.activateWorkflow(workflowId);

		const registered = webhooks();
		expect(registered).toHaveLength(1);
		expect(registered[0]).toMatchObject({
			uri: n8n.webhookUrl(`${WEBHOOK_ID}/webhook`),
			events: 'task_added,timetracking_added',
			isActive: true,
			authenticationType: 'header',
		});
		expect(String(registered[0].authentication)).toMatch(new RegExp(`^${SECRET_HEADER}=[0-9a-f]{64}$`));
		// The registration went through the credential: awork saw the API key.
		const post = awork.fake.server.log.find((entry) => entry.method === 'POST' && entry.path.endsWith('/webhooks'));
		expect(post?.headers.authorization).toBe(`Bearer ${awork.fake.apiKey}`);
		// n8n keeps id and secret in the node's static data.
		const staticData = await n8n.getStaticData(workflowId);
		expect(JSON.stringify(staticData)).toContain(String(registered[0].id));
	});

	it('starts an execution with the awork payload for an authentic delivery', async () => {
		const [delivery] = await deliver({ eventType: 'task_added', entity: { id: 'task-1', name: 'Write the offer' } });
		expect(delivery.status).toBe(200);

		const [execution] = await n8n.waitForExecutions(workflowId, 1);
		expect(execution.mode).toBe('webhook');
		const [item] = nodeOutput(execution, 'Received');
		expect(item).toMatchObject({ eventType: 'task_added', entityId: 'task-1', entity: { name: 'Write the offer' } });
	});

	it('answers 401 to deliveries without or with a wrong secret and starts nothing', async () => {
		const missing = await deliver({ eventType: 'task_added', entity: { id: 'forged-1' }, auth: 'missing' });
		const wrong = await deliver({ eventType: 'task_added', entity: { id: 'forged-2' }, auth: 'wrong' });
		expect(missing.map((d) => d.status)).toEqual([401]);
		expect(wrong.map((d) => d.status)).toEqual([401]);
		const direct = await httpRequest('POST', n8n.webhookUrl(`${WEBHOOK_ID}/webhook`), {
			body: { eventType: 'task_added', entity: { id: 'forged-3' } },
		});
		expect(direct.status).toBe(401);

		// One more authentic delivery: once its execution is there, any forged one would be too.
		await deliver({ eventType: 'timetracking_added', entity: { id: 'time-1' } });
		const executions = await n8n.waitForExecutions(workflowId, 2);
		expect(executions).toHaveLength(2);
		const entityIds = executions.map((execution) => nodeOutput(execution, 'Received')[0]?.entityId);
		expect(entityIds.sort()).toEqual(['task-1', 'time-1']);
	});

	it('keeps the same webhook and secret across an n8n restart', async () => {
		const before = webhooks().map((hook) => hook.id);
		await n8n.restart();

		expect(webhooks().map((hook) => hook.id)).toEqual(before);
		const [delivery] = await deliver({ eventType: 'task_added', entity: { id: 'after-restart' } });
		expect(delivery.status).toBe(200);
		const executions = await n8n.waitForExecutions(workflowId, 3);
		expect(nodeOutput(executions[0], 'Received')[0]).toMatchObject({ entityId: 'after-restart' });
	});

	it('still receives events after n8n was killed (SIGKILL) and started again', async () => {
		const before = webhooks().map((hook) => hook.id);
		const pid = n8n.pid;
		await n8n.kill('SIGKILL');
		expect(n8n.running).toBe(false);
		await n8n.start();
		expect(n8n.pid).not.toBe(pid);

		expect(webhooks().map((hook) => hook.id)).toEqual(before);
		const [delivery] = await deliver({ eventType: 'timetracking_added', entity: { id: 'after-crash' } });
		expect(delivery.status).toBe(200);
		const executions = await n8n.waitForExecutions(workflowId, 4);
		expect(nodeOutput(executions[0], 'Received')[0]).toMatchObject({ entityId: 'after-crash' });
	});

	it('deletes the awork webhook when the workflow is deactivated', async () => {
		const [id] = webhooks().map((hook) => hook.id);
		await n8n.deactivateWorkflow(workflowId);

		expect(webhooks()).toHaveLength(0);
		expect(awork.fake.server.log.some((entry) => entry.method === 'DELETE' && entry.path.endsWith(`/webhooks/${id}`))).toBe(true);
		expect(JSON.stringify(await n8n.getStaticData(workflowId))).not.toContain(String(id));
	});
});
