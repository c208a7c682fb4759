/**
 * Mark Billed → Leave Unbilled If Changed Since: an entry awork changed after the export read it
 * (hours corrected, re-dated, made non-billable while its booking was on the way to the PSA) is
 * left unbilled with status changedSinceRead, and the report lists it under changedAfterBooking
 * with what was booked and what awork has now. Entries not changed are billed as before.
 */
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const HOUR = 3600_000;

/** Four billable, unbilled entries last changed an hour before the run read them. */
function seedRead() {
	const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
	const entries = bed.seed({
		timeEntries: [9, 10, 11, 12].map((hour) => ({
			projectId: project.id,
			isBillable: true,
			isBilled: false,
			startDateUtc: `2026-11-30T${String(hour).padStart(2, '0')}:00:00Z`,
			duration: 7200,
		})),
	}).timeEntries;
	const longAgo = new Date(Date.now() - HOUR).toISOString();
	for (const entry of entries) bed.store.timeEntries.get(String(entry.id))!.updatedOn = longAgo;
	return { projectId: String(project.id), ids: entries.map((entry) => String(entry.id)) };
}

const booking = (id: string, projectId: string) => ({
	json: { status: 'created', aworkTimeEntryIds: [id], coveredAworkTimeEntryIds: [id], projectId, contractId: 'ctr_1', date: '2026-11-30', seconds: 7200 },
});

async function markBilled(ids: string[], projectId: string, changedSince?: string) {
	return await bed.run(
		{
			resource: 'timeEntry',
			operation: 'markBilled',
			timeEntryIdsFrom: 'field',
			timeEntryIdsField: 'aworkTimeEntryIds',
			options: { addReport: true, continueOnPartialFailure: true, ...(changedSince === undefined ? {} : { changedSince }) },
		},
		{ input: ids.map((id) => booking(id, projectId)) },
	);
}

const billed = () => [...bed.store.timeEntries.values()].filter((entry) => entry.isBilled).map((entry) => String(entry.id)).sort();

describe('awork node: Mark Billed leaves entries changed since the read unbilled', () => {
	it('bills the untouched entries and reports the corrected and the unbilled-for-good ones with both sides', async () => {
		const { projectId, ids } = seedRead();
		const readAt = new Date().toISOString();
		// While the bookings travel to the PSA, a person corrects one entry and makes another non-billable.
		const corrected = bed.store.timeEntries.get(ids[1])!;
		corrected.duration = 3 * 3600;
		bed.store.touch(corrected);
		const notBillable = bed.store.timeEntries.get(ids[2])!;
		notBillable.isBillable = false;
		bed.store.touch(notBillable);

		const result = await markBilled(ids, projectId, readAt);
		expect(result.error).toBeUndefined();
		expect(billed()).toEqual([ids[0], ids[3]].sort());
		expect(json(result).map((item) => [item.id, item.status])).toEqual([
			[ids[0], 'ok'],
			[ids[1], 'changedSinceRead'],
			[ids[2], 'changedSinceRead'],
			[ids[3], 'ok'],
		]);
		// One read of what changed, then one billing request without the changed entries.
		const reads = bed.requestsTo('GET', /^\/api\/v1\/timeentries/);
		expect(reads).toHaveLength(1);
		expect(reads[0].query.filterby).toMatch(/^updatedOn ge datetime'/);
		expect(bed.requestsTo('POST', /batch\/setIsBilled$/).map((entry) => entry.body)).toEqual([{ timeEntryIds: [ids[0], ids[3]], isBilled: true }]);

		const [report] = (result.outputs[1] ?? []).map((item) => item.json);
		expect(report).toMatchObject({ timeEntries: 4, exported: 4, markedBilled: 2, failed: 2, changedAfterBooking: 2 });
		const failures = report.failures as Array<Record<string, any>>;
		expect(failures.map((failure) => failure.timeEntryId)).toEqual([ids[1], ids[2]]);
		expect(failures[0].changedAfterBooking).toMatchObject({
			booked: { hours: 2, date: '2026-11-30', projectId, contractId: 'ctr_1' },
			now: { hours: 3, date: '2026-11-30', projectId, isBillable: true },
		});
		expect(failures[0].reason).toMatch(/^Changed in awork at .*The One PSA booked 2 h on 2026-11-30; awork now has 3 h on 2026-11-30\. Left unbilled: the next run compares/);
		expect(failures[1].changedAfterBooking).toMatchObject({ now: { hours: 2, isBillable: false } });
		expect(failures[1].reason).toMatch(/not billable\. Left unbilled: remove the booking in The One PSA/);
	});

	it('allows a minute for awork\'s clock running behind n8n\'s', async () => {
		const { projectId, ids } = seedRead();
		const edited = bed.store.timeEntries.get(ids[0])!;
		edited.duration = 600;
		bed.store.touch(edited);
		// awork stamped the edit 30 s "before" n8n's read time.
		edited.updatedOn = new Date(Date.now() - 30_000).toISOString();
		const result = await markBilled([ids[0], ids[1]], projectId, new Date().toISOString());
		expect(json(result).map((item) => item.status)).toEqual(['changedSinceRead', 'ok']);
	});

	it('without the option, the corrected entry is billed at its new value (what let awork and the PSA disagree)', async () => {
		const { projectId, ids } = seedRead();
		const corrected = bed.store.timeEntries.get(ids[1])!;
		corrected.duration = 3 * 3600;
		bed.store.touch(corrected);
		const result = await markBilled(ids, projectId);
		expect(result.error).toBeUndefined();
		expect(billed()).toEqual([...ids].sort());
		expect(bed.requestsTo('GET', /^\/api\/v1\/timeentries/)).toHaveLength(0);
	});

	it('fails without billing anything when the option is not a date, naming the option', async () => {
		const { projectId, ids } = seedRead();
		const result = await markBilled(ids, projectId, 'yesterday-ish');
		expect(result.error?.message).toMatch(/^Leave Unbilled If Changed Since: "yesterday-ish" is not a date: expected an ISO 8601 date/);
		expect(billed()).toEqual([]);
	});
});
