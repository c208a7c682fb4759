/**
 * The task, time entry, parent task and task status pickers: From List (with `url` on projects
 * and tasks), By URL (the ID read out of an awork link), By ID, and the plain ID strings that
 * workflows saved before these were pickers still hold.
 */
import type { IDataObject } from 'n8n-workflow';
import * as listSearch from '../../../nodes/Awork/methods/listSearch';
import { aworkEditorContext } from './editorContext';
import { AworkTestBed, byId, json, WEB_URL } from './harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

function seedWork() {
	const [relaunch, support] = bed.seed({ projects: [{ name: 'Relaunch', projectKey: 'REL' }, { name: 'Support' }] }).projects;
	const inProject = (project: IDataObject, name: string) => ({ name, baseType: 'projecttask', projectId: project.id, entityId: project.id });
	const [homepage, footer, printer] = bed.seed({
		tasks: [inProject(relaunch, 'Homepage draft'), inProject(relaunch, 'Footer links'), inProject(support, 'Printer offline')],
	}).tasks;
	const me = bed.store.meUserId;
	const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toISOString();
	const [older, newer] = bed.seed({
		timeEntries: [
			{ projectId: relaunch.id, taskId: homepage.id, startDateUtc: at(5), duration: 5400, userId: me, note: 'wireframes' },
			{ projectId: support.id, taskId: printer.id, startDateUtc: at(6), duration: 1800, userId: me, note: 'driver update' },
		],
	}).timeEntries;
	bed.clearLog();
	const id = (record: IDataObject) => String(record.id);
	return {
		relaunch: id(relaunch),
		support: id(support),
		homepage: id(homepage),
		footer: id(footer),
		printer: id(printer),
		older: id(older),
		newer: id(newer),
	};
}

describe('awork pickers at run time', () => {
	it('Task > Get takes the task from a link, from the list, by ID, and as a plain ID saved before', async () => {
		const { homepage } = seedWork();
		const ways = [
			byUrl(`https://acme.awork.com/tasks/${homepage}/details`),
			byUrl(`${WEB_URL}/tasks/${homepage.toUpperCase()}`),
			fromList(homepage),
			byId(homepage),
			homepage,
			`={{ "${homepage}" }}`,
		];
		for (const taskId of ways) {
			const result = await bed.run({ resource: 'task', operation: 'get', taskId });
			expect({ taskId, error: result.error?.message, id: json(result)[0]?.id }).toEqual({ taskId, error: undefined, id: homepage });
		}
		expect(bed.requestsTo('GET', /\/tasks\/[^/]+$/).map((entry) => entry.path)).toEqual(ways.map(() => `/api/v1/tasks/${homepage}`));
	});

	it('a link to something else is refused with the picker\'s message, before any request', async () => {
		const { relaunch } = seedWork();
		await expect(bed.run({ resource: 'task', operation: 'get', taskId: byUrl(`${WEB_URL}/projects/${relaunch}`) })).rejects.toThrow(
			/Not a link to an awork task \(…\/tasks\/<ID>\)/,
		);
		await expect(bed.run({ resource: 'project', operation: 'get', projectId: byUrl(`${WEB_URL}/tasks/${relaunch}`) })).rejects.toThrow(
			/Not a link to an awork project/,
		);
		expect(bed.requests).toEqual([]);
	});

	it('Project > Get takes a project link', async () => {
		const { relaunch } = seedWork();
		const result = await bed.run({ resource: 'project', operation: 'get', projectId: byUrl(`${WEB_URL}/projects/${relaunch}/tasks`) });
		expect(result.error).toBeUndefined();
		expect(json(result)[0]).toMatchObject({ id: relaunch, url: `${WEB_URL}/projects/${relaunch}` });
	});

	it('Time Entry > Get Many reads the entries of a project given as a link', async () => {
		const { relaunch, older } = seedWork();
		const result = await bed.run({
			resource: 'timeEntry',
			operation: 'getMany',
			projectId: byUrl(`${WEB_URL}/projects/${relaunch}`),
			returnAll: true,
			filters: { isBillable: 'any', isBilled: 'any' },
		});
		expect(result.error).toBeUndefined();
		expect(json(result).map((entry) => entry.id)).toEqual([older]);
		expect(bed.requests[0].path).toBe(`/api/v1/projects/${relaunch}/timeentries`);
	});

	it('Time Entry > Get takes the entry from the list, by ID, and as a plain ID', async () => {
		const { older } = seedWork();
		for (const timeEntryId of [fromList(older), byId(older), older]) {
			const result = await bed.run({ resource: 'timeEntry', operation: 'get', timeEntryId });
			expect(result.error).toBeUndefined();
			expect(json(result)[0].id).toBe(older);
		}
	});

	it('Task > Change Status by ID takes the status from the picker and as a plain ID', async () => {
		const { relaunch, homepage } = seedWork();
		const done = [...bed.store.taskStatuses.values()].find((status) => status.projectId === relaunch && status.type === 'done')!;
		for (const taskStatusId of [fromList(String(done.id)), String(done.id)]) {
			const result = await bed.run({ resource: 'task', operation: 'changeStatus', taskId: byId(homepage), statusBy: 'id', taskStatusId });
			expect(result.error).toBeUndefined();
			expect(json(result)[0].taskStatusId).toBe(done.id);
		}
		expect(bed.requestsTo('POST', /changestatuses$/).map((entry) => entry.body)).toEqual([
			[{ taskId: homepage, statusId: done.id }],
			[{ taskId: homepage, statusId: done.id }],
		]);
	});

	it('Task > Create makes a subtask of a parent given as a link, from the list, or as a plain ID', async () => {
		const { relaunch, homepage } = seedWork();
		for (const parentId of [byUrl(`${WEB_URL}/tasks/${homepage}`), fromList(homepage), homepage]) {
			const result = await bed.run({ resource: 'task', operation: 'create', projectId: byId(relaunch), name: 'Subtask', additionalFields: { parentId } });
			expect(result.error).toBeUndefined();
			expect(json(result)[0].parentId).toBe(homepage);
		}
		expect(bed.requestsTo('POST', /\/tasks$/).map((entry) => (entry.body as IDataObject).parentId)).toEqual([homepage, homepage, homepage]);
	});

	it('a parent that is not an awork ID fails naming the field, and nothing is created', async () => {
		const { relaunch } = seedWork();
		const result = await bed.run({ resource: 'task', operation: 'create', projectId: byId(relaunch), name: 'Subtask', additionalFields: { parentId: byId('T-17') } });
		expect(result.error?.message).toBe('Parent Task: "T-17" is not an awork ID');
		expect(bed.requestsTo('POST', /\/tasks$/)).toEqual([]);
	});
});

describe('awork pickers in the editor', () => {
	const withWebAddress = (current: IDataObject = {}) => aworkEditorContext(bed, current, { webUrl: WEB_URL });

	it('tasks: of the chosen project, else every project task (with its project), each with its url', async () => {
		const { relaunch, homepage, footer, printer } = seedWork();
		const ofProject = await listSearch.searchTasks.call(withWebAddress({ projectId: byId(relaunch) }));
		expect(ofProject.results).toEqual([
			{ name: 'Footer links', value: footer, url: `${WEB_URL}/tasks/${footer}` },
			{ name: 'Homepage draft', value: homepage, url: `${WEB_URL}/tasks/${homepage}` },
		]);
		expect(bed.requests.map((entry) => entry.path)).toEqual([`/api/v1/projects/${relaunch}/projecttasks`]);
		const everywhere = await listSearch.searchTasks.call(withWebAddress(), 'PRINTER');
		expect(everywhere.results).toEqual([{ name: 'Printer offline (Support)', value: printer, url: `${WEB_URL}/tasks/${printer}` }]);
		expect(bed.requests.at(-1)).toMatchObject({ path: '/api/v1/me/projecttasks', query: { filterby: "substringof('PRINTER',name)" } });
	});

	it('projects carry their url; without a Web Address it comes from GET /me, after the list', async () => {
		const { relaunch } = seedWork();
		const configured = await listSearch.searchProjects.call(withWebAddress(), 'relaunch');
		expect(configured.results).toEqual([{ name: 'Relaunch (REL)', value: relaunch, url: `${WEB_URL}/projects/${relaunch}` }]);
		bed.clearLog();
		const workspaceUrl = String(bed.store.workspace.url).replace(/\/+$/, '');
		const reported = await listSearch.searchProjects.call(aworkEditorContext(bed), 'relaunch');
		expect(reported.results[0].url).toBe(`${workspaceUrl}/projects/${relaunch}`);
		expect(bed.requests.map((entry) => entry.path)).toEqual(['/api/v1/projects', '/api/v1/me']);
	});

	it('a workspace without a known web address still lists, only without links', async () => {
		const { relaunch } = seedWork();
		const address = bed.store.workspace.url;
		bed.store.workspace.url = '';
		try {
			const listed = await listSearch.searchProjects.call(aworkEditorContext(bed), 'relaunch');
			expect(listed.results).toEqual([{ name: 'Relaunch (REL)', value: relaunch }]);
		} finally {
			bed.store.workspace.url = address;
		}
	});

	it('time entries: latest first, found by note, task or project name', async () => {
		const { older, newer } = seedWork();
		const all = await listSearch.searchTimeEntries.call(withWebAddress());
		expect(all.results.map((result) => result.value)).toEqual([newer, older]);
		expect(all.results[1].name).toMatch(/^2026-01-05 · 1\.50 h · .+ · Homepage draft$/);
		expect(all.results[1].url).toBeUndefined();
		const byNote = await listSearch.searchTimeEntries.call(withWebAddress(), 'wirefr');
		const byTask = await listSearch.searchTimeEntries.call(withWebAddress(), 'printer');
		const byProject = await listSearch.searchTimeEntries.call(withWebAddress(), 'relaunch');
		expect([byNote, byTask, byProject].map((found) => found.results.map((result) => result.value))).toEqual([[older], [newer], [older]]);
		expect(bed.requests.at(-1)?.query).toMatchObject({ orderby: 'startDateUtc desc,id desc' });
	});

	it("task statuses: of the chosen task's project (searched by name), of a chosen project, and none without either", async () => {
		const { relaunch, homepage } = seedWork();
		const ofTask = await listSearch.searchTaskStatuses.call(withWebAddress({ taskId: byId(homepage) }));
		const projectStatuses = [...bed.store.taskStatuses.values()].filter((status) => status.projectId === relaunch);
		expect(ofTask.results.map((result) => result.value).sort()).toEqual(projectStatuses.map((status) => String(status.id)).sort());
		expect(ofTask.results.every((result) => / \((todo|progress|review|stuck|done)\)$/.test(result.name))).toBe(true);
		const done = await listSearch.searchTaskStatuses.call(withWebAddress({ taskId: byId(homepage) }), 'DON');
		expect(done.results.map((result) => result.name)).toEqual(['Done (done)']);
		const ofProject = await listSearch.searchTaskStatuses.call(withWebAddress({ projectId: byId(relaunch) }));
		expect(ofProject.results).toEqual(ofTask.results);
		bed.clearLog();
		expect((await listSearch.searchTaskStatuses.call(withWebAddress())).results).toEqual([]);
		expect((await listSearch.searchTaskStatuses.call(withWebAddress({ taskId: byId('not-a-guid') }))).results).toEqual([]);
		expect(bed.requests).toEqual([]);
	});
});
