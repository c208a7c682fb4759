import { invoiceReferenceOf } from '../../../../nodes/shared/billing/invoiceLine';
import { startFakeLexoffice, type RunningFakeLexoffice } from '../../../../devkit/fakes/lexoffice';
import { createDraft, items, position, runLexoffice } from '../helpers';

describe('Lexoffice Invoice > Create Draft: Reference From Field (a reference planned before the draft)', () => {
	let lex: RunningFakeLexoffice;
	let contactId: string;

	beforeEach(async () => {
		lex = await startFakeLexoffice();
		contactId = lex.fake.addContact({ companyName: 'ACME GmbH' }).id;
	});
	afterEach(async () => await lex.close());

	const posts = () => lex.fake.log.filter((entry) => entry.method === 'POST');
	const withPlan = (id: string) => createDraft(id, { options: { referenceField: 'invoicePlan' } });

	it('a crashed run\'s entries go back into ITS draft although the entry set changed; entries without a plan make a new draft', async () => {
		const planned = invoiceReferenceOf([{ timeEntryIds: ['te-1a', 'te-1b', 'te-2a', 'te-2b'] }]);
		const first = await runLexoffice(lex, withPlan(contactId), { input: items([position(1, { invoicePlan: planned }), position(2, { invoicePlan: planned })]) });
		expect(first.items[0].json).toMatchObject({ created: true, reference: planned });
		expect(lex.fake.store.invoices[0].remark).toBe(`Ref: ${planned}`);

		const again = await runLexoffice(lex, withPlan(contactId), { input: items([position(1, { invoicePlan: planned })]) });
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false, reference: planned, timeEntryIds: ['te-1a', 'te-1b'] });

		const fresh = await runLexoffice(lex, withPlan(contactId), { input: items([position(3)]) });
		expect(fresh.items[0].json).toMatchObject({ created: true, reference: invoiceReferenceOf([{ timeEntryIds: ['te-3a', 'te-3b'] }]) });
		expect(posts()).toHaveLength(2);
		expect(lex.fake.store.invoices.map((invoice) => invoice.lineItems.length)).toEqual([2, 1]);
	});

	it('a plan saved but never drafted makes the draft under the planned reference, and a replay finds it', async () => {
		const planned = invoiceReferenceOf([{ timeEntryIds: ['te-1a', 'te-1b', 'te-9a'] }]);
		const made = await runLexoffice(lex, withPlan(contactId), { input: items([position(1, { invoicePlan: planned })]) });
		expect(made.items[0].json).toMatchObject({ created: true, reference: planned });
		const replay = await runLexoffice(lex, withPlan(contactId), { input: items([position(1, { invoicePlan: planned })]) });
		expect(replay.items[0].json).toMatchObject({ id: made.items[0].json.id, created: false });
		expect(posts()).toHaveLength(1);
	});

	it('refuses items of one draft with different plans, naming the field, and sends nothing', async () => {
		const run = await runLexoffice(lex, withPlan(contactId), {
			input: items([position(1, { invoicePlan: invoiceReferenceOf([{ timeEntryIds: ['a'] }]) }), position(2, { invoicePlan: invoiceReferenceOf([{ timeEntryIds: ['b'] }]) })]),
		});
		expect(run.error?.message).toContain('"invoicePlan"');
		expect(posts()).toHaveLength(0);
	});
});
