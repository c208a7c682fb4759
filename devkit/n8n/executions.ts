/**
 * Executions of a test n8n: the run data shapes, reading stored executions through the public
 * API and waiting for them, and picking a node's output or error out of a run.
 */
import { waitFor } from './http';
import type { N8nRestClient } from './restClient';

export interface ExecutionRun {
	status?: string;
	mode?: string;
	data?: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message: string; description?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
	};
	[key: string]: unknown;
}

export interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message: string; description?: string; [key: string]: unknown };
	[key: string]: unknown;
}

/** An execution as the public API returns it (`includeData` adds `data`). */
export interface Execution extends ExecutionRun {
	id: string;
	finished: boolean;
	mode: string;
	status: string;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
}

export interface ListExecutionsOptions {
	includeData?: boolean;
	status?: 'success' | 'error' | 'waiting' | 'canceled';
}

/** Finished executions of a workflow, newest first; with `includeData` each carries its run data. */
export async function listExecutions(api: N8nRestClient, workflowId: string, options: ListExecutionsOptions = {}): Promise<Execution[]> {
	const query = new URLSearchParams({ workflowId, includeData: String(options.includeData ?? true), limit: '250' });
	if (options.status) query.set('status', options.status);
	const page = await api.publicApiRequest<{ data: Execution[] }>('GET', `/executions?${query.toString()}`);
	return page.data;
}

export async function getExecution(api: N8nRestClient, executionId: string): Promise<Execution> {
	return await api.publicApiRequest<Execution>('GET', `/executions/${executionId}?includeData=true`);
}

/** Polls until the workflow has at least `count` finished executions; returns them newest first. */
export async function waitForExecutions(api: N8nRestClient, workflowId: string, count = 1, timeoutMs = 60_000): Promise<Execution[]> {
	return await waitFor(
		async () => {
			const executions = await listExecutions(api, workflowId);
			return executions.length >= count ? executions : undefined;
		},
		{ timeoutMs, intervalMs: 500, describe: () => `${count} execution(s) of workflow ${workflowId}` },
	);
}

/** The items a node emitted on one output in a run (`[]` when it did not run or emitted nothing). */
export function nodeOutput(run: ExecutionRun | undefined, nodeName: string, outputIndex = 0, runIndex = 0): Array<Record<string, unknown>> {
	const nodeRun = run?.data?.resultData.runData[nodeName]?.[runIndex];
	return (nodeRun?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The error a node (or, without a name, the run) ended with, if any. */
export function runError(run: ExecutionRun | undefined, nodeName?: string): { message: string; description?: string } | undefined {
	if (nodeName) return run?.data?.resultData.runData[nodeName]?.[0]?.error;
	return run?.data?.resultData.error;
}
