import { startFakeHq, type RunningFakeHq } from '../../../../devkit/fakes/hq';
import { ACME, GLOBEX, runHq } from '../helpers';

describe('HQ Contact > Search', () => {
	let hq: RunningFakeHq;
	beforeEach(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME, GLOBEX, { id: 503, name: "O'Brien & Acme Partners" }] });
	});
	afterEach(async () => await hq.close());

	it('finds companies whose name contains the text, any case', async () => {
		const run = await runHq(hq, { resource: 'contact', operation: 'search', name: 'acme', match: 'contains', returnAll: true });
		expect(run.items.map((item) => item.json.id)).toEqual([501, 503]);
	});

	it('asks HQ for an exact name with a quoted, escaped filter', async () => {
		const run = await runHq(hq, { resource: 'contact', operation: 'search', name: "O'Brien & Acme Partners", match: 'exact', returnAll: true });
		expect(run.items.map((item) => item.json.id)).toEqual([503]);
		expect(hq.fake.log[0].query).toEqual({ filter: "name eq 'O''Brien & Acme Partners'", top: '1000', skip: '0' });
	});
});
