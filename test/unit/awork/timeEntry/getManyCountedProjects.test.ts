/**
 * Get Many → Limit Counts Only Projects: entries of other projects are returned but do not count
 * toward Limit, and reading goes on past them. The export passes the projects that have a
 * contract, so a backlog on unlinked projects cannot fill the per-run cap and starve the rest.
 */
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const DAY = 24 * 3600 * 1000;
const base = Date.parse('2026-06-01T09:00:00Z');

/** `unlinked` old entries on one project, then `linked` newer ones on another. */
function seedBacklog(unlinked: number, linked: number) {
	const [withoutContract, withContract] = bed.seed({ projects: [{ name: 'Internal' }, { name: 'Client' }] }).projects;
	const entry = (projectId: string, index: number) => ({
		projectId,
		isBillable: true,
		isBilled: false,
		startDateUtc: new Date(base + index * 60_000).toISOString(),
		duration: 900,
	});
	const old = bed.seed({ timeEntries: Array.from({ length: unlinked }, (_, index) => entry(String(withoutContract.id), index)) }).timeEntries;
	const fresh = bed.seed({ timeEntries: Array.from({ length: linked }, (_, index) => entry(String(withContract.id), unlinked + index + DAY / 60_000)) }).timeEntries;
	return { withoutContract, withContract, old, fresh };
}

async function getMany(limit: number, limitCountsOnlyProjectIds: string | string[]) {
	const result = await bed.run({
		resource: 'timeEntry',
		operation: 'getMany',
		returnAll: false,
		limit,
		limitCountsOnlyProjectIds,
		filters: { isBillable: 'true', isBilled: 'false' },
	});
	return result;
}

describe('awork node: Get Many with Limit Counts Only Projects', () => {
	it('reads past a backlog of other projects to return Limit entries of the counted ones', async () => {
		const { withContract, old, fresh } = seedBacklog(1500, 40);
		const result = await getMany(25, [String(withContract.id)]);
		expect(result.error).toBeUndefined();
		const read = json(result);
		const counted = read.filter((entry) => entry.projectId === withContract.id);
		// The 25 oldest counted entries, and every uncounted one before them.
		expect(counted.map((entry) => entry.id)).toEqual(fresh.slice(0, 25).map((entry) => entry.id));
		expect(read.length - counted.length).toBe(old.length);
		// Full pages, not pages of Limit: 1540 entries in 2 requests.
		expect(bed.requestsTo('GET', /^\/api\/v1\/timeentries/).length).toBe(2);
	});

	it('without the option the same backlog fills the limit (what starved the export)', async () => {
		const { withContract } = seedBacklog(100, 10);
		const read = json(await getMany(25, ''));
		expect(read).toHaveLength(25);
		expect(read.filter((entry) => entry.projectId === withContract.id)).toHaveLength(0);
	});

	it('takes IDs as a comma-separated text too, in any case, and an empty list counts nothing', async () => {
		const { withContract, old, fresh } = seedBacklog(30, 5);
		const byText = json(await getMany(3, ` ${String(withContract.id).toUpperCase()}, `));
		expect(byText.filter((entry) => entry.projectId === withContract.id)).toHaveLength(3);
		expect(byText).toHaveLength(33);
		// Nothing counts: everything is read.
		expect(json(await getMany(3, []))).toHaveLength(old.length + fresh.length);
	});

	it('refuses a value that is not an awork ID, naming the option', async () => {
		seedBacklog(1, 1);
		const result = await getMany(3, ['not-an-id']);
		expect(result.error?.message).toMatch(/^Limit Counts Only Projects: "not-an-id" is not an awork ID/);
	});
});
