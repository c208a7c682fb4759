import { startFakeOnePsa, PSA_RATE_LIMIT, type RunningFakeOnePsa } from '../../../../devkit/fakes/onepsa';
import { runOnePsa } from '../helpers';

// The one slow test: 250 requests against the fake's real limit of 100 per minute take about
// two minutes of wall time. It asserts on what the fake saw, not on time.
describe('OnePsa pacing', () => {
	let psa: RunningFakeOnePsa;

	beforeAll(async () => {
		psa = await startFakeOnePsa();
		psa.fake.seed({ contracts: [{ id: 'ctr_1', name: 'Support' }] });
	});
	afterAll(async () => await psa.close());

	it('keeps 250 requests from two concurrent executions under 100/min: no 429 at all', async () => {
		expect(psa.fake.rateLimit).toEqual(PSA_RATE_LIMIT);
		const parameters = { resource: 'contract', operation: 'get', contractId: { __rl: true, mode: 'id', value: 'ctr_1' } };
		const input = (count: number) => Array.from({ length: count }, () => ({ json: {} }));

		// Two executions with the same credential share one budget in the process.
		const [a, b] = await Promise.all([
			runOnePsa(psa, parameters, { input: input(125) }),
			runOnePsa(psa, parameters, { input: input(125) }),
		]);

		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(a.items.length + b.items.length).toBe(250);
		const log = psa.fake.log;
		expect(log).toHaveLength(250);
		expect(log.filter((r) => r.status === 429)).toHaveLength(0);
		expect(log.every((r) => r.status === 200)).toBe(true);
		// The pacer did hold requests back: the fake saw them in three bursts of at most 100.
		const windows = new Set(log.map((r) => Math.floor((r.at - log[0].at) / 60_000)));
		expect(windows.size).toBeGreaterThanOrEqual(3);
	}, 240_000);
});
