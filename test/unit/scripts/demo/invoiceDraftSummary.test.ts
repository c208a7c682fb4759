/**
 * The demo prints the invoice-draft workflow's Summary item in a few lines: the totals, per client
 * its contact and drafts (number, ID, created or found, link) with each confirmed position, and
 * every reason a client was not billed.
 */
import { describeInvoiceDraft } from '../../../../scripts/demo/report';

describe('demo: the sevDesk draft summary lines', () => {
	const summary = {
		billingTool: 'sevDesk',
		draft: 'new',
		closedBefore: '2026-12-06T23:00:00.000Z',
		clients: [
			{
				client: 'Globex Ltd',
				clientId: 'c-1',
				contactId: '502',
				contactFrom: 'name',
				entries: 3,
				invoices: [{ id: '7', number: 'RE-1001', status: 100, url: 'http://127.0.0.1:1/#/fi/detail/type/RE/id/7', created: true, reference: 'awork-x', timeEntries: 3 }],
				markedBilled: 3,
				notMarkedBilled: [],
			},
		],
		drafts: [{ client: 'Globex Ltd', id: '7', url: 'http://127.0.0.1:1/#/fi/detail/type/RE/id/7', created: true }],
		markedBilled: 3,
		notBilled: ['Initech AG: No contact in sevDesk has this name: save a mapping. Nothing was billed.'],
		entriesWithoutClient: 1,
	};
	const invoices = [
		{
			id: '7',
			number: 'RE-1001',
			positions: [
				{ name: 'Globex brand refresh', quantity: 5.5, unit: 'hours', price: 100, timeEntryIds: ['e1', 'e2'] },
				{ name: 'Globex newsletter', quantity: 2, unit: 'hours', price: 100, timeEntryIds: ['e3'] },
			],
		},
	];

	it('names the totals, the client with its contact, the draft with number, ID and link, each position and each reason', () => {
		expect(describeInvoiceDraft(summary, invoices)).toEqual([
			'    closed days before 2026-12-06T23:00:00.000Z: 1 client, 1 draft in sevDesk, 3 entries marked billed in awork, 1 entry without client left unbilled',
			'    Globex Ltd: sevDesk contact 502 (found by name), 3 entries -> 3 billed',
			'      draft RE-1001 (ID 7), new, 3 entries: http://127.0.0.1:1/#/fi/detail/type/RE/id/7',
			'        Globex brand refresh: 5.5 hours x 100 (2 entries)',
			'        Globex newsletter: 2 hours x 100 (1 entry)',
			'    not billed: Initech AG: No contact in sevDesk has this name: save a mapping. Nothing was billed.',
		]);
	});

	it('says when a rerun found the draft instead of writing it', () => {
		const found = { ...summary, clients: [{ ...summary.clients[0], invoices: [{ ...summary.clients[0].invoices[0], created: false }] }] };
		expect(describeInvoiceDraft(found, invoices)[2]).toBe('      draft RE-1001 (ID 7), found again (not written twice), 3 entries: http://127.0.0.1:1/#/fi/detail/type/RE/id/7');
	});

	it('prints any other shape as JSON, and nothing without a summary', () => {
		expect(describeInvoiceDraft({ unexpected: true }, [])).toEqual(['    {"unexpected":true}']);
		expect(describeInvoiceDraft(undefined, [])).toEqual([]);
	});
});
