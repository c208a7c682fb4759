import { startFakeOnePsa, type RunningFakeOnePsa } from '../../../../devkit/fakes/onepsa';
import { aworkTimeEntry, items, runOnePsa } from '../helpers';

describe('Time entry: Find by External ID', () => {
	let psa: RunningFakeOnePsa;

	beforeEach(async () => {
		psa = await startFakeOnePsa();
		psa.fake.seed({ companies: [{ id: 'cmp_acme', name: 'Acme' }], contracts: [{ id: 'ctr_1', number: 'C-1', companyId: 'cmp_acme' }] });
		const booked = await runOnePsa(
			psa,
			{ resource: 'timeEntry', operation: 'exportToContract', contractId: { __rl: true, mode: 'id', value: 'ctr_1' }, options: {} },
			{ input: items([aworkTimeEntry(1), aworkTimeEntry(2)]) },
		);
		expect(booked.items.map((i) => i.json.status)).toEqual(['created', 'created']);
		psa.fake.log.length = 0;
	});
	afterEach(async () => await psa.close());

	const find = (input: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}, continueOnFail = false) =>
		runOnePsa(
			psa,
			{ resource: 'timeEntry', operation: 'findByExternalId', externalId: '={{ $json.lookFor }}', ...extra },
			{ input: items(input as never), continueOnFail },
		);

	it('adds the booked entry or null to each item, one request per distinct ID, none for an empty ID', async () => {
		const run = await find([
			{ n: 1, lookFor: 'aw-te-1' },
			{ n: 2, lookFor: 'aw-te-1' },
			{ n: 3, lookFor: 'aw-te-9' },
			{ n: 4, lookFor: '' },
			{ n: 5, lookFor: 'aw-te-2' },
		]);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.n)).toEqual([1, 2, 3, 4, 5]);
		expect(run.items.map((i) => (i.json.psaTimeEntry as { externalId?: string } | null)?.externalId ?? null)).toEqual([
			'aw-te-1',
			'aw-te-1',
			null,
			null,
			'aw-te-2',
		]);
		expect((run.items[0].json.psaTimeEntry as { contractId: string }).contractId).toBe('ctr_1');
		expect(run.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(psa.fake.log.map((r) => `${r.method} ${r.path} ${r.query.externalId}`)).toEqual([
			'GET /api/time-entries aw-te-1',
			'GET /api/time-entries aw-te-9',
			'GET /api/time-entries aw-te-2',
		]);
	});

	it('puts the result in the field named, and refuses a name that is not a field name', async () => {
		const named = await find([{ lookFor: 'aw-te-2' }], { resultField: 'booked' });
		expect((named.items[0].json.booked as { externalId: string }).externalId).toBe('aw-te-2');
		expect(named.items[0].json.psaTimeEntry).toBeUndefined();

		const refused = await find([{ lookFor: 'aw-te-2' }], { resultField: 'a b' });
		expect(refused.error?.message).toMatch(/Put Result in Field: "a b" is not a field name/);
		expect(psa.fake.log.filter((r) => r.method === 'GET')).toHaveLength(1);
	});

	it('fails the run when the PSA refuses the credential, instead of answering "not booked"', async () => {
		const run = await runOnePsa(
			psa,
			{ resource: 'timeEntry', operation: 'findByExternalId', externalId: 'aw-te-1' },
			{ input: items([{}]), credentials: { integrationKey: 'wrong-key' } },
		);
		expect(run.error).toBeDefined();
		expect(run.items).toHaveLength(0);
	});

	it('fails closed when the PSA ignores the externalId filter: no "not booked" it cannot vouch for', async () => {
		psa.fake.ignoreTimeEntryFilters = true;
		// aw-te-2 is booked, but an unfiltered first page may show only aw-te-1.
		const run = await find([{ lookFor: 'aw-te-9' }]);
		expect(run.error?.message).toBe('The One PSA ignored the externalId filter of GET /api/time-entries, so it cannot confirm whether "aw-te-9" is booked');
		expect(run.items).toHaveLength(0);
		// A match in what it sent is still a match.
		const found = await find([{ lookFor: 'aw-te-1' }]);
		expect(found.error).toBeUndefined();
		expect(found.items[0].json.psaTimeEntry).toMatchObject({ externalId: 'aw-te-1' });
	});
});
