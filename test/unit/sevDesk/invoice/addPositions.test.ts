import { invoiceReferenceOf } from '../../../../nodes/shared/billing/invoiceLine';
import { ACME, addPositions, createDraft, items, position, runSevDesk, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';

describe('sevDesk Invoice > Add Positions to Draft', () => {
	let sevDesk: RunningFakeSevDesk;
	let draftId: string;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
		const draft = await runSevDesk(sevDesk, createDraft(), { input: items([position(1), position(2)]) });
		draftId = String(draft.items[0].json.id);
		sevDesk.fake.log.length = 0;
	});
	afterEach(async () => await sevDesk.close());

	it('adds the positions after the draft\'s own through saveInvoice with the draft\'s ID, and appends their reference', async () => {
		const run = await runSevDesk(sevDesk, addPositions(draftId), { input: items([position(3), position(4, { unit: 'days', quantity: 1, unitPrice: 800 })]) });
		expect(run.error).toBeUndefined();
		const reference = invoiceReferenceOf([{ timeEntryIds: ['te-3a', 'te-3b', 'te-4a', 'te-4b'] }]);
		expect(run.items[0].json).toMatchObject({ id: draftId, created: true, positionsWritten: 2, reference, status: 100, timeEntryIds: ['te-3a', 'te-3b', 'te-4a', 'te-4b'] });
		const [invoice] = sevDesk.fake.state().invoices;
		expect(invoice.positions.map((p) => [p.name, p.positionNumber])).toEqual([
			['Website relaunch: task 1', '0'],
			['Website relaunch: task 2', '1'],
			['Website relaunch: task 3', '2'],
			['Website relaunch: task 4', '3'],
		]);
		const first = invoiceReferenceOf([{ timeEntryIds: ['te-1a', 'te-1b', 'te-2a', 'te-2b'] }]);
		expect(invoice.customerInternalNote).toBe(`${first} ${reference}`);
		// One save: the head echoes the draft's required fields with its ID; new positions carry no ID.
		const [save] = sevDesk.fake.apiCalls('POST');
		const body = save.body as { invoice: Record<string, unknown>; invoicePosSave: Array<Record<string, unknown>> };
		expect(body.invoice).toMatchObject({ id: Number(draftId), objectName: 'Invoice', mapAll: true, status: 100, contact: { id: ACME, objectName: 'Contact' }, invoiceDate: '04.12.2026', taxRule: { id: '1', objectName: 'TaxRule' } });
		expect(body.invoicePosSave.every((p) => p.id === undefined)).toBe(true);
		expect(run.items[0].json.sumNet).toBe(450 + 450 + 800);
	});

	it('a replay adds nothing: the draft already carries the positions\' reference', async () => {
		const input = items([position(3)]);
		await runSevDesk(sevDesk, addPositions(draftId), { input });
		const replay = await runSevDesk(sevDesk, addPositions(draftId), { input });
		expect(replay.items[0].json).toMatchObject({ id: draftId, created: false, positionsWritten: 0, timeEntryIds: ['te-3a', 'te-3b'] });
		expect(sevDesk.fake.state().invoices[0].positions).toHaveLength(3);
		expect(sevDesk.fake.apiCalls('POST')).toHaveLength(1);
	});

	it('refuses an invoice that is no longer a draft, saying what to do', async () => {
		sevDesk.fake.store.invoices[0].status = '200';
		const run = await runSevDesk(sevDesk, addPositions(draftId), { input: items([position(3)]) });
		expect(run.error?.message).toMatch(/^Invoice RE-\d+ is open \(status 200\), not a draft: sevDesk only changes drafts$/);
		expect(run.error?.description).toMatch(/Create Draft from Positions/);
		expect(sevDesk.fake.apiCalls('POST')).toHaveLength(0);
	});

	it('names an invoice that does not exist', async () => {
		const run = await runSevDesk(sevDesk, addPositions('999999'), { input: items([position(3)]) });
		expect(run.error?.message).toBe('sevDesk has no invoice with ID "999999"');
	});

	it('a bad position names its field and nothing is added', async () => {
		const run = await runSevDesk(sevDesk, addPositions(draftId), { input: items([position(3), position(4, { unit: 'weeks' })]) });
		expect(run.error?.message).toBe('Position 2: "unit" must be "hours" or "days", got "weeks"');
		expect(sevDesk.fake.apiCalls('POST')).toHaveLength(0);
	});

	it('checks the tax rate against the draft\'s own tax rule', async () => {
		sevDesk.fake.store.invoices[0].taxRule = { id: '5', objectName: 'TaxRule' };
		const run = await runSevDesk(sevDesk, addPositions(draftId, { taxRate: 19 }), { input: items([position(3)]) });
		expect(run.error?.message).toMatch(/not allowed with tax rule 5/);
	});
});
