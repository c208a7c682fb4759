import { ACME, GLOBEX, runSevDesk, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';

describe('sevDesk Invoice > Get Many', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
		sevDesk.fake.seed({
			invoices: [
				{ id: 1, contactId: ACME, status: 100 },
				{ id: 2, contactId: ACME, status: 200 },
				{ id: 3, contactId: GLOBEX, status: 100 },
				{ id: 4, contactId: GLOBEX, status: 1000 },
			],
		});
	});
	afterEach(async () => await sevDesk.close());

	it('lists drafts by default, optionally of one contact', async () => {
		const drafts = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'getMany', returnAll: true });
		expect(drafts.items.map((item) => item.json.id)).toEqual(['1', '3']);
		const ofAcme = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'getMany', returnAll: true, filterContactId: String(ACME) });
		expect(ofAcme.items.map((item) => item.json.id)).toEqual(['1']);
		expect(sevDesk.fake.log.at(-1)?.query).toMatchObject({ status: '100', 'contact[id]': String(ACME), 'contact[objectName]': 'Contact' });
		// The contact is a picker now; the plain ID above is how workflows saved before still run.
		const picked = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'getMany', returnAll: true, filterContactId: { __rl: true, mode: 'list', value: String(GLOBEX) } });
		expect(picked.items.map((item) => item.json.id)).toEqual(['3']);
		const any = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'getMany', status: 'any', limit: 3 });
		expect(any.items.map((item) => item.json.id)).toEqual(['1', '2', '3']);
	});

	it('reads every page with limit and offset', async () => {
		sevDesk.fake.seed({ invoices: Array.from({ length: 2300 }, (_, n) => ({ id: 100 + n, contactId: ACME, status: 100 })) });
		const run = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'getMany', returnAll: true });
		expect(run.items).toHaveLength(2302);
		expect(sevDesk.fake.log.map((entry) => [entry.query.limit, entry.query.offset])).toEqual([
			['1000', '0'],
			['1000', '1000'],
			['1000', '2000'],
		]);
	});

	it('stops with an error when sevDesk ignores the offset (pages that never end)', async () => {
		sevDesk.fake.seed({ invoices: Array.from({ length: 1500 }, (_, n) => ({ id: 100 + n, contactId: ACME, status: 100 })) });
		sevDesk.fake.ignorePaging = true;
		const run = await runSevDesk(sevDesk, { resource: 'invoice', operation: 'getMany', returnAll: true });
		expect(run.error?.message).toMatch(/at offset 1000 with the same records as before; it seems to ignore paging/);
		expect(sevDesk.fake.log).toHaveLength(2);
	});
});
