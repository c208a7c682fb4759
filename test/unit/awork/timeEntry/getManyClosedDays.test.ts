/**
 * The closed-day window of Get Many under both readings of awork's `startDateUtc`: a full instant
 * (time-tracking guide) or the UTC date at midnight with the time in `startTimeUtc` (OpenAPI).
 * The fake serves either (config `timeEntryDateShape`). For each Settings zone, "closed days" end
 * at today 00:00 in that zone, as the export's Closed Days node computes it; an entry belongs to
 * them only if its real start is before that instant, on ordinary days and on DST change days.
 */
import { DateTime } from 'luxon';

import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const SHAPES = ['instant', 'dateAndTime'] as const;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'UTC'];
// "Today" in each case: an ordinary day, and days on which the zone's clocks change (2026).
const TODAYS: Record<string, string[]> = {
	'Europe/Berlin': ['2026-12-02', '2026-03-29', '2026-10-25'],
	'America/New_York': ['2026-12-02', '2026-03-08', '2026-11-01'],
	'Pacific/Auckland': ['2026-12-02', '2026-04-05', '2026-09-27'],
	UTC: ['2026-12-02'],
};
// Minutes around local midnight: the last minutes of yesterday and the first of today.
const OFFSETS_MINUTES = [-24 * 60 + 1, -61, -35, -1, 0, 1, 5, 35, 61, 6 * 60, 23 * 60];

function closedBeforeFor(zone: string, today: string): DateTime {
	return DateTime.fromISO(today, { zone }).startOf('day').toUTC();
}

async function readClosedDays(shape: (typeof SHAPES)[number], closedBefore: DateTime, limit?: number) {
	bed.fake.setConfig({ timeEntryDateShape: shape });
	const result = await bed.run({
		resource: 'timeEntry',
		operation: 'getMany',
		returnAll: limit === undefined,
		...(limit === undefined ? {} : { limit }),
		filters: { isBillable: 'true', isBilled: 'false', startBefore: closedBefore.toISO() },
	});
	expect(result.error).toBeUndefined();
	return json(result);
}

describe.each(SHAPES)('awork node: Get Many before today 00:00, startDateUtc served as %s', (shape) => {
	it.each(ZONES)('in %s, takes exactly the entries that started before local midnight', async (zone) => {
		for (const today of TODAYS[zone]) {
			bed.reset();
			const closedBefore = closedBeforeFor(zone, today);
			const [project] = bed.seed({ projects: [{ name: 'Around midnight' }] }).projects;
			const starts = OFFSETS_MINUTES.map((minutes) => closedBefore.plus({ minutes }));
			const seeded = bed.seed({
				timeEntries: starts.map((start) => ({ projectId: project.id, isBillable: true, isBilled: false, startDateUtc: start.toISO(), duration: 900, timezone: zone })),
			}).timeEntries;
			const expected = seeded.filter((_, index) => starts[index] < closedBefore).map((entry) => entry.id);

			const read = await readClosedDays(shape, closedBefore);
			expect({ zone, today, ids: read.map((entry) => entry.id).sort() }).toEqual({ zone, today, ids: [...expected].sort() });
			if (shape === 'dateAndTime') {
				// The fake really serves the other reading: dates at midnight, the time apart.
				expect(read.every((entry) => String(entry.startDateUtc).endsWith('T00:00:00Z'))).toBe(true);
				expect(read.every((entry) => /^\d{2}:\d{2}:\d{2}$/.test(String(entry.startTimeUtc)))).toBe(true);
			}
		}
	});

	it('a limit counts only entries inside the window, even when the server sends later ones of the same UTC date first', async () => {
		const closedBefore = closedBeforeFor('America/New_York', '2026-12-02'); // 05:00Z
		const [project] = bed.seed({ projects: [{ name: 'Busy morning' }] }).projects;
		// 30 entries of today (05:00Z..) and 10 of yesterday evening, all on the UTC date of closedBefore.
		const today = Array.from({ length: 30 }, (_, index) => closedBefore.plus({ minutes: 10 + index }));
		const closed = Array.from({ length: 10 }, (_, index) => closedBefore.minus({ minutes: 60 + index }).set({ day: closedBefore.day }));
		const seeded = bed.seed({
			timeEntries: [...today, ...closed].map((start) => ({ projectId: project.id, isBillable: true, isBilled: false, startDateUtc: start.toISO(), duration: 600 })),
		}).timeEntries;
		const closedIds = seeded.slice(30).map((entry) => entry.id).sort();

		const read = await readClosedDays(shape, closedBefore, 10);
		expect(read.map((entry) => entry.id).sort()).toEqual(closedIds);
	});
});
