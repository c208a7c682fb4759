import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeHq, type RunningFakeHq } from '../../../../devkit/fakes/hq';
import { HQ_RATE_WINDOWS } from '../../../../nodes/Hq/transport/pacing';
import { readProblem } from '../../../../nodes/Hq/transport/errors';
import { hqTransportSettings } from '../../../../nodes/Hq/transport/request';
import { ACME, byId, createDraft, items, position, runHq } from '../helpers';

const searchAll = { resource: 'contact', operation: 'search', name: '', match: 'contains', returnAll: true };

/** A server that answers every request with `answer`, for the hostile cases the fake does not play. */
async function answering(answer: (res: http.ServerResponse) => void): Promise<{ baseUrl: string; seen: string[]; close: () => Promise<void> }> {
	const seen: string[] = [];
	const server = http.createServer((req, res) => {
		seen.push(`${req.method} ${req.url}`);
		req.resume();
		answer(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		seen,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe('HQ transport', () => {
	let hq: RunningFakeHq;
	beforeEach(async () => {
		hq = await startFakeHq();
	});
	afterEach(async () => await hq.close());

	it('pages with top and skip until helloHQ-NextLink is empty, and never follows the link itself', async () => {
		hq.fake.seed({ companies: Array.from({ length: 2500 }, (_, i) => ({ id: i + 1, name: `Company ${i + 1}` })) });
		const run = await runHq(hq, searchAll);
		expect(run.items).toHaveLength(2500);
		expect(hq.fake.log.map((r) => r.query)).toEqual([
			{ top: '1000', skip: '0' },
			{ top: '1000', skip: '1000' },
			{ top: '1000', skip: '2000' },
		]);
	});

	it('asks for no more than the limit', async () => {
		hq.fake.seed({ companies: Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `Company ${i + 1}` })) });
		const run = await runHq(hq, { ...searchAll, name: '', returnAll: false, limit: 5 });
		expect(run.items).toHaveLength(5);
		expect(hq.fake.log.map((r) => r.query)).toEqual([{ top: '5', skip: '0' }]);
	});

	it('stops a server that ignores skip, naming it', async () => {
		hq.fake.seed({ companies: Array.from({ length: 1500 }, (_, i) => ({ id: i + 1, name: `Company ${i + 1}` })) });
		hq.fake.settings.paging = 'ignoreSkip';
		const run = await runHq(hq, searchAll);
		expect(run.error?.message).toBe('HQ answered GET /v2/Companies at skip 1000 with the same records as the page before; it seems to ignore paging, so reading stopped');
		expect(hq.fake.log).toHaveLength(2);
	});

	it('stops a server whose pages never end', async () => {
		hq.fake.settings.paging = 'endless';
		hq.fake.settings.rateLimitEnabled = false;
		const run = await runHq(hq, searchAll);
		expect(run.error?.message).toBe('HQ kept paging GET /v2/Companies past 100000 records, so reading stopped');
		expect(hq.fake.log).toHaveLength(100);
	});

	it('waits out a 429 for its Retry-After, then succeeds', async () => {
		hq.fake.seed({ companies: [ACME] });
		hq.fake.server.faults.burst429 = 2;
		const run = await runHq(hq, { resource: 'contact', operation: 'get', contactId: byId(ACME.id) });
		expect(run.error).toBeUndefined();
		const log = hq.fake.log;
		expect(log.map((r) => r.status)).toEqual([429, 429, 200]);
		expect(log[1].at - log[0].at).toBeGreaterThanOrEqual(1000);
		expect(log[2].at - log[1].at).toBeGreaterThanOrEqual(1000);
	});

	it('repeats a write answered 429 (HQ did nothing), so the invoice is neither lost nor doubled', async () => {
		hq.fake.seed({ companies: [ACME] });
		// 3 requests a second: the run's writes meet 429s with Retry-After 1.
		hq.fake.limiter.windows = [{ limit: 3, intervalMs: 1000 }];
		const run = await runHq(hq, createDraft(), { input: items([position(1), position(2)]) });
		expect(run.error).toBeUndefined();
		expect(hq.fake.log.some((r) => r.method !== 'GET' && r.status === 429)).toBe(true);
		expect(hq.fake.documents).toHaveLength(1);
		expect(hq.fake.positions).toHaveLength(2);
	}, 30_000);

	it('gives up after a bounded number of 429s, explaining the limit', async () => {
		hq.fake.seed({ companies: [ACME] });
		hq.fake.settings.burstRetryAfterSeconds = 0;
		hq.fake.server.faults.burst429 = 50;
		const run = await runHq(hq, { resource: 'contact', operation: 'get', contactId: byId(ACME.id) });
		expect(run.error?.message).toBe('HQ\'s rate limit (1000 requests per minute) was still exceeded after several retries');
		expect(hq.fake.log).toHaveLength(hqTransportSettings.rateLimitAttempts);
	});

	it('repeats a read after 5xx a bounded number of times, then says HQ failed', async () => {
		const saved = hqTransportSettings.retry;
		hqTransportSettings.retry = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 10 };
		try {
			hq.fake.seed({ companies: [ACME] });
			hq.fake.server.faults.errorRate = 1;
			const failing = await runHq(hq, { resource: 'contact', operation: 'get', contactId: byId(ACME.id) });
			expect(failing.error?.message).toBe(`HQ had a server error (HTTP 503) on GET /v2/Companies/${ACME.id}: An error occurred while processing your request.`);
			expect(hq.fake.log).toHaveLength(4);
		} finally {
			hqTransportSettings.retry = saved;
		}
	});

	it('refuses a huge Retry-After at once instead of sleeping on it', async () => {
		const server = await answering((res) => {
			res.writeHead(429, { 'Retry-After': '86400' });
			res.end();
		});
		try {
			const run = await runHq({ ...hq, baseUrl: server.baseUrl }, searchAll);
			expect(run.error?.message).toBe('HQ answered GET /v2/Companies with 429 and Retry-After: "86400", which this node does not wait for: that is longer than the 60 s this node waits for a rate limit');
			expect(server.seen).toHaveLength(1);
		} finally {
			await server.close();
		}
	});

	it('does not follow a redirect (the token would go with it)', async () => {
		const server = await answering((res) => {
			res.writeHead(302, { Location: 'http://elsewhere.example/v2/Companies' });
			res.end();
		});
		try {
			const run = await runHq({ ...hq, baseUrl: server.baseUrl }, searchAll);
			expect(run.error?.message).toBe('HQ answered GET /v2/Companies with a redirect (HTTP 302) to http://elsewhere.example; it was not followed, so no credentials were sent there');
			expect(server.seen).toHaveLength(1);
		} finally {
			await server.close();
		}
	});

	it('explains a refused token, and sends the token as a bearer header', async () => {
		const run = await runHq(hq, searchAll, { credentials: { apiToken: 'wrong' } });
		expect(run.error?.message).toBe('HQ did not accept the API token');
		expect(run.error?.description).toMatch(/Admin > Settings > API-Clients/);
		expect(hq.fake.log[0].headers.authorization).toBe('Bearer wrong');
	});

	it('reads problem details, plain messages and text as errors that name the field', () => {
		expect(readProblem({ title: 'One or more validation errors occurred.', errors: { '$.Amount1': ['must be a number'] } })).toEqual({
			said: 'One or more validation errors occurred.',
			fields: [{ field: 'amount1', messages: ['must be a number'] }],
		});
		expect(readProblem({ message: 'Document is locked' })).toEqual({ said: 'Document is locked', fields: [] });
		expect(readProblem('Bad Request')).toEqual({ said: 'Bad Request', fields: [] });
	});

	it('paces under 1000 requests per minute', () => {
		expect(HQ_RATE_WINDOWS).toEqual([{ limit: 1000, intervalMs: 61_000 }]);
	});

	it('paces its requests under the window, so a server with that very limit never answers 429', async () => {
		const saved = { ...HQ_RATE_WINDOWS[0] };
		// The pacer copies the window when it is made (one per base URL and token): this fake's port is new.
		// A 100 ms longer window than the server's, as the real one is a second longer than HQ's minute.
		HQ_RATE_WINDOWS[0] = { limit: 3, intervalMs: 1100 };
		try {
			hq.fake.limiter.windows = [{ limit: 3, intervalMs: 1000 }];
			hq.fake.seed({ companies: Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `Company ${i + 1}` })) });
			const run = await runHq(hq, { ...searchAll, returnAll: false, limit: 1, match: 'exact', name: 'Company 1' });
			expect(run.error).toBeUndefined();
			for (let i = 0; i < 4; i++) await runHq(hq, { resource: 'contact', operation: 'get', contactId: byId(i + 1) });
			const log = hq.fake.log;
			expect(log.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
			expect(log[3].at - log[0].at).toBeGreaterThanOrEqual(1000);
		} finally {
			HQ_RATE_WINDOWS[0] = saved;
		}
	});
});
