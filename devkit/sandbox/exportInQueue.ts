/**
 * The shipped invoicing export started the way queue mode runs it: the main takes a trigger and
 * a worker runs the execution. Its manual trigger ("Run Export Now") becomes a webhook of the
 * same name, so a POST to the main starts a run that a worker picks up, and every expression
 * that asks whether the run was started by hand still sees that node run. Shared by
 * test/queue/exportWorkflow.test.ts and bench/queueExport.ts.
 */
import { randomUUID } from 'node:crypto';

import { httpRequest, waitFor, type Execution, type N8nInstance, type WorkflowJson } from '../n8n';
import type { RequestLogEntry } from '../fakes/shared/fakeServer';
import { EXPORT_FILE, EXPORT_ZONE } from './exportScenario';
import type { WorkflowSandbox } from './workflowSandbox';

export interface QueuedExport {
	id: string;
	/** POST starts a run; the answer comes at once (the run goes on on a worker). */
	url: string;
}

export interface QueuedExportOptions {
	/** Values for the Settings node (the time zone is the scenario's unless given). */
	settings?: Record<string, unknown>;
	webhookPath: string;
	/** Keep the hourly schedule but fire it every this many seconds; otherwise it is switched off. */
	scheduleEverySeconds?: number;
}

/** Imports the shipped export, started by webhook, and activates it on the main. */
export async function importQueuedExport(sandbox: WorkflowSandbox, options: QueuedExportOptions): Promise<QueuedExport> {
	const id = await sandbox.importShipped(EXPORT_FILE, {
		settings: { timezone: EXPORT_ZONE, ...options.settings },
		name: `Invoicing export (${options.webhookPath})`,
		edit: (workflow: WorkflowJson) => {
			const trigger = workflow.nodes.find((node) => node.name === 'Run Export Now');
			if (!trigger) throw new Error('the export has no node "Run Export Now"');
			Object.assign(trigger, {
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: options.webhookPath, responseMode: 'onReceived', options: {} },
			});
			for (const node of workflow.nodes) {
				if (node.type !== 'n8n-nodes-base.scheduleTrigger') continue;
				if (options.scheduleEverySeconds === undefined) node.disabled = true;
				else node.parameters = { rule: { interval: [{ field: 'seconds', secondsInterval: options.scheduleEverySeconds }] } };
			}
		},
	});
	await sandbox.n8n.activateWorkflow(id);
	return { id, url: sandbox.n8n.webhookUrl(options.webhookPath) };
}

/** Starts `count` runs at once; each answer only says the run was taken. */
export async function startRuns(workflow: QueuedExport, count: number): Promise<void> {
	const answers = await Promise.all(Array.from({ length: count }, async () => await httpRequest('POST', workflow.url, { body: {}, timeoutMs: 60_000 })));
	const refused = answers.filter((answer) => answer.status !== 200);
	if (refused.length) throw new Error(`starting ${workflow.url}: ${refused.map((answer) => `${answer.status} ${answer.text.slice(0, 200)}`).join('; ')}`);
}

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/**
 * Waits until the workflow has `count` finished executions not in `seen` and none running;
 * adds them to `seen` and returns them.
 */
export async function waitForFinishedRuns(n8n: N8nInstance, workflowId: string, seen: Set<string>, count: number, timeoutMs = 15 * 60_000): Promise<Execution[]> {
	const fresh = await waitFor(
		async () => {
			const executions = (await n8n.listExecutions(workflowId, { includeData: false })).filter((execution) => !seen.has(execution.id));
			const finished = executions.filter((execution) => FINISHED.includes(execution.status));
			return finished.length >= count && finished.length === executions.length ? finished : undefined;
		},
		{ timeoutMs, intervalMs: 500, describe: () => `${count} finished run(s) of the export ${workflowId}, none running` },
	);
	for (const execution of fresh) seen.add(execution.id);
	return fresh.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Whether every pair of runs was under way at the same time. */
export function ranAtTheSameTime(executions: Execution[]): boolean {
	const spans = executions.map((execution) => [Date.parse(execution.startedAt), Date.parse(String(execution.stoppedAt))]);
	return spans.every(([start, stop], i) => spans.every(([otherStart, otherStop], j) => i === j || (start < otherStop && otherStart < stop)));
}

export interface RequestCounts {
	requests: number;
	rateLimited: number;
}

/** Requests a fake saw since `from` (an index into its log) and how many it answered 429. */
export function requestCounts(log: RequestLogEntry[], from = 0): RequestCounts {
	const entries = log.slice(from);
	return { requests: entries.length, rateLimited: entries.filter((entry) => entry.status === 429).length };
}
