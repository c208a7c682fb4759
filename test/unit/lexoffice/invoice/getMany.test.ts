import { startFakeLexoffice, type RunningFakeLexoffice } from '../../../../devkit/fakes/lexoffice';
import { byId, createDraft, items, position, runLexoffice } from '../helpers';

describe('Lexoffice Invoice > Get Many', () => {
	let lex: RunningFakeLexoffice;
	let acme: string;

	beforeEach(async () => {
		lex = await startFakeLexoffice();
		acme = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
	});
	afterEach(async () => await lex.close());

	it('lists drafts by default, of one contact when asked', async () => {
		const globex = lex.fake.addContact({ companyName: 'Globex' }).id;
		const first = await runLexoffice(lex, createDraft(acme), { input: items([position(1)]) });
		await runLexoffice(lex, createDraft(acme), { input: items([position(2)]) });
		await runLexoffice(lex, createDraft(globex), { input: items([position(3)]) });
		lex.fake.store.finalize(String(first.items[0].json.id));

		const drafts = await runLexoffice(lex, { resource: 'invoice', operation: 'getMany', returnAll: true, contactId: byId(acme) });
		expect(drafts.error).toBeUndefined();
		expect(drafts.items.map((item) => [item.json.voucherStatus, item.json.contactName])).toEqual([['draft', 'ACME GmbH']]);
		const request = lex.fake.log[lex.fake.log.length - 1];
		expect(request.query).toMatchObject({ voucherType: 'invoice', voucherStatus: 'draft', contactId: acme, page: '0', size: '250' });

		const all = await runLexoffice(lex, { resource: 'invoice', operation: 'getMany', status: 'any', returnAll: true });
		expect(all.items).toHaveLength(3);
	});

	it('reads every page (0-based) and stops at the limit', async () => {
		const template = lex.fake.store.invoices;
		await runLexoffice(lex, createDraft(acme), { input: items([position(1)]) });
		for (let i = 0; i < 300; i++) template.push({ ...template[0], id: `inv-${i}` });
		lex.fake.log.length = 0;
		const all = await runLexoffice(lex, { resource: 'invoice', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(301);
		expect(lex.fake.log.map((entry) => entry.query.page)).toEqual(['0', '1']);

		lex.fake.log.length = 0;
		const some = await runLexoffice(lex, { resource: 'invoice', operation: 'getMany', returnAll: false, limit: 7 });
		expect(some.items).toHaveLength(7);
		expect(lex.fake.log.map((entry) => entry.query.size)).toEqual(['7']);
	});
});
