/**
 * The One PSA Trigger in real n8n: a correctly signed webhook starts the workflow; a wrong,
 * missing or tampered signature gets 401 and starts nothing; events not selected are
 * acknowledged without a run; a credential without webhook secret cannot be activated.
 * What a valid signature does not prove: a signed delivery outside the replay window, for another
 * tenant, or naming its event only in the unsigned header is refused; the same delivery again is
 * answered as a duplicate without a run; a trigger with its own Webhook Secret credential checks
 * with that secret.
 * Also runs n8n's own credential test, and the OnePsa node's export, against the fake PSA.
 */
import { sendSignedWebhook, signPsaBody, startFakeOnePsa, webhookEnvelope, type RunningFakeOnePsa } from '../../devkit/fakes/onepsa';
import { loadWorkflow, nodeOutput, startN8n, type N8nInstance } from '../../devkit/n8n';
import { testWorkflow } from './workflows';

const WEBHOOK_ID = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d';
const SECRET = 'whsec_e2e_0123456789';

const approval = {
	quoteId: 'q-100',
	number: 'Q-100',
	title: 'Website relaunch',
	companyId: 'cmp_acme',
	companyName: 'Acme',
	approvedAt: '2024-05-01T10:00:00Z',
	lines: [{ id: 'l1', title: 'Design', hours: 12 }],
	url: 'https://psa.example/quotes/q-100',
};

describe('One PSA Trigger in real n8n', () => {
	let psa: RunningFakeOnePsa;
	let n8n: N8nInstance;
	let credentialId: string;
	let workflowId: string;
	const url = () => n8n.webhookUrl(`${WEBHOOK_ID}/onepsa`);

	beforeAll(async () => {
		psa = await startFakeOnePsa();
		n8n = await startN8n({ label: 'onepsa-trigger' });
		credentialId = await n8n.createCredential({
			name: 'The One PSA (fake)',
			type: 'onePsaApi',
			data: { tenantId: 'tenant-1', apiUrl: psa.baseUrl, integrationKey: 'psa-integration-key', apiKey: '', webhookSecret: SECRET },
		});
		workflowId = await n8n.importWorkflow(testWorkflow('onepsa-trigger.json'), { credentials: { onePsaApi: credentialId } });
		await n8n.activateWorkflow(workflowId);
	});

	afterAll(async () => {
		await n8n?.stop();
		await psa?.close();
	});

	it('n8n\'s credential test calls GET /api/contracts?pageSize=1 with the keys', async () => {
		expect(await n8n.testCredential(credentialId, { type: 'onePsaApi' })).toMatchObject({ status: 'OK' });
		const call = psa.fake.log.find((entry) => entry.path === '/api/contracts');
		expect(call).toMatchObject({ method: 'GET', query: { pageSize: '1' }, status: 200, headers: { 'x-tenant-id': 'tenant-1' } });
		const wrong = await n8n.testCredential(credentialId, { type: 'onePsaApi', data: { integrationKey: 'wrong' } });
		expect(wrong.status).toBe('Error');
	});

	it('starts the workflow with the event for a correctly signed webhook', async () => {
		const answer = await sendSignedWebhook(url(), SECRET, 'quote.approved', approval);
		expect(answer.status).toBe(200);

		const [execution] = await n8n.waitForExecutions(workflowId, 1);
		expect(execution.mode).toBe('webhook');
		expect(nodeOutput(execution, 'Received')[0]).toMatchObject({ event: 'quote.approved', tenantId: 'tenant-1', data: approval });
	});

	it('answers 401 to a wrong, missing or tampered signature and 400 to a signed non-event, starting nothing', async () => {
		const wrong = await sendSignedWebhook(url(), 'not-the-secret', 'quote.approved', { ...approval, quoteId: 'forged-1' });
		const missing = await sendSignedWebhook(url(), SECRET, 'quote.approved', { ...approval, quoteId: 'forged-2' }, { signature: null });
		const tampered = await sendSignedWebhook(url(), SECRET, 'quote.approved', { ...approval, quoteId: 'forged-3' }, { tamper: true });
		const garbage = await sendSignedWebhook(url(), SECRET, 'quote.approved', {}, { signature: 'sha256=xyz' });
		expect([wrong.status, missing.status, tampered.status, garbage.status]).toEqual([401, 401, 401, 401]);
		expect(tampered.json).toEqual({ error: 'X-PSA-Signature does not match the body' });

		const notAnEvent = await sendSignedWebhook(url(), SECRET, 'quote.approved', {}, { rawBody: 'hello', contentType: 'text/plain' });
		expect(notAnEvent.status).toBe(400);

		// An event the workflow does not listen to: acknowledged, no run.
		const ignored = await sendSignedWebhook(url(), SECRET, 'deal.won', { dealId: 'd1' });
		expect(ignored.status).toBe(200);
		expect(ignored.json).toMatchObject({ received: true, ignored: true, event: 'deal.won' });

		// One more good delivery: once its execution exists, any forged one would exist too.
		const good = await sendSignedWebhook(url(), SECRET, 'ticket.created', { id: 'tkt_9' });
		expect(good.status).toBe(200);
		const executions = await n8n.waitForExecutions(workflowId, 2);
		expect(executions).toHaveLength(2);
		expect(executions.map((execution) => nodeOutput(execution, 'Received')[0]?.event).sort()).toEqual(['quote.approved', 'ticket.created']);
	});

	it('answers with the last node\'s data when asked to respond when the last node finishes', async () => {
		const workflow = loadWorkflow(testWorkflow('onepsa-trigger.json'));
		const trigger = workflow.nodes[0];
		trigger.webhookId = '2b3c4d5e-6f7a-4b8c-9d0e-2f3a4b5c6d7e';
		trigger.parameters.responseMode = 'lastNode';
		const id = await n8n.importWorkflow(workflow, { credentials: { onePsaApi: credentialId } });
		await n8n.activateWorkflow(id);

		const answer = await sendSignedWebhook(n8n.webhookUrl(`${trigger.webhookId}/onepsa`), SECRET, 'quote.approved', approval);
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ event: 'quote.approved', data: { quoteId: 'q-100' } });
		await n8n.deactivateWorkflow(id);
	});

	it('refuses to activate with a credential that has no webhook secret', async () => {
		const openDoor = await n8n.createCredential({
			name: 'The One PSA (no secret)',
			type: 'onePsaApi',
			data: { tenantId: 'tenant-1', apiUrl: psa.baseUrl, integrationKey: 'psa-integration-key', apiKey: '', webhookSecret: '' },
		});
		const workflow = loadWorkflow(testWorkflow('onepsa-trigger.json'));
		workflow.nodes[0].webhookId = '3c4d5e6f-7a8b-4c9d-8e1f-3a4b5c6d7e8f';
		const id = await n8n.importWorkflow(workflow, { credentials: { onePsaApi: openDoor } });
		const status = await n8n.activateWorkflow(id, { allowFailure: true });
		expect(status?.status).not.toBe('published');
		expect(JSON.stringify(status)).toMatch(/no Webhook Secret/);
	});

	describe('what a valid signature does not prove', () => {
		const REPLAY_WEBHOOK_ID = '4d5e6f7a-8b9c-4d0e-9f1a-4b5c6d7e8f90';
		let replayWorkflowId: string;
		const replayUrl = () => n8n.webhookUrl(`${REPLAY_WEBHOOK_ID}/onepsa`);
		/** Posts exactly these bytes, signed, as the PSA (or someone who recorded it) would. */
		const post = async (body: string, headers: Record<string, string> = {}) => {
			const response = await fetch(replayUrl(), {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-psa-signature': signPsaBody(SECRET, body), ...headers },
				body,
			});
			return { status: response.status, json: (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined };
		};
		const runs = async () => (await n8n.listExecutions(replayWorkflowId, { includeData: false })).length;

		beforeAll(async () => {
			const workflow = loadWorkflow(testWorkflow('onepsa-trigger.json'));
			workflow.nodes[0].webhookId = REPLAY_WEBHOOK_ID;
			replayWorkflowId = await n8n.importWorkflow(workflow, { credentials: { onePsaApi: credentialId } });
			await n8n.activateWorkflow(replayWorkflowId);
		});

		it('refuses a signed delivery from 2001, one for another tenant, and one whose event is only in the header; none runs', async () => {
			const stale = await post(webhookEnvelope('quote.approved', approval, { occurredAt: '2001-09-09T01:46:40Z' }));
			expect(stale.status).toBe(400);
			expect(stale.json?.error).toMatch(/"occurredAt" 2001-09-09T01:46:40Z is \d+ years before this server's clock, outside the 15-minute Replay Window/);

			const foreign = await post(webhookEnvelope('quote.approved', approval, { tenantId: 'tenant-2' }));
			expect(foreign.status).toBe(403);
			expect(foreign.json?.error).toBe('The delivery is for tenant "tenant-2", but this trigger\'s The One PSA API credential is for tenant "tenant-1"');

			const headerOnly = await post(JSON.stringify({ tenantId: 'tenant-1', occurredAt: new Date().toISOString(), data: approval }), {
				'x-psa-event': 'quote.approved',
			});
			expect(headerOnly.status).toBe(400);
			expect(headerOnly.json?.error).toMatch(/signed body names no "event"/);

			// One good delivery: once its run exists, a run of a refused one would exist too.
			expect((await post(webhookEnvelope('ticket.created', { id: 'tkt_1' }))).status).toBe(200);
			const [only, ...more] = await n8n.waitForExecutions(replayWorkflowId, 1);
			expect(more).toEqual([]);
			expect(only).toBeDefined();
		});

		it('answers the same signed delivery again, in a row and 3 at once, as a duplicate without a run', async () => {
			const before = await runs();
			const body = webhookEnvelope('quote.approved', { ...approval, quoteId: 'q-replayed' });
			expect(await post(body)).toMatchObject({ status: 200 });
			await n8n.waitForExecutions(replayWorkflowId, before + 1);
			const again = [await post(body), ...(await Promise.all([post(body), post(body), post(body)]))];
			expect(again.map((answer) => [answer.status, answer.json])).toEqual(
				Array(4).fill([200, { received: true, duplicate: true, event: 'quote.approved' }]),
			);
			// A new delivery still runs; once its run exists, a run of a repeat would exist too.
			expect((await post(webhookEnvelope('quote.approved', { ...approval, quoteId: 'q-new' }))).status).toBe(200);
			await n8n.waitForExecutions(replayWorkflowId, before + 2);
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect(await runs()).toBe(before + 2);
		});

		it('checks with the trigger\'s own Webhook Secret credential when "Webhook Secret From" says so', async () => {
			const ownSecret = 'whsec_second_webhook_in_hub';
			const own = await n8n.createCredential({ name: 'Hub webhook: status sync', type: 'onePsaWebhookApi', data: { webhookSecret: ownSecret } });
			const workflow = loadWorkflow(testWorkflow('onepsa-trigger.json'));
			const trigger = workflow.nodes[0];
			trigger.webhookId = '5e6f7a8b-9c0d-4e1f-8a2b-5c6d7e8f9a01';
			trigger.parameters.secretSource = 'webhookCredential';
			trigger.credentials = { ...trigger.credentials, onePsaWebhookApi: { id: '', name: '' } };
			const id = await n8n.importWorkflow(workflow, { credentials: { onePsaApi: credentialId, onePsaWebhookApi: own } });
			await n8n.activateWorkflow(id);
			const ownUrl = n8n.webhookUrl(`${trigger.webhookId}/onepsa`);

			const good = await sendSignedWebhook(ownUrl, ownSecret, 'quote.approved', approval);
			expect(good.status).toBe(200);
			const shared = await sendSignedWebhook(ownUrl, SECRET, 'quote.approved', { ...approval, quoteId: 'other-secret' });
			expect(shared.status).toBe(401);
			const [execution, ...more] = await n8n.waitForExecutions(id, 1);
			expect(more).toEqual([]);
			expect(nodeOutput(execution, 'Received')[0]).toMatchObject({ event: 'quote.approved', data: { quoteId: 'q-100' } });
			expect(await n8n.testCredential(own, { type: 'onePsaWebhookApi' })).toMatchObject({ status: 'OK' });
			await n8n.deactivateWorkflow(id);
		});
	});

	it('the OnePsa node exports awork time entries once, in batches or one by one', async () => {
		psa.fake.seed({
			contracts: [
				{ id: 'ctr_batch', number: 'C-1' },
				{ id: 'ctr_single', number: 'C-2', supportsBatch: false },
			],
		});
		psa.fake.log.length = 0;
		const exportId = await n8n.importWorkflow(testWorkflow('onepsa-export.json'), { credentials: { onePsaApi: credentialId } });

		const first = await n8n.executeWorkflowCli(exportId);
		expect(first.ok).toBe(true);
		expect(nodeOutput(first.result, 'Export').map((item) => [item.externalId, item.status, item.hours])).toEqual([
			['aw-1', 'created', 1],
			['aw-2', 'created', 1.5],
			['aw-3', 'created', 0.25],
		]);
		expect(psa.fake.log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
			'POST /api/contracts/ctr_batch/time-entries/batch 207',
			'POST /api/contracts/ctr_single/time-entries/batch 404',
			'GET /api/contracts/ctr_single 200',
			'POST /api/contracts/ctr_single/time-entries 201',
		]);

		const second = await n8n.executeWorkflowCli(exportId);
		expect(second.ok).toBe(true);
		expect(nodeOutput(second.result, 'Export').map((item) => item.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
		expect(psa.fake.state().timeEntries.map((entry) => entry.externalId).sort()).toEqual(['aw-1', 'aw-2', 'aw-3']);
	});
});
