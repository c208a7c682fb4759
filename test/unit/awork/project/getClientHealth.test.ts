import { getGlobalState, setGlobalState, type IDataObject } from 'n8n-workflow';
import { aworkTransportSettings } from '../../../../nodes/Awork/transport';
import { EXPECTED, IDS, REFERENCE_TIME, TIME_ZONE, clientHealthSeed } from './fixtures/clientHealth';
import { AworkTestBed, byId, json, paired, WEB_URL } from '../harness';

const bed = new AworkTestBed();
const original = { ...aworkTransportSettings };
const globalState = getGlobalState();
beforeAll(async () => {
	// The workflow in runNode has no time zone of its own: pin the default the fixture assumes.
	setGlobalState({ ...globalState, defaultTimezone: TIME_ZONE });
	await bed.start();
	aworkTransportSettings.retry = { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 };
});
afterAll(async () => {
	setGlobalState(globalState);
	Object.assign(aworkTransportSettings, original);
	await bed.stop();
});
beforeEach(() => {
	bed.reset();
	bed.seed(clientHealthSeed());
	bed.clearLog();
});

const health = (parameters: IDataObject, options: IDataObject = {}) =>
	bed.run({
		resource: 'project',
		operation: 'getClientHealth',
		...parameters,
		healthOptions: { referenceTime: REFERENCE_TIME, ...options },
	} as never);

const figures = ({ projects: _projects, project: _project, ...rest }: IDataObject) => rest;

function expectProjects(client: IDataObject, ids: string[]) {
	const projects = client.projects as IDataObject[];
	expect(projects.map((project) => project.id)).toEqual(ids);
	for (const project of projects) {
		const expected = EXPECTED.projects[String(project.id)];
		expect({
			progress: project.progress,
			overdue: project.overdue,
			atRisk: project.atRisk,
			atRiskReasons: project.atRiskReasons,
			overdueMilestones: (project.overdueMilestones as IDataObject[]).map((milestone) => milestone.id),
		}).toEqual(expected);
	}
}

const milestoneReads = () => bed.requestsTo('GET', /\/milestones$/).map((entry) => entry.path.split('/')[4]);

describe('awork node: Project > Get Client Health', () => {
	it('computes every client with open projects from one project read and one milestone read per unfinished open project', async () => {
		const result = await health({ healthScope: 'all' });
		expect(result.error).toBeUndefined();
		const clients = json(result);
		expect(clients.map(figures)).toEqual([EXPECTED.acme, EXPECTED.beta]);
		// Sorted by name inside each client: App, Brand, Website.
		expectProjects(clients[0], [IDS.app, IDS.brand, IDS.website]);
		expectProjects(clients[1], [IDS.boundary, IDS.shop]);
		expect(paired(result)).toEqual([0, 0]);

		const projectReads = bed.requestsTo('GET', /\/projects$/);
		expect(projectReads).toHaveLength(1);
		expect(projectReads[0].query.filterby).toBe("projectStatus/type ne 'closed' or updatedOn ge datetime'2026-03-01T12:00:00Z'");
		expect(milestoneReads().sort()).toEqual([...EXPECTED.milestoneReads].sort());
		expect(bed.requests).toHaveLength(1 + EXPECTED.milestoneReads.length);
	});

	it('gives the figures of one client, filtering the project read by company', async () => {
		const result = await health({ healthScope: 'company', companyId: byId(IDS.acme) });
		expect(result.error).toBeUndefined();
		expect(json(result).map(figures)).toEqual([EXPECTED.acme]);
		expect(bed.requestsTo('GET', /\/projects$/)[0].query.filterby).toBe(
			`companyId eq guid'${IDS.acme}' and (projectStatus/type ne 'closed' or updatedOn ge datetime'2026-03-01T12:00:00Z')`,
		);
		expect(milestoneReads().sort()).toEqual([IDS.website, IDS.app].sort());
	});

	it('answers zeros for a client without open projects, reading the company only for its name', async () => {
		const result = await health({ healthScope: 'company', companyId: byId(IDS.gamma) }, { includeProjects: true });
		expect(json(result)).toEqual([{ ...EXPECTED.gamma, projects: [] }]);
		expect(bed.requestsTo('GET', /\/companies\//)).toHaveLength(1);
		expect(milestoneReads()).toEqual([]);
	});

	it('lists clients without open projects when asked, and leaves projects out when asked', async () => {
		const result = await health({ healthScope: 'all' }, { includeIdleClients: true, includeProjects: false });
		expect(json(result)).toEqual([EXPECTED.acme, EXPECTED.beta, EXPECTED.gamma]);
	});

	it('gives a project its own figures with its client, also when the project is closed', async () => {
		const open = await health({ healthScope: 'projectClient', projectId: byId(IDS.shop) });
		expect(figures(json(open)[0])).toEqual(EXPECTED.beta);
		expect(json(open)[0].project).toMatchObject({ id: IDS.shop, name: 'Shop', status: 'Running', closed: false, ...EXPECTED.projects[IDS.shop], overdueMilestones: [{ id: IDS.milestoneShopPast, name: 'Catalogue', dueDate: '2026-03-14T12:00:00Z' }] });

		bed.clearLog();
		const closed = await health({ healthScope: 'projectClient', projectId: byId(IDS.archive) });
		expect(figures(json(closed)[0])).toEqual(EXPECTED.acme);
		expect(json(closed)[0].project).toMatchObject({ id: IDS.archive, closed: true, statusType: 'closed', overdue: false, atRisk: false, progress: 0 });
		// Closed: its milestones are not read.
		expect(milestoneReads()).not.toContain(IDS.archive);
	});

	it('gives a project without a client only its own figures', async () => {
		const result = await health({ healthScope: 'projectClient', projectId: byId(IDS.internal) });
		expect(result.error).toBeUndefined();
		const [item] = json(result);
		expect(item).toMatchObject({ companyId: null, companyName: null, activeProjects: 0, projects: [] });
		// Started 2026-01-01 with none of its one task done.
		expect(item.project).toMatchObject({ id: IDS.internal, progress: 0, atRisk: true, atRiskReasons: ['noProgressAfterStart'] });
		expect(bed.requestsTo('GET', /\/projects$/)).toHaveLength(0);
	});

	it('gives the Project Context: the project first, its flags, its client and the client’s other open projects, all with links', async () => {
		const result = await health({ healthScope: 'projectClient', projectId: byId(IDS.shop), projectClientOutput: 'projectContext' });
		expect(result.error).toBeUndefined();
		const [context] = json(result);
		const { companyId: _id, companyName: _name, referenceTime: _time, ...clientFigures } = EXPECTED.beta;
		expect(Object.keys(context)).toEqual(['project', 'flags', 'client', 'otherActiveProjects', 'generatedAt']);
		expect(context.project).toEqual({
			id: IDS.shop,
			name: 'Shop',
			projectKey: expect.any(String),
			status: 'Running',
			statusType: 'progress',
			progress: 0,
			startDate: null,
			dueDate: null,
			overdue: false,
			atRisk: true,
			atRiskReasons: ['overdueMilestones'],
			url: `${WEB_URL}/projects/${IDS.shop}`,
			closed: false,
			tasksCount: expect.any(Number),
			tasksDoneCount: 0,
			overdueMilestones: [{ id: IDS.milestoneShopPast, name: 'Catalogue', dueDate: '2026-03-14T12:00:00Z' }],
		});
		expect(context.flags).toEqual({ overdue: false, atRisk: true });
		expect(context.client).toEqual({ id: IDS.beta, name: 'Beta AG', ...clientFigures });
		const others = context.otherActiveProjects as IDataObject[];
		expect(others.map((other) => [other.id, other.url])).toEqual([[IDS.boundary, `${WEB_URL}/projects/${IDS.boundary}`]]);
		expect(Object.keys(others[0]).sort()).toEqual(['atRisk', 'atRiskReasons', 'dueDate', 'id', 'name', 'overdue', 'progress', 'projectKey', 'startDate', 'status', 'statusType', 'url']);
		expect(context.generatedAt).toBe(REFERENCE_TIME);
	});

	it('gives a project without a client a Project Context without client and other projects', async () => {
		const result = await health({ healthScope: 'projectClient', projectId: byId(IDS.internal), projectClientOutput: 'projectContext' });
		expect(json(result)[0]).toMatchObject({ project: { id: IDS.internal, atRisk: true }, flags: { overdue: false, atRisk: true }, client: null, otherActiveProjects: [] });
	});

	it('moves "now" with the Reference Time: a week later more is overdue', async () => {
		const result = await health({ healthScope: 'company', companyId: byId(IDS.beta) }, { referenceTime: '2026-03-22T12:00:00Z', recentActivityDays: 30 });
		// Boundary's "Review" (03-15) is now past too; the window reaches back to 02-20.
		expect(figures(json(result)[0])).toMatchObject({
			overdueMilestones: 2,
			atRiskProjects: 2,
			recentActivity: { days: 30, since: '2026-02-20T12:00:00Z', projectsUpdated: 1, projectsClosed: 0 },
		});
	});

	it('reads the milestones of many projects in one workspace read of those due before now, with the same figures', async () => {
		// A third client with 9 open projects (no tasks, no dates): 4 + 9 = 13 projects to check, more than 8.
		const many = '00000000-0000-4000-8000-0000000000c9';
		const projectIds = Array.from({ length: 9 }, (_, n) => `00000000-0000-4000-8000-0000000009${String(n).padStart(2, '0')}`);
		bed.seed({
			companies: [{ id: many, name: 'Many Projects SE' }],
			projects: projectIds.map((id, n) => ({ id, name: `M${n + 1}`, companyId: many, projectStatusId: bed.store.projects.get(IDS.website)!.projectStatusId, updatedOn: '2026-01-01T00:00:00Z' })),
			milestones: [
				{ projectId: projectIds[0], name: 'past', dueDate: '2026-03-10T12:00:00Z' },
				{ projectId: projectIds[1], name: 'past 1', dueDate: '2026-03-01T12:00:00Z' },
				{ projectId: projectIds[1], name: 'past 2', dueDate: '2026-03-12T12:00:00Z' },
				{ projectId: projectIds[2], name: 'future', dueDate: '2026-03-20T12:00:00Z' },
				// Before "now" (read), but still 2026-03-15 in New York: not overdue.
				{ projectId: projectIds[3], name: 'earlier today', dueDate: '2026-03-15T11:00:00Z' },
				// A closed project's past milestone is read but never counted.
				{ projectId: IDS.oldSite, name: 'closed project', dueDate: '2026-01-10T12:00:00Z' },
			],
		});
		bed.clearLog();
		const result = await health({ healthScope: 'all' });
		expect(result.error).toBeUndefined();
		// M1 (1) and M2 (2) have overdue milestones: 3 in all, 2 projects at risk; no tasks, so 0 %.
		expect(json(result).map(figures)).toEqual([
			EXPECTED.acme,
			EXPECTED.beta,
			{
				companyId: many,
				companyName: 'Many Projects SE',
				activeProjects: 9,
				overdueProjects: 0,
				averageProgress: 0,
				overdueMilestones: 3,
				atRiskProjects: 2,
				recentActivity: { days: 14, since: '2026-03-01T12:00:00Z', lastActivityOn: '2026-01-01T00:00:00Z', projectsUpdated: 0, projectsClosed: 0 },
				referenceTime: REFERENCE_TIME,
			},
		]);
		expectProjects(json(result)[0], [IDS.app, IDS.brand, IDS.website]);
		expectProjects(json(result)[1], [IDS.boundary, IDS.shop]);
		expect(bed.requests.map((entry) => entry.path)).toEqual(['/api/v1/projects', '/api/v1/projectmilestones']);
		expect(bed.requests[1].query.filterby).toBe("dueDate lt datetime'2026-03-15T12:00:00Z'");
	});

	it('runs once per input item and names the parameter when a value is wrong', async () => {
		const two = await bed.run(
			{ resource: 'project', operation: 'getClientHealth', healthScope: 'company', companyId: byId(IDS.acme), healthOptions: { referenceTime: REFERENCE_TIME } },
			{ input: [{ json: {} }, { json: {} }] },
		);
		expect(paired(two)).toEqual([0, 1]);

		const badTime = await health({ healthScope: 'all' }, { referenceTime: 'tomorrow' });
		expect(badTime.error?.message).toMatch(/^Reference Time: "tomorrow" is not a date: expected an ISO 8601 date/);
		const badCompany = await health({ healthScope: 'company', companyId: byId("={{ 'acme' }}") });
		expect(badCompany.error?.message).toBe('Company: "acme" is not an awork ID');
	});

	it('reports an unknown project as awork’s 404, or as an error item with continue on fail', async () => {
		const unknown = '00000000-0000-4000-8000-00000000dead';
		const failed = await health({ healthScope: 'projectClient', projectId: byId(unknown) });
		expect(failed.error?.message).toContain('(404)');
		const continued = await bed.run(
			{ resource: 'project', operation: 'getClientHealth', healthScope: 'projectClient', projectId: byId(unknown), healthOptions: { referenceTime: REFERENCE_TIME } },
			{ continueOnFail: true },
		);
		expect(json(continued)[0].error).toContain('(404)');
		expect(paired(continued)).toEqual([0]);
	});
});
