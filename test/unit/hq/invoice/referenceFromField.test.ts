import { invoiceReferenceOf } from '../../../../nodes/shared/billing/invoiceLine';
import { startFakeHq, type RunningFakeHq } from '../../../../devkit/fakes/hq';
import { ACME, byId, createDraft, items, position, runHq } from '../helpers';

const planSettings = { positionSettings: { referenceField: 'invoicePlan' } };

describe('HQ Invoice > Reference From Field (a reference planned before the draft)', () => {
	let hq: RunningFakeHq;
	beforeEach(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME] });
	});
	afterEach(async () => await hq.close());

	const positionPosts = () => hq.fake.log.filter((r) => r.path === '/v2/DocumentPositions/FreeTextPosition');
	const planned = invoiceReferenceOf([{ timeEntryIds: ['te-1a', 'te-1b', 'te-2a', 'te-2b'] }]);

	it('a crashed run\'s entries go back into ITS draft although the entry set changed; entries without a plan make a new draft', async () => {
		const first = await runHq(hq, createDraft(planSettings), { input: items([position(1, { invoicePlan: planned }), position(2, { invoicePlan: planned })]) });
		expect(first.items[0].json).toMatchObject({ created: true, reference: planned, positionsWritten: 2 });

		// te-2* billed by hand in between: te-1* is found in the first draft and billed, nothing is written.
		const again = await runHq(hq, createDraft(planSettings), { input: items([position(1, { invoicePlan: planned })]) });
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false, positionsWritten: 0, positionsFound: 1, timeEntryIds: ['te-1a', 'te-1b'] });

		const fresh = await runHq(hq, createDraft(planSettings), { input: items([position(3)]) });
		expect(fresh.items[0].json).toMatchObject({ created: true, reference: invoiceReferenceOf([{ timeEntryIds: ['te-3a', 'te-3b'] }]) });
		expect(hq.fake.documents.map((d) => hq.fake.positionsOf(d.id as number).length)).toEqual([2, 1]);
		expect(positionPosts()).toHaveLength(3);
	});

	it('a line of a planned draft whose entries changed (a sum that lost an entry) is neither written again nor billed, but reported', async () => {
		await runHq(hq, createDraft(planSettings), { input: items([position(1, { invoicePlan: planned }), position(2, { invoicePlan: planned })]) });
		const changed = position(1, { invoicePlan: planned, quantity: 1.25, amount: 125, timeEntryIds: ['te-1a'] });
		const run = await runHq(hq, createDraft(planSettings), { input: items([changed, position(2, { invoicePlan: planned })]) });
		expect(run.items[0].json).toMatchObject({ created: false, positionsWritten: 0, positionsFound: 1, timeEntryIds: ['te-2a', 'te-2b'], timeEntryIdsNotInDraft: ['te-1a'] });
		expect(positionPosts()).toHaveLength(2);
	});

	it('a plan saved but never drafted makes the draft under the planned reference, and a replay finds it', async () => {
		const made = await runHq(hq, createDraft(planSettings), { input: items([position(1, { invoicePlan: planned })]) });
		expect(made.items[0].json).toMatchObject({ created: true, reference: planned, positionsWritten: 1 });
		expect(hq.fake.documents[0].note).toBe(planned);
		const replay = await runHq(hq, createDraft(planSettings), { input: items([position(1, { invoicePlan: planned })]) });
		expect(replay.items[0].json).toMatchObject({ id: made.items[0].json.id, created: false, positionsWritten: 0, timeEntryIds: ['te-1a', 'te-1b'] });
		expect(hq.fake.documents).toHaveLength(1);
	});

	it('Add Positions to Draft: a planned batch is added once; its replay with fewer entries adds nothing', async () => {
		const draft = await runHq(hq, createDraft(), { input: items([position(3)]) });
		const add = { resource: 'invoice', operation: 'addPositions', invoiceId: byId(String(draft.items[0].json.id)), ...planSettings };
		const added = await runHq(hq, add, { input: items([position(1, { invoicePlan: planned }), position(2, { invoicePlan: planned })]) });
		expect(added.items[0].json).toMatchObject({ reference: planned, positionsWritten: 2 });
		const replay = await runHq(hq, add, { input: items([position(2, { invoicePlan: planned })]) });
		expect(replay.items[0].json).toMatchObject({ positionsWritten: 0, timeEntryIds: ['te-2a', 'te-2b'] });
		expect(hq.fake.positionsOf(hq.fake.documents[0].id as number)).toHaveLength(3);
	});

	it('refuses items of one draft with different plans, naming the field, and writes nothing', async () => {
		const run = await runHq(hq, createDraft(planSettings), { input: items([position(1, { invoicePlan: planned }), position(2, { invoicePlan: 'awork-x' })]) });
		expect(run.error?.message).toContain('"invoicePlan"');
		expect(hq.fake.documents).toHaveLength(0);
	});
});
