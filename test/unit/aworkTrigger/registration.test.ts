import { AworkTrigger } from '../../../nodes/AworkTrigger/AworkTrigger.node';
import { AWORK_SECRET_HEADER } from '../../../nodes/AworkTrigger/webhookSecret';
import { hookContext, StubAworkWebhooks } from './hookContext';

const trigger = new AworkTrigger();
const methods = trigger.webhookMethods.default;
const URL = 'http://n8n.test/webhook/abc/webhook';

describe('Awork Trigger registration', () => {
	it('registers one header-secured webhook for the chosen events and keeps id and secret', async () => {
		const awork = new StubAworkWebhooks();
		const context = hookContext({ awork, parameters: { events: ['timetracking_updated', 'timetracking_added'] } });

		expect(await methods.checkExists.call(context)).toBe(false);
		expect(await methods.create.call(context)).toBe(true);

		const registered = [...awork.webhooks.values()];
		expect(registered).toHaveLength(1);
		const [webhook] = registered;
		expect(webhook).toMatchObject({
			uri: URL,
			events: 'timetracking_added,timetracking_updated',
			isActive: true,
			authenticationType: 'header',
			name: 'n8n: Invoicing',
		});
		const secret = context.staticData.webhookSecret as string;
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(webhook.authentication).toBe(`${AWORK_SECRET_HEADER}=${secret}`);
		expect(context.staticData.webhookId).toBe(webhook.id);
		expect(awork.requests.every((r) => r.credentialType === 'aworkPsaApi')).toBe(true);
	});

	it('uses the OAuth2 credential when the node is set to OAuth2', async () => {
		const awork = new StubAworkWebhooks();
		const context = hookContext({ awork, parameters: { authentication: 'oAuth2' } });
		await methods.create.call(context);
		expect(awork.requests.map((r) => r.credentialType)).toEqual(['aworkPsaOAuth2Api']);
	});

	it('finds its webhook again after a restart and registers nothing new', async () => {
		const awork = new StubAworkWebhooks();
		const first = hookContext({ awork });
		await methods.create.call(first);
		const afterRestart = hookContext({ awork, staticData: { ...first.staticData } });

		expect(await methods.checkExists.call(afterRestart)).toBe(true);
		expect(awork.webhooks.size).toBe(1);
		expect(awork.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('replaces the webhook when the events changed', async () => {
		const awork = new StubAworkWebhooks();
		const first = hookContext({ awork, parameters: { events: ['task_added'] } });
		await methods.create.call(first);
		const oldId = first.staticData.webhookId as string;

		const changed = hookContext({ awork, parameters: { events: ['task_updated'] }, staticData: first.staticData });
		expect(await methods.checkExists.call(changed)).toBe(false);
		expect(awork.webhooks.has(oldId)).toBe(false);
		expect(changed.staticData.webhookId).toBeUndefined();
		await methods.create.call(changed);
		expect([...awork.webhooks.values()].map((w) => w.events)).toEqual(['task_updated']);
	});

	it('forgets a webhook that was deleted in awork and registers a new one', async () => {
		const awork = new StubAworkWebhooks();
		const context = hookContext({ awork, staticData: { webhookId: 'gone-id', webhookSecret: 'old' } });
		expect(await methods.checkExists.call(context)).toBe(false);
		expect(context.staticData).toEqual({});
		await methods.create.call(context);
		expect(awork.webhooks.size).toBe(1);
	});

	it('removes a webhook for its URL whose secret it no longer knows, but leaves other webhooks alone', async () => {
		const awork = new StubAworkWebhooks();
		awork.add({ uri: URL });
		const other = awork.add({ uri: 'https://elsewhere.test/hook' });
		const context = hookContext({ awork });

		expect(await methods.checkExists.call(context)).toBe(false);
		expect([...awork.webhooks.keys()]).toEqual([other.id]);
	});

	it('finds every orphan for its URL when awork holds more webhooks than one default page (10)', async () => {
		const awork = new StubAworkWebhooks();
		const others = Array.from({ length: 10 }, (_, n) => awork.add({ uri: `https://elsewhere.test/hook/${n}` }));
		awork.add({ uri: URL });
		awork.add({ uri: URL });
		const context = hookContext({ awork });

		expect(await methods.checkExists.call(context)).toBe(false);
		expect([...awork.webhooks.keys()].sort()).toEqual(others.map((webhook) => webhook.id).sort());
		await methods.create.call(context);
		expect([...awork.webhooks.values()].filter((webhook) => webhook.uri === URL)).toHaveLength(1);
	});

	it('reads the webhook list page by page past 1000, and asks no page twice', async () => {
		const awork = new StubAworkWebhooks();
		for (let n = 0; n < 1003; n++) awork.add({ uri: `https://elsewhere.test/hook/${n}` });
		const orphan = awork.add({ uri: URL });
		const context = hookContext({ awork });

		expect(await methods.checkExists.call(context)).toBe(false);
		expect(awork.webhooks.has(orphan.id)).toBe(false);
		expect(awork.webhooks.size).toBe(1003);
		const pages = awork.requests.filter((request) => request.method === 'GET' && request.url.endsWith('/webhooks')).map((request) => request.qs);
		expect(pages).toEqual([
			{ page: 1, pageSize: 1000 },
			{ page: 2, pageSize: 1000 },
		]);
	});

	it('deletes its webhook on deactivation and clears the secret', async () => {
		const awork = new StubAworkWebhooks();
		const context = hookContext({ awork });
		await methods.create.call(context);
		const id = context.staticData.webhookId as string;

		expect(await methods.delete.call(context)).toBe(true);
		expect(awork.webhooks.size).toBe(0);
		expect(awork.requests.at(-1)).toMatchObject({ method: 'DELETE', url: `${awork.baseUrl}/webhooks/${id}` });
		expect(context.staticData).toEqual({});
	});

	it('treats a webhook already deleted in awork as deleted', async () => {
		const awork = new StubAworkWebhooks();
		const context = hookContext({ awork, staticData: { webhookId: 'gone-id', webhookSecret: 's' } });
		await expect(methods.delete.call(context)).resolves.toBe(true);
		expect(context.staticData).toEqual({});
	});

	it('refuses to activate without events, naming the parameter', async () => {
		const awork = new StubAworkWebhooks();
		const context = hookContext({ awork, parameters: { events: [] } });
		await expect(methods.create.call(context)).rejects.toThrow('"Events"');
		expect(awork.webhooks.size).toBe(0);
	});

	it('uses the webhook name option when set', async () => {
		const awork = new StubAworkWebhooks();
		const context = hookContext({ awork, parameters: { options: { webhookName: 'Billing sync', onlyMainEntityChanges: true } } });
		await methods.create.call(context);
		expect([...awork.webhooks.values()][0]).toMatchObject({ name: 'Billing sync', onlyTriggerForMainEntityChanges: true });
	});
});
