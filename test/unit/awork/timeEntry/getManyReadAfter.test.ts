/**
 * Get Many → Read After: a read that stopped at its limit goes on after its last entry in the
 * next run (startDateUtc as awork serves it, then ID), under both readings of startDateUtc. Pages
 * read this way return every entry once, in order, even when many share one startDateUtc (the
 * date-at-midnight reading gives a whole day the same value).
 */
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const SHAPES = ['instant', 'dateAndTime'] as const;

function seedDays(days: number, perDay: number) {
	const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
	return bed
		.seed({
			timeEntries: Array.from({ length: days * perDay }, (_, index) => ({
				projectId: project.id,
				isBillable: true,
				isBilled: false,
				startDateUtc: new Date(Date.UTC(2026, 10, 1 + Math.floor(index / perDay), 8 + (index % perDay))).toISOString(),
				duration: 900,
			})),
		})
		.timeEntries.map((entry) => String(entry.id));
}

async function readPage(limit: number, readAfter: string) {
	const result = await bed.run({
		resource: 'timeEntry',
		operation: 'getMany',
		returnAll: false,
		limit,
		filters: { isBillable: 'true', isBilled: 'false', startBefore: '2026-12-01T00:00:00Z', readAfter },
	});
	expect(result.error).toBeUndefined();
	return json(result);
}

describe.each(SHAPES)('awork node: Get Many with Read After, startDateUtc served as %s', (shape) => {
	it('pages through all entries once, in order, from cursor to cursor', async () => {
		bed.fake.setConfig({ timeEntryDateShape: shape });
		const ids = seedDays(4, 5);
		const seen: string[] = [];
		let cursor = 'start';
		for (let run = 0; run < 10; run++) {
			const page = await readPage(3, cursor);
			seen.push(...page.map((entry) => String(entry.id)));
			if (page.length < 3) break;
			const last = page[page.length - 1];
			cursor = `${String(last.startDateUtc)}|${String(last.id)}`;
		}
		expect(seen).toHaveLength(ids.length);
		expect([...seen].sort()).toEqual([...ids].sort());
	});

	it('refuses a cursor that is not one, naming the option', async () => {
		bed.fake.setConfig({ timeEntryDateShape: shape });
		seedDays(1, 1);
		const result = await bed.run({ resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { readAfter: 'yesterday|abc' } });
		expect(result.error?.message).toMatch(/^Read After: "yesterday\|abc" is not a read position/);
	});
});
