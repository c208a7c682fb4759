import { startFakeHq, type RunningFakeHq, type WriteAnswer } from '../../../../devkit/fakes/hq';
import { ACME, createDraft, cuttingProxy, items, position, runHq } from '../helpers';
import { resetClock, setClockAt } from '../../shared/datesClock';

describe('HQ Invoice > Create Draft from Positions', () => {
	let hq: RunningFakeHq;
	beforeEach(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME] });
	});
	afterEach(async () => await hq.close());

	it('creates one draft with the reference in its note and one free-text position per input item', async () => {
		const run = await runHq(hq, createDraft(), { input: items([position(1), position(2, { text: 'R&D <sprint>', unitPrice: 80 })]) });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		const out = run.items[0].json;
		expect(out).toMatchObject({ created: true, status: 'Draft', isDraft: true, positionsWritten: 2, positionsFound: 0, netValue: 450, currency: 'EUR' });
		expect(out.reference).toMatch(/^awork-[0-9a-f]{24}$/);
		expect(out.timeEntryIds).toEqual(['te-1a', 'te-1b', 'te-2a', 'te-2b']);
		expect(run.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);

		const [document] = hq.fake.documents;
		expect(document).toMatchObject({
			companyId: ACME.id,
			documentType: 'Invoice',
			documentTemplateEntityId: 1,
			date: '2026-12-01T00:00:00',
			validUntilDate: '2026-12-15T00:00:00',
			performancePeriodStartDate: '2026-11-01T00:00:00',
			performancePeriodEndDate: '2026-11-02T00:00:00',
			note: out.reference,
		});
		const posted = hq.fake.log.filter((r) => r.path === '/v2/DocumentPositions/FreeTextPosition').map((r) => r.body);
		expect(posted).toEqual([
			{ documentEntityId: document.id, text: 'Website relaunch · Design 1', amount1: 2.5, unitId1: 1, price: 100, tax: 19 },
			{ documentEntityId: document.id, text: 'R&amp;D &lt;sprint&gt;', amount1: 2.5, unitId1: 1, price: 80, tax: 19 },
		]);
		// The reference is written before the first position, so a replay after any position finds the draft.
		const order = hq.fake.log.map((r) => `${r.method} ${r.path.replace(/\/\d+/g, '/:id')}`);
		expect(order.indexOf('PUT /v2/Documents/:id')).toBeLessThan(order.indexOf('POST /v2/DocumentPositions/FreeTextPosition'));
	});

	it('with Contact set per item, makes one draft per contact; under Continue On Fail a refused contact does not stop the other', async () => {
		hq.fake.seed({ companies: [{ id: 502, name: 'Globex Ltd' }] });
		const perItem = createDraft({ contactId: { __rl: true, mode: 'id', value: '={{ $json.hqContactId }}' } });
		const input = items([position(1, { hqContactId: '501' }), position(2, { hqContactId: '502' }), position(3, { hqContactId: '501' }), position(4, { hqContactId: '999' })]);
		const run = await runHq(hq, perItem, { input, continueOnFail: true });
		expect(run.items.map((item) => [item.json.contactId ?? item.json.error, item.pairedItem])).toEqual([
			['501', [{ item: 0 }, { item: 2 }]],
			['502', [{ item: 1 }]],
			['HQ rejected POST /v2/Documents: companyId: Company 999 does not exist.', { item: 3 }],
		]);
		expect(hq.fake.documents.map((d) => [d.companyId, hq.fake.positionsOf(d.id as number).length])).toEqual([
			[501, 2],
			[502, 1],
		]);
	});

	it('a replay finds the draft by its reference and creates nothing, whatever the order of the positions', async () => {
		const first = await runHq(hq, createDraft(), { input: items([position(1), position(2)]) });
		hq.fake.log.length = 0;
		const replay = await runHq(hq, createDraft(), { input: items([position(2), position(1)]) });
		expect(replay.error).toBeUndefined();
		expect(replay.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false, positionsWritten: 0, positionsFound: 2 });
		expect(hq.fake.documents).toHaveLength(1);
		expect(hq.fake.positions).toHaveLength(2);
		expect(hq.fake.log.filter((r) => r.method !== 'GET')).toEqual([]);
	});

	it('a replay finds its own draft even when HQ ignores the filter, and never takes another contact\'s invoice', async () => {
		hq.fake.seed({ companies: [{ id: 502, name: 'Globex Ltd' }] });
		// Globex's invoice carries the same reference (its positions bill the same entries).
		await runHq(hq, createDraft({ contactId: { __rl: true, mode: 'id', value: '502' } }), { input: items([position(1)]) });
		hq.fake.settings.ignoreFilter = true;
		const acme = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(acme.items[0].json).toMatchObject({ created: true, contactId: String(ACME.id) });
		const replay = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(replay.items[0].json).toMatchObject({ id: acme.items[0].json.id, created: false });
		expect(hq.fake.documents).toHaveLength(2);
	});

	it('finds its reference in a note HQ keeps as HTML', async () => {
		hq.fake.settings.noteStorage = 'html';
		const first = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(hq.fake.documents[0].note).toBe(`<p>${String(first.items[0].json.reference)}</p>`);
		const replay = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(replay.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false, positionsWritten: 0 });
	});

	it('stops before any position when HQ does not keep the reference (a replay could not find the invoice)', async () => {
		hq.fake.settings.noteStorage = 'dropped';
		const run = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(run.error?.message).toMatch(/^HQ did not keep the reference awork-[0-9a-f]{24} in the note of invoice \d+, so no positions were written to it$/);
		expect(hq.fake.positions).toEqual([]);
	});

	it('a run that stopped between positions is completed by the next one, without doubling what landed', async () => {
		await runHq(hq, createDraft(), { input: items([position(1), position(2), position(3)]) });
		// As if the run had died after the first position: the other two never landed.
		hq.fake.positions.splice(1, 2);
		const replay = await runHq(hq, createDraft(), { input: items([position(1), position(2), position(3)]) });
		expect(replay.items[0].json).toMatchObject({ created: false, positionsWritten: 2, positionsFound: 1 });
		expect(hq.fake.positions.map((p) => p.plainText)).toEqual(['Website relaunch · Design 1', 'Website relaunch · Design 2', 'Website relaunch · Design 3']);
	});

	it.each<WriteAnswer>(['entity200', 'entity201', 'id200', 'location201', 'location204'])('reads the new ID when HQ answers writes as %s', async (writeAnswer) => {
		hq.fake.settings.writeAnswer = writeAnswer;
		const run = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ id: String(hq.fake.documents[0].id), created: true, positionsWritten: 1 });
		expect(hq.fake.documents[0].note).toBe(run.items[0].json.reference);
	});

	it('keeps the document head when HQ\'s PUT resets fields it is not sent', async () => {
		hq.fake.settings.putMode = 'replace';
		const run = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(run.error).toBeUndefined();
		expect(hq.fake.documents[0]).toMatchObject({ currency: 'EUR', companyId: ACME.id, date: '2026-12-01T00:00:00', note: run.items[0].json.reference });
	});

	it('knows a draft when HQ sends status types as numbers', async () => {
		hq.fake.settings.enumsAsNumbers = true;
		await runHq(hq, createDraft(), { input: items([position(1)]) });
		const replay = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(replay.items[0].json).toMatchObject({ status: 'Draft', isDraft: true, created: false });
	});

	it.each([false, true])('when HQ wants a position table, sends the positions into the draft\'s table (enums as numbers: %s)', async (enumsAsNumbers) => {
		hq.fake.settings.requireDocumentTableId = true;
		hq.fake.settings.enumsAsNumbers = enumsAsNumbers;
		const run = await runHq(hq, createDraft(), { input: items([position(1), position(2)]) });
		expect(run.error).toBeUndefined();
		const grid = hq.fake.documentElements.get(hq.fake.documents[0].id as number)![1];
		expect(hq.fake.positions.map((p) => p.documentTableId)).toEqual([grid.id, grid.id]);
		// One refused try, one look at the elements, then every position with the table.
		const positionPosts = hq.fake.log.filter((r) => r.path.endsWith('/FreeTextPosition')).map((r) => r.status);
		expect(positionPosts).toEqual([400, 200, 200]);
		expect(hq.fake.log.filter((r) => r.path.endsWith('/DocumentElements'))).toHaveLength(1);
	});

	it('says so when HQ wants a position table and the draft has none', async () => {
		hq.fake.settings.requireDocumentTableId = true;
		const original = hq.fake.documentElements.set.bind(hq.fake.documentElements);
		hq.fake.documentElements.set = (id, elements) => original(id, elements.filter((e) => e.type !== 'Grid'));
		const run = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(run.error?.message).toBe(`HQ wants a position table (documentTableId) for invoice ${String(hq.fake.documents[0].id)}, and the invoice has none`);
	});

	it('takes a new document without any status for the draft it is (replay and Add Positions work on it)', async () => {
		hq.fake.settings.newDocumentStatus = 'none';
		const first = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(first.items[0].json).toMatchObject({ status: 'Draft', statusName: null, isDraft: true });
		const replay = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(replay.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false });
		const added = await runHq(hq, { resource: 'invoice', operation: 'addPositions', invoiceId: { __rl: true, mode: 'id', value: String(first.items[0].json.id) } }, { input: items([position(3)]) });
		expect(added.items[0].json).toMatchObject({ positionsWritten: 1 });
	});

	it('writes days with the day unit, converting quantity and price, when asked', async () => {
		const run = await runHq(hq, createDraft({ positionSettings: { unit: 'days', hoursPerDay: 8, dayUnitId: 2, taxRate: 7 } }), {
			input: items([position(1, { quantity: 12, unitPrice: 100 })]),
		});
		expect(run.error).toBeUndefined();
		expect(hq.fake.positions[0]).toMatchObject({ amount1: 1.5, unitId1: 2, price: 800, tax: 7, totalNetValue: 1200 });
	});

	it('refuses a bad position naming its field, before anything is written', async () => {
		const run = await runHq(hq, createDraft(), { input: items([position(1), position(2, { unitPrice: 'lots' })]) });
		expect(run.error?.message).toBe('Position 2: "unitPrice" must be a number, got "lots"');
		expect(run.error?.description).toMatch(/"unitPrice" of input item 2/);
		expect(hq.fake.documents).toHaveLength(0);
	});

	it('under Continue On Fail bills the good positions and returns the bad one as an error item', async () => {
		const run = await runHq(hq, createDraft(), { input: items([position(1), position(2, { text: '' })]), continueOnFail: true });
		expect(run.items.map((item) => item.json.error ?? item.json.positionsWritten)).toEqual(['Position 2: "text" is empty: an invoice position needs a text', 1]);
	});

	it('under Continue On Fail a refused invoice turns every position item into an error item, so none is billed', async () => {
		const run = await runHq(hq, createDraft({ documentTemplateId: { __rl: true, mode: 'id', value: '77' } }), { input: items([position(1), position(2)]), continueOnFail: true });
		expect(run.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['HQ rejected POST /v2/Documents: documentTemplateEntityId: Document template 77 does not exist.', { item: 0 }],
			['HQ rejected POST /v2/Documents: documentTemplateEntityId: Document template 77 does not exist.', { item: 1 }],
		]);
		expect(run.items[0].json.timeEntryIds).toEqual(['te-1a', 'te-1b']);
	});

	it('refuses to complete an invoice that was sent in between, saying what is missing', async () => {
		await runHq(hq, createDraft(), { input: items([position(1), position(2)]) });
		hq.fake.positions.splice(1, 1);
		hq.fake.setDocumentStatus(hq.fake.documents[0].id as number, 'Sent');
		const replay = await runHq(hq, createDraft(), { input: items([position(1), position(2)]) });
		expect(replay.error?.message).toMatch(/is Sent, not a draft: it carries reference awork-[0-9a-f]+ but lacks 1 of its positions/);
	});

	it('names the field HQ refuses, from its problem details', async () => {
		const run = await runHq(hq, createDraft({ documentTemplateId: { __rl: true, mode: 'id', value: '77' } }), { input: items([position(1)]) });
		expect(run.error?.message).toBe('HQ rejected POST /v2/Documents: documentTemplateEntityId: Document template 77 does not exist.');
		expect(run.error?.description).toBe('Check the value for "documentTemplateEntityId".');
	});

	it('a connection cut after HQ stored a position fails the run; the replay writes only what is missing', async () => {
		let positionsPosted = 0;
		const proxy = await cuttingProxy(hq.baseUrl, (method, path) => method === 'POST' && path.endsWith('/FreeTextPosition') && ++positionsPosted === 2);
		try {
			const crashed = await runHq({ ...hq, baseUrl: proxy.baseUrl }, createDraft(), { input: items([position(1), position(2), position(3)]) });
			expect(crashed.error?.message).toBe(`Could not reach HQ for POST /v2/DocumentPositions/FreeTextPosition`);
			expect(crashed.error?.description).toMatch(/HQ may have made the change; the next run finds the invoice by its reference/);
			// The position landed but was not repeated: a POST sent twice makes two.
			expect(hq.fake.positions).toHaveLength(2);
		} finally {
			await proxy.close();
		}
		const replay = await runHq(hq, createDraft(), { input: items([position(1), position(2), position(3)]) });
		expect(replay.items[0].json).toMatchObject({ created: false, positionsWritten: 1, positionsFound: 2 });
		expect(hq.fake.documents).toHaveLength(1);
		expect(hq.fake.positions.map((p) => p.plainText)).toEqual(['Website relaunch · Design 1', 'Website relaunch · Design 2', 'Website relaunch · Design 3']);
	});

	it('a run that died between creating the draft and writing its reference: the replay takes that empty draft over', async () => {
		const proxy = await cuttingProxy(hq.baseUrl, (method, path) => method === 'POST' && path === '/v2/Documents');
		try {
			const crashed = await runHq({ ...hq, baseUrl: proxy.baseUrl }, createDraft(), { input: items([position(1)]) });
			expect(crashed.error?.message).toBe('Could not reach HQ for POST /v2/Documents');
			expect(hq.fake.documents).toHaveLength(1);
			expect(hq.fake.documents[0].note).toBeNull();
		} finally {
			await proxy.close();
		}
		// Someone's own empty draft for the contact with another head (here: another date) is left alone; it comes first.
		hq.fake.documents.unshift({ ...hq.fake.documents[0], id: 1, date: '2026-12-02T00:00:00' });
		const replay = await runHq(hq, createDraft(), { input: items([position(1)]) });
		expect(replay.items[0].json).toMatchObject({ id: String(hq.fake.documents[1].id), created: false, positionsWritten: 1 });
		expect(hq.fake.documents).toHaveLength(2);
		expect(hq.fake.documents.map((d) => d.note)).toEqual([null, replay.items[0].json.reference]);
		expect(hq.fake.positionsOf(1)).toEqual([]);
	});
});

describe('HQ Invoice > Create Draft from Positions: an empty Invoice Date is today in the workflow\'s time zone', () => {
	let hq: RunningFakeHq;
	beforeEach(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME] });
	});
	afterEach(async () => {
		resetClock();
		await hq.close();
	});

	const postedHead = () => hq.fake.log.find((r) => r.method === 'POST' && r.path === '/v2/Documents')?.body as Record<string, unknown> | undefined;

	it.each([
		// 00:30 in Berlin, still the 7th in UTC.
		['2026-12-07T23:30:00Z', 'Europe/Berlin', '2026-12-08T00:00:00', '2026-12-22T00:00:00'],
		// 19:00 on the 7th in Los Angeles, already the 8th in UTC.
		['2026-12-08T03:00:00Z', 'America/Los_Angeles', '2026-12-07T00:00:00', '2026-12-21T00:00:00'],
	])('at %s in %s, dates the invoice %s', async (now, timezone, date, validUntilDate) => {
		setClockAt(now);
		const run = await runHq(hq, createDraft({ invoiceDate: '' }), { input: items([position(1)]), timezone });
		expect(run.error).toBeUndefined();
		expect(postedHead()).toMatchObject({ date, validUntilDate });
		expect(hq.fake.documents[0]).toMatchObject({ date, validUntilDate });
	});

	it('fails naming the zone when the workflow\'s time zone is unknown, instead of guessing a day', async () => {
		const run = await runHq(hq, createDraft({ invoiceDate: '' }), { input: items([position(1)]), timezone: 'Mars/Olympus_Mons' });
		expect(run.error?.message).toBe('Invoice Date: empty means today, but the workflow\'s time zone "Mars/Olympus_Mons" is not a known time zone');
		expect(hq.fake.documents).toEqual([]);
	});
});
