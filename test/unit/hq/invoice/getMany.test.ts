import { startFakeHq, type RunningFakeHq } from '../../../../devkit/fakes/hq';
import { ACME, byId, createDraft, GLOBEX, items, position, runHq } from '../helpers';

describe('HQ Invoice > Get Many', () => {
	let hq: RunningFakeHq;
	beforeEach(async () => {
		hq = await startFakeHq();
		hq.fake.seed({ companies: [ACME, GLOBEX] });
		await runHq(hq, createDraft(), { input: items([position(1)]) });
		await runHq(hq, createDraft(), { input: items([position(2)]) });
		await runHq(hq, createDraft({ contactId: byId(GLOBEX.id) }), { input: items([position(3)]) });
		hq.fake.setDocumentStatus(hq.fake.documents[1].id as number, 'Sent');
	});
	afterEach(async () => await hq.close());

	it('lists the drafts by default, of one contact when given', async () => {
		const all = await runHq(hq, { resource: 'invoice', operation: 'getMany', returnAll: true });
		expect(all.items.map((item) => [item.json.contactId, item.json.status])).toEqual([
			[String(ACME.id), 'Draft'],
			[String(GLOBEX.id), 'Draft'],
		]);
		const acme = await runHq(hq, { resource: 'invoice', operation: 'getMany', contactId: byId(ACME.id), returnAll: true });
		expect(acme.items.map((item) => item.json.id)).toEqual([String(hq.fake.documents[0].id)]);
		expect(hq.fake.log.some((r) => r.query.filter === `companyId eq ${ACME.id} and documentType eq 'Invoice'`)).toBe(true);
	});

	it('lists every invoice without Drafts Only, up to the limit', async () => {
		const run = await runHq(hq, { resource: 'invoice', operation: 'getMany', draftsOnly: false, returnAll: false, limit: 2 });
		expect(run.items.map((item) => item.json.status)).toEqual(['Draft', 'Sent']);
	});

	it('keeps to invoices of the contact even when HQ ignores the filter', async () => {
		hq.fake.settings.ignoreFilter = true;
		hq.fake.documents.push({ id: 7, documentType: 'Quotation', companyId: ACME.id, documentStatusEntityId: 21 });
		const acme = await runHq(hq, { resource: 'invoice', operation: 'getMany', contactId: byId(ACME.id), returnAll: true });
		expect(acme.items.map((item) => item.json.id)).toEqual([String(hq.fake.documents[0].id)]);
	});
});
