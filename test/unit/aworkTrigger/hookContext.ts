/**
 * Stand-ins for the contexts n8n gives a trigger: a hook context (activation/deactivation) whose
 * HTTP goes to a small in-memory awork webhooks API, and a webhook context for deliveries.
 * The real-n8n proof of the same behaviour is test/e2e/aworkTrigger.test.ts.
 */
import type { IDataObject, IHookFunctions, INode, IWebhookFunctions } from 'n8n-workflow';

export interface StubWebhook extends IDataObject {
	id: string;
	uri: string;
	events: string;
	authenticationType: string;
	authentication: string | null;
}

export interface StubRequest {
	method: string;
	url: string;
	qs?: IDataObject;
	body?: unknown;
	credentialType: string;
}

/** awork's list paging: `page` from 1, `pageSize` 10 unless asked (OpenAPI default), at most 1000. */
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
const positive = (value: unknown, fallback: number) => (Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback);

/** Just enough of awork's /webhooks endpoints: list (paged as awork pages), get, create, delete. */
export class StubAworkWebhooks {
	readonly webhooks = new Map<string, StubWebhook>();

	readonly requests: StubRequest[] = [];

	private nextId = 1;

	constructor(readonly baseUrl = 'http://awork.test/api/v1') {}

	add(webhook: Partial<StubWebhook> & { uri: string }): StubWebhook {
		const full: StubWebhook = {
			id: `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`,
			events: 'task_added',
			authenticationType: 'none',
			authentication: null,
			...webhook,
		};
		this.webhooks.set(full.id, full);
		return full;
	}

	handle(request: StubRequest): { statusCode: number; headers: IDataObject; body: unknown } {
		this.requests.push(request);
		const path = request.url.slice(this.baseUrl.length);
		const byId = /^\/webhooks\/([^/]+)$/.exec(path);
		const notFound = { statusCode: 404, headers: {}, body: { code: 'entity-not-found', description: 'Not found' } };
		if (path === '/webhooks' && request.method === 'GET') {
			const all = [...this.webhooks.values()];
			const page = positive(request.qs?.page, 1);
			const pageSize = Math.min(positive(request.qs?.pageSize, DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
			const slice = all.slice((page - 1) * pageSize, page * pageSize);
			const headers = { 'aw-page': String(page), 'aw-pagesize': String(pageSize), 'aw-items': String(slice.length), 'aw-totalitems': String(all.length) };
			return { statusCode: 200, headers, body: slice };
		}
		if (path === '/webhooks' && request.method === 'POST') {
			const body = request.body as Partial<StubWebhook>;
			return { statusCode: 200, headers: {}, body: this.add({ ...body, uri: String(body.uri) }) };
		}
		if (byId && request.method === 'GET') {
			const found = this.webhooks.get(decodeURIComponent(byId[1]));
			return found ? { statusCode: 200, headers: {}, body: found } : notFound;
		}
		if (byId && request.method === 'DELETE') {
			return this.webhooks.delete(decodeURIComponent(byId[1])) ? { statusCode: 204, headers: {}, body: '' } : notFound;
		}
		return notFound;
	}
}

export interface HookSetup {
	awork: StubAworkWebhooks;
	parameters?: IDataObject;
	staticData?: IDataObject;
	webhookUrl?: string;
	workflowName?: string;
}

export const NODE: INode = {
	id: 'trigger-node',
	name: 'Awork Trigger',
	type: 'n8n-nodes-awork-psa.aworkTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { aworkPsaApi: { id: '1', name: 'awork' } },
};

export function hookContext(setup: HookSetup): IHookFunctions & { staticData: IDataObject } {
	const staticData = setup.staticData ?? {};
	const parameters: IDataObject = { authentication: 'apiKey', events: ['task_added'], options: {}, ...setup.parameters };
	const node = { ...NODE, parameters };
	const context = {
		staticData,
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => setup.webhookUrl ?? 'http://n8n.test/webhook/abc/webhook',
		getWorkflow: () => ({ id: 'wf1', name: setup.workflowName ?? 'Invoicing', active: false }),
		getCredentials: async () => ({ apiKey: 'key-1', baseUrl: setup.awork.baseUrl }),
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, request: { method: string; url: string; qs?: IDataObject; body?: unknown }) =>
				setup.awork.handle({ method: request.method, url: request.url, qs: request.qs, body: request.body, credentialType }),
			// API-key requests come signed by the transport (Authorization: Bearer <key>).
			httpRequest: async (request: { method: string; url: string; qs?: IDataObject; body?: unknown; headers?: Record<string, string> }) =>
				setup.awork.handle({
					method: request.method,
					url: request.url,
					qs: request.qs,
					body: request.body,
					credentialType: request.headers?.Authorization === 'Bearer key-1' ? 'aworkPsaApi' : 'unsigned',
				}),
		},
	};
	return context as unknown as IHookFunctions & { staticData: IDataObject };
}

export interface WebhookCall {
	headers?: Record<string, string>;
	body?: IDataObject;
	parameters?: IDataObject;
	staticData?: IDataObject;
}

export interface RecordedResponse {
	status?: number;
	body?: unknown;
}

export function webhookContext(call: WebhookCall): { context: IWebhookFunctions; response: RecordedResponse } {
	const response: RecordedResponse = {};
	const parameters: IDataObject = { events: ['task_added'], ...call.parameters };
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			return res;
		},
		end() {
			return res;
		},
	};
	const context = {
		getNode: () => NODE,
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getWorkflowStaticData: () => call.staticData ?? {},
		getHeaderData: () => call.headers ?? {},
		getBodyData: () => call.body ?? {},
		getResponseObject: () => res,
		helpers: { returnJsonArray: (data: IDataObject) => [{ json: data }] },
	};
	return { context: context as unknown as IWebhookFunctions, response };
}
