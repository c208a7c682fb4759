import { ACME, GLOBEX, loadOptionsContext, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';
import { SevDesk } from '../../../../nodes/SevDesk/SevDesk.node';

describe('sevDesk Invoice picker (Add Positions to Draft, Get)', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
		sevDesk.fake.seed({
			invoices: [
				{ id: 1, contactId: ACME, status: 100, invoiceNumber: 'RE-1' },
				{ id: 2, contactId: ACME, status: 200, invoiceNumber: 'RE-2' },
				{ id: 3, contactId: GLOBEX, status: 100, invoiceNumber: 'RE-3' },
			],
		});
	});
	afterEach(async () => await sevDesk.close());

	it('lists drafts only, named by number and customer, and filters by the typed text', async () => {
		const search = new SevDesk().methods.listSearch.searchDraftInvoices;
		const all = await search.call(loadOptionsContext(sevDesk));
		expect(all.results).toEqual([
			{ name: 'RE-1 · Acme GmbH · 0', value: '1' },
			{ name: 'RE-3 · Globex Ltd · 0', value: '3' },
		]);
		expect(sevDesk.fake.log[0].query).toMatchObject({ status: '100', embed: 'contact' });
		const globex = await search.call(loadOptionsContext(sevDesk), 'globex');
		expect(globex.results.map((result) => result.value)).toEqual(['3']);
	});
});
