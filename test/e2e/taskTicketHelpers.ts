/**
 * Shared by the escalation and link workflow tests: awork task_updated deliveries from the fake
 * to the active workflows, waiting until every delivery has become a finished execution, and
 * reading which branch each execution ended in.
 */
import type { RunningFakeAwork } from '../../devkit/fakes/awork';
import type { Ticket } from '../../devkit/fakes/onepsa';
import { httpRequest, nodeOutput, waitFor, type Execution, type N8nInstance, type WorkflowJson } from '../../devkit/n8n';
import type { WorkflowSandbox } from '../../devkit/sandbox';

export const TRIGGER = 'Awork Trigger';

interface Delivery {
	webhookId: string;
	url: string;
	status: number;
	error?: string;
}

/** Fires awork's task_updated for the task's current state at every subscribed webhook. */
export async function deliverTaskUpdated(awork: RunningFakeAwork, taskId: string): Promise<Delivery[]> {
	const answer = await httpRequest<{ deliveries: Delivery[] }>('POST', `${awork.controlUrl}/webhooks/deliver`, {
		body: { eventType: 'task_updated', entityId: taskId },
	});
	if (answer.status !== 200) throw new Error(`deliver task_updated ${taskId} -> ${answer.status}: ${answer.text}`);
	return answer.body.deliveries;
}

/** The production URL the workflow's Awork Trigger registers at awork. */
export function triggerUrl(n8n: N8nInstance, workflow: WorkflowJson): string {
	const node = workflow.nodes.find((candidate) => candidate.name === TRIGGER);
	if (!node?.webhookId) throw new Error(`"${workflow.name}" has no ${TRIGGER} with a webhookId`);
	return n8n.webhookUrl(`${node.webhookId}/webhook`);
}

function acceptedDeliveries(awork: RunningFakeAwork, url: string): number {
	return awork.fake.store.webhookDeliveries.filter((delivery) => delivery.url === url && delivery.status === 200).length;
}

/**
 * Waits until each workflow has as many finished executions as awork deliveries it accepted,
 * including deliveries the workflows caused themselves (autoWebhooks), and the counts stay the
 * same over two polls. Returns the executions per workflow, newest first.
 */
export async function settle(
	sandbox: WorkflowSandbox,
	workflows: Array<{ id: string; url: string }>,
	timeoutMs = 90_000,
): Promise<Execution[][]> {
	let previous = '';
	let last: string[] = [];
	return await waitFor(
		async () => {
			const all = await Promise.all(workflows.map(async ({ id }) => await sandbox.n8n.listExecutions(id)));
			const counts = workflows.map(({ url }, index) => {
				const finished = all[index].filter((execution) => execution.finished || ['success', 'error', 'crashed'].includes(execution.status));
				return `${finished.length}/${all[index].length}/${acceptedDeliveries(sandbox.awork, url)}`;
			});
			last = counts;
			const balanced = counts.every((count) => {
				const [finished, listed, delivered] = count.split('/').map(Number);
				return finished === listed && finished === delivered;
			});
			const key = counts.join(',');
			const stable = balanced && key === previous;
			previous = balanced ? key : '';
			return stable ? all : undefined;
		},
		{ timeoutMs, intervalMs: 600, describe: () => `executions = accepted deliveries (finished/listed/delivered: ${last.join(', ')})` },
	);
}

/** Executions whose trigger item is about this task, oldest first. */
export function executionsOfTask(executions: Execution[], taskId: string): Execution[] {
	return executions.filter((execution) => nodeOutput(execution, TRIGGER)[0]?.entityId === taskId).reverse();
}

/** The node among `candidates` an execution ran (its end point), or the error, or '?'. */
export function endOf(execution: Execution, candidates: string[]): string {
	const runData = execution.data?.resultData.runData ?? {};
	const error = execution.data?.resultData.error;
	if (error) return `error: ${error.message}`;
	return candidates.filter((name) => runData[name]).join('+') || '?';
}

export function ticketsLinkedTo(tickets: Ticket[], taskId: string): Ticket[] {
	return tickets.filter((ticket) => ticket.links.some((link) => link.system === 'awork' && link.type === 'task' && link.id === taskId));
}

/** A project with the task custom field "PSA Ticket" linked (as a person would set it up). */
export function seedSupportProject(awork: RunningFakeAwork, name = 'Support desk'): { projectId: string } {
	const [project] = awork.fake.seed({ projects: [{ name }] }).projects as Array<{ id: string }>;
	return { projectId: project.id };
}

export function seedTask(
	awork: RunningFakeAwork,
	projectId: string,
	fields: { name: string; description?: string; isPrio?: boolean; tags?: string[]; customFields?: Array<Record<string, unknown>> },
): string {
	const [task] = awork.fake.seed({
		tasks: [
			{
				name: fields.name,
				description: fields.description ?? null,
				isPrio: fields.isPrio ?? false,
				baseType: 'projecttask',
				projectId,
				entityId: projectId,
				tags: (fields.tags ?? []).map((tag, index) => ({ id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`, name: tag, color: 'red' })),
				customFields: fields.customFields ?? [],
			},
		],
	}).tasks as Array<{ id: string }>;
	return task.id;
}
