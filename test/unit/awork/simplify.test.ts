/**
 * Option "Simplify" of Get and Get Many on projects, tasks and companies: in node version 1.1 it
 * is on unless switched off and keeps the key fields and `url`; version 1 nodes, saved before the
 * option existed, do not show it and keep getting the full object.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AworkTestBed, byId, json, WEB_URL } from './harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

function seedClientWork() {
	const [company] = bed.seed({ companies: [{ name: 'ACME', industry: 'Retail', tags: [{ id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'key account' }] }] }).companies;
	const status = [...bed.store.projectStatuses.values()].find((candidate) => candidate.type === 'progress')!;
	const [project] = bed.seed({
		projects: [{ name: 'Relaunch', projectKey: 'REL', companyId: company.id, projectStatusId: status.id, timeBudget: 36000 }],
	}).projects;
	const [assignee] = bed.seed({ users: [{ firstName: 'Ada', lastName: 'Lovelace' }] }).users;
	const todo = [...bed.store.taskStatuses.values()].find((candidate) => candidate.projectId === project.id && candidate.type === 'todo')!;
	const [task] = bed.seed({
		tasks: [
			{
				name: 'Homepage draft',
				baseType: 'projecttask',
				projectId: project.id,
				entityId: project.id,
				taskStatusId: todo.id,
				plannedDuration: 7200,
				assignees: [{ id: assignee.id, firstName: 'Ada', lastName: 'Lovelace' }],
			},
		],
	}).tasks;
	const id = (record: IDataObject) => String(record.id);
	return { company: id(company), project: id(project), task: id(task), status, todo, assignee: id(assignee) };
}

const PROJECT_KEYS = ['id', 'name', 'projectKey', 'projectStatus', 'company', 'startDate', 'dueDate', 'timeBudget', 'trackedDuration', 'isBillableByDefault', 'url'];
const TASK_KEYS = ['id', 'name', 'taskIdentifier', 'description', 'taskStatus', 'project', 'assignees', 'dueOn', 'plannedDuration', 'trackedDuration', 'parentId', 'url'];
const COMPANY_KEYS = ['id', 'name', 'description', 'industry', 'tags', 'projectsCount', 'projectsInProgressCount', 'createdOn', 'updatedOn'];

const VERSION_WITH_SIMPLIFY = 1.1;

/** The same read as a saved version 1 node, and as a version 1.1 node with Simplify unset, off and on. */
async function runEachWay(parameters: INodeParameters) {
	const saved = await bed.run(parameters, { typeVersion: 1 });
	const unset = await bed.run(parameters, { typeVersion: VERSION_WITH_SIMPLIFY });
	const off = await bed.run({ ...parameters, simple: false }, { typeVersion: VERSION_WITH_SIMPLIFY });
	const on = await bed.run({ ...parameters, simple: true }, { typeVersion: VERSION_WITH_SIMPLIFY });
	for (const result of [saved, unset, off, on]) expect(result.error).toBeUndefined();
	expect(json(unset)).toEqual(json(on));
	expect(json(saved)).toEqual(json(off));
	return { off: json(off), on: json(on) };
}

describe('awork Simplify', () => {
	it('projects: the key fields with status, company and url; the full project when off or saved as version 1', async () => {
		const ids = seedClientWork();
		for (const parameters of [
			{ resource: 'project', operation: 'get', projectId: byId(ids.project) },
			{ resource: 'project', operation: 'getMany', returnAll: true },
		]) {
			const { off, on } = await runEachWay(parameters);
			expect(Object.keys(off[0])).toEqual(expect.arrayContaining(['createdBy', 'members', 'projectType', 'url']));
			expect(Object.keys(on[0])).toEqual(PROJECT_KEYS);
			expect(on[0]).toMatchObject({
				id: ids.project,
				projectKey: 'REL',
				projectStatus: { id: ids.status.id, name: ids.status.name, type: 'progress' },
				company: { id: ids.company, name: 'ACME' },
				timeBudget: 36000,
				url: `${WEB_URL}/projects/${ids.project}`,
			});
		}
	});

	it('Get Many keeps customFieldsByName when asked for it', async () => {
		seedClientWork();
		const run = await bed.run({ resource: 'project', operation: 'getMany', returnAll: true, options: { customFieldsByName: true } }, { typeVersion: VERSION_WITH_SIMPLIFY });
		expect(run.error).toBeUndefined();
		expect(json(run)[0].customFieldsByName).toEqual({});
	});

	it('tasks: the key fields with status, project, assignees by name and url', async () => {
		const ids = seedClientWork();
		for (const parameters of [
			{ resource: 'task', operation: 'get', taskId: byId(ids.task) },
			{ resource: 'task', operation: 'getMany', projectId: byId(ids.project), returnAll: true },
		]) {
			const { off, on } = await runEachWay(parameters);
			expect(Object.keys(off[0])).toEqual(expect.arrayContaining(['createdBy', 'lists', 'typeOfWork', 'url']));
			expect(Object.keys(on[0])).toEqual(TASK_KEYS);
			expect(on[0]).toMatchObject({
				id: ids.task,
				name: 'Homepage draft',
				taskIdentifier: 'REL-1',
				project: { id: ids.project, name: 'Relaunch' },
				assignees: [{ id: ids.assignee, name: 'Ada Lovelace' }],
				plannedDuration: 7200,
				parentId: null,
				url: `${WEB_URL}/tasks/${ids.task}`,
			});
			expect(on[0].taskStatus).toEqual({ id: ids.todo.id, name: ids.todo.name, type: 'todo' });
		}
	});

	it('companies: the key fields with tag names and project counts', async () => {
		const ids = seedClientWork();
		for (const parameters of [
			{ resource: 'company', operation: 'get', companyId: byId(ids.company) },
			{ resource: 'company', operation: 'getMany', returnAll: true },
		]) {
			const { off, on } = await runEachWay(parameters);
			expect(Object.keys(off[0])).toEqual(expect.arrayContaining(['companyContactInfos', 'createdBy', 'resourceVersion']));
			expect(Object.keys(on[0])).toEqual(COMPANY_KEYS);
			expect(on[0]).toMatchObject({ id: ids.company, name: 'ACME', industry: 'Retail', tags: ['key account'], projectsCount: 1, projectsInProgressCount: 1 });
		}
	});
});
