/**
 * workflows/link-task-to-ticket.json in real n8n, published, driven by awork task_updated
 * webhooks from the fake awork (which also sends webhooks for API writes, like real awork),
 * against the fake One PSA:
 * - a ticket number typed into "PSA Ticket" adds one link to the awork task on that ticket and
 *   saves the mapping; replays and later task changes end in "Already Linked" and write nothing;
 * - a ticket that already links the task gets no second link (no write at all);
 * - an unknown number is answered with one comment on the task, however often the task changes;
 *   fixing the number (in another letter case, with spaces) links the right ticket;
 * - changing the number to another ticket moves the mapping;
 * - next to the escalation workflow: the number that workflow writes itself makes this one add
 *   no second link, no comment, no other mapping;
 * - every delivery carries a hostile entityLink: the link on the ticket is the task's url (the
 *   credential's Web Address, here with a trailing slash, and the task ID awork returned), never from the payload.
 */
import type { Ticket } from '../../devkit/fakes/onepsa';
import { httpRequest, nodeOutput, type Execution } from '../../devkit/n8n';
import { aworkState, mappingRows, startWorkflowSandbox, type AworkView, type WorkflowSandbox } from '../../devkit/sandbox';
import { deliverTaskUpdated, endOf, executionsOfTask, seedSupportProject, seedTask, settle, ticketsLinkedTo, triggerUrl } from './taskTicketHelpers';

const FILE = 'link-task-to-ticket.json';
const ENDS = ['No Ticket Number', 'Already Linked', 'Save Ticket Mapping', 'Report Unknown Number'];
const ESCALATE_ENDS = ['Nothing to Escalate', 'Already Escalated', 'Save Ticket Mapping'];
/** The awork address in Settings; deliveries claim another one (HOSTILE_LINK). */
const WEB_URL = 'https://mycompany.awork.com';
const HOSTILE_LINK = 'https://evil.example/phish';
const taskUrl = (taskId: string) => `${WEB_URL}/tasks/${taskId}`;
const notFound = (number: string) => `The One PSA has no ticket with the number "${number}". Please check the PSA Ticket field of this task.`;

describe('workflow "link task to ticket" in real n8n', () => {
	let sandbox: WorkflowSandbox;
	let link: { id: string; url: string };
	let projectId: string;
	let psaTicketFieldId: string;

	const ticket = (id: string): Ticket => sandbox.onePsa.fake.state().tickets.find((candidate) => candidate.id === id)!;
	const psaWrites = () => sandbox.onePsa.fake.log.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path}`);
	const mappingsOf = async (taskId: string) => (await mappingRows(sandbox.n8n)).filter((row) => row.namespace === 'ticket' && row.aworkId === taskId);
	const commentsOf = async (taskId: string): Promise<AworkView[]> =>
		(await aworkState(sandbox.awork, 'comments')).comments.filter((comment) => comment.entityId === taskId);
	const runsOf = async (taskId: string, workflows = [link]): Promise<Execution[]> => executionsOfTask((await settle(sandbox, workflows))[0], taskId);
	const numbered = (name: string, number: string) =>
		seedTask(sandbox.awork, projectId, { name, customFields: [{ customFieldDefinitionId: psaTicketFieldId, textValue: number }] });
	/** What a person does in awork: set "PSA Ticket"; awork then sends task_updated by itself. */
	const typeNumber = async (taskId: string, number: string) => {
		const answer = await httpRequest('POST', `${sandbox.awork.baseUrl}/tasks/${taskId}/setcustomfields`, {
			headers: { authorization: `Bearer ${sandbox.awork.fake.apiKey}` },
			body: [{ customFieldDefinitionId: psaTicketFieldId, textValue: number }],
		});
		expect(answer.status).toBe(204);
	};

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'link-workflow', awork: { config: { autoWebhooks: true } }, onePsa: { demo: true }, aworkWebUrl: `${WEB_URL}/` });
		const prepared = sandbox.prepare(FILE);
		link = { id: await sandbox.n8n.importWorkflow(prepared), url: triggerUrl(sandbox.n8n, prepared) };
		// Every delivery's entityLink now points elsewhere (<HOSTILE_LINK>/tasks/<id>).
		sandbox.awork.fake.store.workspace.url = HOSTILE_LINK;
		await sandbox.n8n.activateWorkflow(link.id);
		({ projectId } = seedSupportProject(sandbox.awork));
		// The field as a person set it up in awork: a task text field linked to the project.
		const [field] = sandbox.awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Ticket', type: 'text', entity: 'task' }] })
			.customFieldDefinitions as Array<{ id: string }>;
		psaTicketFieldId = field.id;
		sandbox.awork.fake.seed({ customFieldLinks: [{ projectId, customFieldDefinitionId: psaTicketFieldId }] });
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	let firstTask: string;

	it('links the ticket whose number a person typed in: one link on the ticket, the mapping saved', async () => {
		firstTask = numbered('Printer on 3rd floor', 'T-0001');
		const [delivery] = await deliverTaskUpdated(sandbox.awork, firstTask);
		expect(delivery.status).toBe(200);

		expect((await runsOf(firstTask)).map((run) => endOf(run, ENDS))).toEqual(['Save Ticket Mapping']);
		expect(ticket('tkt_printer').links).toEqual([{ system: 'awork', type: 'task', id: firstTask, url: taskUrl(firstTask) }]);
		expect(psaWrites()).toEqual(['PATCH /api/tickets/tkt_printer']);
		expect(await mappingsOf(firstTask)).toEqual([
			{ namespace: 'ticket', externalId: 'tkt_printer', aworkId: firstTask, data: { number: 'T-0001', url: taskUrl(firstTask) } },
		]);
		expect(await commentsOf(firstTask)).toEqual([]);
	});

	it('ends in "Already Linked" for replays (3 at once) and later changes of the task, writing nothing', async () => {
		sandbox.onePsa.fake.log.length = 0;
		await Promise.all([1, 2, 3].map(() => deliverTaskUpdated(sandbox.awork, firstTask)));
		// A person renames the task; awork sends task_updated by itself.
		const renamed = await httpRequest('PUT', `${sandbox.awork.baseUrl}/tasks/${firstTask}`, {
			headers: { authorization: `Bearer ${sandbox.awork.fake.apiKey}` },
			body: { name: 'Printer on 3rd floor (Canon)' },
		});
		expect(renamed.status).toBe(200);

		const ends = (await runsOf(firstTask)).map((run) => endOf(run, ENDS));
		expect(ends).toEqual(['Save Ticket Mapping', 'Already Linked', 'Already Linked', 'Already Linked', 'Already Linked']);
		expect(psaWrites()).toEqual([]);
		expect(ticketsLinkedTo(sandbox.onePsa.fake.state().tickets, firstTask).map((t) => t.id)).toEqual(['tkt_printer']);
		expect(ticket('tkt_printer').links).toHaveLength(1);
	});

	it('adds no second link when the ticket already links the task (no mapping yet)', async () => {
		const taskId = numbered('Laptop for new hire', 'T-0300');
		sandbox.onePsa.fake.seed({
			tickets: [{ id: 'tkt_laptop', number: 'T-0300', subject: 'Laptop', links: [{ system: 'awork', type: 'task', id: taskId, url: taskUrl(taskId) }] }],
		});
		sandbox.onePsa.fake.log.length = 0;
		await deliverTaskUpdated(sandbox.awork, taskId);

		expect((await runsOf(taskId)).map((run) => endOf(run, ENDS))).toEqual(['Save Ticket Mapping']);
		expect(ticket('tkt_laptop').links).toEqual([{ system: 'awork', type: 'task', id: taskId, url: taskUrl(taskId) }]);
		expect(psaWrites()).toEqual([]);
		expect((await mappingsOf(taskId)).map((row) => row.externalId)).toEqual(['tkt_laptop']);
	});

	it('answers an unknown number with one comment on the task, then links once the number is fixed', async () => {
		const taskId = numbered('Phone line down', 'T-9999');
		sandbox.onePsa.fake.log.length = 0;
		await deliverTaskUpdated(sandbox.awork, taskId);
		await runsOf(taskId);
		await deliverTaskUpdated(sandbox.awork, taskId);

		expect((await runsOf(taskId)).map((run) => endOf(run, ENDS))).toEqual(['Report Unknown Number', 'Report Unknown Number']);
		expect((await commentsOf(taskId)).map((comment) => comment.message)).toEqual([notFound('T-9999')]);
		expect(psaWrites()).toEqual([]);
		expect(await mappingsOf(taskId)).toEqual([]);

		await typeNumber(taskId, '  t-0002 ');
		expect((await runsOf(taskId)).map((run) => endOf(run, ENDS)).slice(-1)).toEqual(['Save Ticket Mapping']);
		expect(ticketsLinkedTo(sandbox.onePsa.fake.state().tickets, taskId).map((t) => t.id)).toEqual(['tkt_vpn']);
		expect((await mappingsOf(taskId)).map((row) => [row.externalId, row.data?.number])).toEqual([['tkt_vpn', 'T-0002']]);
		expect(await commentsOf(taskId)).toHaveLength(1);
	});

	it('moves the mapping when the number is changed to another ticket', async () => {
		await typeNumber(firstTask, 'T-0300');
		expect((await runsOf(firstTask)).map((run) => endOf(run, ENDS)).slice(-1)).toEqual(['Save Ticket Mapping']);
		expect(ticket('tkt_laptop').links.filter((l) => l.id === firstTask)).toHaveLength(1);
		expect((await mappingsOf(firstTask)).map((row) => [row.externalId, row.data?.number])).toEqual([['tkt_laptop', 'T-0300']]);
	});

	it('next to the escalation workflow: the number that workflow writes adds no second link, comment or mapping', async () => {
		const escalatePrepared = sandbox.prepare('escalate-task-to-ticket.json');
		const escalate = { id: await sandbox.n8n.importWorkflow(escalatePrepared), url: triggerUrl(sandbox.n8n, escalatePrepared) };
		await sandbox.n8n.activateWorkflow(escalate.id);
		const taskId = seedTask(sandbox.awork, projectId, { name: 'Server room too hot', tags: ['Escalate to PSA'] });
		sandbox.onePsa.fake.log.length = 0;

		// awork sends the tag change to both workflows.
		expect((await deliverTaskUpdated(sandbox.awork, taskId)).map((delivery) => delivery.status)).toEqual([200, 200]);
		const [linkRuns, escalateRuns] = await settle(sandbox, [link, escalate]);
		expect(executionsOfTask(escalateRuns, taskId).map((run) => endOf(run, ESCALATE_ENDS))).toEqual(['Save Ticket Mapping', 'Nothing to Escalate']);
		const linkEnds = executionsOfTask(linkRuns, taskId).map((run) => endOf(run, ENDS));
		// First the tag change (no number yet), then the number the escalation wrote: already
		// linked, found by the mapping, or linked again without a write when the mapping came later.
		expect(linkEnds[0]).toBe('No Ticket Number');
		expect(linkEnds).toHaveLength(2);
		expect(['Already Linked', 'Save Ticket Mapping']).toContain(linkEnds[1]);

		const [created, ...others] = ticketsLinkedTo(sandbox.onePsa.fake.state().tickets, taskId);
		expect(others).toEqual([]);
		expect(created.links).toEqual([{ system: 'awork', type: 'task', id: taskId, url: taskUrl(taskId) }]);
		expect(psaWrites()).toEqual(['POST /api/tickets']);
		expect(await commentsOf(taskId)).toEqual([]);
		expect((await mappingsOf(taskId)).map((row) => [row.externalId, row.data?.number])).toEqual(
			expect.arrayContaining([[created.id, created.number]]),
		);
		expect(new Set((await mappingsOf(taskId)).map((row) => row.externalId))).toEqual(new Set([created.id]));
	});

	it('builds the ticket link from Settings and the task awork returned, not from the payload\'s entityLink', async () => {
		sandbox.onePsa.fake.seed({ tickets: [{ id: 'tkt_phish', number: 'T-0900', subject: 'Mail filter' }] });
		const taskId = numbered('Mail filter', 'T-0900');
		await deliverTaskUpdated(sandbox.awork, taskId);
		const [run] = await runsOf(taskId);
		expect(nodeOutput(run, 'Awork Trigger')[0].entityLink).toBe(`${HOSTILE_LINK}/tasks/${taskId}`);
		expect(endOf(run, ENDS)).toBe('Save Ticket Mapping');
		expect(ticket('tkt_phish').links).toEqual([{ system: 'awork', type: 'task', id: taskId, url: taskUrl(taskId) }]);
		expect(JSON.stringify(sandbox.onePsa.fake.state().tickets)).not.toContain('evil.example');
		expect(JSON.stringify(await mappingRows(sandbox.n8n))).not.toContain('evil.example');
	});
});
