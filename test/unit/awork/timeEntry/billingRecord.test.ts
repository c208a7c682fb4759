/**
 * The billing record (nodes/shared/billing): one reader of awork time entries and invoice
 * positions for To Invoice Positions, Export to Contract and Mark Billed's report. First on awork's
 * own output (the fake, both readings of `startDateUtc`, through Get Many and To Invoice Positions
 * in n8n's engine), then on the loose shapes items take on the way (numbers as text, a position
 * dressed up as a time entry by an older workflow, a booking read back). Expected values are
 * worked out by hand.
 */
import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { readBillingRecord, readCompleteTimeEntry, readPosition, readTimeEntry } from '../../../../nodes/shared/billing/billingRecord';
import { bookingJson, readBooking } from '../../../../nodes/shared/billing/booking';
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const ZONE = 'Europe/Berlin';

describe.each(['instant', 'dateAndTime'] as const)('billing record of awork time entries (startDateUtc served as %s)', (shape) => {
	it('reads what awork serves: ID, seconds, local day, project, task, user; a position is dated by the local day its last entry ended', async () => {
		bed.fake.setConfig({ timeEntryDateShape: shape });
		const [project] = bed.seed({ projects: [{ name: 'Relaunch' }] }).projects;
		// Berlin is UTC+1 in March: 22:30 UTC on the 1st is 23:30 local; 2 h later it is 01:30 local on the 2nd.
		const late = DateTime.fromISO('2026-03-01T22:30:00Z');
		const seeded = bed.seed({
			timeEntries: [
				{ projectId: project.id, isBillable: true, isBilled: false, startDateUtc: '2026-02-27T09:00:00.000Z', duration: 1800, timezone: ZONE },
				{ projectId: project.id, isBillable: true, isBilled: false, startDateUtc: late.toISO(), duration: 7200, timezone: ZONE, note: 'Go-live' },
			],
		}).timeEntries;
		const read = await bed.run({ resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: {}, simple: true });
		expect(read.error).toBeUndefined();
		const records = json(read).map((entry) => readCompleteTimeEntry(entry));
		expect(records.map((record) => (typeof record === 'string' ? record : [record.id, record.seconds, record.date, record.endDate, record.projectId, record.projectName, record.text]))).toEqual([
			[seeded[0].id, 1800, '2026-02-27', '2026-02-27', project.id, 'Relaunch', null],
			[seeded[1].id, 7200, '2026-03-01', '2026-03-02', project.id, 'Relaunch', 'Go-live'],
		]);

		const positions = await bed.run(
			{ resource: 'timeEntry', operation: 'toInvoicePositions', positionLevel: 'project', positionText: 'project', positionUnit: 'hours', defaultRate: 0, roundingRule: 'none' },
			{ input: read.items.map((item) => ({ json: item.json })) },
		);
		expect(positions.error).toBeUndefined();
		const [position] = json(positions);
		// 1800 + 7200 s; the last entry ended on 2026-03-02, local time.
		expect(position).toMatchObject({ seconds: 9000, quantity: 2.5, date: '2026-03-02', timeEntryIds: seeded.map((entry) => entry.id) });
		expect(readBillingRecord(position)).toMatchObject({
			kind: 'position',
			id: position.positionId,
			timeEntryIds: seeded.map((entry) => entry.id),
			seconds: 9000,
			date: '2026-03-02',
			projectId: project.id,
			projectName: 'Relaunch',
			text: 'Relaunch',
			isBillable: true,
		});
	});
});

describe('billing record of loose items', () => {
	it('takes seconds from duration (also as text), else from start and end; a negative or missing one is not a time entry to group', () => {
		expect(readTimeEntry({ id: 'a', duration: '900' }).seconds).toBe(900);
		expect(readTimeEntry({ id: 'a', startDateUtc: '2026-01-05T09:00:00Z', endDateUtc: '2026-01-05T10:15:00Z' }).seconds).toBe(4500);
		// The OpenAPI reading: the date at UTC midnight, the time apart.
		expect(readTimeEntry({ id: 'a', startDateUtc: '2026-01-05T00:00:00Z', startTimeUtc: '09:00', endDateUtc: '2026-01-05T00:00:00Z', endTimeUtc: '09:30:00' }).seconds).toBe(1800);
		expect(readTimeEntry({ id: 'a', duration: -60, startDateUtc: '2026-01-05T09:00:00Z', endDateUtc: '2026-01-05T10:00:00Z' }).seconds).toBe(-60);
		expect(readCompleteTimeEntry({ id: 'a', duration: -60 })).toBe('time entry a has no "duration" in seconds (nor a start and end)');
		expect(readCompleteTimeEntry({ duration: 60 })).toBe('it has no "id"');
	});

	it('reads the day from startDateLocal, else startDateUtc, else date; the text from note, else description, else the task', () => {
		expect(readTimeEntry({ startDateLocal: '2026-01-05T23:30:00', startDateUtc: '2026-01-05T22:30:00Z' }).date).toBe('2026-01-05');
		expect(readTimeEntry({ startDateUtc: '2026-01-06T08:00:00Z' }).date).toBe('2026-01-06');
		expect(readTimeEntry({ date: '2026-01-07' }).date).toBe('2026-01-07');
		expect(readTimeEntry({ note: '  ', description: 'Review', task: { name: 'Design' } }).text).toBe('Review');
		expect(readTimeEntry({ task: { name: 'Design' } }).text).toBe('Design');
		expect(readTimeEntry({ user: { firstName: 'Ada', lastName: null } }).userName).toBe('Ada');
		expect(readTimeEntry({ id: 42, projectId: '', project: { id: 'p9' } })).toMatchObject({ id: '42', projectId: 'p9', timeEntryIds: ['42'] });
	});

	it('tells a position from a time entry by its shape; a position dressed up as a time entry (older workflows) stays a time entry that covers its list', () => {
		const position: IDataObject = { positionId: 'pos-1', timeEntryIds: ['a', 'b'], seconds: 5400, text: 'Relaunch', to: '2026-01-05T10:00:00Z', projectId: 'p1' };
		expect(readBillingRecord(position)).toMatchObject({ kind: 'position', id: 'pos-1', timeEntryIds: ['a', 'b'], seconds: 5400, date: '2026-01-05' });
		expect(readPosition({ ...position, date: '2026-01-04' }).date).toBe('2026-01-04');
		const dressed = { id: 'pos-1', timeEntryIds: ['a', 'b'], duration: 5400, startDateLocal: '2026-01-05', note: 'Relaunch' };
		expect(readBillingRecord(dressed)).toMatchObject({ kind: 'timeEntry', id: 'pos-1', timeEntryIds: ['a', 'b'], seconds: 5400, text: 'Relaunch' });
	});

	it('reads a booking back as Export to Contract wrote it', () => {
		const written = bookingJson({
			status: 'duplicate',
			kind: 'position',
			externalId: 'pos-1',
			contractId: 'ctr_1',
			projectId: 'p1',
			projectName: 'Relaunch',
			seconds: 5400,
			coveredAworkTimeEntryIds: ['a', 'b'],
			date: '2026-01-05',
			hours: 1.5,
			correction: { hours: 0.5 },
		});
		expect(written).toMatchObject({ status: 'duplicate', kind: 'position', aworkTimeEntryIds: ['a', 'b'], projectName: 'Relaunch' });
		expect(readBooking(written)).toEqual({
			status: 'duplicate',
			isPosition: true,
			reason: null,
			projectId: 'p1',
			projectName: 'Relaunch',
			contractId: 'ctr_1',
			date: '2026-01-05',
			seconds: 5400,
			coveredAworkTimeEntryIds: ['a', 'b'],
			changedAfterBooking: null,
			corrected: true,
		});
		expect(bookingJson({ status: 'failed', kind: 'timeEntry', reason: 'No', externalId: 'a', contractId: '', projectId: null, projectName: null, seconds: 0, coveredAworkTimeEntryIds: ['a'] }).aworkTimeEntryIds).toEqual([]);
	});
});
