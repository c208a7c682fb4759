/**
 * Option "Simplify" of Get and Get Many on projects, tasks, companies and documents, and of the
 * user reads: in node version 1.1 it
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

const DOCUMENT_KEYS = ['id', 'name', 'documentSpace', 'documentSpaceId', 'projectId', 'taskId', 'parentId', 'isPrivate', 'createdOn', 'updatedOn', 'movedToTrashOn'];
const USER_KEYS = ['id', 'firstName', 'lastName', 'email', 'status', 'isDeactivated', 'isExternal', 'tags'];

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

	it('documents: the key fields with their space; every document read; the full document when off or saved as version 1', async () => {
		const [space] = bed.seed({ documentSpaces: [{ name: 'Handbook' }] }).documentSpaces;
		const [project] = bed.seed({ projects: [{ name: 'Relaunch' }] }).projects;
		const [inSpace] = bed.seed({ documents: [{ name: 'Onboarding', documentSpaceId: space.id, content: '<p>Read this first</p>' }] }).documents;
		bed.seed({ documents: [{ name: 'Kick-off', projectId: project.id }] });
		for (const parameters of [
			{ resource: 'document', operation: 'get', documentId: byId(String(inSpace.id)) },
			{ resource: 'document', operation: 'getMany', returnAll: true },
			{ resource: 'document', operation: 'getManyOfDocumentSpace', documentSpaceId: byId(String(space.id)), returnAll: true },
		]) {
			const { off, on } = await runEachWay(parameters);
			expect(Object.keys(off[0]).length).toBeGreaterThan(DOCUMENT_KEYS.length);
			expect(Object.keys(on[0])).toEqual(DOCUMENT_KEYS);
			expect(on.find((document) => document.id === inSpace.id)).toMatchObject({ name: 'Onboarding', documentSpaceId: space.id, projectId: null });
		}
		const { on } = await runEachWay({ resource: 'document', operation: 'getManyOfProject', projectId: byId(String(project.id)), returnAll: true });
		expect(on).toEqual([expect.objectContaining({ name: 'Kick-off', projectId: project.id })]);
	});

	it('users: names, the first email address, status and tag names; the full user when off or saved as version 1', async () => {
		const [user] = bed.seed({
			users: [{ firstName: 'Neil', lastName: 'Network', userContactInfos: [{ type: 'phone', value: '+49 40 1' }, { type: 'email', value: 'neil@example.com' }] }],
		}).users;
		for (const parameters of [
			{ resource: 'user', operation: 'get', userId: byId(String(user.id)) },
			{ resource: 'user', operation: 'searchByEmail', email: 'NEIL@example.com' },
		]) {
			const { off, on } = await runEachWay(parameters);
			expect(off[0]).toHaveProperty('userContactInfos');
			expect(Object.keys(on[0])).toEqual(USER_KEYS);
			expect(on[0]).toMatchObject({ id: user.id, firstName: 'Neil', lastName: 'Network', email: 'neil@example.com' });
		}
	});
});
