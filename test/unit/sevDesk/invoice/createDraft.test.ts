import { invoiceReferenceOf } from '../../../../nodes/shared/billing/invoiceLine';
import { ACME, GLOBEX, byId, createDraft, items, position, runSevDesk, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';
import { resetClock, setClockAt } from '../../shared/datesClock';

describe('sevDesk Invoice > Create Draft from Positions', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
	});
	afterEach(async () => await sevDesk.close());

	it('makes one draft of all positions, with the reference of their time entries in Referenz/Bestellnummer', async () => {
		const input = [position(1), position(2, { unit: 'days', quantity: 0.5, unitPrice: 800 })];
		const run = await runSevDesk(sevDesk, createDraft(), { input: items(input) });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		const out = run.items[0].json;
		const reference = invoiceReferenceOf([{ timeEntryIds: ['te-1a', 'te-1b', 'te-2a', 'te-2b'] }]);
		expect(out).toMatchObject({ created: true, status: 100, statusName: 'draft', isDraft: true, reference, contactId: String(ACME), positionsWritten: 2, sumNet: 550 });
		expect(out.timeEntryIds).toEqual(['te-1a', 'te-1b', 'te-2a', 'te-2b']);
		expect(out.url).toBe(`${new URL(sevDesk.baseUrl).origin}/#/fi/detail/type/RE/id/${String(out.id)}`);
		expect(run.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);

		const [invoice] = sevDesk.fake.state().invoices;
		expect(invoice).toMatchObject({ status: '100', customerInternalNote: reference, invoiceDate: '2026-12-04T00:00:00+01:00', taxRule: { id: '1', objectName: 'TaxRule' } });
		// The hour and day units come from the account's list (the fake's are 9 and 12), numbers back as strings.
		expect(invoice.positions.map((p) => [p.name, p.quantity, p.price, (p.unity as { id: string }).id, p.taxRate, p.positionNumber])).toEqual([
			['Website relaunch: task 1', '1.5', '100', '9', '19', '0'],
			['Website relaunch: task 2', '0.5', '800', '12', '19', '1'],
		]);
		// The token goes as it is, without "Bearer".
		expect(sevDesk.fake.apiCalls('POST')[0].headers.authorization).toBe('0123456789abcdef0123456789abcdef');
	});

	it('a replay finds the draft by its reference and creates no second one', async () => {
		const input = items([position(1), position(2)]);
		const first = await runSevDesk(sevDesk, createDraft(), { input });
		const replay = await runSevDesk(sevDesk, createDraft(), { input: items([position(2), position(1, { text: 'renamed' })]) });
		expect(replay.error).toBeUndefined();
		expect(replay.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false, positionsWritten: 0, reference: first.items[0].json.reference });
		expect(sevDesk.fake.state().invoices).toHaveLength(1);
		expect(sevDesk.fake.apiCalls('POST')).toHaveLength(1);
	});

	it('finds the draft even after Add Positions appended a second reference to its note', async () => {
		const first = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		const invoiceId = String(first.items[0].json.id);
		await runSevDesk(sevDesk, { resource: 'invoice', operation: 'addPositions', invoiceId: byId(invoiceId), taxRate: 19, options: {} }, { input: items([position(5)]) });
		const replay = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		expect(replay.items[0].json).toMatchObject({ id: invoiceId, created: false });
		expect(sevDesk.fake.state().invoices).toHaveLength(1);
	});

	it('makes one draft per contact when the contact is an expression over the items', async () => {
		const input = items([position(1, { client: ACME }), position(2, { client: GLOBEX }), position(3, { client: ACME })]);
		const run = await runSevDesk(sevDesk, createDraft({ contactId: { __rl: true, mode: 'id', value: '={{ $json.client }}' } }), { input });
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => [item.json.contactId, item.json.positionsWritten, item.pairedItem])).toEqual([
			[String(ACME), 2, [{ item: 0 }, { item: 2 }]],
			[String(GLOBEX), 1, [{ item: 1 }]],
		]);
	});

	it('converts hours to days of the set length, keeping the amount', async () => {
		const run = await runSevDesk(sevDesk, createDraft({ options: { unitOnInvoice: 'days', hoursPerDay: 6 } }), { input: items([position(2, { quantity: 3, unitPrice: 90 })]) });
		expect(run.items[0].json.positions).toEqual([
			{ positionId: 'pos-2', name: 'Website relaunch: task 2', quantity: 0.5, unit: 'days', unitId: 12, price: 540, taxRate: 19, timeEntryIds: ['te-2a', 'te-2b'] },
		]);
		expect(run.items[0].json.sumNet).toBe(270);
	});

	it('uses units found by name in an account with its own unit IDs, and 9/12 when none matches', async () => {
		sevDesk.fake.seed({ units: [{ id: 41, name: 'Stunde' }, { id: 42, name: 'Tag' }] });
		const own = await runSevDesk(sevDesk, createDraft(), { input: items([position(1), position(2, { unit: 'days' })]) });
		expect((own.items[0].json.positions as Array<{ unitId: number }>).map((p) => p.unitId)).toEqual([41, 42]);

		sevDesk.fake.seed({ units: [{ id: 9, name: 'x' }, { id: 12, name: 'y' }] });
		const fallback = await runSevDesk(sevDesk, createDraft(), { input: items([position(3), position(4, { unit: 'days' })]) });
		expect((fallback.items[0].json.positions as Array<{ unitId: number }>).map((p) => p.unitId)).toEqual([9, 12]);
	});

	it('writes the tax type instead of a tax rule on bookkeeping 1.0', async () => {
		sevDesk.fake.bookkeepingVersion = '1.0';
		const run = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		expect(run.error).toBeUndefined();
		const body = sevDesk.fake.apiCalls('POST')[0].body as { invoice: Record<string, unknown> };
		expect(body.invoice.taxType).toBe('default');
		expect(body.invoice.taxRule).toBeUndefined();
	});

	it('refuses a tax rate the tax rule does not allow before sending anything', async () => {
		const run = await runSevDesk(sevDesk, createDraft({ taxRule: '11', taxRate: 19 }), { input: items([position(1)]) });
		expect(run.error?.message).toMatch(/"Tax Rate" 19 % is not allowed with tax rule 11/);
		expect(sevDesk.fake.apiCalls('POST')).toHaveLength(0);
	});

	it('a bad position names its field and nothing is written', async () => {
		const run = await runSevDesk(sevDesk, createDraft(), { input: items([position(1), position(2, { quantity: 'two' })]) });
		expect(run.error?.message).toBe('Position 2: "quantity" must be a number, got "two"');
		expect(sevDesk.fake.apiCalls('POST')).toHaveLength(0);
	});

	it('under Continue On Fail, the bad position becomes an error item and the others are invoiced', async () => {
		const run = await runSevDesk(sevDesk, createDraft(), { input: items([position(1), position(2, { text: ' ' })]), continueOnFail: true });
		expect(run.items).toHaveLength(2);
		expect(run.items[0].json).toMatchObject({ created: true, positionsWritten: 1, timeEntryIds: ['te-1a', 'te-1b'] });
		expect(run.items[1].json.error).toMatch(/"text" is empty/);
	});

	it('refuses positions without time entries: the draft would have no reference', async () => {
		const run = await runSevDesk(sevDesk, createDraft(), { input: items([position(1, { timeEntryIds: [] })]) });
		expect(run.error?.message).toMatch(/no line names an awork time entry/);
	});

	it('takes the account\'s first user as contact person unless one is set', async () => {
		sevDesk.fake.seed({ users: [{ id: 77 }, { id: 78 }] });
		await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		await runSevDesk(sevDesk, createDraft({ options: { contactPersonId: '78' } }), { input: items([position(2)]) });
		expect(sevDesk.fake.state().invoices.map((invoice) => (invoice.contactPerson as { id: string }).id)).toEqual(['77', '78']);
	});

	it('reads a save answer without the objects wrapper too (the spec\'s form)', async () => {
		sevDesk.fake.saveAnswerShape = 'bare';
		const run = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		expect(run.items[0].json).toMatchObject({ created: true, status: 100, sumNet: 150 });
	});

	it('a save answer without an invoice ID is an error saying the invoice may exist, and the replay finds it', async () => {
		sevDesk.fake.saveAnswerShape = 'empty';
		const run = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		expect(run.error?.message).toBe('sevDesk answered saveInvoice without an invoice ID');
		sevDesk.fake.saveAnswerShape = 'wrapped';
		const replay = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		expect(replay.items[0].json).toMatchObject({ created: false });
		expect(sevDesk.fake.state().invoices).toHaveLength(1);
	});

	it('falls back to units 9 and 12 when the account has no unit list', async () => {
		sevDesk.fake.unitsMissing = true;
		const run = await runSevDesk(sevDesk, createDraft(), { input: items([position(1), position(2, { unit: 'days' })]) });
		expect((run.items[0].json.positions as Array<{ unitId: number }>).map((p) => p.unitId)).toEqual([9, 12]);
	});

	it('refuses a day length that is not one, naming the option', async () => {
		const run = await runSevDesk(sevDesk, createDraft({ options: { unitOnInvoice: 'days', hoursPerDay: 0 } }), { input: items([position(1)]) });
		expect(run.error?.message).toBe('"Hours per Day" must be more than 0 and at most 24, got 0');
	});
});

describe('sevDesk Invoice > Create Draft from Positions: an empty Invoice Date is today in the workflow\'s time zone', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
	});
	afterEach(async () => {
		resetClock();
		await sevDesk.close();
	});

	it.each([
		// 00:30 in Berlin, still the 7th in UTC.
		['2026-12-07T23:30:00Z', 'Europe/Berlin', '08.12.2026'],
		// 19:00 on the 7th in Los Angeles, already the 8th in UTC.
		['2026-12-08T03:00:00Z', 'America/Los_Angeles', '07.12.2026'],
	])('at %s in %s, dates the invoice %s', async (now, timezone, invoiceDate) => {
		setClockAt(now);
		const run = await runSevDesk(sevDesk, createDraft({ options: {} }), { input: items([position(1)]), timezone });
		expect(run.error).toBeUndefined();
		const body = sevDesk.fake.apiCalls('POST')[0].body as { invoice: Record<string, unknown> };
		expect(body.invoice.invoiceDate).toBe(invoiceDate);
	});

	it('fails naming the zone when the workflow\'s time zone is unknown, instead of guessing a day', async () => {
		const run = await runSevDesk(sevDesk, createDraft({ options: {} }), { input: items([position(1)]), timezone: 'Mars/Olympus_Mons' });
		expect(run.error?.message).toBe('Invoice Date: empty means today, but the workflow\'s time zone "Mars/Olympus_Mons" is not a known time zone');
		expect(sevDesk.fake.apiCalls('POST')).toEqual([]);
	});
});
