/**
 * Time Entry → Check PSA Bookings (reconciliation): bookings read back from the PSA are compared
 * with their awork entries. Reported: deleted in awork, made non-billable, changed after billing.
 * Not reported: entries that match, entries still unbilled (the export settles them), and
 * externalIds that are not awork IDs (invoice positions).
 */
import type { IDataObject } from 'n8n-workflow';

import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const booking = (externalId: string, hours: number, date = '2026-11-30', extra: IDataObject = {}) => ({
	json: { id: `te_${externalId.slice(0, 6)}`, externalId, contractId: 'ctr_1', date, hours, description: '', billable: true, ...extra },
});

async function check(input: Array<{ json: IDataObject }>, hoursDecimals?: number) {
	return await bed.run({ resource: 'timeEntry', operation: 'checkPsaBookings', ...(hoursDecimals === undefined ? {} : { hoursDecimals }) }, { input });
}

describe('awork node: Check PSA Bookings', () => {
	it('reports deleted, non-billable and changed-after-billing entries, and nothing else', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
		const entry = (duration: number, isBillable: boolean, isBilled: boolean) => ({
			projectId: project.id,
			startDateUtc: '2026-11-30T09:00:00Z',
			timezone: 'Europe/Berlin',
			duration,
			isBillable,
			isBilled,
		});
		const seeded = bed.seed({
			timeEntries: [entry(7200, true, true), entry(10800, true, true), entry(7200, false, false), entry(5400, true, false), entry(10, true, true), entry(7200, true, true)],
		}).timeEntries.map((seededEntry) => String(seededEntry.id));
		const [matching, changed, notBillable, pending, tiny, redated] = seeded;
		const deleted = '0b1e8c3a-6a0f-4f59-9d2c-5d6c1e0f9a11';

		const result = await check([
			booking(matching, 2),
			booking(changed, 2),
			booking(notBillable, 2),
			booking(pending, 1),
			booking(tiny, 0.01),
			booking(redated, 2, '2026-11-29'),
			booking(deleted.toUpperCase(), 1.5),
			booking('pos-7f3a', 4),
		]);
		expect(result.error).toBeUndefined();
		const out = json(result);
		expect(out.map((item) => [item.timeEntryId, item.problem])).toEqual([
			[changed, 'changedAfterBilling'],
			[notBillable, 'notBillableInAwork'],
			[redated, 'changedAfterBilling'],
			[deleted, 'deletedInAwork'],
		]);
		expect(out[0]).toMatchObject({ booked: { hours: 2, date: '2026-11-30', contractId: 'ctr_1' }, now: { hours: 3, date: '2026-11-30', isBilled: true } });
		expect(out[3]).toMatchObject({ now: null, reason: expect.stringMatching(/^The One PSA holds 1\.5 h on 2026-11-30 .*deleted: remove the booking in The One PSA/) });
		// Items pair with the bookings they came from.
		expect(result.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([1, 2, 5, 6]);
	});

	it('reads the bookings\' days in one request and only the IDs not found there by ID, 40 per request; skips non-awork IDs', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
		const ids = bed
			.seed({ timeEntries: Array.from({ length: 45 }, () => ({ projectId: project.id, startDateUtc: '2026-11-30T09:00:00Z', timezone: 'UTC', duration: 3600, isBillable: true, isBilled: true })) })
			.timeEntries.map((seededEntry) => String(seededEntry.id));
		const deleted = Array.from({ length: 45 }, (_, n) => `0b1e8c3a-6a0f-4f59-9d2c-${String(n).padStart(12, '0')}`);
		const result = await check([...ids.map((id) => booking(id, 1)), ...deleted.map((id) => booking(id, 1)), booking('not-an-awork-id', 1)]);
		expect(json(result).map((item) => item.problem)).toEqual(deleted.map(() => 'deletedInAwork'));
		const reads = bed.requestsTo('GET', /^\/api\/v1\/timeentries$/).map((read) => read.query.filterby);
		expect(reads[0]).toBe("startDateUtc ge datetime'2026-11-29T00:00:00Z' and startDateUtc lt datetime'2026-12-02T00:00:00Z'");
		expect(reads.slice(1).map((filter) => (filter.match(/id eq guid'/g) ?? []).length)).toEqual([40, 5]);
	});

	it('reads by ID only when the bookings spread over more than 31 days', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
		const [early, late] = bed
			.seed({
				timeEntries: ['2026-09-01T09:00:00Z', '2026-11-30T09:00:00Z'].map((startDateUtc) => ({ projectId: project.id, startDateUtc, timezone: 'UTC', duration: 3600, isBillable: true, isBilled: true })),
			})
			.timeEntries.map((seededEntry) => String(seededEntry.id));
		const result = await check([booking(early, 1, '2026-09-01'), booking(late, 1, '2026-11-30')]);
		expect(json(result)).toEqual([]);
		expect(bed.requestsTo('GET', /^\/api\/v1\/timeentries$/).map((read) => (read.query.filterby.match(/id eq guid'/g) ?? []).length)).toEqual([2]);
	});

	it('counts correction entries with their booking', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
		const [id] = bed
			.seed({ timeEntries: [{ projectId: project.id, startDateUtc: '2026-11-30T09:00:00Z', timezone: 'UTC', duration: 3 * 3600, isBillable: true, isBilled: true }] })
			.timeEntries.map((seededEntry) => String(seededEntry.id));
		// Booked 2 h, corrected by +1.5 h and -0.5 h: 3 h, as awork has it.
		const corrections = [booking(`${id}:correction:1`, 1.5), booking(`${id}:correction:2`, -0.5)];
		expect(json(await check([booking(id, 2), ...corrections]))).toEqual([]);
		const [problem] = json(await check([booking(id, 2), corrections[0]]));
		expect(problem).toMatchObject({ problem: 'changedAfterBilling', booked: { hours: 3.5 }, now: { hours: 3 } });
	});

	it('compares hours at the decimals the PSA booked with', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
		const [id] = bed
			.seed({ timeEntries: [{ projectId: project.id, startDateUtc: '2026-11-30T09:00:00Z', timezone: 'UTC', duration: 5580, isBillable: true, isBilled: true }] })
			.timeEntries.map((seededEntry) => String(seededEntry.id));
		// 5,580 s = 1.55 h: 1.6 at one decimal matches, but not at two.
		expect(json(await check([booking(id, 1.6)], 1))).toEqual([]);
		expect(json(await check([booking(id, 1.6)])).map((item) => item.problem)).toEqual(['changedAfterBilling']);
	});
});
