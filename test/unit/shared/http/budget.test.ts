/**
 * The budgets servers report in their headers, as the pacers read them, and the fakes that send
 * them: every answer of the fake PSA carries X-RateLimit-Limit, -Remaining and -Reset (in both
 * readings of Reset), the fake awork its RateLimit-* and X-RateLimit-*-Second/-Minute headers.
 */
import { budgetFromHeaders, resetInstantMs } from '../../../../nodes/shared/http';
import { aworkBudgets } from '../../../../nodes/Awork/transport/pacing';
import { startFakeAwork, type RunningFakeAwork } from '../../../../devkit/fakes/awork';
import { DEFAULT_TENANT, startFakeOnePsa, type RunningFakeOnePsa } from '../../../../devkit/fakes/onepsa';

const NOW = Date.UTC(2026, 4, 4, 12, 0, 0);

describe('reading a reported budget', () => {
	it('reads Reset as seconds until, as Unix seconds and as Unix milliseconds', () => {
		expect(resetInstantMs(47, NOW)).toBe(NOW + 47_000);
		expect(resetInstantMs(0, NOW)).toBe(NOW);
		expect(resetInstantMs(NOW / 1000 + 30, NOW)).toBe(NOW + 30_000);
		expect(resetInstantMs(NOW + 30_000, NOW)).toBe(NOW + 30_000);
		expect(resetInstantMs(-5, NOW)).toBeUndefined();
		expect(resetInstantMs(Number.NaN, NOW)).toBeUndefined();
	});

	it('passes on what is readable and nothing when neither limit nor remaining is there', () => {
		const names = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' };
		expect(budgetFromHeaders({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '7', 'X-RateLimit-Reset': '12' }, 61_000, names, NOW)).toEqual({
			intervalMs: 61_000,
			limit: 100,
			remaining: 7,
			resetAtMs: NOW + 12_000,
		});
		expect(budgetFromHeaders({ 'x-ratelimit-remaining': 'many', 'x-ratelimit-limit': '100' }, 61_000, names, NOW)).toEqual({
			intervalMs: 61_000,
			limit: 100,
			remaining: undefined,
			resetAtMs: undefined,
		});
		expect(budgetFromHeaders({ 'x-ratelimit-reset': '12' }, 61_000, names, NOW)).toBeUndefined();
	});

	it("reads awork's two windows, the reset going to the window the RateLimit-* trio names", () => {
		const headers = {
			'ratelimit-limit': '1000',
			'ratelimit-remaining': '12',
			'ratelimit-reset': '47',
			'x-ratelimit-limit-second': '50',
			'x-ratelimit-remaining-second': '49',
			'x-ratelimit-limit-minute': '1000',
			'x-ratelimit-remaining-minute': '12',
		};
		expect(aworkBudgets(headers, NOW)).toEqual([
			{ intervalMs: 1000, limit: 50, remaining: 49, resetAtMs: undefined },
			{ intervalMs: 60_000, limit: 1000, remaining: 12, resetAtMs: NOW + 47_000 },
		]);
		// Only the trio: a reset longer than a second is the minute's.
		expect(aworkBudgets({ 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': '20' }, NOW)).toEqual([
			{ intervalMs: 60_000, limit: 3000, remaining: 0, resetAtMs: NOW + 20_000 },
		]);
		expect(aworkBudgets({}, NOW)).toEqual([]);
	});
});

describe('the fake PSA reports the budget on every answer', () => {
	let psa: RunningFakeOnePsa;
	const get = async (path: string, headers: Record<string, string> = { 'X-Tenant-Id': DEFAULT_TENANT.tenantId, 'X-Integration-Key': DEFAULT_TENANT.integrationKey }) =>
		await fetch(`${psa.baseUrl}${path}`, { headers });

	beforeEach(async () => {
		psa = await startFakeOnePsa({ rateLimit: { limit: 3, intervalMs: 60_000 } });
	});
	afterEach(async () => await psa.close());

	it('200, 404, 401 and 429 all carry X-RateLimit-Limit, -Remaining and -Reset (Unix seconds by default)', async () => {
		const answers = [await get('/api/contracts'), await get('/api/nowhere'), await get('/api/contracts', {}), await get('/api/contracts'), await get('/api/contracts')];
		expect(answers.map((answer) => answer.status)).toEqual([200, 404, 401, 200, 429]);
		for (const answer of answers) {
			expect(answer.headers.get('x-ratelimit-limit')).toBe('3');
			expect(Number(answer.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
		}
		expect(answers.map((answer) => answer.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '3', '0', '0']);
		expect(answers[4].headers.get('retry-after')).toMatch(/^\d+$/);
	});

	it('writes Reset as seconds until the reset when set to that reading, per fake or per tenant', async () => {
		await fetch(`${psa.controlUrl}/settings`, { method: 'PUT', body: JSON.stringify({ rateLimitReset: 'secondsUntil' }) });
		const answer = await get('/api/contracts');
		const reset = Number(answer.headers.get('x-ratelimit-reset'));
		expect(reset).toBeGreaterThan(0);
		expect(reset).toBeLessThanOrEqual(60);
		const refused = await fetch(`${psa.controlUrl}/settings`, { method: 'PUT', body: JSON.stringify({ rateLimitReset: 'minutes' }) });
		expect(refused.status).toBe(400);

		psa.fake.setTenant({ tenantId: DEFAULT_TENANT.tenantId, rateLimitReset: 'epochSeconds' });
		expect(Number((await get('/api/contracts')).headers.get('x-ratelimit-reset'))).toBeGreaterThan(1e9);
	});
});

describe('the fake awork reports the budget as rate-limits.mdx shows it', () => {
	let awork: RunningFakeAwork;
	const get = async (path: string) => await fetch(`${awork.baseUrl}${path}`, { headers: { Authorization: `Bearer ${awork.fake.apiKey}` } });
	const NAMES = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'x-ratelimit-limit-second', 'x-ratelimit-remaining-second', 'x-ratelimit-limit-minute', 'x-ratelimit-remaining-minute'];

	afterEach(async () => await awork.close());

	it('on every answer by default, and only on the 429 in the other reading of the docs', async () => {
		awork = await startFakeAwork({ config: { rateLimit: { perSecond: 1, perMinute: 1000 } } });
		const ok = await get('/me');
		expect(ok.status).toBe(200);
		for (const name of NAMES) expect(ok.headers.get(name)).toMatch(/^\d+$/);
		expect(ok.headers.get('x-ratelimit-remaining-second')).toBe('0');
		expect(ok.headers.get('x-ratelimit-remaining-minute')).toBe('999');

		// (A new config starts the limiter afresh.)
		awork.fake.setConfig({ rateLimit: { headersOn: 'only429' } });
		const quiet = await get('/me');
		expect(quiet.status).toBe(200);
		for (const name of NAMES) expect(quiet.headers.get(name)).toBeNull();
		const limited = await get('/me');
		expect(limited.status).toBe(429);
		for (const name of NAMES) expect(limited.headers.get(name)).toMatch(/^\d+$/);
		expect(() => awork.fake.setConfig({ rateLimit: { headersOn: 'sometimes' as never } })).toThrow(/headersOn/);
	});
});
