import { AworkTestBed, byId, json, paired } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

function seedProject(name = 'Delivery') {
	const [project] = bed.seed({ projects: [{ name }] }).projects;
	return String(project.id);
}

describe('awork node: task lists', () => {
	it('creates task lists per item and lists them per project', async () => {
		const projectId = seedProject();
		const created = await bed.run(
			{ resource: 'taskList', operation: 'create', projectId: byId(projectId), name: '={{ $json.name }}', additionalFields: { order: 3 } },
			{ input: [{ json: { name: 'Concept & Design' } }, { json: { name: 'Build' } }] },
		);
		expect(created.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/tasklists$/).map((e) => e.body)).toEqual([
			{ name: 'Concept & Design', order: 3 },
			{ name: 'Build', order: 3 },
		]);
		expect(paired(created)).toEqual([0, 1]);
		const lists = await bed.run({ resource: 'taskList', operation: 'getMany', projectId: byId(projectId), returnAll: true });
		expect(json(lists).map((l) => l.name).sort()).toEqual(['Build', 'Concept & Design']);
		expect(json(lists).every((l) => l.projectId === projectId)).toBe(true);
	});
});

describe('awork node: tasks', () => {
	it('creates a project task in a list, with planned duration in minutes sent as seconds', async () => {
		const projectId = seedProject();
		const [list] = bed.seed({ taskLists: [{ name: 'Design', projectId }] }).taskLists;
		const status = [...bed.store.taskStatuses.values()].find((s) => s.projectId === projectId && s.type === 'progress')!;
		const typeOfWork = [...bed.store.typesOfWork.values()][1];
		const result = await bed.run({
			resource: 'task',
			operation: 'create',
			projectId: byId(projectId),
			name: 'First homepage draft',
			additionalFields: {
				description: 'Two variants',
				plannedDurationMinutes: 90,
				dueOn: '2026-02-10T17:00:00Z',
				taskListId: byId(String(list.id)),
				listOrder: 1,
				taskStatusId: status.id,
				typeOfWorkId: typeOfWork.id,
			},
		});
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/tasks$/)[0].body).toEqual({
			name: 'First homepage draft',
			baseType: 'projecttask',
			entityId: projectId,
			description: 'Two variants',
			taskStatusId: status.id,
			typeOfWorkId: typeOfWork.id,
			dueOn: '2026-02-10T17:00:00Z',
			plannedDuration: 5400,
			lists: [{ id: list.id, order: 1 }],
		});
		const [task] = [...bed.store.tasks.values()];
		expect(task).toMatchObject({ projectId, plannedDuration: 5400, taskStatusId: status.id });
		expect(json(result)[0].id).toBe(task.id);
	});

	it('gets, lists with filters, updates (keeping other fields) and changes status by type', async () => {
		const projectId = seedProject();
		const created = await bed.run(
			{ resource: 'task', operation: 'create', projectId: byId(projectId), name: '={{ $json.name }}', additionalFields: { description: 'keep' } },
			{ input: [{ json: { name: "Bob's task" } }, { json: { name: 'Other' } }] },
		);
		const [first] = json(created);
		const got = await bed.run({ resource: 'task', operation: 'get', taskId: String(first.id) });
		expect(json(got)[0]).toMatchObject({ id: first.id, name: "Bob's task" });

		const many = await bed.run({
			resource: 'task',
			operation: 'getMany',
			projectId: byId(projectId),
			returnAll: true,
			filters: { nameContains: "Bob's", statusType: 'todo' },
		});
		expect(json(many).map((t) => t.name)).toEqual(["Bob's task"]);
		expect(bed.requestsTo('GET', /projecttasks$/)[0].query.filterby).toBe("taskStatus/type eq 'todo' and substringof('Bob''s',name)");

		const updated = await bed.run({
			resource: 'task',
			operation: 'update',
			taskId: String(first.id),
			updateFields: { plannedDurationMinutes: 30, isPrio: true },
		});
		expect(updated.error).toBeUndefined();
		expect(bed.store.tasks.get(String(first.id))).toMatchObject({ name: "Bob's task", description: 'keep', plannedDuration: 1800, isPrio: true });

		const done = await bed.run({ resource: 'task', operation: 'changeStatus', taskId: String(first.id), statusBy: 'type', statusType: 'done' });
		expect(done.error).toBeUndefined();
		const doneStatus = [...bed.store.taskStatuses.values()].find((s) => s.projectId === projectId && s.type === 'done')!;
		expect(bed.requestsTo('POST', /changestatuses$/)[0].body).toEqual([{ taskId: first.id, statusId: doneStatus.id }]);
		expect(bed.store.tasks.get(String(first.id))!.taskStatusId).toBe(doneStatus.id);
		expect(json(done)[0].taskStatusId).toBe(doneStatus.id);
	});

	it('Create and Update read the fields they share alike, except that a new task leaves out an empty description and 0 minutes', async () => {
		const projectId = seedProject();
		const shared = { description: '', isPrio: false, plannedDurationMinutes: 0, dueOn: '2026-05-04T10:00:00Z' };
		const created = await bed.run({ resource: 'task', operation: 'create', projectId: byId(projectId), name: 'Plan', additionalFields: shared });
		expect(created.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/tasks$/)[0].body).toEqual({ name: 'Plan', baseType: 'projecttask', entityId: projectId, isPrio: false, dueOn: '2026-05-04T10:00:00Z' });

		const updated = await bed.run({ resource: 'task', operation: 'update', taskId: String(json(created)[0].id), updateFields: shared });
		expect(updated.error).toBeUndefined();
		expect(bed.requestsTo('PUT', /\/tasks\//)[0].body).toMatchObject({ description: '', isPrio: false, plannedDuration: 0, dueOn: '2026-05-04T10:00:00Z' });

		const negative = await bed.run({ resource: 'task', operation: 'update', taskId: String(json(created)[0].id), updateFields: { plannedDurationMinutes: -5 } });
		expect(negative.error?.message).toBe('Planned Duration (Minutes): "-5" is not a number of zero or more');
	});

	it('fails naming the task when awork refuses a status of another project (207)', async () => {
		const projectId = seedProject('A');
		const otherId = seedProject('B');
		const [task] = bed.seed({ tasks: [{ name: 'T', baseType: 'projecttask', projectId, entityId: projectId }] }).tasks;
		const foreign = [...bed.store.taskStatuses.values()].find((s) => s.projectId === otherId)!;
		const result = await bed.run({ resource: 'task', operation: 'changeStatus', taskId: String(task.id), statusBy: 'id', taskStatusId: foreign.id });
		expect(result.error?.message).toBe(`awork did not change the status of task ${task.id} (badRequest)`);
	});

	it('links task custom fields to the project before setting them, once', async () => {
		const projectId = seedProject();
		const [task] = bed.seed({ tasks: [{ name: 'T', baseType: 'projecttask', projectId, entityId: projectId }] }).tasks;
		const [level, owner] = bed.seed({
			customFieldDefinitions: [
				{ name: 'Service Level', type: 'select', entity: 'task', selectionOptions: [{ value: 'S1', order: 1 }, { value: 'S2', order: 2 }] },
				{ name: 'PSA Task ID', type: 'text', entity: 'task' },
			],
		}).customFieldDefinitions;
		const params = {
			resource: 'task',
			operation: 'setCustomFields',
			taskId: String(task.id),
			customFields: { field: [{ definition: 'Service Level', value: 'S2' }, { definition: String(owner.id), value: 'PSA-T-9' }] },
		};
		const result = await bed.run(params);
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /linkcustomfielddefinition$/).map((e) => (e.body as { customFieldDefinitionId: string }).customFieldDefinitionId)).toEqual([
			level.id,
			owner.id,
		]);
		const s2 = (level.selectionOptions as Array<{ id: string; value: string }>).find((o) => o.value === 'S2')!;
		expect(bed.requestsTo('POST', /setcustomfields$/)[0].body).toEqual([
			{ customFieldDefinitionId: level.id, selectionOptionIdValue: s2.id },
			{ customFieldDefinitionId: owner.id, textValue: 'PSA-T-9' },
		]);
		expect(bed.store.customFieldLinks.get(projectId)).toHaveLength(2);
		bed.clearLog();
		await bed.run(params);
		expect(bed.requestsTo('POST', /linkcustomfielddefinition$/)).toHaveLength(0);
	});
});

describe('awork node: custom field definitions', () => {
	it('gets or creates by name and entity, idempotently, across items of one run', async () => {
		const params = { resource: 'customFieldDefinition', operation: 'getOrCreate', name: '={{ $json.name }}', entity: 'project', type: 'link' };
		const result = await bed.run(params, { input: [{ json: { name: 'External Project Link' } }, { json: { name: 'external project link' } }] });
		expect(json(result).map((d) => d.created)).toEqual([true, false]);
		expect(json(result)[0].id).toBe(json(result)[1].id);
		expect(bed.store.customFieldDefinitions.size).toBe(1);
		expect(bed.requestsTo('POST', /customfielddefinitions$/)[0].body).toEqual({
			name: 'External Project Link',
			entity: 'project',
			type: 'link',
			order: 1,
		});
		const again = await bed.run(params, { input: [{ json: { name: 'External Project Link' } }] });
		expect(json(again)[0]).toMatchObject({ id: json(result)[0].id, created: false });
		expect(bed.requestsTo('POST', /customfielddefinitions$/)).toHaveLength(1);

		const wrongType = await bed.run({ ...params, type: 'text' }, { input: [{ json: { name: 'External Project Link' } }] });
		expect(wrongType.error?.message).toBe('Type: the project custom field "External Project Link" already exists with type "link", not "text"');

		const listed = await bed.run({ resource: 'customFieldDefinition', operation: 'getMany', entity: 'task' });
		expect(listed.items).toHaveLength(0);
	});
});
