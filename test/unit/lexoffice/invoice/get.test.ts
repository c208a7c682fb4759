import { startFakeLexoffice, type RunningFakeLexoffice } from '../../../../devkit/fakes/lexoffice';
import { searchDrafts, searchInvoices } from '../../../../nodes/Lexoffice/methods/listSearch';
import { APP_URL, byId, createDraft, items, loadOptionsContext, position, runLexoffice } from '../helpers';

describe('Lexoffice Invoice > Get', () => {
	let lex: RunningFakeLexoffice;

	beforeEach(async () => (lex = await startFakeLexoffice()));
	afterEach(async () => await lex.close());

	it('reads an invoice with its positions, the reference from its remark and a link', async () => {
		const contactId = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
		const made = await runLexoffice(lex, createDraft(contactId), { input: items([position(1)]) });
		const id = String(made.items[0].json.id);
		const run = await runLexoffice(lex, { resource: 'invoice', operation: 'get', invoiceId: byId(id) });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ id, voucherStatus: 'draft', reference: made.items[0].json.reference, url: `${APP_URL}/permalink/invoices/edit/${id}` });
		expect((run.items[0].json.lineItems as unknown[]).length).toBe(1);

		lex.fake.store.finalize(id);
		const finalized = await runLexoffice(lex, { resource: 'invoice', operation: 'get', invoiceId: byId(id) });
		expect(finalized.items[0].json.url).toBe(`${APP_URL}/permalink/invoices/view/${id}`);
	});

	it('says what it did not find, and refuses an ID that is not a path segment', async () => {
		const missing = await runLexoffice(lex, { resource: 'invoice', operation: 'get', invoiceId: byId('nope') });
		expect(missing.error?.message).toBe('Lexoffice found nothing at GET /v1/invoices/nope: Invoice nope not found');
		const dots = await runLexoffice(lex, { resource: 'invoice', operation: 'get', invoiceId: byId('..') });
		expect(dots.error?.message).toMatch(/^The invoice ID "\.\." cannot be used in a request path/);
		expect(lex.fake.log).toHaveLength(1);
	});

	it('offers drafts in the Add Positions picker and every invoice in the Get picker, filtered by what is shown', async () => {
		const acme = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
		const globex = lex.fake.addContact({ companyName: 'Globex' }).id;
		const first = await runLexoffice(lex, createDraft(acme), { input: items([position(1)]) });
		await runLexoffice(lex, createDraft(globex), { input: items([position(2)]) });
		lex.fake.store.finalize(String(first.items[0].json.id));
		const ctx = loadOptionsContext(lex);
		const drafts = await searchDrafts.call(ctx);
		expect(drafts.results.map((result) => result.name)).toEqual(['Globex · 2026-06-01 · 297.5 EUR']);
		const all = await searchInvoices.call(ctx, 'acme');
		expect(all.results.map((result) => result.name)).toEqual(['RE0001 · ACME GmbH · 2026-06-01 · 297.5 EUR']);
		expect(all.paginationToken).toBeUndefined();
	});
});
