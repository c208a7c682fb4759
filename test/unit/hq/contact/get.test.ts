import { startFakeHq, type RunningFakeHq } from '../../../../devkit/fakes/hq';
import { ACME, byId, runHq } from '../helpers';

describe('HQ Contact > Get', () => {
	let hq: RunningFakeHq;
	beforeEach(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME] });
	});
	afterEach(async () => await hq.close());

	it('reads one company by ID', async () => {
		const run = await runHq(hq, { resource: 'contact', operation: 'get', contactId: byId(ACME.id) });
		expect(run.items[0].json).toEqual(ACME);
	});

	it('says which ID was not found', async () => {
		const run = await runHq(hq, { resource: 'contact', operation: 'get', contactId: byId(404) });
		expect(run.error?.message).toBe('HQ found nothing at GET /v2/Companies/404');
		expect(run.error?.httpCode).toBe('404');
	});
});
