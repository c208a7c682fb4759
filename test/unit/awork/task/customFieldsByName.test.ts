import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

describe('awork node: task get with custom fields by name', () => {
	it('adds every set custom field under its name, in the value property of its type', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Support' }] }).projects;
		const projectId = String(project.id);
		const [task] = bed.seed({ tasks: [{ name: 'Printer', baseType: 'projecttask', projectId, entityId: projectId }] }).tasks;
		bed.seed({
			customFieldDefinitions: [
				{ name: 'PSA Ticket', type: 'text', entity: 'task' },
				{ name: 'Escalate to PSA', type: 'boolean', entity: 'task' },
				{ name: 'Service Level', type: 'select', entity: 'task', selectionOptions: [{ value: 'S1', order: 1 }] },
				{ name: 'Hours', type: 'number', entity: 'task' },
				{ name: 'Not Set', type: 'text', entity: 'task' },
			],
		});
		const set = await bed.run({
			resource: 'task',
			operation: 'setCustomFields',
			taskId: String(task.id),
			customFields: {
				field: [
					{ definition: 'PSA Ticket', value: 'T-1042' },
					{ definition: 'Escalate to PSA', value: 'true' },
					{ definition: 'Service Level', value: 'S1' },
					{ definition: 'Hours', value: '2.5' },
				],
			},
		});
		expect(set.error).toBeUndefined();

		const plain = await bed.run({ resource: 'task', operation: 'get', taskId: String(task.id) });
		expect(json(plain)[0].customFieldsByName).toBeUndefined();

		bed.clearLog();
		const result = await bed.run({ resource: 'task', operation: 'get', taskId: String(task.id), options: { customFieldsByName: true } });
		expect(result.error).toBeUndefined();
		expect(json(result)[0].customFieldsByName).toEqual({
			'PSA Ticket': 'T-1042',
			'Escalate to PSA': true,
			'Service Level': 'S1',
			Hours: 2.5,
		});
		expect(json(result)[0]).toMatchObject({ id: task.id, name: 'Printer' });
		expect(bed.requestsTo('GET', /customfielddefinitions$/)).toHaveLength(1);
	});

	it('gives an empty object for a task without custom fields, reading the definitions once for all items', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Support' }] }).projects;
		const projectId = String(project.id);
		const tasks = bed.seed({
			tasks: [
				{ name: 'A', baseType: 'projecttask', projectId, entityId: projectId },
				{ name: 'B', baseType: 'projecttask', projectId, entityId: projectId },
			],
		}).tasks;
		const result = await bed.run(
			{ resource: 'task', operation: 'get', taskId: '={{ $json.id }}', options: { customFieldsByName: true } },
			{ input: tasks.map((task) => ({ json: { id: task.id } })) },
		);
		expect(json(result).map((item) => item.customFieldsByName)).toEqual([{}, {}]);
		expect(bed.requestsTo('GET', /customfielddefinitions$/)).toHaveLength(1);
	});
});
