/**
 * The doors into n8n, held against hostile callers: the approval webhook (signed by the PSA), the
 * PSA's integration endpoints (integration key), awork's webhooks (shared secret), and the awork
 * node's filters. Replays create one project and one mapping, also while awork fails; each hostile
 * request is answered with an error naming the field and changes nothing in awork, the PSA or the
 * mapping table; wrong signatures and keys get 401 and start nothing; credentials left empty fail
 * with a message naming what is missing; and no secret ends up in execution data, logs or outputs.
 */
import path from 'node:path';

import { DEFAULT_TENANT, sendSignedWebhook, signPsaBody, webhookEnvelope } from '../../devkit/fakes/onepsa';
import { httpRequest, loadWorkflow, type HttpResponse } from '../../devkit/n8n';
import {
	aworkState,
	CREDENTIAL_NAMES,
	EXPORT_FILE,
	loadShippedWorkflow,
	mappingRows,
	saveMappings,
	startWorkflowSandbox,
	webhookPathOf,
	EXPORT_ZONE as ZONE,
	type AworkView,
	type WorkflowSandbox,
	approvalPayload,
} from '../../devkit/sandbox';
import { runCliTracked } from './support/cliRun';
import { expectNoSecrets, findSecrets, sandboxSecrets } from './support/secrets';
import { changesSince, settle, snapshot } from './support/sideEffects';

const APPROVAL = 'project-creation-on-approval.json';
const CONTEXT = 'psa-project-context.json';
const COMMAND_CENTER = 'psa-command-center.json';
const STATUS_SYNC = 'task-ticket-status-sync.json';
const PROBE = path.join(__dirname, 'workflows', 'awork-filter-probe.json');

interface Answer {
	status: number;
	text: string;
}


const approval = (quoteId: string, number: string, extra: Record<string, unknown> = {}) => approvalPayload(quoteId, number, { contractId: 'ctr_known', ...extra });

describe('webhooks and inputs under attack', () => {
	let sandbox: WorkflowSandbox;
	let approvalPath: string;
	let approvalWorkflowId: string;
	let contextUrl: (projectId: string) => string;
	const integrationWorkflowIds: string[] = [];
	let commandCenterUrl: (companyId: string) => string;
	let statusSyncPath: string;
	let statusSyncId: string;
	let probeUrl: (what: string) => string;
	let obrienProjectId: string;
	let knownProjectId: string;

	const sendApproval = (data: unknown, options: Parameters<typeof sendSignedWebhook>[4] = {}) =>
		sendSignedWebhook(sandbox.n8n.webhookUrl(approvalPath), sandbox.webhookSecret, 'quote.approved', data, options).then((answer) => ({
			status: answer.status,
			text: answer.body,
		}));
	const get = async (url: string, headers: Record<string, string> = {}): Promise<Answer> => {
		const answer: HttpResponse = await httpRequest('GET', url, { headers });
		return { status: answer.status, text: answer.text };
	};
	const post = async (url: string, body: unknown): Promise<Answer> => {
		const answer: HttpResponse = await httpRequest('POST', url, { body });
		return { status: answer.status, text: answer.text };
	};
	const withKey = { 'x-integration-key': DEFAULT_TENANT.integrationKey };

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'faults-webhooks', awork: { config: { apiKeys: ['awork-key-faults-W3bh00k'] } } });
		const { awork, onePsa, n8n } = sandbox;
		onePsa.fake.seed({ contracts: [{ id: 'ctr_known', number: 'C-1', name: 'Known contract' }] });
		const seeded = awork.fake.seed({
			companies: [{ name: 'Acme GmbH' }],
			projects: [{ name: "O'Brien & Sons" }, { name: 'Plain project' }],
		});
		obrienProjectId = (seeded.projects[0] as AworkView).id;
		knownProjectId = (seeded.projects[1] as AworkView).id;
		await saveMappings(sandbox, [
			{ namespace: 'project', externalId: 'psa-prj-1', aworkId: knownProjectId },
			{ namespace: 'company', externalId: 'psa-cmp-1', aworkId: (seeded.companies[0] as AworkView).id },
		]);

		approvalWorkflowId = await sandbox.importShipped(APPROVAL);
		await n8n.activateWorkflow(approvalWorkflowId);
		approvalPath = webhookPathOf(loadShippedWorkflow(APPROVAL), 'The One PSA Trigger', 'onepsa');

		for (const [file, setter] of [
			[CONTEXT, (base: string) => (contextUrl = (id) => `${base}/api/integration/project-context/${encodeURIComponent(id)}`)],
			[COMMAND_CENTER, (base: string) => (commandCenterUrl = (id) => `${base}/api/integration/command-center/${encodeURIComponent(id)}`)],
		] as const) {
			const workflow = sandbox.prepare(file, { freshWebhookIds: true });
			const id = await n8n.importWorkflow(workflow);
			await n8n.activateWorkflow(id);
			integrationWorkflowIds.push(id);
			const webhook = workflow.nodes.find((node) => node.webhookId)!;
			setter(n8n.webhookUrl(String(webhook.webhookId)));
		}

		statusSyncId = await sandbox.importShipped(STATUS_SYNC);
		await n8n.activateWorkflow(statusSyncId);
		statusSyncPath = webhookPathOf(loadShippedWorkflow(STATUS_SYNC), 'The One PSA Trigger', 'onepsa');

		const probeId = await n8n.importWorkflow(loadWorkflow(PROBE), { credentials: { aworkPsaApi: sandbox.credentials.aworkPsaApi } });
		await n8n.activateWorkflow(probeId);
		probeUrl = (what) => n8n.webhookUrl(`faults-probe/${what}`);

		// One valid approval first, so the custom field definitions exist (created once, by design).
		const first = await sendApproval(approval('q-first', 'Q-0001'));
		expect(first.status).toBe(200);
		await settle(n8n);
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	describe('replays', () => {
		const oneProject = async (quoteId: string, key: string, lines: number) => {
			const projects = (await aworkState(sandbox.awork, 'projects')).projects.filter((project) => project.projectKey === key);
			const rows = await mappingRows(sandbox.n8n);
			const projectId = projects[0]?.id as string;
			return {
				projects: projects.length,
				projectMappings: rows.filter((row) => row.namespace === 'project' && row.externalId === quoteId).map((row) => row.aworkId),
				taskMappings: rows.filter((row) => row.namespace === 'task' && row.externalId.startsWith(`${quoteId}:`)).length,
				taskLists: [...sandbox.awork.fake.store.taskLists.values()].filter((list) => list.projectId === projectId).length,
				tasks: (await aworkState(sandbox.awork, 'tasks')).tasks.filter((task) => task.projectId === projectId).length,
				expected: { projects: 1, projectMappings: [projectId], taskMappings: lines, taskLists: 1, tasks: lines },
			};
		};

		it('10 concurrent deliveries of one approval create one project and one mapping', async () => {
			const answers = await Promise.all(Array.from({ length: 10 }, () => sendApproval(approval('q-replay', 'Q-0100'))));
			// 200 (created, or already done), or 409 while the creating run is still at work.
			for (const answer of answers) expect([200, 409]).toContain(answer.status);
			expect(answers.filter((answer) => JSON.parse(answer.text).created === true)).toHaveLength(1);
			await settle(sandbox.n8n);
			const again = await sendApproval(approval('q-replay', 'Q-0100'));
			expect([again.status, JSON.parse(again.text).created]).toEqual([200, false]);
			const found = await oneProject('q-replay', 'PSA-Q-0100', 3);
			const { expected, ...actual } = found;
			expect(actual).toEqual(expected);
		});

		it('10 concurrent deliveries while awork fails (5xx, resets before and after the write), redelivered until 200, create one project and one mapping', async () => {
			await httpRequest('PUT', `${sandbox.awork.controlUrl}/faults`, {
				body: { errorRate: 0.15, errorStatus: 503, resetRate: 0.05, resetAfterCommitRate: 0.15 },
			});
			// A copy that takes over an unfinished setup after 20 s, so the test need not wait 2 minutes. It is
			// also the setup claim's lease, so it must stay well above what a setup takes under these faults
			// (each awork call may wait 0.5 + 1 + 2 s between its attempts).
			const quick = sandbox.prepare(APPROVAL, { freshWebhookIds: true, settings: { resumeAfterSeconds: 20 } });
			await sandbox.n8n.activateWorkflow(await sandbox.n8n.importWorkflow(quick));
			const quickPath = webhookPathOf(quick, 'The One PSA Trigger', 'onepsa');
			const deliver = () =>
				sendSignedWebhook(sandbox.n8n.webhookUrl(quickPath), sandbox.webhookSecret, 'quote.approved', approval('q-faulty', 'Q-0200'));
			const statuses: number[] = [];
			try {
				await Promise.all(
					Array.from({ length: 10 }, async () => {
						// The PSA redelivers, a second apart, until it gets a 2xx.
						for (let attempt = 0; attempt < 150; attempt++) {
							const answer = await deliver();
							statuses.push(answer.status);
							if (answer.status === 200) return;
							await new Promise((resolve) => setTimeout(resolve, 1000));
						}
						throw new Error('no 200 after 150 deliveries');
					}),
				);
			} finally {
				await httpRequest('PUT', `${sandbox.awork.controlUrl}/faults`, { body: {} });
			}
			const deliveries = statuses.length;
			process.stdout.write(`\nreplays under faults, answers: ${JSON.stringify(statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {}))}\n`);
			await settle(sandbox.n8n);
			const last = await deliver().then((answer) => ({ text: answer.body }));
			expect(JSON.parse(last.text)).toMatchObject({ created: false });
			await settle(sandbox.n8n);
			const found = await oneProject('q-faulty', 'PSA-Q-0200', 3);
			const { expected, ...actual } = found;
			process.stdout.write(`\nreplays under faults: ${deliveries} deliveries -> ${JSON.stringify(actual)}\n`);
			// Deliveries that take over a failed setup at the same moment are kept apart by the setup claim.
			expect(actual).toEqual(expected);
		});
	});

	describe('signatures and keys', () => {
		const executionsOf = async (workflowId: string) => (await sandbox.n8n.listExecutions(workflowId, { includeData: false })).length;

		it.each([
			['a wrong signature', { signature: 'sha256=0000000000000000000000000000000000000000000000000000000000000000' }],
			['no signature', { signature: null }],
			['a body changed after signing', { tamper: true }],
			['a signature made with another secret', { signature: signPsaBody('not-the-secret', webhookEnvelope('quote.approved', approval('q-sig', 'Q-0300'))) }],
		] as const)('approval with %s: 401, and the workflow does not run', async (_name, options) => {
			const before = await snapshot(sandbox);
			const runs = await executionsOf(approvalWorkflowId);
			const answer = await sendApproval(approval('q-sig', 'Q-0300'), { ...options });
			expect(answer.status).toBe(401);
			await settle(sandbox.n8n);
			expect(await executionsOf(approvalWorkflowId)).toBe(runs);
			expect(await changesSince(sandbox, before)).toEqual([]);
		});

		it.each([
			['no integration key', {}],
			['a wrong integration key', { 'x-integration-key': 'wrong-key' }],
			['an empty integration key', { 'x-integration-key': '' }],
		] as const)('project context with %s: 401, and the workflow does not run', async (_name, headers) => {
			const before = await snapshot(sandbox);
			const runs = await Promise.all(integrationWorkflowIds.map(executionsOf));
			const answer = await get(contextUrl('psa-prj-1'), headers as Record<string, string>);
			expect(answer.status).toBe(401);
			expect(answer.text).toMatch(/X-Integration-Key/);
			await settle(sandbox.n8n);
			expect(await Promise.all(integrationWorkflowIds.map(executionsOf))).toEqual(runs);
			expect(await changesSince(sandbox, before)).toEqual([]);
			// Nothing was read from awork either.
			expect(sandbox.awork.fake.server.log.length).toBe(before.aworkLogLength);
		});

		it('command center with a wrong integration key: 401, and the workflow does not run', async () => {
			const before = await snapshot(sandbox);
			const runs = await Promise.all(integrationWorkflowIds.map(executionsOf));
			const answer = await get(commandCenterUrl('all'), { 'x-integration-key': `${DEFAULT_TENANT.integrationKey}x` });
			expect(answer.status).toBe(401);
			await settle(sandbox.n8n);
			expect(await Promise.all(integrationWorkflowIds.map(executionsOf))).toEqual(runs);
			expect(await changesSince(sandbox, before)).toEqual([]);
			expect(sandbox.awork.fake.server.log.length).toBe(before.aworkLogLength);
		});

		it.each(['wrong', 'missing'] as const)('awork webhook with a %s secret: 401, and the workflow does not run', async (auth) => {
			const [task] = sandbox.awork.fake.seed({ tasks: [{ name: 'Some task', baseType: 'projecttask', projectId: knownProjectId }] }).tasks as AworkView[];
			const before = await snapshot(sandbox);
			const runs = await executionsOf(statusSyncId);
			const answer = await httpRequest<{ deliveries: Array<{ status: number }> }>('POST', `${sandbox.awork.controlUrl}/webhooks/deliver`, {
				body: { eventType: 'task_status_changed', entityId: task.id, auth },
			});
			expect(answer.body.deliveries.length).toBeGreaterThan(0);
			expect(answer.body.deliveries.map((delivery) => delivery.status)).toEqual(answer.body.deliveries.map(() => 401));
			await settle(sandbox.n8n);
			expect(await executionsOf(statusSyncId)).toBe(runs);
			// The fake keeps each delivery's outcome on its webhook record; that is awork's bookkeeping, not ours.
			expect(await changesSince(sandbox, before, { ignoreAwork: ['webhooks'] })).toEqual([]);
		});
	});

	describe('hostile input: an error naming the field, and no side effect', () => {
		const huge = 'x'.repeat(17 * 1024 * 1024);
		const quoted = "x' or 1 eq 1 or name eq 'y";
		const cases: Array<[string, () => Promise<Answer>, number | number[], RegExp]> = [
			// The approval webhook (signed, so the workflow reads it).
			// n8n itself parses JSON bodies and answers 422 with the position of the error.
			['approval: body is not JSON', () => sendApproval(null, { rawBody: '{"event": "quote.approved", "data": {' }), 422, /Failed to parse request body.*position/],
			['approval: body is a JSON array', () => sendApproval(null, { rawBody: '[1, 2, 3]' }), 400, /not a JSON object/],
			['approval: body over n8n\'s payload limit', () => sendApproval(null, { rawBody: `{"event":"quote.approved","data":{"title":"${huge}"}}` }), [413, 422, 500], /too large|Failed to parse|problem executing the workflow/i],
			['approval: data is a string', () => sendApproval('approve it'), 400, /data\.quoteId/],
			['approval: data is empty', () => sendApproval({}), 400, /data\.quoteId/],
			['approval: quoteId empty', () => sendApproval(approval('', 'Q-1000')), 400, /data\.quoteId/],
			['approval: quoteId is an object', () => sendApproval(approval({ $ne: null } as unknown as string, 'Q-1001')), 400, /data\.quoteId/],
			['approval: quoteId is an array', () => sendApproval(approval(['q-1'] as unknown as string, 'Q-1002')), 400, /data\.quoteId/],
			['approval: number missing', () => sendApproval(approval('q-h1', undefined as unknown as string)), 400, /data\.number/],
			['approval: number is an object', () => sendApproval(approval('q-h2', { n: 1 } as unknown as string)), 400, /data\.number/],
			['approval: number is blank', () => sendApproval(approval('q-h3', '   ')), 400, /data\.number/],
			['approval: number has no letter or digit', () => sendApproval(approval('q-h4', "'; --")), 400, /data\.number/],
			['approval: title missing', () => sendApproval(approval('q-h5', 'Q-1005', { title: undefined })), 400, /data\.title/],
			['approval: title is an object', () => sendApproval(approval('q-h6', 'Q-1006', { title: { text: 'x' } })), 400, /data\.title/],
			['approval: title longer than a project name may be', () => sendApproval(approval('q-h7', 'Q-1007', { title: 't'.repeat(5000) })), 400, /data\.title/],
			['approval: companyName is an object', () => sendApproval(approval('q-h8', 'Q-1008', { companyName: ['Acme'] })), 400, /data\.companyName/],
			['approval: lines is a string', () => sendApproval(approval('q-h9', 'Q-1009', { lines: 'design, build' })), 400, /data\.lines/],
			['approval: a line is null', () => sendApproval(approval('q-h10', 'Q-1010', { lines: [null] })), 400, /data\.lines\[0\]/],
			['approval: a line has no title', () => sendApproval(approval('q-h11', 'Q-1011', { lines: [{ id: 'l1', title: 'A' }, { id: 'l2' }] })), 400, /data\.lines\[1\]\.title/],
			['approval: a line has no id', () => sendApproval(approval('q-h12', 'Q-1012', { lines: [{ title: 'A' }] })), 400, /data\.lines\[0\]\.id/],
			['approval: hours are text', () => sendApproval(approval('q-h13', 'Q-1013', { lines: [{ id: 'l1', title: 'A', hours: 'ten' }] })), 400, /data\.lines\[0\]\.hours/],
			['approval: hours are negative', () => sendApproval(approval('q-h14', 'Q-1014', { lines: [{ id: 'l1', title: 'A', hours: -5 }] })), 400, /data\.lines\[0\]\.hours/],
			['approval: 5,000 lines', () => sendApproval(approval('q-h15', 'Q-1015', { lines: Array.from({ length: 5000 }, (_v, i) => ({ id: `l${i}`, title: `Line ${i}` })) })), 400, /data\.lines/],
			['approval: unknown contract', () => sendApproval(approval('q-h16', 'Q-1016', { contractId: 'ctr_nope' })), [400, 422], /data\.contractId/],
			['approval: contract ID with a filter injection', () => sendApproval(approval('q-h17', 'Q-1017', { contractId: quoted })), [400, 422], /data\.contractId/],
			['approval: url is not http(s)', () => sendApproval(approval('q-h18', 'Q-1018', { url: 'javascript:alert(document.cookie)' })), 400, /data\.url/],
			// The PSA's integration endpoints (right key, hostile path values).
			['project context: ID with a filter injection', () => get(contextUrl(quoted), withKey), 404, /not_found|No awork project/],
			['project context: ID with a path climb', () => get(contextUrl('../../rest/workflows'), withKey), 404, /./],
			['command center: company ID with a filter injection', () => get(commandCenterUrl(`${quoted}`), withKey), 404, /No awork company/],
			// Values that reach an awork filter through the awork node.
			['time entries: user ID with a filter injection', () => post(probeUrl('time-entries'), { userId: quoted }), 200, /User: .* is not an awork ID/],
			['time entries: project ID with a filter injection', () => post(probeUrl('time-entries'), { projectId: `guid'${quoted}` }), 200, /Project: .* is not an awork ID/],
			['time entries: Start From is not a date', () => post(probeUrl('time-entries'), { startFrom: '2026-13-45' }), 200, /Start From/],
			['time entries: Start Before is a filter injection', () => post(probeUrl('time-entries'), { startBefore: `2026-01-01' or 1 eq 1 or startDateUtc gt datetime'2000-01-01` }), 200, /Start Before/],
			['time entries: an empty window', () => post(probeUrl('time-entries'), { startFrom: '2026-02-01', startBefore: '2026-01-01' }), 200, /Start Before .* must be later than Start From/],
			['time entries: Updated Since is not a date', () => post(probeUrl('time-entries'), { updatedSince: 'yesterday' }), 200, /Updated Since/],
			['projects: company ID with a filter injection', () => post(probeUrl('projects'), { companyId: quoted }), 200, /Company: .* is not an awork ID/],
			['tasks: project ID with a filter injection', () => post(probeUrl('tasks'), { projectId: quoted }), 200, /Project: .* is not an awork ID/],
		];

		it(`has at least 30 cases (${cases.length})`, () => {
			expect(cases.length).toBeGreaterThanOrEqual(30);
		});

		it.each(cases)('%s', async (_name, send, status, field) => {
			const before = await snapshot(sandbox);
			const answer = await send();
			await settle(sandbox.n8n);
			expect({ status: answer.status, text: answer.text.slice(0, 600) }).toEqual({
				status: Array.isArray(status) && status.includes(answer.status) ? answer.status : status,
				text: expect.stringMatching(field),
			});
			expect(await changesSince(sandbox, before)).toEqual([]);
		});

		it.each([
			["a name with a quote finds exactly that project", "O'Brien", () => [obrienProjectId]],
			['a filter injection in Name Contains finds nothing', quoted, () => []],
			['a closing parenthesis and "or" find nothing', "') or (1 eq 1", () => []],
		])('projects, Name Contains: %s (quoted, not widened)', async (_name, nameContains, expected) => {
			const before = await snapshot(sandbox);
			const answer = await post(probeUrl('projects'), { nameContains });
			const found = (JSON.parse(answer.text) as Array<{ id?: string }>).filter((project) => project.id).map((project) => project.id);
			expect(found).toEqual(expected());
			expect(await changesSince(sandbox, before)).toEqual([]);
		});

		it.each([
			['an unknown ticket', { id: 'tkt_unknown', status: 'resolved' }],
			['a ticket ID with a filter injection', { id: quoted, status: 'resolved' }],
			['no ticket ID', { status: 'resolved' }],
		])('status sync, ticket.updated for %s: nothing changes', async (_name, data) => {
			const before = await snapshot(sandbox);
			const answer = await sendSignedWebhook(sandbox.n8n.webhookUrl(statusSyncPath), sandbox.webhookSecret, 'ticket.updated', data);
			expect(answer.status).toBe(200);
			await settle(sandbox.n8n);
			expect(await changesSince(sandbox, before)).toEqual([]);
		});
	});

	describe('empty credentials', () => {
		const emptied = async (type: 'aworkPsaApi' | 'onePsaApi' | 'idMappingN8nApi', data: Record<string, unknown>) =>
			await sandbox.n8n.createCredential({ name: `${CREDENTIAL_NAMES[type]} (empty)`, type, data });

		it('the approval workflow with an empty webhook secret cannot be published, and nothing changes', async () => {
			const before = await snapshot(sandbox);
			const credential = await emptied('onePsaApi', {
				tenantId: DEFAULT_TENANT.tenantId,
				apiUrl: sandbox.onePsa.baseUrl,
				integrationKey: DEFAULT_TENANT.integrationKey,
				apiKey: '',
				webhookSecret: '',
			});
			const workflow = sandbox.prepare(APPROVAL, { freshWebhookIds: true });
			for (const node of workflow.nodes) if (node.credentials?.onePsaApi) node.credentials.onePsaApi = { id: credential, name: `${CREDENTIAL_NAMES.onePsaApi} (empty)` };
			const id = await sandbox.n8n.importWorkflow(workflow);
			const status = await sandbox.n8n.activateWorkflow(id, { allowFailure: true });
			expect(status?.status).not.toBe('published');
			expect(JSON.stringify(status?.triggers)).toMatch(/Webhook Secret/);
			expect(await changesSince(sandbox, before)).toEqual([]);
		});

		it.each([
			['awork API key', 'aworkPsaApi', () => ({ apiKey: '', baseUrl: sandbox.awork.baseUrl }), /awork|API key|401/i],
			[
				'PSA integration key',
				'onePsaApi',
				() => ({ tenantId: DEFAULT_TENANT.tenantId, apiUrl: sandbox.onePsa.baseUrl, integrationKey: '', apiKey: '', webhookSecret: 'x' }),
				/Integration Key|integration key/,
			],
			['n8n API key of the ID Mapping', 'idMappingN8nApi', () => ({ baseUrl: `${sandbox.n8n.baseUrl}/api/v1`, apiKey: '' }), /API key|401|credential/i],
		] as const)('the export with an empty %s fails naming it, and nothing changes', async (_name, type, data, message) => {
			// Something to export (a project with a known contract), so a run that got through would change things.
			const exportable = (await aworkState(sandbox.awork, 'projects')).projects.find((project) => project.projectKey === 'PSA-Q-0001')!;
			const [entry] = sandbox.awork.fake.seed({
				timeEntries: [{ projectId: exportable.id, startDateUtc: '2026-01-05T09:00:00Z', duration: 3600, isBillable: true, isBilled: false, timezone: ZONE }],
			}).timeEntries as AworkView[];
			expect(entry.id).toBeDefined();
			const before = await snapshot(sandbox);
			const credential = await emptied(type, data());
			const workflow = sandbox.prepare(EXPORT_FILE, { settings: { timezone: ZONE } });
			for (const node of workflow.nodes) {
				if (node.credentials?.[type]) node.credentials[type] = { id: credential, name: `${CREDENTIAL_NAMES[type]} (empty)` };
			}
			const id = await sandbox.n8n.importWorkflow(workflow);
			const run = await runCliTracked(sandbox.n8n, id, { timeoutMs: 300_000 });
			if (run.ok) process.stdout.write(`\nexport with an empty ${_name} ran through: ${JSON.stringify(run.result?.data?.resultData.runData?.Summary?.[0]?.data?.main?.[0]?.[0]?.json ?? {}).slice(0, 1500)}\n`);
			expect(run.ok).toBe(false);
			const error = run.result?.data?.resultData.error;
			expect(`${error?.message ?? ''} ${error?.description ?? ''}`).toMatch(message);
			expect(await changesSince(sandbox, before)).toEqual([]);
		});
	});

	describe('secrets', () => {
		it('the scan finds a secret where one is (control)', async () => {
			const canary = `canary-${Date.now()}-Zk81`;
			const id = await sandbox.n8n.importWorkflow({
				name: 'faults: canary',
				nodes: [
					{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{
						name: 'Leak',
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						position: [220, 0],
						parameters: { assignments: { assignments: [{ id: 'c1', name: 'value', value: canary, type: 'string' }] }, options: {} },
					},
				],
				connections: { Start: { main: [[{ node: 'Leak', type: 'main', index: 0 }]] } },
			});
			await runCliTracked(sandbox.n8n, id);
			const hits = await findSecrets(sandbox.n8n, { canary });
			expect(hits.length).toBeGreaterThan(0);
			await sandbox.n8n.restRequest('DELETE', `/workflows/${id}`).catch(() => undefined);
		});

		it('a valid call to each PSA endpoint and a valid approval leave no key or secret behind', async () => {
			expect((await get(contextUrl('psa-prj-1'), withKey)).status).toBe(200);
			expect((await get(commandCenterUrl('psa-cmp-1'), withKey)).status).toBe(200);
			expect((await sendApproval(approval('q-secrets', 'Q-0900'))).status).toBe(200);
			await settle(sandbox.n8n);
			await expectNoSecrets(sandbox.n8n, await sandboxSecrets(sandbox));
		});
	});
});
