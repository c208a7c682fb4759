/**
 * Workspace against the fake awork: Create Type of Work, Create Project Status, Create Task
 * Status and the project statuses of one project.
 */
import { AworkTestBed, byId, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

function seedProject() {
	const [project] = bed.seed({ projects: [{ name: 'Relaunch' }] }).projects;
	bed.clearLog();
	return String(project.id);
}

describe('awork node: Create Type of Work', () => {
	it('creates it with description and icon, and Get Many Types of Work then lists it', async () => {
		const created = await bed.run({
			resource: 'workspace',
			operation: 'createTypeOfWork',
			name: ' Consulting ',
			additionalFields: { description: 'Workshops', icon: 'school' },
		});
		expect(json(created)[0]).toMatchObject({ name: 'Consulting', description: 'Workshops', icon: 'school', isArchived: false });
		expect(bed.requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/typeofwork', body: { name: 'Consulting', description: 'Workshops', icon: 'school' } });
		const listed = await bed.run({ resource: 'workspace', operation: 'getTypesOfWork', returnAll: true });
		expect(json(listed).map((type) => type.name)).toContain('Consulting');
		bed.clearLog();
		const nameless = await bed.run({ resource: 'workspace', operation: 'createTypeOfWork', name: '={{ $json.name }}' }, { input: [{ json: { name: '  ' } }] });
		expect(nameless.error?.message).toBe('Name: awork needs a value here');
		expect(bed.requests).toHaveLength(0);
	});
});

describe('awork node: project statuses of one project', () => {
	it('Create Project Status adds a status to the project, after the ones it has', async () => {
		const projectId = seedProject();
		const created = await bed.run({ resource: 'workspace', operation: 'createProjectStatus', projectId: byId(projectId), name: 'Waiting for Client', type: 'stuck' });
		expect(json(created)[0]).toMatchObject({ name: 'Waiting for Client', type: 'stuck', projectId, order: 4 });
		expect(bed.requests[0]).toMatchObject({ path: `/api/v1/projects/${projectId}/projectstatuses`, body: { name: 'Waiting for Client', type: 'stuck' } });
		const listed = await bed.run({ resource: 'workspace', operation: 'getProjectStatusesOfProject', projectId: byId(projectId), returnAll: true });
		expect(json(listed).map((status) => status.name)).toEqual(['Not started', 'In progress', 'Stuck', 'Closed', 'Waiting for Client']);
	});

	it('Get Many Project Statuses of a Project shows another project nothing of it, honours the limit and reports an unknown project', async () => {
		const projectId = seedProject();
		const [other] = bed.seed({ projects: [{ name: 'Other' }] }).projects;
		await bed.run({ resource: 'workspace', operation: 'createProjectStatus', projectId: byId(projectId), name: 'Only here', type: 'progress' });
		bed.clearLog();
		const ofOther = await bed.run({ resource: 'workspace', operation: 'getProjectStatusesOfProject', projectId: byId(String(other.id)), returnAll: true });
		expect(json(ofOther).map((status) => status.name)).not.toContain('Only here');
		const limited = await bed.run({ resource: 'workspace', operation: 'getProjectStatusesOfProject', projectId: byId(projectId), limit: 2 });
		expect(limited.items).toHaveLength(2);
		expect(bed.requests.at(-1)?.query).toMatchObject({ pageSize: '2', orderby: 'order' });
		const unknown = await bed.run({ resource: 'workspace', operation: 'getProjectStatusesOfProject', projectId: byId(UNKNOWN), returnAll: true });
		expect(unknown.error?.message).toBe(`awork could not find /projects/${UNKNOWN}/projectstatuses (404) (not-found)`);
	});

	it('names the field that is wrong, before or after asking awork', async () => {
		const projectId = seedProject();
		const long = await bed.run({ resource: 'workspace', operation: 'createProjectStatus', projectId: byId(projectId), name: 'x'.repeat(256), type: 'progress' });
		expect(long.error?.message).toBe('Name: 256 characters is more than awork takes (255)');
		const badProject = await bed.run({ resource: 'workspace', operation: 'createProjectStatus', projectId: '={{ "P-1" }}', name: 'Ok', type: 'progress' });
		expect(badProject.error?.message).toBe('Project: "P-1" is not an awork ID');
		expect(bed.requests).toHaveLength(0);
		const unknown = await bed.run({ resource: 'workspace', operation: 'createProjectStatus', projectId: byId(UNKNOWN), name: 'Ok', type: 'progress' });
		expect(unknown.error?.message).toBe(`awork could not find /projects/${UNKNOWN}/projectstatuses (404) (not-found)`);
	});
});

describe('awork node: Create Task Status', () => {
	it('appends the status to the project, or puts it where Order says; Get Many Task Statuses lists it', async () => {
		const projectId = seedProject();
		const appended = await bed.run({ resource: 'workspace', operation: 'createTaskStatus', projectId: byId(projectId), name: 'Client Review', type: 'review', additionalFields: { icon: 'rate_review' } });
		expect(json(appended)[0]).toMatchObject({ name: 'Client Review', type: 'review', icon: 'rate_review', projectId, order: 4 });
		expect(bed.requests[0].body).toEqual({ name: 'Client Review', type: 'review', icon: 'rate_review' });
		const placed = await bed.run({ resource: 'workspace', operation: 'createTaskStatus', projectId: byId(projectId), name: 'Blocked', type: 'stuck', additionalFields: { order: 1.5 } });
		expect(json(placed)[0]).toMatchObject({ name: 'Blocked', order: 1.5 });
		const listed = await bed.run({ resource: 'workspace', operation: 'getTaskStatuses', projectId: byId(projectId), returnAll: true });
		expect(json(listed).map((status) => status.name)).toEqual(['To do', 'In progress', 'Blocked', 'Review', 'Done', 'Client Review']);
	});

	it('names the field that is wrong, before or after asking awork', async () => {
		const projectId = seedProject();
		const long = await bed.run({ resource: 'workspace', operation: 'createTaskStatus', projectId: byId(projectId), name: 'A status name of more than 30 chars', type: 'todo' });
		expect(long.error?.message).toBe('Name: 35 characters is more than awork takes (30)');
		expect(bed.requests).toHaveLength(0);
		const unknown = await bed.run({ resource: 'workspace', operation: 'createTaskStatus', projectId: byId(UNKNOWN), name: 'Ok', type: 'todo' });
		expect(unknown.error?.message).toBe(`awork could not find /projects/${UNKNOWN}/taskstatuses (404) (not-found)`);
	});
});
