import { ACME, byId, loadOptionsContext, runSevDesk, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';
import { SevDesk } from '../../../../nodes/SevDesk/SevDesk.node';

describe('sevDesk Contact > Get', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
	});
	afterEach(async () => await sevDesk.close());

	it('gets one contact by ID', async () => {
		const run = await runSevDesk(sevDesk, { resource: 'contact', operation: 'get', contactId: byId(ACME) });
		expect(run.items[0].json).toMatchObject({ id: String(ACME), name: 'Acme GmbH', customerNumber: '1001' });
	});

	it('names a contact that does not exist', async () => {
		const run = await runSevDesk(sevDesk, { resource: 'contact', operation: 'get', contactId: byId(1) });
		expect(run.error?.message).toBe('sevDesk has no contact with ID "1"');
	});

	it('the contact picker lists contacts (persons too) page by page', async () => {
		sevDesk.fake.seed({ contacts: Array.from({ length: 60 }, (_, n) => ({ id: 700 + n, name: `Client ${n}` })) });
		const node = new SevDesk();
		const context = loadOptionsContext(sevDesk);
		const first = await node.methods.listSearch.searchContacts.call(context as never, 'client');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await node.methods.listSearch.searchContacts.call(context as never, 'client', first.paginationToken);
		expect(second.results.map((result) => result.name).slice(-1)).toEqual(['Client 59']);
		expect(second.paginationToken).toBeUndefined();
	});
});
