/**
 * Attack: a 429 whose Retry-After / RateLimit-Reset asks for a day, for 1e9 seconds (which
 * overflowed setTimeout into a spin), for a date in 2099, or for nonsense. Every transport must
 * end at once with an error naming the header and its value, and the shared pacer must not
 * hold other executions longer than the cap.
 */
import { aworkRequest, aworkTransportSettings } from '../../../../nodes/Awork/transport';
import { callN8nApi } from '../../../../nodes/IdMapping/transport/n8nApi';
import { callPsa } from '../../../../nodes/OnePsa/transport';
import { httpLimits } from '../../../../nodes/shared/http';
import { RequestPacer } from '../../../../nodes/shared/pacer';
import { startFakeOnePsa } from '../../../../devkit/fakes/onepsa';
import { byId, runOnePsa } from '../../onePsa/helpers';
import { HostileServer, json, runAworkProbe, runN8nApiProbe, runPsaProbe } from './hostile';

const originalAwork = { ...aworkTransportSettings };
beforeEach(() => {
	aworkTransportSettings.retry = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
});
afterAll(() => Object.assign(aworkTransportSettings, originalAwork));

describe('a 429 asking for a wait over the cap, or for nonsense', () => {
	let server: HostileServer;
	afterEach(async () => await server.stop());

	it.each([
		['1000000000', /Retry-After: "1000000000".*longer than the 60 s/],
		['86400', /Retry-After: "86400".*longer than the 60 s/],
		['Thu, 01 Jan 2099 00:00:00 GMT', /Retry-After: "Thu, 01 Jan 2099 00:00:00 GMT".*longer than the 60 s/],
		['soon', /Retry-After: "soon".*neither seconds nor an HTTP date/],
	])('The One PSA: Retry-After %s ends at once with an error naming the header', async (value, expected) => {
		server = await new HostileServer((_req, res) => json(res, 429, { error: 'Too many requests' }, { 'retry-after': value })).start();
		const started = Date.now();
		const result = await runPsaProbe(server.origin, async function () {
			return await callPsa(this, { endpoint: 'getContract', pathParams: { contractId: 'ctr_1' } });
		});
		expect(Date.now() - started).toBeLessThan(5000);
		expect(result.error?.message).toMatch(expected);
		expect(result.error?.message).toMatch(/^The One PSA answered GET \/api\/contracts\/ctr_1 with 429/);
		expect(server.seen).toHaveLength(1);
	});

	it('The One PSA: after a refused Retry-After, the next execution on the same tenant is not held back', async () => {
		server = await new HostileServer((_req, res, index) =>
			index === 0 ? json(res, 429, {}, { 'retry-after': '1000000000' }) : json(res, 200, { id: 'ctr_1' }),
		).start();
		const call = async function (this: Parameters<typeof callPsa>[0]) {
			return (await callPsa(this, { endpoint: 'getContract', pathParams: { contractId: 'ctr_1' } })).body;
		};
		const first = await runPsaProbe(server.origin, call);
		expect(first.error?.message).toMatch(/Retry-After/);
		const started = Date.now();
		const second = await runPsaProbe(server.origin, call);
		expect(second.error).toBeUndefined();
		expect(second.items[0].json.result).toEqual({ id: 'ctr_1' });
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('awork: RateLimit-Reset over the cap, or not a number, is an error naming the header', async () => {
		for (const value of ['86400', '1e9', 'tomorrow']) {
			server = await new HostileServer((_req, res) => json(res, 429, {}, { 'ratelimit-reset': value })).start();
			const started = Date.now();
			const result = await runAworkProbe(`${server.origin}/api/v1`, async function () {
				return await aworkRequest.call(this, 'GET', '/projects');
			});
			expect(Date.now() - started).toBeLessThan(5000);
			expect(result.error?.message).toContain(`awork answered GET /projects with 429 and RateLimit-Reset: "${value}"`);
			expect(server.seen).toHaveLength(1);
			await server.stop();
		}
		server = await new HostileServer((_req, res) => json(res, 200, [])).start();
	});

	it('The n8n API: Retry-After 1e9 is an error naming the header, not a retry', async () => {
		server = await new HostileServer((_req, res) => json(res, 429, { message: 'slow down' }, { 'retry-after': '1000000000' })).start();
		const result = await runN8nApiProbe(`${server.origin}/api/v1`, async function () {
			return await callN8nApi(this, { method: 'GET', path: '/data-tables', repeatable: true });
		});
		expect(result.error?.message).toContain('The n8n API answered GET /data-tables with 429 and Retry-After: "1000000000"');
		expect(server.seen).toHaveLength(1);
	});

	it('The n8n API: a Retry-After within the cap is waited out, then the read goes on', async () => {
		server = await new HostileServer((_req, res, index) =>
			index === 0 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, { data: [] }),
		).start();
		const result = await runN8nApiProbe(`${server.origin}/api/v1`, async function () {
			return (await callN8nApi(this, { method: 'GET', path: '/data-tables', repeatable: true })).body;
		});
		expect(result.error).toBeUndefined();
		expect(server.seen).toHaveLength(2);
	});

	it('a wait within a lowered cap is still honoured, and one just over it is refused', async () => {
		const cap = httpLimits.maxRateLimitWaitMs;
		httpLimits.maxRateLimitWaitMs = 1500;
		try {
			server = await new HostileServer((_req, res, index) =>
				index === 0 ? json(res, 429, {}, { 'retry-after': '1' }) : index === 1 ? json(res, 429, {}, { 'retry-after': '2' }) : json(res, 200, {}),
			).start();
			const result = await runPsaProbe(server.origin, async function () {
				return await callPsa(this, { endpoint: 'getContract', pathParams: { contractId: 'ctr_1' } });
			});
			expect(result.error?.message).toMatch(/Retry-After: "2".*longer than the 1.5 s/);
			expect(server.seen).toHaveLength(2);
		} finally {
			httpLimits.maxRateLimitWaitMs = cap;
		}
	});
});

describe('the OnePsa node against the fake PSA answering Retry-After: 1e9', () => {
	it('fails the run at once, naming the header and its value', async () => {
		const psa = await startFakeOnePsa({ burstRetryAfterSeconds: 1e9 });
		try {
			psa.fake.seed({ contracts: [{ id: 'ctr_1', name: 'Support' }] });
			psa.fake.server.faults.burst429 = 1;
			const started = Date.now();
			const run = await runOnePsa(psa, { resource: 'contract', operation: 'get', contractId: byId('ctr_1') });
			expect(Date.now() - started).toBeLessThan(5000);
			expect(run.error?.message).toMatch(/with 429 and Retry-After: "1000000000", which this node does not wait for/);
			expect(psa.fake.log).toHaveLength(1);
		} finally {
			await psa.close();
		}
	});
});

describe('the shared pacer', () => {
	it('never blocks everyone longer than the cap, whatever a caller asks for', async () => {
		let now = 0;
		const waits: number[] = [];
		const pacer = new RequestPacer([{ limit: 100, intervalMs: 61_000 }], () => now, async (ms) => {
			waits.push(ms);
			now += ms;
		});
		pacer.blockUntil(now + 1e12);
		await pacer.acquire();
		expect(now).toBeLessThanOrEqual(httpLimits.maxRateLimitWaitMs);
		expect(Math.max(...waits)).toBeLessThanOrEqual(httpLimits.maxRateLimitWaitMs);
	});
});
