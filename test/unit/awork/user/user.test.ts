/** Users against the fake awork: Get by ID, and Search by Email across pages of users. */
import { AworkTestBed, byId, json, paired } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const email = (value: string, subType = 'work') => ({ type: 'email', subType, value });

describe('awork node: Get user', () => {
	it('returns the user, and a 404 names what was not found', async () => {
		const [user] = bed.seed({ users: [{ firstName: 'Neil', lastName: 'Network', userContactInfos: [email('neil@example.com')] }] }).users;
		const result = await bed.run({ resource: 'user', operation: 'get', userId: byId(String(user.id)) });
		expect(json(result)[0]).toMatchObject({ id: user.id, firstName: 'Neil', userContactInfos: [email('neil@example.com')] });
		expect(bed.requests.map((entry) => entry.path)).toEqual([`/api/v1/users/${user.id}`]);
		const missing = await bed.run({ resource: 'user', operation: 'get', userId: byId(UNKNOWN) });
		expect(missing.error?.message).toBe(`awork could not find /users/${UNKNOWN} (404) (not-found)`);
		bed.clearLog();
		const bad = await bed.run({ resource: 'user', operation: 'get', userId: 'neil' });
		expect(bad.error?.message).toBe('User: "neil" is not an awork ID');
		expect(bed.requests).toHaveLength(0);
	});
});

describe('awork node: Search users by email', () => {
	it('finds a user on the second page of 1,000, ignoring case and spaces', async () => {
		bed.seed({
			users: Array.from({ length: 1000 }, (_, n) => ({ firstName: 'Team', lastName: `Member ${String(n).padStart(4, '0')}`, userContactInfos: [email(`member${n}@example.com`)] })),
		});
		const [zoe] = bed.seed({ users: [{ firstName: 'Zoe', lastName: 'Zimmer', userContactInfos: [{ type: 'phone', value: '+49 40 1' }, email('Zoe.Zimmer@Example.com', 'private')] }] }).users;
		bed.clearLog();
		const result = await bed.run({ resource: 'user', operation: 'searchByEmail', email: '  zoe.zimmer@example.COM ' });
		expect(result.error).toBeUndefined();
		expect(json(result).map((user) => user.id)).toEqual([zoe.id]);
		expect(bed.requests.map((entry) => [entry.path, entry.query.page, entry.query.orderby])).toEqual([
			['/api/v1/users', '1', 'lastName'],
			['/api/v1/users', '2', 'lastName'],
		]);
	});

	it('gives no item when nobody has the address; a phone number with that text does not count', async () => {
		bed.seed({ users: [{ firstName: 'Pat', lastName: 'Phone', userContactInfos: [{ type: 'phone', value: 'pat@example.com' }] }] });
		const result = await bed.run(
			{ resource: 'user', operation: 'searchByEmail', email: '={{ $json.email }}' },
			{ input: [{ json: { email: 'pat@example.com' } }, { json: { email: 'carla@example.com' } }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
	});

	it('searches archived users only when asked, one result list per item', async () => {
		const [archived] = bed.seed({ users: [{ firstName: 'Old', lastName: 'Timer', isArchived: true, userContactInfos: [email('old@example.com')] }] }).users;
		const hidden = await bed.run({ resource: 'user', operation: 'searchByEmail', email: 'old@example.com' });
		expect(hidden.items).toHaveLength(0);
		const shown = await bed.run(
			{ resource: 'user', operation: 'searchByEmail', email: 'old@example.com', showArchived: true },
			{ input: [{ json: {} }, { json: {} }] },
		);
		expect(json(shown).map((user) => user.id)).toEqual([archived.id, archived.id]);
		expect(paired(shown)).toEqual([0, 1]);
		expect(bed.requests.at(-1)?.query.showArchived).toBe('true');
	});

	it('names the field when the text is not an email address', async () => {
		const result = await bed.run({ resource: 'user', operation: 'searchByEmail', email: 'carla at example' });
		expect(result.error?.message).toBe('Email: "carla at example" is not an email address');
		expect(bed.requests).toHaveLength(0);
	});
});
