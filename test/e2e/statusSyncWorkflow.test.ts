/**
 * workflows/task-ticket-status-sync.json in real n8n, published, against the fake awork (which
 * sends task_status_changed by itself for the workflow's own status changes, like real awork)
 * and the fake One PSA (whose ticket.updated webhooks the test sends, signed, as the PSA would):
 * - a linked ticket resolved in the PSA moves its task to the done status named in Settings
 *   (or the project's first done status); a linked task moved to done sets the ticket to the
 *   status in Settings;
 * - loops: after each sync the echo the other system sends (and replays) ends in "Already
 *   Synced" with no further write in either fake; an echo arriving after a person reopened the
 *   other side does not undo the reopening; a later completion syncs again;
 * - unlinked tickets and tasks, and ticket updates that are not resolutions, write nothing;
 * - `n8n import:workflow` accepts the file as shipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Ticket } from '../../devkit/fakes/onepsa';
import { httpRequest, nodeOutput, waitFor, type Execution } from '../../devkit/n8n';
import {
	aworkWrites,
	mappingRows,
	saveTicketLinks,
	shippedWorkflowPath,
	startWorkflowSandbox,
	webhookPathOf,
	type WorkflowSandbox,
} from '../../devkit/sandbox';
import { seedSupportProject, seedTask } from './taskTicketHelpers';

const FILE = 'task-ticket-status-sync.json';
const PSA_TRIGGER = 'The One PSA Trigger';
const AWORK_TRIGGER = 'Awork Trigger';
const SETTINGS = { psaStatusWhenTaskDone: 'closed', aworkDoneStatusName: 'Resolved in PSA' };

type Side = 'ticket' | 'task';

/** How one execution ended, e.g. "ticket: moved task" or "task: already synced". */
function outcome(execution: Execution): string {
	const runData = execution.data?.resultData.runData ?? {};
	const side: Side = runData[PSA_TRIGGER] ? 'ticket' : 'task';
	const error = execution.data?.resultData.error;
	if (error) return `${side}: error ${error.message}`;
	const ran = (name: string) => Boolean(runData[name]);
	if (ran('Not Linked')) return `${side}: not linked`;
	if (ran('Forget Ticket Mark') || ran('Forget Task Mark')) return `${side}: forgot mark`;
	if (ran('Already Synced')) return `${side}: already synced`;
	if (!ran('Save Task Mark')) return `${side}: ? (${Object.keys(runData).join(', ')})`;
	if (ran('Move Task to Done')) return `${side}: moved task`;
	if (ran('Set Ticket Status')) return `${side}: set ticket status`;
	return `${side}: in step, marked`;
}

/** The entity an execution was about: the ticket ID or the task ID of its trigger item. */
function subjectOf(execution: Execution): string {
	const psa = nodeOutput(execution, PSA_TRIGGER)[0] as { data?: { id?: string } } | undefined;
	if (psa) return String(psa.data?.id);
	return String(nodeOutput(execution, AWORK_TRIGGER)[0]?.entityId);
}

describe('workflow "task ↔ ticket status sync" in real n8n', () => {
	let sandbox: WorkflowSandbox;
	let workflowId: string;
	let aworkUrl: string;
	let psaPath: string;
	let psaWebhooksSent = 0;
	let seen = new Set<string>();
	const timings: Record<string, number> = {};
	/** Run time in n8n (startedAt -> stoppedAt) per outcome, for the report. */
	const runTimes: Record<string, number[]> = {};

	let supportProjectId: string;
	let opsProjectId: string;
	const pairs: Record<string, { ticketId: string; taskId: string }> = {};
	let unlinkedTicketId: string;
	let unlinkedTaskId: string;

	const store = () => sandbox.awork.fake.store;
	const ticket = (id: string): Ticket => sandbox.onePsa.fake.state().tickets.find((candidate) => candidate.id === id)!;
	const taskStatusName = (taskId: string): string => store().taskStatuses.get(store().tasks.get(taskId)!.taskStatusId)!.name;
	const psaWrites = (): string[] =>
		sandbox.onePsa.fake.log.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path} ${JSON.stringify(entry.body)}`);
	const writes = () => ({ awork: aworkWrites(sandbox.awork), psa: psaWrites() });
	const acceptedAworkDeliveries = () =>
		store().webhookDeliveries.filter((delivery) => delivery.url === aworkUrl && delivery.status === 200).length;

	/** The PSA tells n8n the ticket changed (its state as the fake holds it now). */
	async function sendTicketUpdated(ticketId: string): Promise<void> {
		const answer = await sandbox.sendPsaWebhook(psaPath, 'ticket.updated', { ...ticket(ticketId) });
		expect(answer.status).toBe(200);
		// Identical bytes (sent in the same millisecond) are a repeat: the trigger answers "duplicate" and starts no run.
		if ((answer.json as { duplicate?: boolean } | undefined)?.duplicate !== true) psaWebhooksSent++;
	}

	/** A person changes the ticket's status in the PSA; the PSA sends ticket.updated. */
	async function personSetsTicketStatus(ticketId: string, status: string): Promise<void> {
		Object.assign(ticket(ticketId), { status, updatedAt: new Date().toISOString() });
		await sendTicketUpdated(ticketId);
	}

	/** awork sends task_status_changed for the task as it is now (a replay, or a late echo). */
	async function deliverTaskStatusChanged(taskId: string): Promise<void> {
		const answer = await httpRequest<{ deliveries: Array<{ url: string; status: number }> }>('POST', `${sandbox.awork.controlUrl}/webhooks/deliver`, {
			body: { eventType: 'task_status_changed', entityId: taskId },
		});
		expect(answer.body.deliveries.map((delivery) => [delivery.url, delivery.status])).toEqual([[aworkUrl, 200]]);
	}

	/** A person moves the task to a status of its project in awork; awork sends task_status_changed. */
	async function personMovesTask(taskId: string, statusName: string): Promise<void> {
		const task = store().tasks.get(taskId)!;
		const status = [...store().taskStatuses.values()].find((candidate) => candidate.projectId === task.projectId && candidate.name === statusName)!;
		Object.assign(task, { taskStatusId: status.id, closedOn: status.type === 'done' ? new Date().toISOString() : null });
		store().changed();
		await deliverTaskStatusChanged(taskId);
	}

	/**
	 * Waits until every accepted webhook (PSA ones sent here, awork ones including those awork sent
	 * for the workflow's own writes) is a finished execution, twice in a row; returns the
	 * executions not seen before, oldest first, as "side: outcome" per subject.
	 */
	async function settle(label?: string): Promise<Execution[]> {
		const started = Date.now();
		let previous = '';
		let last = '';
		const all = await waitFor(
			async () => {
				const executions = await sandbox.n8n.listExecutions(workflowId);
				const finished = executions.filter((execution) => execution.finished || ['success', 'error', 'crashed'].includes(execution.status));
				const expected = psaWebhooksSent + acceptedAworkDeliveries();
				const key = `${finished.length}/${executions.length}/${expected}`;
				last = key;
				const balanced = finished.length === executions.length && executions.length === expected;
				const stable = balanced && key === previous;
				previous = balanced ? key : '';
				return stable ? executions : undefined;
			},
			{ timeoutMs: 90_000, intervalMs: 400, describe: () => `executions = webhooks accepted (finished/listed/expected: ${last})` },
		);
		if (label) timings[label] = Date.now() - started;
		const fresh = all.filter((execution) => !seen.has(execution.id)).sort((a, b) => Number(a.id) - Number(b.id));
		seen = new Set(all.map((execution) => execution.id));
		for (const execution of fresh) {
			const kind = outcome(execution);
			if (execution.stoppedAt) (runTimes[kind] ??= []).push(Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt));
		}
		return fresh;
	}

	const outcomes = (executions: Execution[]) => executions.map(outcome);
	const outcomesFor = (executions: Execution[], subject: string) => executions.filter((execution) => subjectOf(execution) === subject).map(outcome);

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'status-sync-workflow', awork: { config: { autoWebhooks: true } } });
		const prepared = sandbox.prepare(FILE, { settings: SETTINGS });
		workflowId = await sandbox.n8n.importWorkflow(prepared);
		aworkUrl = sandbox.n8n.webhookUrl(webhookPathOf(prepared, AWORK_TRIGGER, 'webhook'));
		psaPath = webhookPathOf(prepared, PSA_TRIGGER, 'onepsa');
		await sandbox.n8n.activateWorkflow(workflowId);

		({ projectId: supportProjectId } = seedSupportProject(sandbox.awork, 'Support desk'));
		// The status Settings name, in one project only; the other project falls back to its first done status.
		sandbox.awork.fake.seed({ taskStatuses: [{ name: 'Resolved in PSA', type: 'done', projectId: supportProjectId, order: 9 }] });
		({ projectId: opsProjectId } = seedSupportProject(sandbox.awork, 'Operations'));

		const names = ['ticketFirst', 'fallback', 'taskFirst', 'reopenTicket', 'reopenTask', 'alreadyResolved', 'concurrent'];
		const seeded = sandbox.onePsa.fake.seed({
			tickets: names.map((name) => ({ subject: name, status: name === 'alreadyResolved' ? 'resolved' : 'open' })),
		}).tickets.slice(-names.length);
		for (const [index, name] of names.entries()) {
			pairs[name] = {
				ticketId: seeded[index].id,
				taskId: seedTask(sandbox.awork, name === 'fallback' ? opsProjectId : supportProjectId, { name }),
			};
		}
		[unlinkedTicketId] = sandbox.onePsa.fake
			.seed({ tickets: [{ subject: 'not linked', status: 'open' }] })
			.tickets.slice(-1)
			.map((candidate) => candidate.id);
		unlinkedTaskId = seedTask(sandbox.awork, supportProjectId, { name: 'not linked' });
		await saveTicketLinks(sandbox, Object.values(pairs));
		sandbox.awork.fake.server.log.length = 0;
		sandbox.onePsa.fake.log.length = 0;
	});

	afterAll(async () => {
		if (Object.keys(timings).length) {
			const perOutcome = Object.entries(runTimes).map(([kind, times]) => `${kind}: n=${times.length} max=${Math.max(...times)} ms`);
			process.stdout.write(`status sync, webhook sent -> all executions settled (ms): ${JSON.stringify(timings)}\nrun time in n8n per outcome: ${perOutcome.join('; ')}\n`);
		}
		await sandbox?.close();
	});

	it('registers one awork webhook for task_status_changed', () => {
		const hooks = [...store().webhooks.values()].filter((hook) => hook.uri === aworkUrl);
		expect(hooks.map((hook) => [hook.events, hook.isActive, hook.authenticationType])).toEqual([['task_status_changed', true, 'header']]);
	});

	it('moves the linked task to the done status named in Settings when the ticket is resolved; echoes and replays change nothing', async () => {
		const { ticketId, taskId } = pairs.ticketFirst;
		const before = writes();
		await personSetsTicketStatus(ticketId, 'resolved');
		const runs = await settle('ticket resolved -> task done');

		expect(taskStatusName(taskId)).toBe('Resolved in PSA');
		expect(outcomesFor(runs, ticketId)).toEqual(['ticket: moved task']);
		// awork's own task_status_changed for our change: stopped by the mark, or (when it overtook
		// the mark) by finding the ticket resolved. Either way no write.
		expect(outcomesFor(runs, taskId)).toHaveLength(1);
		expect(['task: already synced', 'task: in step, marked']).toContain(outcomesFor(runs, taskId)[0]);
		const after = writes();
		expect(after.awork.slice(before.awork.length)).toEqual(['POST /api/v1/tasks/changestatuses']);
		expect(after.psa).toEqual(before.psa);

		// The echo once more, and the PSA replaying its webhook: nothing moves, nothing is written.
		await deliverTaskStatusChanged(taskId);
		await sendTicketUpdated(ticketId);
		expect(outcomes(await settle('echo + replay'))).toEqual(['task: already synced', 'ticket: already synced']);
		expect(writes()).toEqual(after);
		expect(ticket(ticketId).status).toBe('resolved');
		expect(taskStatusName(taskId)).toBe('Resolved in PSA');

		const marks = (await mappingRows(sandbox.n8n)).filter((row) => row.namespace.startsWith('statusSync.') && row.aworkId === taskId);
		expect([...new Set(marks.map((row) => `${row.namespace} ${row.externalId}`))].sort()).toEqual([
			`statusSync.taskDone ${ticketId}`,
			`statusSync.ticketResolved ${ticketId}`,
		]);
	});

	it("uses the project's first done status when it has no status of the name in Settings", async () => {
		const { ticketId, taskId } = pairs.fallback;
		await personSetsTicketStatus(ticketId, 'closed');
		expect(outcomesFor(await settle(), ticketId)).toEqual(['ticket: moved task']);
		expect(taskStatusName(taskId)).toBe('Done');
	});

	it('sets the linked ticket to the status in Settings when the task is done; the PSA echo and awork replays change nothing', async () => {
		const { ticketId, taskId } = pairs.taskFirst;
		const before = writes();
		await personMovesTask(taskId, 'Done');
		expect(outcomes(await settle('task done -> ticket status'))).toEqual(['task: set ticket status']);

		expect(ticket(ticketId).status).toBe('closed');
		const after = writes();
		expect(after.psa.slice(before.psa.length)).toEqual([`PATCH /api/tickets/${ticketId} {"status":"closed"}`]);
		expect(after.awork).toEqual(before.awork);

		// The PSA's ticket.updated for our PATCH, then awork replaying its event.
		await sendTicketUpdated(ticketId);
		await deliverTaskStatusChanged(taskId);
		expect(outcomes(await settle('echo + replay'))).toEqual(['ticket: already synced', 'task: already synced']);
		expect(writes()).toEqual(after);
		expect(taskStatusName(taskId)).toBe('Done');
	});

	it('a late awork echo does not undo a reopened ticket; completing the task again syncs again', async () => {
		const { ticketId, taskId } = pairs.reopenTicket;
		await personSetsTicketStatus(ticketId, 'resolved');
		expect(outcomesFor(await settle(), ticketId)).toEqual(['ticket: moved task']);
		const synced = writes();

		// The customer reopens the ticket; then awork's event for our task change arrives (late).
		await personSetsTicketStatus(ticketId, 'open');
		expect(outcomes(await settle())).toEqual(['ticket: forgot mark']);
		await deliverTaskStatusChanged(taskId);
		expect(outcomes(await settle())).toEqual(['task: already synced']);
		expect(ticket(ticketId).status).toBe('open');
		expect(writes()).toEqual(synced);

		// Someone reopens the task and completes it again: that is a new completion.
		await personMovesTask(taskId, 'To do');
		expect(outcomes(await settle())).toEqual(['task: forgot mark']);
		await personMovesTask(taskId, 'Done');
		expect(outcomes(await settle())).toEqual(['task: set ticket status']);
		expect(ticket(ticketId).status).toBe('closed');
		expect(writes().psa.slice(synced.psa.length)).toEqual([`PATCH /api/tickets/${ticketId} {"status":"closed"}`]);
	});

	it('a late PSA echo does not undo a reopened task', async () => {
		const { ticketId, taskId } = pairs.reopenTask;
		await personMovesTask(taskId, 'Done');
		expect(outcomes(await settle())).toEqual(['task: set ticket status']);
		const synced = writes();

		await personMovesTask(taskId, 'In progress');
		expect(outcomes(await settle())).toEqual(['task: forgot mark']);
		// The PSA's ticket.updated for our PATCH comes only now.
		await sendTicketUpdated(ticketId);
		expect(outcomes(await settle())).toEqual(['ticket: already synced']);
		expect(taskStatusName(taskId)).toBe('In progress');
		expect(writes()).toEqual(synced);
	});

	it('leaves a ticket that is already resolved as it is (no downgrade to the Settings status)', async () => {
		const { ticketId, taskId } = pairs.alreadyResolved;
		const before = writes();
		await personMovesTask(taskId, 'Done');
		expect(outcomes(await settle())).toEqual(['task: in step, marked']);
		expect(ticket(ticketId).status).toBe('resolved');
		expect(writes()).toEqual(before);
	});

	it('the same resolution 3 times at once: no error, the ticket untouched, the task done, then echoes are no-ops', async () => {
		const { ticketId, taskId } = pairs.concurrent;
		const before = writes();
		Object.assign(ticket(ticketId), { status: 'resolved' });
		await Promise.all([1, 2, 3].map(async () => await sendTicketUpdated(ticketId)));
		const runs = await settle();
		expect(runs.map(outcome).filter((end) => end.includes('error') || end.includes('?'))).toEqual([]);
		expect(taskStatusName(taskId)).toBe('Resolved in PSA');
		const after = writes();
		expect(after.psa).toEqual(before.psa);
		// Runs that read the task before any of them moved it each move it (same status, harmless);
		// awork's echoes of those moves write nothing.
		const moves = after.awork.slice(before.awork.length);
		expect(moves.length).toBeGreaterThanOrEqual(1);
		expect(new Set(moves)).toEqual(new Set(['POST /api/v1/tasks/changestatuses']));
		expect(outcomesFor(runs, taskId).every((end) => end === 'task: already synced' || end === 'task: in step, marked')).toBe(true);

		await deliverTaskStatusChanged(taskId);
		await sendTicketUpdated(ticketId);
		expect(outcomes(await settle())).toEqual(['task: already synced', 'ticket: already synced']);
		expect(writes()).toEqual(after);
		process.stdout.write(`status sync: 3 concurrent deliveries of one resolution -> ${moves.length} task status change(s): ${outcomes(runs).join(', ')}\n`);
	});

	it('writes nothing for unlinked tickets and tasks, nor for ticket updates that are not resolutions', async () => {
		const before = writes();
		await personSetsTicketStatus(unlinkedTicketId, 'resolved');
		await personMovesTask(unlinkedTaskId, 'Done');
		await personSetsTicketStatus(pairs.reopenTask.ticketId, 'in_progress');
		const runs = await settle();
		expect(outcomesFor(runs, unlinkedTicketId)).toEqual(['ticket: not linked']);
		expect(outcomesFor(runs, unlinkedTaskId)).toEqual(['task: not linked']);
		expect(outcomesFor(runs, pairs.reopenTask.ticketId)).toEqual(['ticket: forgot mark']);
		expect(writes()).toEqual(before);
		expect(taskStatusName(unlinkedTaskId)).toBe('Done');
		expect(taskStatusName(pairs.reopenTask.taskId)).toBe('In progress');
	});

	it('is accepted by `n8n import:workflow` as shipped', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'status-sync-import-'));
		const file = path.join(folder, FILE);
		const shipped = JSON.parse(fs.readFileSync(shippedWorkflowPath(FILE), 'utf8')) as Record<string, unknown>;
		fs.writeFileSync(file, JSON.stringify({ ...shipped, id: 'statusSyncImport1' }));
		try {
			const result = await sandbox.n8n.runCli(['import:workflow', `--input=${file}`]);
			expect(result.exitCode).toBe(0);
			const imported = await sandbox.n8n.getWorkflow('statusSyncImport1');
			expect(imported.nodes.map((node) => node.name).sort()).toEqual((shipped.nodes as Array<{ name: string }>).map((node) => node.name).sort());
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});
});
