import { startFakeHq, type RunningFakeHq } from '../../../../devkit/fakes/hq';
import { ACME, byId, createDraft, items, position, runHq } from '../helpers';

const addPositions = (invoiceId: unknown) => ({ resource: 'invoice', operation: 'addPositions', invoiceId: byId(String(invoiceId)) });

describe('HQ Invoice > Add Positions to Draft', () => {
	let hq: RunningFakeHq;
	let draftId: number;
	beforeEach(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME] });
		await runHq(hq, createDraft(), { input: items([position(1)]) });
		draftId = hq.fake.documents[0].id as number;
	});
	afterEach(async () => await hq.close());

	it('adds the positions to the existing draft and keeps both references in its note', async () => {
		const run = await runHq(hq, addPositions(draftId), { input: items([position(4), position(5)]) });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ id: String(draftId), created: false, positionsWritten: 2, positionsFound: 0, timeEntryIds: ['te-4a', 'te-4b', 'te-5a', 'te-5b'] });
		expect(hq.fake.documents).toHaveLength(1);
		expect(hq.fake.positionsOf(draftId)).toHaveLength(3);
		expect(String(hq.fake.documents[0].note).split('\n')).toEqual(run.items[0].json.references);
		expect(run.items[0].json.references).toHaveLength(2);
	});

	it('a replay of the same positions adds nothing; a replay after a partial write adds the rest', async () => {
		await runHq(hq, addPositions(draftId), { input: items([position(4), position(5)]) });
		const replay = await runHq(hq, addPositions(draftId), { input: items([position(4), position(5)]) });
		expect(replay.items[0].json).toMatchObject({ positionsWritten: 0, positionsFound: 2 });
		expect(hq.fake.positionsOf(draftId)).toHaveLength(3);

		hq.fake.positions.pop();
		const completing = await runHq(hq, addPositions(draftId), { input: items([position(4), position(5)]) });
		expect(completing.items[0].json).toMatchObject({ positionsWritten: 1, positionsFound: 1 });
		expect(hq.fake.positionsOf(draftId).map((p) => p.plainText)).toEqual(['Website relaunch · Design 1', 'Website relaunch · Design 4', 'Website relaunch · Design 5']);
	});

	it('refuses an invoice that is no longer a draft, and writes nothing', async () => {
		hq.fake.setDocumentStatus(draftId, 'Sent');
		hq.fake.log.length = 0;
		const run = await runHq(hq, addPositions(draftId), { input: items([position(4)]) });
		expect(run.error?.message).toBe(`HQ invoice ${draftId} is Sent, not a draft: HQ does not take new positions on it`);
		expect(hq.fake.log.filter((r) => r.method !== 'GET')).toEqual([]);
	});

	it('refuses an invoice ID (from an expression) that is not a whole number before sending anything', async () => {
		hq.fake.log.length = 0;
		const run = await runHq(hq, { ...addPositions(0), invoiceId: { __rl: true, mode: 'id', value: '={{ "12/../" + 3 }}' } }, { input: items([position(4)]) });
		expect(run.error?.message).toBe('Invoice must be an HQ ID (a whole number), got "12/../3"');
		expect(hq.fake.log).toEqual([]);
	});

	it('says so when the invoice does not exist', async () => {
		const run = await runHq(hq, addPositions(99999), { input: items([position(4)]) });
		expect(run.error?.message).toBe('HQ found nothing at GET /v2/Documents/99999');
	});
});
