/**
 * Name Contains on every Get Many that has it: a text longer than any awork name (1,000
 * characters) fails naming the option before a request is sent, instead of an opaque 431 from
 * an over-long URL; a text of up to 1,000 characters still searches.
 */
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

describe('awork node: Name Contains', () => {
	it.each([
		['project', { filters: { nameContains: 'x'.repeat(100_000) } }],
		['company', { filters: { nameContains: 'x'.repeat(100_000) } }],
		['task', { filters: { nameContains: 'x'.repeat(100_000) } }],
		['taskList', { options: { nameContains: 'x'.repeat(100_000) } }],
	])('%s: 100,000 characters fail naming the option, and nothing is sent', async (resource, parameters) => {
		const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
		const result = await bed.run({ resource, operation: 'getMany', returnAll: true, projectId: String(project.id), ...parameters });
		expect(result.error?.message).toBe('Name Contains: 100,000 characters is longer than any awork name can be (1,000)');
		expect(bed.requests.filter((request) => request.method === 'GET')).toHaveLength(0);
	});

	it('a name of 1,000 characters is still found', async () => {
		const long = 'n'.repeat(1000);
		bed.seed({ projects: [{ name: long }, { name: 'Other' }] });
		const result = await bed.run({ resource: 'project', operation: 'getMany', returnAll: true, filters: { nameContains: long } });
		expect(result.error).toBeUndefined();
		expect(json(result).map((project) => project.name)).toEqual([long]);
	});
});
