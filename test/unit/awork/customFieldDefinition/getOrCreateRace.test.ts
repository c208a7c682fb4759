/**
 * Get or Create when a parallel run creates the same custom field at the same moment (two
 * workflow executions on their first webhook): every run must end up with the same, oldest
 * definition, so all values go into one field.
 */
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const getOrCreate = { resource: 'customFieldDefinition', operation: 'getOrCreate', name: 'PSA Ticket', entity: 'task', type: 'text' };

describe('awork node: get or create a custom field definition under a race', () => {
	it('returns the definition the parallel run created first, not its own copy', async () => {
		let earlierId = '';
		// Between this run's read and its create, another run creates "PSA Ticket".
		const restore = bed.wrapRoute('POST', '/api/v1/customfielddefinitions', (original) => async (req) => {
			const [earlier] = bed.seed({
				customFieldDefinitions: [{ name: 'PSA Ticket', type: 'text', entity: 'task', createdOn: '2020-01-01T00:00:00Z' }],
			}).customFieldDefinitions;
			earlierId = String(earlier.id);
			return await original(req);
		});
		try {
			const result = await bed.run(getOrCreate);
			expect(result.error).toBeUndefined();
			expect(json(result)[0]).toMatchObject({ id: earlierId, name: 'PSA Ticket', created: false });
		} finally {
			restore();
		}
		// The copy exists (awork allows equal names) but every later run also picks the oldest.
		expect([...bed.store.customFieldDefinitions.values()].filter((d) => d.name === 'PSA Ticket')).toHaveLength(2);
		const later = await bed.run(getOrCreate);
		expect(json(later)[0]).toMatchObject({ id: earlierId, created: false });
	});

	it('returns its own definition (created: true) when nobody else created one', async () => {
		const result = await bed.run(getOrCreate);
		const [only] = [...bed.store.customFieldDefinitions.values()];
		expect(json(result)[0]).toMatchObject({ id: only.id, created: true });
	});
});
