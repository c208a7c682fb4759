import { invoiceReferenceOf } from '../../../../nodes/shared/billing/invoiceLine';
import { addPositions, createDraft, items, position, runSevDesk, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';

const withPlan = { options: { invoiceDate: '2026-12-04', referenceField: 'invoicePlan' } };

describe('sevDesk Invoice > Reference From Field (a reference planned before the draft)', () => {
	let sevDesk: RunningFakeSevDesk;

	beforeEach(async () => {
		sevDesk = await startSevDesk();
	});
	afterEach(async () => await sevDesk.close());

	it('a crashed run\'s entries go back into ITS draft although other entries changed the set; entries without a plan make a new draft', async () => {
		const planned = invoiceReferenceOf([{ timeEntryIds: ['te-1a', 'te-1b', 'te-2a', 'te-2b'] }]);
		const first = await runSevDesk(sevDesk, createDraft(withPlan), { input: items([position(1, { invoicePlan: planned }), position(2, { invoicePlan: planned })]) });
		expect(first.items[0].json).toMatchObject({ created: true, reference: planned });

		// Entry te-2* was billed by hand in between: the rest still finds the first draft, nothing is written.
		const again = await runSevDesk(sevDesk, createDraft(withPlan), { input: items([position(1, { invoicePlan: planned })]) });
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false, positionsWritten: 0, reference: planned, timeEntryIds: ['te-1a', 'te-1b'] });

		const fresh = await runSevDesk(sevDesk, createDraft(withPlan), { input: items([position(3, { invoicePlan: '' })]) });
		expect(fresh.items[0].json).toMatchObject({ created: true, reference: invoiceReferenceOf([{ timeEntryIds: ['te-3a', 'te-3b'] }]), timeEntryIds: ['te-3a', 'te-3b'] });
		expect(sevDesk.fake.state().invoices.map((invoice) => invoice.positions.length)).toEqual([2, 1]);
	});

	it('a plan saved but never drafted (crash before Create) makes the draft under the planned reference, and a replay finds it', async () => {
		const planned = invoiceReferenceOf([{ timeEntryIds: ['te-1a', 'te-1b', 'te-9a'] }]);
		const made = await runSevDesk(sevDesk, createDraft(withPlan), { input: items([position(1, { invoicePlan: planned })]) });
		expect(made.items[0].json).toMatchObject({ created: true, reference: planned });
		expect(sevDesk.fake.state().invoices[0].customerInternalNote).toBe(planned);
		const replay = await runSevDesk(sevDesk, createDraft(withPlan), { input: items([position(1, { invoicePlan: planned })]) });
		expect(replay.items[0].json).toMatchObject({ id: made.items[0].json.id, created: false });
		expect(sevDesk.fake.state().invoices).toHaveLength(1);
	});

	it('refuses items of one draft with different plans, naming the field, and writes nothing', async () => {
		const a = invoiceReferenceOf([{ timeEntryIds: ['a'] }]);
		const run = await runSevDesk(sevDesk, createDraft(withPlan), { input: items([position(1, { invoicePlan: a }), position(2)]) });
		expect(run.error?.message).toContain('"invoicePlan"');
		expect(sevDesk.fake.apiCalls('POST')).toHaveLength(0);
	});

	it('Add Positions to Draft: a planned batch is added once, and its replay with fewer entries adds nothing', async () => {
		const draft = await runSevDesk(sevDesk, createDraft(), { input: items([position(1)]) });
		const invoiceId = String(draft.items[0].json.id);
		const planned = invoiceReferenceOf([{ timeEntryIds: ['te-2a', 'te-2b', 'te-3a', 'te-3b'] }]);
		const added = await runSevDesk(sevDesk, addPositions(invoiceId, { options: { referenceField: 'invoicePlan' } }), { input: items([position(2, { invoicePlan: planned }), position(3, { invoicePlan: planned })]) });
		expect(added.items[0].json).toMatchObject({ created: true, reference: planned, positionsWritten: 2 });
		const replay = await runSevDesk(sevDesk, addPositions(invoiceId, { options: { referenceField: 'invoicePlan' } }), { input: items([position(3, { invoicePlan: planned })]) });
		expect(replay.items[0].json).toMatchObject({ created: false, positionsWritten: 0, timeEntryIds: ['te-3a', 'te-3b'] });
		expect(sevDesk.fake.state().invoices[0].positions).toHaveLength(3);
	});
});
