/**
 * workflows/project-creation-on-approval.json in real n8n, driven by signed `quote.approved`
 * webhooks to the published workflow, against the fake awork and the fake One PSA:
 * - an approval creates one project (key from the quote number) with both custom fields, a task
 *   list and a task per quote line, saves the mappings and answers 200 with project ID and URL;
 * - the same approval replayed 10 times (5 at once) and a new approval delivered 5 times at
 *   once each leave exactly one project, and only one run adds lists and tasks;
 * - a malformed approval is answered 400 naming the field, and awork receives no write;
 * - with a template in Settings the project is created from the template;
 * - the project gets the awork company of the PSA company (found by mapping, else by exact name,
 *   else created, and mapped), so the Command Center answers for that PSA company;
 * - two lines with one title become two tasks (matched by line, not title); quote numbers that
 *   look alike after clean-up get projects of their own; a project found by key that is not this
 *   quote's is answered 409 naming both quotes;
 * - `n8n import:workflow` accepts the file.
 */
import { DEFAULT_TENANT } from '../../devkit/fakes/onepsa';
import { httpRequest } from '../../devkit/n8n';
import {
	approvalPayload,
	seedOrphanApprovalProject,
	aworkState,
	aworkWrites,
	loadShippedWorkflow,
	mappingRows,
	shippedWorkflowPath,
	startWorkflowSandbox,
	nodeNamed,
	webhookPathOf,
	type AworkView,
	type WorkflowSandbox,
} from '../../devkit/sandbox';

const FILE = 'project-creation-on-approval.json';
const TRIGGER = 'The One PSA Trigger';
const WEB_URL = 'https://acme.awork.com';


describe('workflow "project creation on approval" in real n8n', () => {
	let sandbox: WorkflowSandbox;
	let webhookPath: string;
	let templateWebhookPath: string;
	let templateId: string;

	const send = (data: unknown, path = webhookPath) => sandbox.sendPsaWebhook(path, 'quote.approved', data);
	const projectsWithKey = async (key: string) =>
		(await aworkState(sandbox.awork, 'projects')).projects.filter((project) => project.projectKey === key);
	const tasksOf = async (projectId: string) =>
		(await aworkState(sandbox.awork, 'tasks')).tasks.filter((task) => task.projectId === projectId);
	// The API view of a task list hides its project, so read the stored records.
	const listsOf = async (projectId: string) => [...sandbox.awork.fake.store.taskLists.values()].filter((list) => list.projectId === projectId);
	const fieldValue = (project: AworkView, definitionId: string) =>
		project.customFields.find((field: AworkView) => field.customFieldDefinitionId === definitionId)?.textValue;

	const companies = async () => (await aworkState(sandbox.awork, 'companies')).companies;
	let commandCenterBase: string;

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'approval-workflow', aworkWebUrl: WEB_URL });
		// A company of another PSA client with a similar name: the approval must not take it.
		sandbox.awork.fake.seed({ companies: [{ name: 'Acme GmbH & Co. KG' }] });
		// The workflow checks that the approval's contract exists in The One PSA before creating anything.
		sandbox.onePsa.fake.seed({ contracts: [{ id: 'ctr_acme_projects', number: 'C-1002', name: 'Acme projects' }] });
		const seeded = sandbox.awork.fake.seed({
			projectTemplates: [
				{
					name: 'Website template',
					taskLists: [
						{ name: 'Discovery', tasks: [{ name: 'Kick-off workshop' }] },
						{ name: 'Delivery', tasks: [{ name: 'Launch checklist' }, { name: 'Handover' }] },
					],
				},
			],
		});
		templateId = (seeded.projectTemplates[0] as { id: string }).id;

		const workflowId = await sandbox.importShipped(FILE);
		await sandbox.n8n.activateWorkflow(workflowId);
		webhookPath = webhookPathOf(loadShippedWorkflow(FILE), TRIGGER, 'onepsa');

		const templated = sandbox.prepare(FILE, { settings: { projectTemplateId: templateId }, freshWebhookIds: true });
		const templatedId = await sandbox.n8n.importWorkflow(templated);
		await sandbox.n8n.activateWorkflow(templatedId);
		templateWebhookPath = webhookPathOf(templated, TRIGGER, 'onepsa');

		const center = 'psa-command-center.json';
		await sandbox.n8n.activateWorkflow(await sandbox.importShipped(center));
		commandCenterBase = sandbox.n8n.webhookUrl(String(nodeNamed(loadShippedWorkflow(center), 'PSA Command Center').webhookId));
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	let projectId: string;

	it('creates the project with custom fields, a task list and a task per line, saves the mappings and answers 200', async () => {
		const answer = await send(approvalPayload('q-1001', 'Q-2026-0042'));
		expect(answer.status).toBe(200);
		const body = answer.json as Record<string, unknown>;
		expect(body).toMatchObject({ created: true, quoteId: 'q-1001', projectKey: 'PSA-Q-2026-0042', tasksCreated: 3 });
		projectId = body.projectId as string;
		expect(body.projectUrl).toBe(`${WEB_URL}/projects/${projectId}`);

		const [project, ...others] = await projectsWithKey('PSA-Q-2026-0042');
		expect(others).toHaveLength(0);
		expect(project).toMatchObject({ id: projectId, name: 'Website relaunch - Acme GmbH' });

		// Both definitions exist once, with the types the export and the PSA link need.
		const definitions = (await aworkState(sandbox.awork, 'customFieldDefinitions')).customFieldDefinitions;
		const link = definitions.filter((d) => d.name === 'External Project Link');
		const contract = definitions.filter((d) => d.name === 'PSA Contract');
		expect(link.map((d) => [d.entity, d.type])).toEqual([['project', 'link']]);
		expect(contract.map((d) => [d.entity, d.type])).toEqual([['project', 'text']]);
		expect(fieldValue(project, link[0].id)).toBe('https://psa.example/quotes/q-1001');
		expect(fieldValue(project, contract[0].id)).toBe('ctr_acme_projects');

		const lists = await listsOf(projectId);
		expect(lists.map((list) => list.name)).toEqual(['Quote Q-2026-0042']);
		const tasks = await tasksOf(projectId);
		expect(
			tasks
				.map((task) => [task.name, task.plannedDuration, task.description, task.lists.map((l: AworkView) => l.id)])
				.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
		).toEqual([
			['Build the pages', 30.5 * 3600, '[match key: psa-line:l2]', [lists[0].id]],
			['Concept and design', 12 * 3600, 'Two design rounds\n\n[match key: psa-line:l1]', [lists[0].id]],
			['Go-live support', 0, '[match key: psa-line:l3]', [lists[0].id]],
		]);

		const rows = await mappingRows(sandbox.n8n);
		const byKey = new Map(rows.map((row) => [`${row.namespace}:${row.externalId}`, row]));
		expect(byKey.get('project:q-1001')).toMatchObject({ aworkId: projectId, data: { url: body.projectUrl, number: 'PSA-Q-2026-0042' } });
		expect(byKey.get('contract:ctr_acme_projects')).toMatchObject({ aworkId: projectId });
		const taskIdByName = new Map(tasks.map((task) => [task.name, task.id]));
		expect(byKey.get('task:q-1001:l1')?.aworkId).toBe(taskIdByName.get('Concept and design'));
		expect(byKey.get('task:q-1001:l2')?.aworkId).toBe(taskIdByName.get('Build the pages'));
		expect(byKey.get('task:q-1001:l3')?.aworkId).toBe(taskIdByName.get('Go-live support'));

		// The PSA company became an awork company (exact name, not the similar one), linked to the project and mapped.
		const acme = (await companies()).filter((company) => company.name === 'Acme GmbH');
		expect(acme).toHaveLength(1);
		expect(project.companyId).toBe(acme[0].id);
		expect(byKey.get('company:cmp_acme')).toMatchObject({ aworkId: acme[0].id });
	});

	it('lets the Command Center answer for the PSA company of an approval', async () => {
		const answer = await httpRequest<Record<string, any>>('GET', `${commandCenterBase}/api/integration/command-center/cmp_acme`, {
			headers: { 'X-Integration-Key': DEFAULT_TENANT.integrationKey },
		});
		expect(answer.status).toBe(200);
		expect(JSON.stringify(answer.body)).toContain(projectId);
	});

	it('answers 10 replays of the approval (5 at once) with the same project and creates nothing', async () => {
		sandbox.awork.fake.server.log.length = 0;
		const concurrent = await Promise.all(Array.from({ length: 5 }, () => send(approvalPayload('q-1001', 'Q-2026-0042'))));
		const sequential = [];
		for (let i = 0; i < 5; i++) sequential.push(await send(approvalPayload('q-1001', 'Q-2026-0042')));

		for (const answer of [...concurrent, ...sequential]) {
			expect(answer.status).toBe(200);
			expect(answer.json).toMatchObject({ created: false, projectId, projectUrl: `${WEB_URL}/projects/${projectId}` });
		}
		expect(await projectsWithKey('PSA-Q-2026-0042')).toHaveLength(1);
		expect(await tasksOf(projectId)).toHaveLength(3);
		expect(await listsOf(projectId)).toHaveLength(1);
		expect(aworkWrites(sandbox.awork)).toEqual([]);
	});

	it('creates one project for a new approval delivered 5 times at once; only one run adds lists and tasks', async () => {
		const answers = await Promise.all(Array.from({ length: 5 }, () => send(approvalPayload('q-2002', 'Q-2026-0077'))));
		// A delivery that finds the project still being created is told to come again later (409).
		for (const answer of answers) expect([200, 409]).toContain(answer.status);
		const bodies = answers.map((answer) => answer.json as Record<string, unknown>);
		expect(bodies.filter((body) => body.created === true)).toHaveLength(1);
		expect(new Set(bodies.map((body) => body.projectId)).size).toBe(1);
		const again = await send(approvalPayload('q-2002', 'Q-2026-0077'));
		expect(again.status).toBe(200);
		expect(again.json).toMatchObject({ created: false, projectId: bodies[0].projectId });

		const projects = await projectsWithKey('PSA-Q-2026-0077');
		expect(projects).toHaveLength(1);
		expect(projects[0].id).toBe(bodies[0].projectId);
		expect(await listsOf(projects[0].id)).toHaveLength(1);
		expect((await tasksOf(projects[0].id)).map((task) => task.name).sort()).toEqual([
			'Build the pages',
			'Concept and design',
			'Go-live support',
		]);
		const rows = await mappingRows(sandbox.n8n);
		expect(rows.filter((row) => row.namespace === 'project' && row.externalId === 'q-2002').map((row) => row.aworkId)).toEqual([projects[0].id]);
		expect(rows.filter((row) => row.namespace === 'task' && row.externalId.startsWith('q-2002:'))).toHaveLength(3);

		// The same PSA company: the mapped awork company again, none added.
		const acme = (await companies()).filter((company) => company.name === 'Acme GmbH');
		expect(acme).toHaveLength(1);
		expect(projects[0].companyId).toBe(acme[0].id);
		expect(rows.filter((row) => row.namespace === 'company')).toHaveLength(1);
	});

	it('finishes a creation whose run died: of 10 deliveries at once, only the one holding the setup claim adds list and tasks', async () => {
		// The creating run made the project 10 minutes ago and died before its list, tasks and mappings.
		const orphan = seedOrphanApprovalProject(sandbox.awork, 'q-2999', 'Q-2026-0099');

		const answers = await Promise.all(Array.from({ length: 10 }, () => send(approvalPayload('q-2999', 'Q-2026-0099'))));
		const statuses = answers.map((answer) => answer.status).sort();
		// One run holds the claim and finishes (200); the others are told to come again later (409).
		expect(statuses).toEqual([200, ...Array(9).fill(409)]);
		const finished = answers.find((answer) => answer.status === 200)!.json as Record<string, unknown>;
		expect(finished).toMatchObject({ projectId: orphan.id, tasksCreated: 3 });
		for (const answer of answers.filter((a) => a.status === 409)) {
			expect(answer.json).toMatchObject({ quoteId: 'q-2999', projectId: orphan.id });
		}

		expect(await listsOf(orphan.id)).toHaveLength(1);
		expect((await tasksOf(orphan.id)).map((task) => task.name).sort()).toEqual(['Build the pages', 'Concept and design', 'Go-live support']);
		const rows = await mappingRows(sandbox.n8n);
		expect(rows.filter((row) => row.namespace === 'project' && row.externalId === 'q-2999').map((row) => row.aworkId)).toEqual([orphan.id]);
		expect(rows.filter((row) => row.namespace === 'task' && row.externalId.startsWith('q-2999:'))).toHaveLength(3);
		// Losers took their claim rows back; the holder's one is left until its lease ends.
		expect(rows.filter((row) => row.namespace === '_claim' && row.externalId === 'quote:q-2999')).toHaveLength(1);

		// The redelivery the PSA sends after a 409 finds the work done.
		const again = await send(approvalPayload('q-2999', 'Q-2026-0099'));
		expect([again.status, (again.json as Record<string, unknown>).created, (again.json as Record<string, unknown>).projectId]).toEqual([200, false, orphan.id]);
	});

	it('answers 409 for a project that has the key but is not this quote\'s, adding nothing to it', async () => {
		const [existing] = sandbox.awork.fake.seed({ projects: [{ name: 'Made by hand', projectKey: 'PSA-Q-2026-0088' }] }).projects as AworkView[];
		sandbox.awork.fake.server.log.length = 0;

		const answer = await send(approvalPayload('q-2505', 'Q-2026-0088'));
		expect(answer.status).toBe(409);
		expect(answer.json).toMatchObject({ field: 'data.number', quoteId: 'q-2505', projectId: existing.id, projectKey: 'PSA-Q-2026-0088', projectQuoteId: null });
		expect(String((answer.json as Record<string, unknown>).error)).toContain('was not created for it');
		expect(await projectsWithKey('PSA-Q-2026-0088')).toHaveLength(1);
		expect(await listsOf(existing.id)).toHaveLength(0);
		expect(await tasksOf(existing.id)).toHaveLength(0);
		expect(aworkWrites(sandbox.awork)).toEqual([]);
		const rows = await mappingRows(sandbox.n8n);
		expect(rows.filter((row) => row.externalId === 'q-2505' || row.aworkId === existing.id)).toEqual([]);
	});

	it('answers 409 naming both quotes when another quote with the same number already has the project', async () => {
		const first = await send(approvalPayload('q-6001', 'Q-2026-0600', { lines: [] }));
		expect(first.status).toBe(200);
		const firstProject = (first.json as Record<string, unknown>).projectId;
		sandbox.awork.fake.server.log.length = 0;

		const second = await send(approvalPayload('q-6002', 'Q-2026-0600', { lines: [] }));
		expect(second.status).toBe(409);
		expect(second.json).toMatchObject({ quoteId: 'q-6002', projectQuoteId: 'q-6001', projectId: firstProject, field: 'data.number' });
		expect(String((second.json as Record<string, unknown>).error)).toMatch(/quote "q-6002".*belongs to quote "q-6001"/);
		expect(aworkWrites(sandbox.awork)).toEqual([]);
		const rows = await mappingRows(sandbox.n8n);
		expect(rows.filter((row) => row.externalId === 'q-6002')).toEqual([]);
	});

	it('gives quote numbers that look alike after clean-up (Q-1/2, Q-1-2, q 1 2, Q.1.2, Ä-7, Ö-7) projects of their own', async () => {
		const numbers = ['Q-1/2', 'Q-1-2', 'q 1 2', 'Q.1.2', 'Ä-7', 'Ö-7'];
		const answers = [];
		for (const [i, number] of numbers.entries()) answers.push(await send(approvalPayload(`q-70${i}`, number, { lines: [] })));
		expect(answers.map((answer) => answer.status)).toEqual(numbers.map(() => 200));
		const bodies = answers.map((answer) => answer.json as Record<string, unknown>);
		expect(bodies.map((body) => body.created)).toEqual(numbers.map(() => true));
		expect(new Set(bodies.map((body) => body.projectId)).size).toBe(numbers.length);
		expect(new Set(bodies.map((body) => body.projectKey)).size).toBe(numbers.length);
		expect(bodies[1].projectKey).toBe('PSA-Q-1-2');
		for (const [i, body] of bodies.entries()) {
			const [project, ...others] = await projectsWithKey(String(body.projectKey));
			expect(others).toHaveLength(0);
			expect(project.description).toContain(`Created from quote ${numbers[i]} in The One PSA`);
		}
		// A replay of each still finds its own project.
		const replay = await send(approvalPayload('q-702', 'q 1 2', { lines: [] }));
		expect(replay.json).toMatchObject({ created: false, projectId: bodies[2].projectId });
	});

	it('makes two lines with the same title two tasks, each with its own hours, and a redelivery adds nothing', async () => {
		const lines = [
			{ id: 'd1', title: 'Design', hours: 2 },
			{ id: 'd2', title: 'Design', hours: 5 },
			{ id: 'd3', title: 'Build', hours: 1 },
		];
		const answer = await send(approvalPayload('q-8001', 'Q-2026-0800', { lines }));
		expect(answer.status).toBe(200);
		const body = answer.json as Record<string, unknown>;
		expect(body).toMatchObject({ created: true, tasksCreated: 3 });
		const tasks = await tasksOf(String(body.projectId));
		expect(tasks.map((task) => [task.name, task.plannedDuration]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || a[1] - b[1])).toEqual([
			['Build', 3600],
			['Design', 2 * 3600],
			['Design', 5 * 3600],
		]);
		const rows = await mappingRows(sandbox.n8n);
		const lineTask = (id: string) => rows.find((row) => row.namespace === 'task' && row.externalId === `q-8001:${id}`)?.aworkId;
		const byId = new Map(tasks.map((task) => [task.id, task]));
		expect(byId.get(lineTask('d1'))?.plannedDuration).toBe(2 * 3600);
		expect(byId.get(lineTask('d2'))?.plannedDuration).toBe(5 * 3600);
		expect(rows.filter((row) => row.namespace === 'project' && row.externalId === 'q-8001').map((row) => row.aworkId)).toEqual([body.projectId]);

		sandbox.awork.fake.server.log.length = 0;
		const again = await send(approvalPayload('q-8001', 'Q-2026-0800', { lines }));
		expect(again.json).toMatchObject({ created: false, projectId: body.projectId });
		expect(aworkWrites(sandbox.awork)).toEqual([]);
	});

	it('finishes a died creation with two lines of one title as two tasks, each mapped to its line', async () => {
		const lines = [
			{ id: 'e1', title: 'Design', hours: 2 },
			{ id: 'e2', title: 'Design', hours: 5 },
		];
		const orphan = seedOrphanApprovalProject(sandbox.awork, 'q-8002', 'Q-2026-0801');
		const answer = await send(approvalPayload('q-8002', 'Q-2026-0801', { lines }));
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ projectId: orphan.id, tasksCreated: 2 });
		const tasks = await tasksOf(orphan.id);
		expect(tasks.map((task) => task.plannedDuration).sort((a, b) => a - b)).toEqual([2 * 3600, 5 * 3600]);
		const rows = await mappingRows(sandbox.n8n);
		expect(new Set(rows.filter((row) => row.namespace === 'task' && row.externalId.startsWith('q-8002:')).map((row) => row.aworkId)).size).toBe(2);
	});

	it('answers a malformed approval with 400 naming the missing field, and writes nothing to awork', async () => {
		const projectsBefore = (await aworkState(sandbox.awork, 'projects')).projects.length;
		sandbox.awork.fake.server.log.length = 0;

		const { number: _dropped, ...withoutNumber } = approvalPayload('q-3003', 'Q-2026-0099');
		const noNumber = await send(withoutNumber);
		expect(noNumber.status).toBe(400);
		expect(noNumber.json).toMatchObject({ field: 'data.number', error: 'The approval has no data.number' });

		const badLine = await send(approvalPayload('q-3004', 'Q-2026-0100', { lines: [{ id: 'l1', title: 'Design' }, { id: 'l2' }] }));
		expect(badLine.status).toBe(400);
		expect(badLine.json).toMatchObject({ field: 'data.lines[1].title' });

		const noQuoteId = await send({ ...approvalPayload('', 'Q-2026-0101') });
		expect(noQuoteId.json).toMatchObject({ field: 'data.quoteId' });

		expect(aworkWrites(sandbox.awork)).toEqual([]);
		expect((await aworkState(sandbox.awork, 'projects')).projects).toHaveLength(projectsBefore);
	});

	it('creates the project from the template in Settings, without adding lists or tasks of its own', async () => {
		const answer = await send(approvalPayload('q-4004', 'Q-2026-0123'), templateWebhookPath);
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ created: true, projectKey: 'PSA-Q-2026-0123', taskListId: null, tasksCreated: 0 });
		const [project] = await projectsWithKey('PSA-Q-2026-0123');
		const create = sandbox.awork.fake.server.log.find(
			(entry) => entry.method === 'POST' && entry.path.endsWith('/projects') && entry.status < 300 && (entry.body as AworkView)?.projectKey === 'PSA-Q-2026-0123',
		);
		expect(create?.body).toMatchObject({ projectTemplateId: templateId });
		expect((await listsOf(project.id)).map((list) => list.name).sort()).toEqual(['Delivery', 'Discovery']);
		expect((await tasksOf(project.id)).map((task) => task.name).sort()).toEqual(['Handover', 'Kick-off workshop', 'Launch checklist']);
		const definitions = (await aworkState(sandbox.awork, 'customFieldDefinitions')).customFieldDefinitions;
		const link = definitions.find((d) => d.name === 'External Project Link')!;
		expect(fieldValue(project, link.id)).toBe('https://psa.example/quotes/q-4004');
	});

	it('is accepted by `n8n import:workflow`', async () => {
		const imported = await sandbox.n8n.runCli(['import:workflow', `--input=${shippedWorkflowPath(FILE)}`]);
		expect(imported.exitCode).toBe(0);
		const workflows = await sandbox.n8n.restRequest<Array<{ id: string; name: string }>>('GET', '/workflows');
		const names = workflows.map((workflow) => workflow.name);
		expect(names).toContain(loadShippedWorkflow(FILE).name);
	});
});
