/**
 * The billing transports' shared call (nodes/shared/http/tokenTransport.ts), run in n8n's engine
 * against a server on 127.0.0.1: what is sent, what comes back, and which failures are repeated
 * or mapped by the transport's own functions.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';
import { runNode, type RunNodeResult } from '../../../../devkit/engine/runNode';
import { fillPath, filterQueryOf, type EndpointCall } from '../../../../nodes/shared/http/endpointTable';
import { pageFingerprint, repeatedPageCheck } from '../../../../nodes/shared/http/pageFingerprint';
import { checkedBaseUrl, sendTokenCall, tokenPacer, type TokenApi, type TokenSession } from '../../../../nodes/shared/http/tokenTransport';
import { apiErrorSaying, deadlineErrorOf } from '../../../../nodes/shared/http/transportErrors';
import { RequestDeadlineError } from '../../../../nodes/shared/http/deadline';
import { RequestPacer } from '../../../../nodes/shared/pacer';

interface Seen {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

type Answer = (seen: Seen, index: number) => { status: number; body?: unknown; headers?: Record<string, string> };

class LocalApi {
	readonly seen: Seen[] = [];

	origin = '';

	private readonly server: http.Server;

	constructor(answer: Answer) {
		this.server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString()));
			req.on('end', () => {
				const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
				this.seen.push(seen);
				const { status, body: out, headers } = answer(seen, this.seen.length - 1);
				res.writeHead(status, { 'content-type': 'application/json', ...(headers ?? {}) });
				res.end(out === undefined ? '' : JSON.stringify(out));
			});
		});
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

const ENDPOINTS = {
	getContact: { method: 'GET', path: '/contacts/{contactId}', source: 'docs' },
	createInvoice: { method: 'POST', path: '/invoices', source: 'assumed' },
} as const;
type Endpoint = keyof typeof ENDPOINTS;

/** Failures as the fake transport maps them, so a test can tell which function made the error. */
const API: TokenApi<Endpoint> = {
	name: 'Fake Tool',
	urlSetting: '"Base URL" in the Fake Tool credential',
	idRule: 'it must be a Fake Tool ID.',
	endpoints: ENDPOINTS,
	endpointPath: (endpoint, pathParams) => fillPath(ENDPOINTS[endpoint].path, pathParams),
	repeatable: (method) => method === 'GET',
	limits: () => ({
		retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
		rateLimit: { maxAttempts: 3, fallback: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } },
	}),
	answerError: (node, status, body, site) =>
		apiErrorSaying(node, { body: body as IDataObject }, { message: `answer ${status} on ${site.method} ${site.path}`, description: 'answer', httpCode: String(status) }),
	networkError: (node, code, failure, site) =>
		apiErrorSaying(node, {}, { message: `network ${code} repeatable=${failure.repeatable} at ${site.baseUrl}`, description: 'network' }),
	deadlineError: (node, error, failure, site) => deadlineErrorOf(node, 'Fake Tool', error, site, `repeatable=${failure.repeatable}`),
};

function probe(fn: (ctx: IExecuteFunctions) => Promise<unknown>): INodeType {
	return {
		description: {
			displayName: 'Token Probe',
			name: 'tokenProbe',
			group: ['transform'],
			version: 1,
			description: 'Sends one call through the shared token transport',
			defaults: { name: 'Token Probe' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			return [[{ json: { result: (await fn(this)) as IDataObject } }]];
		},
	};
}

async function send(call: EndpointCall<Endpoint>, session: Omit<TokenSession, 'pacer'>): Promise<RunNodeResult> {
	const pacer = new RequestPacer([{ limit: 100, intervalMs: 1000 }]);
	return await runNode({ node: probe(async (ctx) => await sendTokenCall(ctx, API, call, { ...session, pacer })), parameters: {} });
}

describe('sendTokenCall', () => {
	let running: LocalApi | undefined;
	afterEach(async () => {
		await running?.stop();
		running = undefined;
	});
	const serve = async (answer: Answer): Promise<LocalApi> => (running = await new LocalApi(answer).start());

	it('sends JSON with Accept, the session headers, checked path IDs and the query, and returns the answer with its headers', async () => {
		const api = await serve(() => ({ status: 201, body: { id: 7 }, headers: { 'x-seen': 'yes' } }));
		const result = await send(
			{ endpoint: 'getContact', pathParams: { contactId: 'a/b c' }, query: { depth: 1 } },
			{ baseUrl: api.origin, headers: { Authorization: 'raw-token' } },
		);
		expect(result.error).toBeUndefined();
		const answer = result.items[0].json.result as IDataObject;
		expect(answer.status).toBe(201);
		expect(answer.body).toEqual({ id: 7 });
		expect((answer.headers as IDataObject)['x-seen']).toBe('yes');
		expect(api.seen).toHaveLength(1);
		expect(api.seen[0].url).toBe('/contacts/a%2Fb%20c?depth=1');
		expect(api.seen[0].headers.accept).toBe('application/json');
		expect(api.seen[0].headers.authorization).toBe('raw-token');
	});

	it('signs every attempt with the session\'s sign, as sevDesk\'s credential does', async () => {
		const api = await serve((_seen, index) => ({ status: index === 0 ? 503 : 200, body: {} }));
		let signed = 0;
		const result = await send(
			{ endpoint: 'getContact', pathParams: { contactId: '1' } },
			{
				baseUrl: api.origin,
				headers: {},
				sign: async (options) => ({ ...options, headers: { ...(options.headers as IDataObject), Authorization: `signed-${++signed}` } as never }),
			},
		);
		expect(result.error).toBeUndefined();
		expect(api.seen.map((seen) => seen.headers.authorization)).toEqual(['signed-1', 'signed-2']);
	});

	it('refuses an ID that would point the request elsewhere, naming the field and the rule, and sends nothing', async () => {
		const api = await serve(() => ({ status: 200, body: {} }));
		const result = await send({ endpoint: 'getContact', pathParams: { contactId: '..' }, itemIndex: 0 }, { baseUrl: api.origin, headers: {} });
		expect(result.error?.message).toMatch(/^The contact ID "\.\." cannot be used in a request path/);
		expect(result.error?.description).toBe('Check the contact ID this item passes; it must be a Fake Tool ID.');
		expect(api.seen).toHaveLength(0);
	});

	it('repeats a read after a 5xx but maps a write\'s 5xx with the transport\'s own answer error, sent once', async () => {
		const api = await serve((seen, index) => ({ status: index === 0 ? 502 : seen.method === 'GET' ? 200 : 500, body: { said: 'no' } }));
		const read = await send({ endpoint: 'getContact', pathParams: { contactId: '1' } }, { baseUrl: api.origin, headers: {} });
		expect(read.error).toBeUndefined();
		expect(api.seen).toHaveLength(2);
		const write = await send({ endpoint: 'createInvoice', body: { a: 1 } }, { baseUrl: api.origin, headers: {} });
		expect(write.error?.message).toBe('answer 500 on POST /invoices');
		expect(api.seen).toHaveLength(3);
		expect(JSON.parse(api.seen[2].body)).toEqual({ a: 1 });
	});

	it('hands back the statuses a call accepts instead of throwing', async () => {
		const api = await serve(() => ({ status: 404, body: { missing: true } }));
		const result = await send({ endpoint: 'getContact', pathParams: { contactId: '9' }, accept: [404] }, { baseUrl: api.origin, headers: {} });
		expect(result.error).toBeUndefined();
		expect((result.items[0].json.result as IDataObject).status).toBe(404);
	});

	it('waits out a 429 that names its wait, then sends again', async () => {
		const api = await serve((_seen, index) => (index === 0 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 200, body: { ok: true } }));
		const result = await send({ endpoint: 'createInvoice', body: {} }, { baseUrl: api.origin, headers: {} });
		expect(result.error).toBeUndefined();
		expect(api.seen).toHaveLength(2);
	});

	it('does not follow a redirect: the token never reaches the other origin', async () => {
		const elsewhere = await new LocalApi(() => ({ status: 200, body: {} })).start();
		try {
			const api = await serve(() => ({ status: 302, headers: { location: `${elsewhere.origin}/steal` } }));
			const result = await send({ endpoint: 'getContact', pathParams: { contactId: '1' } }, { baseUrl: api.origin, headers: { Authorization: 'secret' } });
			expect(result.error?.message).toMatch(/^Fake Tool answered GET \/contacts\/1 with a redirect \(HTTP 302\)/);
			expect(result.error?.description).toContain('"Base URL" in the Fake Tool credential');
			expect(elsewhere.seen).toHaveLength(0);
		} finally {
			await elsewhere.stop();
		}
	});

	it('maps a connection that never opened with the transport\'s network error, as repeatable even for a write', async () => {
		const gone = await new LocalApi(() => ({ status: 200 })).start();
		const closed = gone.origin;
		await gone.stop();
		const result = await send({ endpoint: 'createInvoice', body: {} }, { baseUrl: `${closed}/api/v1`, headers: {} });
		expect(result.error?.message).toBe(`network ECONNREFUSED repeatable=true at ${closed}/…`);
	});
});

describe('checkedBaseUrl', () => {
	const node = { id: 'n', name: 'Node', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const refusal = { message: 'The Base URL is not an http(s) URL', description: 'Set it.' };

	it('trims blanks and trailing slashes, and drops a suffix the transport names', () => {
		expect(checkedBaseUrl(node, '  https://api.example.com/// ', refusal)).toBe('https://api.example.com');
		expect(checkedBaseUrl(node, 'https://api.example.com/v1/', refusal, /\/v1$/)).toBe('https://api.example.com');
	});

	it.each(['', 'api.example.com', 'ftp://api.example.com', 'a0b1c2d3e4f5'])('refuses %j without echoing it', (value) => {
		let refused: (Error & { description?: string }) | undefined;
		try {
			checkedBaseUrl(node, value, refusal);
		} catch (error) {
			refused = error as Error & { description?: string };
		}
		expect({ message: refused?.message, description: refused?.description }).toEqual(refusal);
	});
});

describe('tokenPacer', () => {
	it('gives one pacer per API, URL and token', () => {
		const windows = [{ limit: 1, intervalMs: 1000 }];
		const pacer = tokenPacer('fake', 'https://a', 'token-1', windows);
		expect(tokenPacer('fake', 'https://a', 'token-1', windows)).toBe(pacer);
		expect(tokenPacer('fake', 'https://a', 'token-2', windows)).not.toBe(pacer);
		expect(tokenPacer('other', 'https://a', 'token-1', windows)).not.toBe(pacer);
	});
});

describe('endpoint tables', () => {
	it('fills placeholders with encoded, checked segments, or with the transport\'s own check', () => {
		expect(fillPath('/a/{contractId}/b', { contractId: 'x/y' })).toBe('/a/x%2Fy/b');
		expect(() => fillPath('/a/{contractId}', {})).toThrow(/^The contract ID "" cannot be used in a request path: it is empty/);
		expect(fillPath('/d/{documentId}', { documentId: '5' }, (key, value) => `${key}=${value}`)).toBe('/d/documentId=5');
	});

	it('translates filter names, skips empty ones and refuses unknown ones', () => {
		expect(filterQueryOf('list', { contactId: 'contact[id]' }, { contactId: '3', other: undefined })).toEqual({ 'contact[id]': '3' });
		expect(() => filterQueryOf('list', undefined, { contactId: '3' })).toThrow('Filter "contactId" is not defined for list');
	});
});

describe('pageFingerprint', () => {
	it('is the same for pages of the same IDs, whatever else changed, and tells rows without IDs apart', () => {
		expect(pageFingerprint([{ id: 1, name: 'a' }, { id: 2 }])).toBe(pageFingerprint([{ id: 1, name: 'b' }, { id: 2 }]));
		expect(pageFingerprint([{ id: 1 }, { id: 2 }])).not.toBe(pageFingerprint([{ id: 2 }, { id: 3 }]));
		expect(pageFingerprint([{ name: 'a' }])).not.toBe(pageFingerprint([{ name: 'b' }]));
	});

	it('repeatedPageCheck: a page is repeated only when it holds the rows of the page right before it', () => {
		const repeatsPrevious = repeatedPageCheck();
		expect(repeatsPrevious([{ id: 1 }])).toBe(false);
		expect(repeatsPrevious([{ id: 2 }])).toBe(false);
		expect(repeatsPrevious([{ id: 2 }])).toBe(true);
		expect(repeatsPrevious([])).toBe(false);
		expect(repeatsPrevious([])).toBe(false);
	});
});

describe('transport errors', () => {
	it('keeps the deadline message whatever n8n would make of it', () => {
		const node = { id: 'n', name: 'Node', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
		const error = deadlineErrorOf(node, 'Fake Tool', new RequestDeadlineError(60_000), { method: 'POST', path: '/x', itemIndex: 2 }, 'Retry later.');
		expect(error.message).toBe('Fake Tool did not finish answering POST /x within 60 s (the deadline for one request)');
		expect(error.description).toBe('Retry later.');
	});
});
