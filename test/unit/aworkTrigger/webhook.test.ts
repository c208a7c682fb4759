import { AworkTrigger } from '../../../nodes/AworkTrigger/AworkTrigger.node';
import { AWORK_SECRET_HEADER } from '../../../nodes/AworkTrigger/webhookSecret';
import { webhookContext } from './hookContext';

const trigger = new AworkTrigger();
const secret = 'f'.repeat(64);
const staticData = { webhookId: 'w1', webhookSecret: secret };
const payload = { eventType: 'task_added', entityId: 't1', entity: { id: 't1', name: 'Write offer' } };

describe('Awork Trigger deliveries', () => {
	it('starts the workflow with the payload when the secret header matches', async () => {
		const { context, response } = webhookContext({ headers: { [AWORK_SECRET_HEADER]: secret }, body: payload, staticData });
		const result = await trigger.webhook.call(context);
		expect(result.workflowData).toEqual([[{ json: payload }]]);
		expect(response.status).toBeUndefined();
	});

	it.each([
		['no secret header', {}],
		['a wrong secret', { [AWORK_SECRET_HEADER]: 'e'.repeat(64) }],
	])('answers 401 and starts nothing for %s', async (_case, headers) => {
		const { context, response } = webhookContext({ headers, body: payload, staticData });
		const result = await trigger.webhook.call(context);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
	});

	it('answers 401 when the node has no stored secret (never registered)', async () => {
		const { context, response } = webhookContext({ headers: { [AWORK_SECRET_HEADER]: '' }, body: payload, staticData: {} });
		const result = await trigger.webhook.call(context);
		expect(result.workflowData).toBeUndefined();
		expect(response.status).toBe(401);
	});

	it('acknowledges but ignores an authentic event that is not selected', async () => {
		const { context, response } = webhookContext({
			headers: { [AWORK_SECRET_HEADER]: secret },
			body: { ...payload, eventType: 'task_deleted' },
			staticData,
			parameters: { events: ['task_added'] },
		});
		const result = await trigger.webhook.call(context);
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toEqual({ message: 'Ignored event task_deleted' });
		expect(response.status).toBeUndefined();
	});
});
