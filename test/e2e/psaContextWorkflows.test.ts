/**
 * workflows/psa-project-context.json and workflows/psa-command-center.json in real n8n, called
 * the way The One PSA calls them (GET under the integration base URL with X-Integration-Key),
 * against a fake awork seeded with test/unit/awork/project/fixtures/clientHealth.ts:
 * - a missing or wrong key gets 401 with the same small body and awork is never asked;
 * - an unlinked PSA project or company gets 404, and so does one whose awork object is gone;
 * - the project context is found by quote ID, contract ID or awork project ID (idType picks one);
 * - a linked project gets its context (project, client, other open projects, flags) and the
 *   Command Center gets one client's or every client's health, all matching the hand-computed figures;
 * - both workflows share one webhook ID, so both paths live under one base URL.
 */
import { DEFAULT_TENANT } from '../../devkit/fakes/onepsa';
import { httpRequest, type HttpResponse } from '../../devkit/n8n';
import { loadShippedWorkflow, nodeNamed, saveMappings, startWorkflowSandbox, type WorkflowSandbox } from '../../devkit/sandbox';
import { EXPECTED, IDS, REFERENCE_TIME, TIME_ZONE, clientHealthSeed } from '../unit/awork/project/fixtures/clientHealth';

const CONTEXT_FILE = 'psa-project-context.json';
const CENTER_FILE = 'psa-command-center.json';
const WEB_URL = 'https://acme.awork.com';
const GONE = '00000000-0000-4000-8000-00000000dead';
const KEY = DEFAULT_TENANT.integrationKey;
const UNAUTHORIZED = { error: 'unauthorized', message: 'Send the integration key of The One PSA in the X-Integration-Key header.' };

type Json = Record<string, any>;

describe('workflows serving the PSA (project context, Command Center) in real n8n', () => {
	let sandbox: WorkflowSandbox;
	let base: string;

	/** `key` null sends no X-Integration-Key header at all. */
	const get = (path: string, key: string | null): Promise<HttpResponse<Json>> =>
		httpRequest<Json>('GET', `${base}/${path}`, { headers: key === null ? {} : { 'X-Integration-Key': key } });
	const context = (psaProjectId: string, key: string | null = KEY, query = '') =>
		get(`api/integration/project-context/${encodeURIComponent(psaProjectId)}${query}`, key);
	const center = (psaCompanyId: string, key: string | null = KEY) => get(`api/integration/command-center/${encodeURIComponent(psaCompanyId)}`, key);
	const aworkRequests = () => sandbox.awork.fake.server.log.length;
	const link = (id: string) => `${WEB_URL}/projects/${id}`;
	const summaryOf = (id: string, name: string, status: string, statusType: string) => ({
		id,
		name,
		status,
		statusType,
		progress: EXPECTED.projects[id].progress,
		overdue: EXPECTED.projects[id].overdue,
		atRisk: EXPECTED.projects[id].atRisk,
		atRiskReasons: EXPECTED.projects[id].atRiskReasons,
		url: link(id),
	});

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'psa-context', aworkWebUrl: WEB_URL });
		sandbox.awork.fake.seed(clientHealthSeed());
		await saveMappings(sandbox, [
			{ namespace: 'project', externalId: 'psa-prj-website', aworkId: IDS.website },
			{ namespace: 'project', externalId: 'psa-prj-archive', aworkId: IDS.archive },
			{ namespace: 'project', externalId: 'psa-prj-internal', aworkId: IDS.internal },
			{ namespace: 'project', externalId: 'psa-prj-gone', aworkId: GONE },
			{ namespace: 'contract', externalId: 'psa-ctr-website', aworkId: IDS.website },
			// A quote and a contract with the same ID, for different projects.
			{ namespace: 'project', externalId: '1042', aworkId: IDS.app },
			{ namespace: 'contract', externalId: '1042', aworkId: IDS.brand },
			{ namespace: 'company', externalId: 'psa-cmp-acme', aworkId: IDS.acme },
			{ namespace: 'company', externalId: 'psa-cmp-beta', aworkId: IDS.beta },
			{ namespace: 'company', externalId: 'psa-cmp-gone', aworkId: GONE },
		]);
		// The fixture's days end in New York; n8n in the harness runs in UTC, so the workflows say so.
		const options = {
			settings: { referenceTime: REFERENCE_TIME },
			edit: (workflow: Json) => ({ ...workflow, settings: { ...workflow.settings, timezone: TIME_ZONE } }),
		};
		for (const file of [CONTEXT_FILE, CENTER_FILE]) {
			await sandbox.n8n.activateWorkflow(await sandbox.importShipped(file, options as never));
		}
		const webhookId = nodeNamed(loadShippedWorkflow(CONTEXT_FILE), 'PSA Project Context').webhookId;
		expect(nodeNamed(loadShippedWorkflow(CENTER_FILE), 'PSA Command Center').webhookId).toBe(webhookId);
		base = sandbox.n8n.webhookUrl(String(webhookId));
	}, 240_000);

	afterAll(async () => {
		await sandbox?.close();
	});

	describe('401 for a missing or wrong integration key', () => {
		it.each([
			['no header', null],
			['an empty key', ''],
			['a wrong key', 'not-the-key'],
			['the key in other case', KEY.toUpperCase()],
			['the key with more after it', `${KEY}x`],
		])('project context and Command Center refuse %s, tell nothing, read nothing', async (_label, key) => {
			const before = aworkRequests();
			for (const answer of [await context('psa-prj-website', key), await center('psa-cmp-acme', key), await center('all', key), await context('psa-prj-unknown', key)]) {
				expect({ status: answer.status, body: answer.body }).toEqual({ status: 401, body: UNAUTHORIZED });
			}
			expect(aworkRequests()).toBe(before);
		});
	});

	describe('project context', () => {
		it('answers 404 with a clear body for a PSA project that is not linked', async () => {
			const before = aworkRequests();
			const answer = await context('psa-prj-unknown');
			expect(answer.status).toBe(404);
			expect(answer.body).toEqual({
				error: 'not_found',
				message: 'No awork project is linked to the PSA project "psa-prj-unknown" (looked up as quote ID, contract ID and awork project ID).',
				projectId: 'psa-prj-unknown',
			});
			expect(aworkRequests()).toBe(before);
		});

		it('answers 404 when the linked awork project no longer exists', async () => {
			const answer = await context('psa-prj-gone');
			expect(answer.status).toBe(404);
			expect(answer.body).toEqual({ error: 'not_found', message: 'The awork project linked to PSA project "psa-prj-gone" no longer exists.', projectId: 'psa-prj-gone' });
		});

		it('gives a linked project its context: the project, its flags, its client and the client’s other open projects', async () => {
			const answer = await context('psa-prj-website');
			expect(answer.status).toBe(200);
			const { acme } = EXPECTED;
			expect(answer.body).toEqual({
				projectId: 'psa-prj-website',
				matchedAs: 'quote',
				project: {
					...summaryOf(IDS.website, 'Website', 'Running', 'progress'),
					projectKey: expect.any(String),
					startDate: '2026-02-01T12:00:00Z',
					dueDate: '2026-03-10T12:00:00Z',
					closed: false,
					tasksCount: 4,
					tasksDoneCount: 1,
					overdueMilestones: [{ id: IDS.milestoneWebsitePast, name: 'Design approved', dueDate: '2026-03-01T12:00:00Z' }],
				},
				flags: { overdue: true, atRisk: true },
				client: {
					id: IDS.acme,
					name: 'ACME GmbH',
					activeProjects: acme.activeProjects,
					overdueProjects: acme.overdueProjects,
					averageProgress: acme.averageProgress,
					overdueMilestones: acme.overdueMilestones,
					atRiskProjects: acme.atRiskProjects,
					recentActivity: acme.recentActivity,
				},
				otherActiveProjects: [
					{ ...summaryOf(IDS.app, 'App', 'Planned', 'not-started'), projectKey: expect.any(String), startDate: '2026-03-01T12:00:00Z', dueDate: '2026-06-30T12:00:00Z' },
					{ ...summaryOf(IDS.brand, 'Brand', 'Running', 'progress'), projectKey: expect.any(String), startDate: '2026-01-05T12:00:00Z', dueDate: '2026-03-01T12:00:00Z' },
				],
				generatedAt: REFERENCE_TIME,
			});
			expect(answer.headers['cache-control']).toBe('no-store');
		});

		it('finds the project by the contract ID and by the awork project ID too, saying which matched', async () => {
			const byContract = await context('psa-ctr-website');
			expect(byContract.status).toBe(200);
			expect(byContract.body).toMatchObject({ projectId: 'psa-ctr-website', matchedAs: 'contract', project: { id: IDS.website, name: 'Website' } });
			const byAwork = await context(IDS.website);
			expect(byAwork.status).toBe(200);
			expect(byAwork.body).toMatchObject({ projectId: IDS.website, matchedAs: 'awork', project: { id: IDS.website } });
			// The same context whichever ID was sent.
			const byQuote = await context('psa-prj-website');
			expect({ ...byContract.body, projectId: null, matchedAs: null }).toEqual({ ...byQuote.body, projectId: null, matchedAs: null });
		});

		it('does not serve an awork project that no quote is mapped to', async () => {
			const before = aworkRequests();
			const answer = await context(IDS.shop);
			expect(answer.status).toBe(404);
			expect(aworkRequests()).toBe(before);
		});

		it('takes a quote ID before an equal contract ID, and idType picks one kind', async () => {
			expect((await context('1042')).body).toMatchObject({ matchedAs: 'quote', project: { id: IDS.app } });
			expect((await context('1042', KEY, '?idType=quote')).body).toMatchObject({ matchedAs: 'quote', project: { id: IDS.app } });
			expect((await context('1042', KEY, '?idType=contract')).body).toMatchObject({ matchedAs: 'contract', project: { id: IDS.brand } });
			const asAwork = await context('1042', KEY, '?idType=awork');
			expect(asAwork.status).toBe(404);
			expect(asAwork.body.message).toBe('No awork project is linked to the PSA project "1042" (looked up as awork project ID).');
			const contractOnly = await context('psa-prj-website', KEY, '?idType=contract');
			expect(contractOnly.status).toBe(404);
		});

		it('answers 400 naming idType for a kind it does not know, and reads nothing', async () => {
			const before = aworkRequests();
			const answer = await context('1042', KEY, '?idType=invoice');
			expect(answer.status).toBe(400);
			expect(answer.body).toMatchObject({ error: 'bad_request', field: 'idType', projectId: '1042' });
			expect(answer.body.message).toContain('"invoice"');
			expect(aworkRequests()).toBe(before);
		});

		it('gives a closed project its context: not overdue, not at risk, every open project of the client as others', async () => {
			const answer = await context('psa-prj-archive');
			expect(answer.status).toBe(200);
			expect(answer.body.project).toMatchObject({ id: IDS.archive, closed: true, statusType: 'closed', overdue: false, atRisk: false });
			expect(answer.body.flags).toEqual({ overdue: false, atRisk: false });
			expect(answer.body.otherActiveProjects.map((project: Json) => project.name)).toEqual(['App', 'Brand', 'Website']);
		});

		it('gives a project without a client no client and no other projects', async () => {
			const answer = await context('psa-prj-internal');
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({
				project: { id: IDS.internal, progress: 0, atRisk: true, atRiskReasons: ['noProgressAfterStart'] },
				flags: { overdue: false, atRisk: true },
				client: null,
				otherActiveProjects: [],
			});
		});
	});

	describe('Command Center', () => {
		const withoutProjects = ({ projects: _projects, ...client }: Json) => client;

		it('gives one linked client its health, with the PSA company ID and project links', async () => {
			const before = sandbox.awork.fake.server.log.length;
			const answer = await center('psa-cmp-acme');
			expect(answer.status).toBe(200);
			expect(withoutProjects(answer.body.client)).toEqual({ ...EXPECTED.acme, psaCompanyId: 'psa-cmp-acme' });
			expect(answer.body.generatedAt).toBe(REFERENCE_TIME);
			expect(answer.body.client.projects.map((project: Json) => [project.name, project.progress, project.overdue, project.atRisk, project.url])).toEqual([
				['App', 0, false, true, link(IDS.app)],
				['Brand', 100, true, false, link(IDS.brand)],
				['Website', 25, true, true, link(IDS.website)],
			]);
			// One project read and one milestone read per open, unfinished project (Website, App).
			const reads = sandbox.awork.fake.server.log.slice(before).map((entry) => `${entry.method} ${entry.path}`);
			expect(reads.sort()).toEqual(['GET /api/v1/projects', `GET /api/v1/projects/${IDS.app}/milestones`, `GET /api/v1/projects/${IDS.website}/milestones`].sort());
		});

		it('gives every client with open projects for "all", each with its PSA company ID', async () => {
			const answer = await center('all');
			expect(answer.status).toBe(200);
			expect(answer.body.clients.map(withoutProjects)).toEqual([
				{ ...EXPECTED.acme, psaCompanyId: 'psa-cmp-acme' },
				{ ...EXPECTED.beta, psaCompanyId: 'psa-cmp-beta' },
			]);
			expect(answer.body.generatedAt).toBe(REFERENCE_TIME);
		});

		it('answers 404 for a PSA company that is not linked, and for one whose awork company is gone', async () => {
			const unknown = await center('psa-cmp-unknown');
			expect(unknown.status).toBe(404);
			expect(unknown.body).toEqual({ error: 'not_found', message: 'No awork company is linked to the PSA company "psa-cmp-unknown".', companyId: 'psa-cmp-unknown' });
			const gone = await center('psa-cmp-gone');
			expect(gone.status).toBe(404);
			expect(gone.body).toMatchObject({ error: 'not_found', companyId: 'psa-cmp-gone' });
		});
	});
});
