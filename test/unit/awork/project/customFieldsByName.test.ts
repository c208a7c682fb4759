import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

describe('awork node: project get many with custom fields by name', () => {
	it('adds each project\'s custom field values under their names, reading the definitions once', async () => {
		const projects = bed.seed({ projects: [{ name: 'Relaunch' }, { name: 'Intranet' }] }).projects;
		bed.seed({
			customFieldDefinitions: [
				{ name: 'PSA Contract', type: 'text', entity: 'project' },
				{ name: 'External Project Link', type: 'link', entity: 'project' },
			],
		});
		const set = await bed.run({
			resource: 'project',
			operation: 'setCustomFields',
			projectId: String(projects[0].id),
			customFields: { field: [{ definition: 'PSA Contract', value: 'ctr_1001' }, { definition: 'External Project Link', value: 'https://psa.example/q/1' }] },
		});
		expect(set.error).toBeUndefined();

		const plain = await bed.run({ resource: 'project', operation: 'getMany', returnAll: true, filters: {} });
		expect(json(plain).every((project) => project.customFieldsByName === undefined)).toBe(true);

		bed.clearLog();
		const result = await bed.run({ resource: 'project', operation: 'getMany', returnAll: true, filters: {}, options: { customFieldsByName: true } });
		expect(result.error).toBeUndefined();
		const byName = new Map(json(result).map((project) => [project.name, project.customFieldsByName]));
		expect(byName.get('Relaunch')).toEqual({ 'PSA Contract': 'ctr_1001', 'External Project Link': 'https://psa.example/q/1' });
		expect(byName.get('Intranet')).toEqual({});
		expect(bed.requestsTo('GET', /customfielddefinitions$/)).toHaveLength(1);
	});
});
