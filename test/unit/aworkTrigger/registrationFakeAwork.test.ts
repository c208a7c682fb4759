/**
 * The trigger's registration against the fake awork, which pages GET /webhooks exactly as awork
 * does (10 per page unless asked, aw-totalitems): orphans past the first page are found too.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { AworkTrigger } from '../../../nodes/AworkTrigger/AworkTrigger.node';
import { DEFAULT_API_KEY, startFakeAwork, type RunningFakeAwork } from '../../../devkit/fakes/awork';
import { NODE } from './hookContext';

const URL = 'http://n8n.test/webhook/abc/webhook';
const methods = new AworkTrigger().webhookMethods.default;

interface HttpOptions {
	method: string;
	url: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
}

/** A hook context whose HTTP really goes to the fake awork (the transport's full-response shape). */
function fakeAworkHookContext(awork: RunningFakeAwork, staticData: IDataObject = {}): IHookFunctions & { staticData: IDataObject } {
	const parameters: IDataObject = { authentication: 'apiKey', events: ['task_added'], options: {} };
	const httpRequest = async (options: HttpOptions) => {
		const url = new globalThis.URL(options.url);
		for (const [name, value] of Object.entries(options.qs ?? {})) url.searchParams.set(name, String(value));
		const response = await fetch(url, {
			method: options.method,
			headers: { ...options.headers, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		const text = await response.text();
		const headers: Record<string, string> = {};
		response.headers.forEach((value, name) => (headers[name] = value));
		return { statusCode: response.status, headers, body: text ? JSON.parse(text) : undefined };
	};
	return {
		staticData,
		getNode: () => ({ ...NODE, parameters }),
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => URL,
		getWorkflow: () => ({ id: 'wf1', name: 'Escalate', active: false }),
		getCredentials: async () => ({ apiKey: DEFAULT_API_KEY, baseUrl: awork.baseUrl }),
		helpers: { httpRequest, httpRequestWithAuthentication: async (_type: string, options: HttpOptions) => await httpRequest(options) },
	} as unknown as IHookFunctions & { staticData: IDataObject };
}

describe('Awork Trigger registration against the fake awork', () => {
	let awork: RunningFakeAwork;
	const webhooks = () => [...awork.fake.store.collections.webhooks.values()] as Array<{ id: string; uri: string }>;

	beforeAll(async () => {
		awork = await startFakeAwork();
	});

	afterAll(async () => {
		await awork.close();
	});

	it('removes orphans for its URL listed after the first 10 webhooks, and keeps the others', async () => {
		const register = async (uri: string) =>
			await fetch(`${awork.baseUrl}/webhooks`, {
				method: 'POST',
				headers: { authorization: `Bearer ${DEFAULT_API_KEY}`, 'content-type': 'application/json' },
				body: JSON.stringify({ name: 'other', uri, events: 'task_added', isActive: true, authenticationType: 'none' }),
			});
		for (let n = 0; n < 11; n++) expect((await register(`https://elsewhere.test/hook/${n}`)).status).toBe(200);
		await register(URL);
		await register(URL);
		// As awork answers by default: 10 of the 13, none of them an orphan.
		const firstPage = (await (await fetch(`${awork.baseUrl}/webhooks`, { headers: { authorization: `Bearer ${DEFAULT_API_KEY}` } })).json()) as Array<{ uri: string }>;
		expect(firstPage).toHaveLength(10);
		expect(firstPage.some((webhook) => webhook.uri === URL)).toBe(false);

		const context = fakeAworkHookContext(awork);
		expect(await methods.checkExists.call(context)).toBe(false);
		expect(webhooks().map((webhook) => webhook.uri).filter((uri) => uri === URL)).toEqual([]);
		expect(webhooks()).toHaveLength(11);

		await methods.create.call(context);
		const afterRestart = fakeAworkHookContext(awork, { ...context.staticData });
		expect(await methods.checkExists.call(afterRestart)).toBe(true);
		expect(webhooks().filter((webhook) => webhook.uri === URL)).toHaveLength(1);
	});
});
