import { invoiceReferenceOf } from '../../../../nodes/shared/billing/invoiceLine';
import { startFakeLexoffice, type RunningFakeLexoffice } from '../../../../devkit/fakes/lexoffice';
import { APP_URL, createDraft, items, position, runLexoffice } from '../helpers';
import { resetClock, setClockAt } from '../../shared/datesClock';

describe('Lexoffice Invoice > Create Draft from Positions', () => {
	let lex: RunningFakeLexoffice;
	let contactId: string;

	beforeEach(async () => {
		lex = await startFakeLexoffice();
		contactId = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
	});
	afterEach(async () => await lex.close());

	const posts = () => lex.fake.log.filter((entry) => entry.method === 'POST');

	it('makes one draft from all positions, with the reference in the remark and Lexware\'s field names', async () => {
		const run = await runLexoffice(lex, createDraft(contactId, { options: { remark: 'Thank you' } }), { input: items([position(1), position(2, { unit: 'days', quantity: 1, unitPrice: 800 })]) });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		const out = run.items[0].json;
		const reference = invoiceReferenceOf([{ timeEntryIds: ['te-1a', 'te-1b'] }, { timeEntryIds: ['te-2a', 'te-2b'] }]);
		expect(out).toMatchObject({ status: 'draft', number: null, created: true, reference, contactId, url: `${APP_URL}/permalink/invoices/edit/${String(out.id)}` });
		expect(out.timeEntryIds).toEqual(['te-1a', 'te-1b', 'te-2a', 'te-2b']);
		expect(run.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);

		expect(posts()).toHaveLength(1);
		expect(posts()[0].query).toEqual({});
		const [stored] = lex.fake.store.invoices;
		expect(stored.id).toBe(out.id);
		expect(stored.voucherStatus).toBe('draft');
		expect(stored.remark).toBe(`Thank you\n\nRef: ${reference}`);
		expect(stored.voucherDate).toBe('2026-06-01T00:00:00.000Z');
		expect(stored.shippingConditions).toEqual({ shippingType: 'serviceperiod', shippingDate: '2026-05-01T00:00:00.000Z', shippingEndDate: '2026-05-02T00:00:00.000Z' });
		expect(stored.lineItems.map((item) => [item.name, item.quantity, item.unitName, (item.unitPrice as { netAmount: number }).netAmount])).toEqual([
			['Website relaunch 1', 2.5, 'Stunde', 100],
			['Website relaunch 2', 1, 'Tag', 800],
		]);
		expect(stored.totalPrice).toMatchObject({ totalNetAmount: 1050, totalGrossAmount: 1249.5 });
	});

	it('finds its draft on a replay instead of making a second one', async () => {
		const input = items([position(1), position(2)]);
		const first = await runLexoffice(lex, createDraft(contactId), { input });
		lex.fake.log.length = 0;
		// The same entries in another order and split: same reference.
		const replay = await runLexoffice(lex, createDraft(contactId), { input: [...input].reverse() });
		expect(replay.error).toBeUndefined();
		expect(replay.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false, status: 'draft', reference: first.items[0].json.reference });
		expect(replay.items[0].json.timeEntryIds).toEqual(first.items[0].json.timeEntryIds);
		expect(posts()).toHaveLength(0);
		expect(lex.fake.store.invoices).toHaveLength(1);
	});

	it('still finds the invoice after the user finalized the draft in the app', async () => {
		const first = await runLexoffice(lex, createDraft(contactId), { input: items([position(1)]) });
		lex.fake.store.finalize(String(first.items[0].json.id));
		const replay = await runLexoffice(lex, createDraft(contactId), { input: items([position(1)]) });
		expect(replay.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false, status: 'open', number: 'RE0001' });
		expect(lex.fake.store.invoices).toHaveLength(1);
	});

	it('makes a new draft for other time entries of the same contact', async () => {
		await runLexoffice(lex, createDraft(contactId), { input: items([position(1)]) });
		const other = await runLexoffice(lex, createDraft(contactId), { input: items([position(2)]) });
		expect(other.items[0].json.created).toBe(true);
		expect(lex.fake.store.invoices).toHaveLength(2);
	});

	it('finishes after a crash between the create and its answer: the next run finds the draft', async () => {
		lex.fake.cutAnswerOfCreates = 1;
		const crashed = await runLexoffice(lex, createDraft(contactId), { input: items([position(1)]) });
		expect(crashed.error?.message).toBe('Could not reach Lexoffice for POST /v1/invoices');
		expect(crashed.error?.description).toMatch(/may have been created.*finds a draft/);
		// Not repeated: Lexware has no idempotency key, a second POST could make a second invoice.
		expect(posts()).toHaveLength(1);
		expect(lex.fake.store.invoices).toHaveLength(1);

		const next = await runLexoffice(lex, createDraft(contactId), { input: items([position(1)]) });
		expect(next.items[0].json).toMatchObject({ id: lex.fake.store.invoices[0].id, created: false });
		expect(lex.fake.store.invoices).toHaveLength(1);
	});

	it('makes one draft per contact when the contact differs per item', async () => {
		const other = lex.fake.addContact({ companyName: 'Globex' }).id;
		const run = await runLexoffice(lex, createDraft(contactId, { contactId: { __rl: true, mode: 'id', value: '={{ $json.contact }}' } }), {
			input: items([position(1, { contact: contactId }), position(2, { contact: other }), position(3, { contact: contactId })]),
		});
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => [item.json.contactId, item.json.timeEntryIds, item.pairedItem])).toEqual([
			[contactId, ['te-1a', 'te-1b', 'te-3a', 'te-3b'], [{ item: 0 }, { item: 2 }]],
			[other, ['te-2a', 'te-2b'], [{ item: 1 }]],
		]);
		expect(lex.fake.store.invoices).toHaveLength(2);
	});

	it('refuses a bad position naming its field, before sending anything', async () => {
		const run = await runLexoffice(lex, createDraft(contactId), { input: items([position(1), position(2, { quantity: 'two' })]) });
		expect(run.error?.message).toBe('Position in item 1: "quantity" must be a number, got "two"');
		expect(lex.fake.log).toHaveLength(0);
	});

	it('with Continue On Fail bills the good positions and returns the bad one as an error item', async () => {
		const run = await runLexoffice(lex, createDraft(contactId), { input: items([position(1), position(2, { text: '' })]), continueOnFail: true });
		expect(run.items).toHaveLength(2);
		expect(run.items[0].json).toMatchObject({ created: true, timeEntryIds: ['te-1a', 'te-1b'] });
		expect(run.items[1].json.error).toMatch(/"text" is empty/);
		expect(run.items[1].pairedItem).toEqual({ item: 1 });
	});

	it('maps Lexware\'s refusal to a message naming the field (a vendor is no customer)', async () => {
		const vendor = lex.fake.addContact({ companyName: 'Supplier AG', customer: false }).id;
		const run = await runLexoffice(lex, createDraft(vendor), { input: items([position(1)]) });
		expect(run.error?.message).toBe('Lexoffice rejected POST /v1/invoices (HTTP 406): "address.contactId": contact has no customer role / INVALID');
		expect(run.error?.description).toBe('Check the value of "address.contactId".');
	});

	it('bills in days at the configured day length, keeping the amount', async () => {
		await runLexoffice(lex, createDraft(contactId, { options: { billIn: 'days', hoursPerDay: 6 } }), { input: items([position(1, { quantity: 3, unitPrice: 120 })]) });
		const [item] = lex.fake.store.invoices[0].lineItems;
		expect([item.quantity, item.unitName, (item.unitPrice as { netAmount: number }).netAmount, item.lineItemAmount]).toEqual([0.5, 'Tag', 720, 360]);
	});

	it('sends gross prices for gross invoices and 0 % for vat-free ones', async () => {
		await runLexoffice(lex, createDraft(contactId, { taxType: 'gross', taxRatePercentage: 7 }), { input: items([position(1, { unitPrice: 100 })]) });
		expect(lex.fake.store.invoices[0].lineItems[0].unitPrice).toMatchObject({ grossAmount: 107, taxRatePercentage: 7 });
		await runLexoffice(lex, createDraft(contactId, { taxType: 'vatfree' }), { input: items([position(2)]) });
		expect(lex.fake.store.invoices[1].lineItems[0].unitPrice).toMatchObject({ netAmount: 100, taxRatePercentage: 0 });
	});

	it('takes the tax type from the organisation\'s profile: a small business bills vat-free', async () => {
		lex.fake.store.profile.smallBusiness = true;
		const run = await runLexoffice(lex, createDraft(contactId, { taxType: 'fromProfile' }), { input: items([position(1)]) });
		expect(run.error).toBeUndefined();
		expect(lex.fake.log[0].path).toBe('/v1/profile');
		expect(lex.fake.store.invoices[0].taxConditions).toEqual({ taxType: 'vatfree' });
	});

	it('refuses positions that cannot carry a reference, and a remark too long for the reference line', async () => {
		const manual = await runLexoffice(lex, createDraft(contactId), { input: items([position(1, { timeEntryIds: [] })]) });
		expect(manual.error?.message).toMatch(/no line names an awork time entry/);
		const long = await runLexoffice(lex, createDraft(contactId, { options: { remark: 'x'.repeat(1990) } }), { input: items([position(1)]) });
		expect(long.error?.message).toMatch(/^"Remark" is too long/);
		expect(posts()).toHaveLength(0);
	});

	it('reads the profile once per run, however many contacts get a draft', async () => {
		const other = lex.fake.addContact({ companyName: 'Globex' }).id;
		const run = await runLexoffice(lex, createDraft(contactId, { taxType: 'fromProfile', contactId: { __rl: true, mode: 'id', value: '={{ $json.contact }}' } }), {
			input: items([position(1, { contact: contactId }), position(2, { contact: other })]),
		});
		expect(run.items).toHaveLength(2);
		expect(lex.fake.log.filter((entry) => entry.path === '/v1/profile')).toHaveLength(1);
		expect(lex.fake.store.invoices.map((invoice) => invoice.taxConditions.taxType)).toEqual(['net', 'net']);
	});

	it('does not repeat a create answered 504 (it may have been processed); the rerun finds the draft', async () => {
		lex.fake.timeOutCreates = 1;
		const run = await runLexoffice(lex, createDraft(contactId), { input: items([position(1)]) });
		expect(run.error?.message).toBe('Lexoffice timed out answering POST /v1/invoices: Endpoint request timed out');
		expect(run.error?.description).toMatch(/may still have been processed\. Run the node again/);
		expect(posts()).toHaveLength(1);
		const rerun = await runLexoffice(lex, createDraft(contactId), { input: items([position(1)]) });
		expect(rerun.items[0].json).toMatchObject({ id: lex.fake.store.invoices[0].id, created: false });
		expect(lex.fake.store.invoices).toHaveLength(1);
	});
});

describe('Lexoffice Invoice > Create Draft from Positions: an empty Voucher Date is today in the workflow\'s time zone', () => {
	let lex: RunningFakeLexoffice;
	let contactId: string;

	beforeEach(async () => {
		lex = await startFakeLexoffice();
		contactId = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
	});
	afterEach(async () => {
		resetClock();
		await lex.close();
	});

	const sent = (method: string, path: string) => lex.fake.log.find((entry) => entry.method === method && entry.path === path);

	it.each([
		// 00:30 in Berlin, still the 7th in UTC.
		['2026-12-07T23:30:00Z', 'Europe/Berlin', '2026-12-08'],
		// 19:00 on the 7th in Los Angeles, already the 8th in UTC and in Germany.
		['2026-12-08T03:00:00Z', 'America/Los_Angeles', '2026-12-07'],
		// 01:00 on the 8th in Tokyo, still the 7th in Germany.
		['2026-12-07T16:00:00Z', 'Asia/Tokyo', '2026-12-08'],
	])('at %s in %s, dates the invoice %s', async (now, timezone, day) => {
		setClockAt(now);
		const run = await runLexoffice(lex, createDraft(contactId, { voucherDate: '' }), { input: items([position(1)]), timezone });
		expect(run.error).toBeUndefined();
		expect((sent('POST', '/v1/invoices')?.body as { voucherDate?: string }).voucherDate).toBe(`${day}T00:00:00.000Z`);
		expect(lex.fake.store.invoices[0].voucherDate).toBe(`${day}T00:00:00.000Z`);
	});

	it.each([
		// The look-back window counts from today in Germany, where Lexware dates createdDate, whatever the workflow's zone.
		['2026-12-08T03:00:00Z', 'America/Los_Angeles', '2026-10-09'],
		['2026-12-07T16:00:00Z', 'Asia/Tokyo', '2026-10-08'],
	])('at %s in %s, looks for an earlier draft created from %s on (60 days before today in Germany)', async (now, timezone, createdDateFrom) => {
		setClockAt(now);
		await runLexoffice(lex, createDraft(contactId, { voucherDate: '' }), { input: items([position(1)]), timezone });
		expect(sent('GET', '/v1/voucherlist')?.query).toMatchObject({ createdDateFrom });
	});

	it('fails naming the zone when the workflow\'s time zone is unknown, instead of guessing a day', async () => {
		const run = await runLexoffice(lex, createDraft(contactId, { voucherDate: '' }), { input: items([position(1)]), timezone: 'Mars/Olympus_Mons' });
		expect(run.error?.message).toBe('Voucher Date: empty means today, but the workflow\'s time zone "Mars/Olympus_Mons" is not a known time zone');
		expect(lex.fake.store.invoices).toEqual([]);
	});
});
