import { startFakeHq, type RunningFakeHq } from '../../../../devkit/fakes/hq';
import { ACME, byId, createDraft, items, position, runHq } from '../helpers';

describe('HQ Invoice > Get', () => {
	let hq: RunningFakeHq;
	beforeEach(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME] });
	});
	afterEach(async () => await hq.close());

	it('reads the invoice, its status, reference, positions and web link', async () => {
		const created = await runHq(hq, createDraft(), { input: items([position(1), position(2)]) });
		const id = String(created.items[0].json.id);
		const run = await runHq(hq, { resource: 'invoice', operation: 'get', invoiceId: byId(id) }, { credentials: { webUrl: 'https://acme.hellohq.io/' } });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			id,
			status: 'Draft',
			statusName: 'Entwurf',
			references: [created.items[0].json.reference],
			url: `https://acme.hellohq.io/documents/${id}`,
			netValue: 500,
		});
		expect((run.items[0].json.positions as unknown[]).length).toBe(2);
	});
});
