import type { IExecuteFunctions } from 'n8n-workflow';
import { RequestPacer, pacerFor } from '../../../../nodes/shared/pacer';
import {
	aworkPages,
	aworkRequest,
	aworkRequestAllPages,
	aworkTransportSettings,
	aworkPath,
	aworkFailureOf,
} from '../../../../nodes/Awork/transport';
import { AWORK_RATE_WINDOWS, aworkPacerKey } from '../../../../nodes/Awork/transport/pacing';
import { and, bool, eq } from '../../../../nodes/Awork/transport/filter';
import { runProbe, ScriptedServer, type SeenRequest } from './transportHarness';

const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
const originalSettings = { ...aworkTransportSettings };

beforeEach(() => {
	aworkTransportSettings.retry = FAST_RETRY;
	aworkTransportSettings.rateLimitAttempts = 3;
});
afterAll(() => Object.assign(aworkTransportSettings, originalSettings));

/** A list endpoint over `total` rows that honours page/pageSize like awork. */
function pagedList(total: number, { totalHeader = true } = {}) {
	return (req: SeenRequest) => {
		const page = Number(req.query.page ?? 1);
		const size = Number(req.query.pageSize ?? 10);
		const rows = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, i) => ({
			id: (page - 1) * size + i,
		}));
		const headers: Record<string, string> = { 'aw-page': String(page), 'aw-pagesize': String(size), 'aw-items': String(rows.length) };
		if (totalHeader) headers['aw-totalitems'] = String(total);
		return { status: 200, body: rows, headers };
	};
}

/**
 * A list endpoint that serves at most `cap` rows per page, whatever was asked. awork's docs say
 * only "maximum of 1000", so both readings of a later page are served: offset by the size served
 * (aw-pagesize) or by the size asked for.
 */
function cappedList(total: number, cap: number, offsetBy: 'served' | 'asked') {
	return (req: SeenRequest) => {
		const page = Number(req.query.page ?? 1);
		const asked = Number(req.query.pageSize ?? 10);
		const served = Math.min(asked, cap);
		const start = (page - 1) * (offsetBy === 'served' ? served : asked);
		const rows = Array.from({ length: Math.max(0, Math.min(served, total - start)) }, (_, i) => ({ id: start + i }));
		const headers = { 'aw-page': String(page), 'aw-pagesize': String(served), 'aw-items': String(rows.length), 'aw-totalitems': String(total) };
		return { status: 200, body: rows, headers };
	};
}

describe('awork transport: paging', () => {
	let server: ScriptedServer;
	afterEach(async () => await server.stop());

	it('reads everything in ceil(N/1000) requests of 1000 and keeps the order', async () => {
		server = await new ScriptedServer(pagedList(2500)).start();
		const result = await runProbe(server.baseUrl, async function () {
			return await aworkRequestAllPages.call(this, '/timeentries');
		});
		expect(result.error).toBeUndefined();
		const rows = result.items[0].json.result as unknown as Array<{ id: number }>;
		expect(rows).toHaveLength(2500);
		expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
		expect(server.seen).toHaveLength(3);
		expect(server.seen.map((r) => [r.query.page, r.query.pageSize])).toEqual([
			['1', '1000'],
			['2', '1000'],
			['3', '1000'],
		]);
	});

	it('reads the pages after the first 3 at a time, once it knows the total, and keeps their order', async () => {
		let inFlight = 0;
		const seenInFlight: number[] = [];
		const list = pagedList(5500);
		server = await new ScriptedServer(async (req: SeenRequest) => {
			seenInFlight.push(++inFlight);
			// Later pages answer sooner, so an order kept by arrival would be wrong.
			await new Promise((resolve) => setTimeout(resolve, 60 - 8 * Number(req.query.page)));
			inFlight -= 1;
			return list(req);
		}).start();
		const result = await runProbe(server.baseUrl, async function () {
			return (await aworkRequestAllPages.call(this, '/timeentries')).map((row) => (row as { id: number }).id);
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.result).toEqual(Array.from({ length: 5500 }, (_, i) => i));
		expect(server.seen.map((r) => r.query.page).sort()).toEqual(['1', '2', '3', '4', '5', '6']);
		expect(seenInFlight[0]).toBe(1);
		expect(Math.max(...seenInFlight)).toBe(3);
	});

	it('stops at aw-totalitems on an exact multiple, and on an empty page without the header', async () => {
		server = await new ScriptedServer(pagedList(2000)).start();
		await runProbe(server.baseUrl, async function () {
			return await aworkRequestAllPages.call(this, '/projects');
		});
		expect(server.seen).toHaveLength(2);
		await server.stop();

		server = await new ScriptedServer(pagedList(2000, { totalHeader: false })).start();
		const result = await runProbe(server.baseUrl, async function () {
			return (await aworkRequestAllPages.call(this, '/projects')).length;
		});
		expect(result.items[0].json.result).toBe(2000);
		expect(server.seen).toHaveLength(3);
	});

	it.each(['served', 'asked'] as const)(
		'reads every row from a server that serves smaller pages than asked (later pages offset by the size %s)',
		async (offsetBy) => {
			server = await new ScriptedServer(cappedList(2500, 300, offsetBy)).start();
			const result = await runProbe(server.baseUrl, async function () {
				return (await aworkRequestAllPages.call(this, '/timeentries')).map((row) => (row as { id: number }).id);
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.result).toEqual(Array.from({ length: 2500 }, (_, i) => i));
			// After the first answer, pages are asked for at the server's own size.
			expect(server.seen.slice(1).every((r) => r.query.pageSize === '300')).toBe(true);
			expect(server.seen).toHaveLength(Math.ceil(2500 / 300));
		},
	);

	it('asks only for what a limit needs', async () => {
		server = await new ScriptedServer(pagedList(5000)).start();
		const result = await runProbe(server.baseUrl, async function () {
			const five = await aworkRequestAllPages.call(this, '/users', { limit: 5 });
			const many = await aworkRequestAllPages.call(this, '/users', { limit: 1500 });
			return [five.length, many.length];
		});
		expect(result.items[0].json.result).toEqual([5, 1500]);
		expect(server.seen.map((r) => [r.query.page, r.query.pageSize])).toEqual([
			['1', '5'],
			['1', '1000'],
			['2', '1000'],
		]);
	});

	it('streams pages and sends no request for pages nobody reads', async () => {
		server = await new ScriptedServer(pagedList(3000)).start();
		const result = await runProbe(server.baseUrl, async function () {
			for await (const page of aworkPages.call(this, '/timeentries', {
				filter: and(eq('isBillable', bool(true)), eq('isBilled', bool(false))),
				orderBy: 'startDateUtc',
			})) {
				return (page as unknown[]).length;
			}
			return 0;
		});
		expect(result.items[0].json.result).toBe(1000);
		expect(server.seen).toHaveLength(1);
		expect(server.seen[0].query.filterby).toBe('isBillable eq true and isBilled eq false');
		expect(server.seen[0].query.orderby).toBe('startDateUtc');
	});
});

describe('awork transport: requests, auth and retries', () => {
	let server: ScriptedServer;
	afterEach(async () => await server?.stop());

	it('sends the API key as a bearer token to the credential base URL', async () => {
		server = await new ScriptedServer(() => ({ status: 200, body: { id: 'me' } })).start();
		const result = await runProbe(
			`${server.baseUrl}/`,
			async function () {
				return await aworkRequest.call(this, 'GET', '/me');
			},
			{ apiKey: 'secret-key' },
		);
		expect(result.items[0].json.result).toEqual({ id: 'me' });
		expect(server.seen[0].path).toBe('/api/v1/me');
		expect(server.seen[0].headers.authorization).toBe('Bearer secret-key');
	});

	it('waits RateLimit-Reset seconds after a 429 before trying again', async () => {
		server = await new ScriptedServer((_req, index) =>
			index === 0
				? { status: 429, headers: { 'ratelimit-reset': '1' }, body: { code: 'too-many-requests' } }
				: { status: 200, body: { ok: true } },
		).start();
		const result = await runProbe(server.baseUrl, async function () {
			return await aworkRequest.call(this, 'POST', '/projects', { body: { name: 'x' } });
		});
		expect(result.items[0].json.result).toEqual({ ok: true });
		expect(server.seen).toHaveLength(2);
		// The second attempt was held back for the whole reset time (a lower bound, not a timing).
		expect(server.seen[1].at - server.seen[0].at).toBeGreaterThanOrEqual(1000);
	});

	it('gives up on 429 after a bounded number of attempts with an actionable message', async () => {
		server = await new ScriptedServer(() => ({ status: 429, headers: { 'ratelimit-reset': '0' } })).start();
		const result = await runProbe(server.baseUrl, async function () {
			return await aworkRequest.call(this, 'GET', '/projects');
		});
		expect(server.seen).toHaveLength(3);
		expect(result.error?.message).toMatch(/rate limit was still exceeded after 3 attempts/);
	});

	it('retries a 5xx on GET with back-off until it succeeds', async () => {
		server = await new ScriptedServer((_req, index) =>
			index < 2 ? { status: 503, body: { code: 'server-error' } } : { status: 200, body: { id: 'p1' } },
		).start();
		const result = await runProbe(server.baseUrl, async function () {
			return await aworkRequest.call(this, 'GET', '/projects/p1');
		});
		expect(result.items[0].json.result).toEqual({ id: 'p1' });
		expect(server.seen).toHaveLength(3);
	});

	it('does not repeat a plain create after a 5xx: it may have landed', async () => {
		server = await new ScriptedServer(() => ({ status: 500, body: { code: 'server-error', description: 'boom' } })).start();
		const result = await runProbe(server.baseUrl, async function () {
			try {
				return await aworkRequest.call(this, 'POST', '/projects', { body: { name: 'x' } });
			} catch (error) {
				return { message: (error as Error).message, failure: aworkFailureOf(error) } as never;
			}
		});
		expect(server.seen).toHaveLength(1);
		const { message, failure } = result.items[0].json.result as unknown as { message: string; failure: { outcome: string } };
		expect(message).toMatch(/server error \(500\)/);
		expect(failure.outcome).toBe('unknown');
	});

	it('repeats idempotent POSTs (setIsBilled, setcustomfields, changestatus) after a 5xx', async () => {
		server = await new ScriptedServer((req) =>
			server.seen.filter((s) => s.path === req.path).length === 1 ? { status: 502 } : { status: 204 },
		).start();
		const result = await runProbe(server.baseUrl, async function () {
			await aworkRequest.call(this, 'POST', '/timeentries/batch/setIsBilled', { body: { timeEntryIds: [], isBilled: true } });
			await aworkRequest.call(this, 'POST', aworkPath`/projects/${'p 1'}/setcustomfields`, { body: [] });
			await aworkRequest.call(this, 'POST', '/projects/p1/changestatus', { body: { projectStatusId: 's' } });
			return 'done';
		});
		expect(result.error).toBeUndefined();
		expect(server.seen.map((s) => s.path)).toEqual([
			'/api/v1/timeentries/batch/setIsBilled',
			'/api/v1/timeentries/batch/setIsBilled',
			'/api/v1/projects/p%201/setcustomfields',
			'/api/v1/projects/p%201/setcustomfields',
			'/api/v1/projects/p1/changestatus',
			'/api/v1/projects/p1/changestatus',
		]);
	});

	it('retries a connection reset on GET but not on a create', async () => {
		server = await new ScriptedServer((req, index) =>
			index === 0 || req.method === 'POST' ? { status: 0, reset: true } : { status: 200, body: [{ id: 1 }] },
		).start();
		const read = await runProbe(server.baseUrl, async function () {
			return await aworkRequest.call(this, 'GET', '/companies');
		});
		expect(read.items[0].json.result).toEqual([{ id: 1 }]);
		expect(server.seen).toHaveLength(2);

		const create = await runProbe(server.baseUrl, async function () {
			return await aworkRequest.call(this, 'POST', '/tasks', { body: { name: 't' } });
		});
		expect(server.seen).toHaveLength(3);
		expect(create.error?.message).toMatch(/connection to awork broke during POST \/tasks .*may or may not have applied/);
	});

	it('repeats even a create when the connection was refused (nothing was sent)', async () => {
		server = await new ScriptedServer(() => ({ status: 200 })).start();
		const deadUrl = server.baseUrl;
		await server.stop();
		const result = await runProbe(deadUrl, async function () {
			return await aworkRequest.call(this, 'POST', '/projects', { body: { name: 'x' } });
		});
		expect(result.error?.message).toMatch(/Could not reach awork at .* \(ECONNREFUSED\) after 3 attempts/);
	});
});

describe('awork transport: error mapping', () => {
	let server: ScriptedServer;
	afterEach(async () => await server.stop());

	async function failWith(status: number, body: unknown) {
		server = await new ScriptedServer(() => ({ status, body })).start();
		const result = await runProbe(server.baseUrl, async function () {
			return await aworkRequest.call(this, 'POST', '/projects', { body: { name: 'x' }, itemIndex: 0 });
		});
		await server.stop();
		return result.error!;
	}

	it('names the property awork rejected', async () => {
		const error = await failWith(400, {
			code: 'validation-failed',
			description: 'The model sent in the request is invalid.',
			validationErrors: [{ property: 'Key', message: "'Key' must be unique." }],
		});
		expect(error.message).toBe("awork rejected the request: 'Key' must be unique. (validation-failed)");
	});

	it('adds the property name when the message lacks it, and keeps every violation', async () => {
		const error = await failWith(400, {
			code: 'validation-failed',
			validationErrors: [
				{ property: 'Name', message: 'should not be empty.' },
				{ property: 'DueDate', message: "'DueDate' must be after StartDate." },
			],
		});
		expect(error.message).toBe("awork rejected the request: Name: should not be empty.; 'DueDate' must be after StartDate. (validation-failed)");
	});

	it('says what to do on 401, 403 and 404', async () => {
		expect((await failWith(401, { code: 'unauthorized' })).description).toMatch(/API key may be wrong, revoked/);
		expect((await failWith(403, {})).message).toMatch(/denied permission for POST \/projects \(403\)/);
		const notFound = await failWith(404, { code: 'not-found', description: 'The requested project could not be found.' });
		expect(notFound.message).toBe('awork could not find /projects (404) (not-found)');
		expect(notFound.description).toMatch(/Check the ID/);
	});
});

describe('awork transport: pacing', () => {
	let server: ScriptedServer;
	afterEach(async () => await server.stop());

	it('spends one shared budget per base URL and key, across items, pages and executions', async () => {
		server = await new ScriptedServer(pagedList(1500)).start();
		const acquire = jest.spyOn(RequestPacer.prototype, 'acquire');
		const pacer = pacerFor(aworkPacerKey(server.baseUrl, 'shared-key'), AWORK_RATE_WINDOWS);
		const readAll = async function (this: IExecuteFunctions) {
			return (await aworkRequestAllPages.call(this, '/timeentries')).length;
		};
		await Promise.all([
			runProbe(server.baseUrl, readAll, { items: 3, apiKey: 'shared-key' }),
			runProbe(server.baseUrl, readAll, { items: 2, apiKey: 'shared-key' }),
			runProbe(server.baseUrl, readAll, { items: 1, apiKey: 'other-key' }),
		]);
		const onShared = acquire.mock.contexts.filter((context) => context === pacer).length;
		acquire.mockRestore();
		// 5 items x 2 pages on the shared key; the other key has its own pacer.
		expect(onShared).toBe(10);
		expect(server.seen).toHaveLength(12);
		expect(aworkPacerKey(server.baseUrl, 'shared-key')).not.toContain('shared-key');
	});

	it('keeps awork requests within 50/s and 1000/min, with headroom (pacer with an injected clock)', async () => {
		let now = 0;
		const granted: number[] = [];
		const pacer = new RequestPacer(AWORK_RATE_WINDOWS, () => now, async (ms) => {
			now += ms;
		});
		for (let i = 0; i < 1100; i++) {
			await pacer.acquire();
			granted.push(now);
		}
		const maxIn = (ms: number) =>
			Math.max(...granted.map((t) => granted.filter((u) => u >= t && u < t + ms).length));
		expect(maxIn(1000)).toBe(45);
		expect(maxIn(60_000)).toBe(980);
		// The budget is used: the minute's requests are sent early, the next ones wait for it to pass.
		expect(granted[979]).toBeLessThan(30_000);
		expect(granted[980]).toBeGreaterThanOrEqual(60_000);
	});

	it('after a 429 block, serves the next request when the block ends, not a minute later', async () => {
		let now = 0;
		const pacer = new RequestPacer(AWORK_RATE_WINDOWS, () => now, async (ms) => {
			now += ms;
		});
		await pacer.acquire();
		now = 10;
		pacer.blockUntil(1010);
		await pacer.acquire();
		expect(now).toBeGreaterThanOrEqual(1010);
		expect(now).toBeLessThan(1100);
	});
});

describe('awork transport: credential choice', () => {
	let server: ScriptedServer;
	afterEach(async () => await server.stop());

	it('uses the OAuth2 credential and its base URL when the node is set to OAuth2', async () => {
		const { runNode } = await import('../../../../devkit/engine/runNode');
		const { AworkPsaOAuth2Api } = await import('../../../../credentials/AworkPsaOAuth2Api.credentials');
		const { probeNode } = await import('./transportHarness');
		server = await new ScriptedServer(() => ({ status: 200, body: { ok: true } })).start();
		const node = probeNode(async function () {
			return await aworkRequest.call(this, 'GET', '/me');
		});
		node.description.credentials = [{ name: 'aworkPsaOAuth2Api', required: true }];
		node.description.properties = [{ displayName: 'Authentication', name: 'authentication', type: 'string', default: 'apiKey' }];
		const result = await runNode({
			node,
			parameters: { authentication: 'oAuth2' },
			credentials: { aworkPsaOAuth2Api: { baseUrl: server.baseUrl, clientId: 'client', oauthTokenData: { access_token: 't' } } },
			credentialTypes: [new AworkPsaOAuth2Api()],
		});
		expect(result.error).toBeUndefined();
		expect(server.seen.map((s) => s.path)).toEqual(['/api/v1/me']);
	});

	it('refuses a base URL that is not http(s), naming the credential field', async () => {
		server = await new ScriptedServer(() => ({ status: 200 })).start();
		const result = await runProbe('api.awork.com/api/v1', async function () {
			return await aworkRequest.call(this, 'GET', '/me');
		});
		expect(result.error?.message).toBe('The Base URL in the awork credential is not an http(s) URL');
	});
});
