/**
 * Every project and task output carries `url`, its page in awork's web app: from the
 * credential's Web Address, or else from the workspace address GET /me reports (read once per run).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { AworkTestBed, byId, json, WEB_URL } from './harness';

const bed = new AworkTestBed();
beforeAll(async () => {
	await bed.start();
});
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const meReads = () => bed.requestsTo('GET', /^\/api\/v1\/me$/).length;

function seedProjectWithTask() {
	const [project] = bed.seed({ projects: [{ name: 'Relaunch', projectKey: 'REL' }] }).projects;
	const projectId = String(project.id);
	const [task] = bed.seed({ tasks: [{ name: 'Draft', baseType: 'projecttask', projectId, entityId: projectId }] }).tasks;
	bed.seed({ customFieldDefinitions: [{ name: 'Note', type: 'text', entity: 'project' }, { name: 'Ticket', type: 'text', entity: 'task' }] });
	bed.clearLog();
	return { projectId, taskId: String(task.id) };
}

describe('awork outputs: url of projects and tasks', () => {
	it('every project operation adds <Web Address>/projects/<id>', async () => {
		const { projectId } = seedProjectWithTask();
		const status = [...bed.store.projectStatuses.values()].find((candidate) => candidate.type === 'progress')!;
		const project = byId(projectId);
		const runs: Record<string, INodeParameters> = {
			get: { projectId: project },
			getMany: { returnAll: true },
			create: { name: 'New One' },
			createIfMissing: { name: 'Relaunch', projectKey: 'REL' },
			update: { projectId: project, updateFields: { description: 'changed' } },
			changeStatus: { projectId: project, projectStatusId: String(status.id) },
			setCustomFields: { projectId: project, customFields: { field: [{ definition: 'Note', value: 'x' }] } },
		};
		for (const [operation, parameters] of Object.entries(runs)) {
			const result = await bed.run({ resource: 'project', operation, ...parameters });
			expect([operation, result.error?.message]).toEqual([operation, undefined]);
			for (const output of json(result)) expect(output.url).toBe(`${WEB_URL}/projects/${String(output.id)}`);
			expect(json(result).length).toBeGreaterThan(0);
		}
		expect(meReads()).toBe(0);
	});

	it("Get Client Health adds the url to each project's figures and to the asked project", async () => {
		const [company] = bed.seed({ companies: [{ name: 'ACME' }] }).companies;
		const progress = [...bed.store.projectStatuses.values()].find((candidate) => candidate.type === 'progress')!;
		const [first, second] = bed.seed({
			projects: [
				{ name: 'A', companyId: company.id, projectStatusId: progress.id },
				{ name: 'B', companyId: company.id, projectStatusId: progress.id },
			],
		}).projects;
		const result = await bed.run({ resource: 'project', operation: 'getClientHealth', healthScope: 'projectClient', projectId: byId(String(first.id)) });
		expect(result.error).toBeUndefined();
		const [client] = json(result);
		expect((client.projects as IDataObject[]).map((project) => project.url)).toEqual([
			`${WEB_URL}/projects/${String(first.id)}`,
			`${WEB_URL}/projects/${String(second.id)}`,
		]);
		expect((client.project as IDataObject).url).toBe(`${WEB_URL}/projects/${String(first.id)}`);
	});

	it('every task operation adds <Web Address>/tasks/<id>', async () => {
		const { projectId, taskId } = seedProjectWithTask();
		const runs: Record<string, INodeParameters> = {
			get: { taskId },
			getMany: { projectId: byId(projectId), returnAll: true },
			create: { projectId: byId(projectId), name: 'Review' },
			createIfMissing: { projectId: byId(projectId), name: 'Draft' },
			update: { taskId, updateFields: { name: 'Draft 2' } },
			changeStatus: { taskId, statusBy: 'type', statusType: 'done' },
			setCustomFields: { taskId, customFields: { field: [{ definition: 'Ticket', value: 'T-1' }] } },
		};
		for (const [operation, parameters] of Object.entries(runs)) {
			const result = await bed.run({ resource: 'task', operation, ...parameters });
			expect([operation, result.error?.message]).toEqual([operation, undefined]);
			for (const output of json(result)) expect(output.url).toBe(`${WEB_URL}/tasks/${String(output.id)}`);
			expect(json(result).length).toBeGreaterThan(0);
		}
		expect(meReads()).toBe(0);
	});

	it('drops trailing slashes of the Web Address', async () => {
		const { projectId } = seedProjectWithTask();
		const result = await bed.run({ resource: 'project', operation: 'get', projectId: byId(projectId) }, { credential: { webUrl: ' https://acme.awork.com// ' } });
		expect(json(result)[0].url).toBe(`https://acme.awork.com/projects/${projectId}`);
	});

	it('without a Web Address, uses the workspace address from GET /me, read once per run', async () => {
		const { projectId } = seedProjectWithTask();
		bed.store.workspace.url = 'https://acme-gmbh.awork.com/';
		try {
			const input = [{ json: {} }, { json: {} }, { json: {} }];
			const result = await bed.run({ resource: 'project', operation: 'get', projectId: byId(projectId) }, { input, credential: { webUrl: '' } });
			expect(result.error).toBeUndefined();
			expect(json(result).map((output) => output.url)).toEqual(Array(3).fill(`https://acme-gmbh.awork.com/projects/${projectId}`));
			expect(meReads()).toBe(1);
		} finally {
			bed.store.workspace.url = 'https://fake-workspace.awork.com';
		}
	});

	it('does not read GET /me when no project or task is output', async () => {
		const result = await bed.run({ resource: 'project', operation: 'getMany', returnAll: true }, { credential: { webUrl: '' } });
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([]);
		expect(meReads()).toBe(0);
	});

	it('fails naming the Web Address when awork reports no workspace address and none is set', async () => {
		const { projectId } = seedProjectWithTask();
		const saved = bed.store.workspace.url;
		(bed.store.workspace as { url: string | null }).url = null;
		try {
			const result = await bed.run({ resource: 'project', operation: 'get', projectId: byId(projectId) }, { credential: { webUrl: '' } });
			expect(result.error?.message).toBe('awork reports no web address for this workspace, so project and task links cannot be built');
			expect(result.error?.description).toContain('Set "Web Address" in the awork credential');
		} finally {
			bed.store.workspace.url = saved;
		}
	});

	it('fails naming the Web Address when it is not an http(s) URL, without echoing it', async () => {
		const { projectId } = seedProjectWithTask();
		const result = await bed.run({ resource: 'project', operation: 'get', projectId: byId(projectId) }, { credential: { webUrl: 'acme.awork.com' } });
		expect(result.error?.message).toBe('The Web Address in the awork credential is not an http(s) URL');
		expect(meReads()).toBe(0);
	});
});
