/**
 * workflows/escalate-task-to-ticket.json in real n8n, published, driven by awork task_updated
 * webhooks from the fake awork (which also sends its own webhooks for the API writes the
 * workflow makes, like real awork), against the fake One PSA:
 * - a task tagged "Escalate to PSA" becomes one ticket (subject, priority, description, link
 *   back to the task), the ticket number lands in the task's "PSA Ticket" custom field, the
 *   mapping ticket <-> task is saved; the workflow's own field write comes back as a webhook
 *   and ends in "Nothing to Escalate";
 * - a ticked custom field of the marker's name escalates too;
 * - the same webhook 5 times at once and 5 more times in a row: still one ticket, one number,
 *   one mapping;
 * - not marked, already numbered, or numbered field cleared but mapping present: no ticket;
 * - every delivery carries a hostile entityLink: the ticket's description and link are built
 *   from the task's url (the credential's Web Address and the task ID awork returned), never from the payload;
 * - `n8n import:workflow` accepts the file as shipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Ticket } from '../../devkit/fakes/onepsa';
import { httpRequest, nodeOutput, type Execution } from '../../devkit/n8n';
import { aworkState, mappingRows, shippedWorkflowPath, startWorkflowSandbox, type AworkView, type WorkflowSandbox } from '../../devkit/sandbox';
import { deliverTaskUpdated, endOf, executionsOfTask, seedSupportProject, seedTask, settle, ticketsLinkedTo, triggerUrl } from './taskTicketHelpers';

const FILE = 'escalate-task-to-ticket.json';
const ENDS = ['Nothing to Escalate', 'Already Escalated', 'Save Ticket Mapping'];
/** The awork address in Settings; deliveries claim another one (HOSTILE_LINK). */
const WEB_URL = 'https://mycompany.awork.com';
const HOSTILE_LINK = 'https://evil.example/phish';

describe('workflow "escalate task to ticket" in real n8n', () => {
	let sandbox: WorkflowSandbox;
	let workflow: { id: string; url: string };
	let projectId: string;

	const tickets = (): Ticket[] => sandbox.onePsa.fake.state().tickets;
	const task = async (taskId: string): Promise<AworkView> =>
		(await aworkState(sandbox.awork, 'tasks')).tasks.find((candidate) => candidate.id === taskId)!;
	const psaTicketField = async (): Promise<AworkView[]> =>
		(await aworkState(sandbox.awork, 'customFieldDefinitions')).customFieldDefinitions.filter((definition) => definition.name === 'PSA Ticket');
	const psaTicketOf = async (taskId: string): Promise<string | undefined> => {
		const [definition] = await psaTicketField();
		return (await task(taskId)).customFields.find((field: AworkView) => field.customFieldDefinitionId === definition?.id)?.textValue;
	};
	const mappingsOf = async (taskId: string) => (await mappingRows(sandbox.n8n)).filter((row) => row.namespace === 'ticket' && row.aworkId === taskId);
	const runsOf = async (taskId: string): Promise<Execution[]> => executionsOfTask((await settle(sandbox, [workflow]))[0], taskId);

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'escalate-workflow', awork: { config: { autoWebhooks: true } }, aworkWebUrl: WEB_URL });
		const prepared = sandbox.prepare(FILE);
		workflow = { id: await sandbox.n8n.importWorkflow(prepared), url: triggerUrl(sandbox.n8n, prepared) };
		// Every delivery's entityLink now points elsewhere (<HOSTILE_LINK>/tasks/<id>).
		sandbox.awork.fake.store.workspace.url = HOSTILE_LINK;
		await sandbox.n8n.activateWorkflow(workflow.id);
		({ projectId } = seedSupportProject(sandbox.awork));
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	it('registers one awork webhook for task_updated', () => {
		const hooks = [...sandbox.awork.fake.store.webhooks.values()].filter((hook) => hook.uri === workflow.url);
		expect(hooks.map((hook) => [hook.events, hook.isActive, hook.authenticationType])).toEqual([['task_updated', true, 'header']]);
	});

	// First test on purpose: the 5 parallel runs also race to create the "PSA Ticket" field and the mapping table.
	it('creates one ticket when the same webhook comes 5 times at once and 5 more times in a row', async () => {
		const taskId = seedTask(sandbox.awork, projectId, { name: 'Mail server full', tags: ['escalate to psa'] });
		const concurrent = await Promise.all(Array.from({ length: 5 }, () => deliverTaskUpdated(sandbox.awork, taskId)));
		expect(concurrent.flat().map((delivery) => delivery.status)).toEqual([200, 200, 200, 200, 200]);
		await settle(sandbox, [workflow]);
		for (let i = 0; i < 5; i++) await deliverTaskUpdated(sandbox.awork, taskId);

		const runs = await runsOf(taskId);
		const ends = runs.map((run) => endOf(run, ENDS));
		expect(ends.filter((end) => end.startsWith('error'))).toEqual([]);
		// The 5 in a row all find the number written by the first ones.
		expect(ends.slice(-5)).toEqual(Array(5).fill('Nothing to Escalate'));

		const linked = ticketsLinkedTo(tickets(), taskId);
		expect(linked).toHaveLength(1);
		expect(await psaTicketField()).toHaveLength(1);
		expect(await psaTicketOf(taskId)).toBe(linked[0].number);
		const mappings = await mappingsOf(taskId);
		expect(new Set(mappings.map((row) => row.externalId))).toEqual(new Set([linked[0].id]));
		// Each run that got past the checks wrote the same number; none a different one.
		for (const run of runs.filter((candidate) => endOf(candidate, ENDS) === 'Save Ticket Mapping')) {
			expect(nodeOutput(run, 'Create Ticket')[0]).toMatchObject({ id: linked[0].id, number: linked[0].number });
		}
	});

	it('escalates a tagged task: one linked ticket, its number in "PSA Ticket", the mapping saved', async () => {
		const taskId = seedTask(sandbox.awork, projectId, {
			name: 'Printer on 3rd floor offline',
			description: '<p>Since Monday, <b>nobody</b> can print.</p>',
			isPrio: true,
			tags: ['Customer', 'Escalate to PSA'],
		});
		const [delivery] = await deliverTaskUpdated(sandbox.awork, taskId);
		expect(delivery.status).toBe(200);

		const runs = await runsOf(taskId);
		// The delivery, then the webhook awork sends for the workflow's own write of "PSA Ticket".
		expect(runs.map((run) => endOf(run, ENDS))).toEqual(['Save Ticket Mapping', 'Nothing to Escalate']);

		const [ticket, ...more] = ticketsLinkedTo(tickets(), taskId);
		expect(more).toHaveLength(0);
		const taskUrl = `${WEB_URL}/tasks/${taskId}`;
		// The payload claimed another address; nothing of it reached the PSA.
		expect(nodeOutput(runs[0], 'Awork Trigger')[0].entityLink).toBe(`${HOSTILE_LINK}/tasks/${taskId}`);
		expect(JSON.stringify(tickets())).not.toContain('evil.example');
		expect(ticket).toMatchObject({
			subject: 'Printer on 3rd floor offline',
			priority: 'high',
			description: `Since Monday, nobody can print.\n\nEscalated from awork: ${taskUrl}`,
			links: [{ system: 'awork', type: 'task', id: taskId, url: taskUrl }],
		});
		expect(ticket.number).toMatch(/^T-\d+$/);

		// The field was created once (task, text) and carries the number.
		expect((await psaTicketField()).map((definition) => [definition.entity, definition.type])).toEqual([['task', 'text']]);
		expect(await psaTicketOf(taskId)).toBe(ticket.number);

		expect(await mappingsOf(taskId)).toEqual([
			{ namespace: 'ticket', externalId: ticket.id, aworkId: taskId, data: { number: ticket.number, url: taskUrl } },
		]);
	});

	it('escalates a task whose custom field "Escalate to PSA" is ticked, with the default priority', async () => {
		const [marker] = sandbox.awork.fake.seed({
			customFieldDefinitions: [{ name: 'Escalate to PSA', type: 'boolean', entity: 'task' }],
		}).customFieldDefinitions as Array<{ id: string }>;
		sandbox.awork.fake.seed({ customFieldLinks: [{ projectId, customFieldDefinitionId: marker.id }] });
		const ticked = seedTask(sandbox.awork, projectId, {
			name: 'VPN drops',
			customFields: [{ customFieldDefinitionId: marker.id, booleanValue: true }],
		});
		const unticked = seedTask(sandbox.awork, projectId, {
			name: 'Just a question',
			customFields: [{ customFieldDefinitionId: marker.id, booleanValue: false }],
		});
		await deliverTaskUpdated(sandbox.awork, ticked);
		await deliverTaskUpdated(sandbox.awork, unticked);

		expect((await runsOf(ticked)).map((run) => endOf(run, ENDS))).toEqual(['Save Ticket Mapping', 'Nothing to Escalate']);
		expect((await runsOf(unticked)).map((run) => endOf(run, ENDS))).toEqual(['Nothing to Escalate']);
		const [ticket] = ticketsLinkedTo(tickets(), ticked);
		expect(ticket).toMatchObject({ subject: 'VPN drops', priority: 'medium' });
		expect(await psaTicketOf(ticked)).toBe(ticket.number);
		expect(ticketsLinkedTo(tickets(), unticked)).toEqual([]);
	});

	it('leaves alone a task without the marker, and one that already carries a ticket number', async () => {
		const plain = seedTask(sandbox.awork, projectId, { name: 'Order toner', tags: ['Customer'] });
		const [field] = await psaTicketField();
		const numbered = seedTask(sandbox.awork, projectId, {
			name: 'Known issue',
			tags: ['Escalate to PSA'],
			customFields: [{ customFieldDefinitionId: field.id, textValue: 'T-0001' }],
		});
		const ticketCreates = () => sandbox.onePsa.fake.log.filter((entry) => entry.method === 'POST' && entry.path === '/api/tickets').length;
		const before = { tickets: tickets().length, creates: ticketCreates() };
		await deliverTaskUpdated(sandbox.awork, plain);
		await deliverTaskUpdated(sandbox.awork, numbered);

		expect((await runsOf(plain)).map((run) => endOf(run, ENDS))).toEqual(['Nothing to Escalate']);
		expect((await runsOf(numbered)).map((run) => endOf(run, ENDS))).toEqual(['Nothing to Escalate']);
		expect({ tickets: tickets().length, creates: ticketCreates() }).toEqual(before);
	});

	it('does not escalate again when someone clears "PSA Ticket" of an escalated task: the mapping remembers', async () => {
		const taskId = seedTask(sandbox.awork, projectId, { name: 'Backup failed', tags: ['Escalate to PSA'] });
		await deliverTaskUpdated(sandbox.awork, taskId);
		await runsOf(taskId);
		const [ticket] = ticketsLinkedTo(tickets(), taskId);
		expect(await psaTicketOf(taskId)).toBe(ticket.number);

		// A person empties the field in awork; awork sends task_updated by itself.
		const [field] = await psaTicketField();
		const cleared = await httpRequest('POST', `${sandbox.awork.baseUrl}/tasks/${taskId}/setcustomfields`, {
			headers: { authorization: `Bearer ${sandbox.awork.fake.apiKey}` },
			body: [{ customFieldDefinitionId: field.id, textValue: null }],
		});
		expect(cleared.status).toBe(204);

		const runs = await runsOf(taskId);
		expect(runs.map((run) => endOf(run, ENDS))).toEqual(['Save Ticket Mapping', 'Nothing to Escalate', 'Already Escalated']);
		expect(ticketsLinkedTo(tickets(), taskId)).toHaveLength(1);
		expect(await psaTicketOf(taskId)).toBeUndefined();
	});

	it('is accepted by `n8n import:workflow` as shipped', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'escalate-import-'));
		const file = path.join(folder, FILE);
		const shipped = JSON.parse(fs.readFileSync(shippedWorkflowPath(FILE), 'utf8')) as Record<string, unknown>;
		fs.writeFileSync(file, JSON.stringify({ ...shipped, id: 'escalateImport01' }));
		try {
			const result = await sandbox.n8n.runCli(['import:workflow', `--input=${file}`]);
			expect(result.exitCode).toBe(0);
			const imported = await sandbox.n8n.getWorkflow('escalateImport01');
			expect(imported.nodes.map((node) => node.name).sort()).toEqual((shipped.nodes as Array<{ name: string }>).map((node) => node.name).sort());
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});
});
