/**
 * "Zero side effects", made checkable: everything both fakes hold and every ID mapping row,
 * taken before and after a request, plus the writes (non-GET requests) the fakes received.
 */
import { httpRequest, type N8nInstance } from '../../../devkit/n8n';
import { mappingRows, type WorkflowSandbox } from '../../../devkit/sandbox';

export interface Snapshot {
	awork: string;
	psa: string;
	mappings: string;
	aworkLogLength: number;
	psaLogLength: number;
}

export async function snapshot(sandbox: WorkflowSandbox): Promise<Snapshot> {
	const state = await httpRequest<{ collections: Record<string, unknown>; unauthorizedIds: unknown; customFieldLinks: unknown }>('GET', `${sandbox.awork.controlUrl}/state`);
	const rows = (await mappingRows(sandbox.n8n)).map((row) => JSON.stringify(row)).sort();
	const awork: Record<string, string> = { unauthorizedIds: JSON.stringify(state.body.unauthorizedIds), customFieldLinks: JSON.stringify(state.body.customFieldLinks) };
	for (const [name, records] of Object.entries(state.body.collections)) awork[name] = JSON.stringify(records);
	return {
		awork: JSON.stringify(awork),
		psa: JSON.stringify(sandbox.onePsa.fake.state()),
		mappings: JSON.stringify(rows),
		aworkLogLength: sandbox.awork.fake.server.log.length,
		psaLogLength: sandbox.onePsa.fake.log.length,
	};
}

/** What changed since `before`: names of the stores that differ and the writes received. */
export async function changesSince(sandbox: WorkflowSandbox, before: Snapshot, options: { ignoreAwork?: string[] } = {}): Promise<string[]> {
	const after = await snapshot(sandbox);
	const changes: string[] = [];
	if (after.awork !== before.awork) {
		const [was, is] = [JSON.parse(before.awork) as Record<string, string>, JSON.parse(after.awork) as Record<string, string>];
		for (const name of Object.keys({ ...was, ...is })) {
			if (was[name] !== is[name] && !options.ignoreAwork?.includes(name)) changes.push(`awork ${name} changed`);
		}
	}
	if (after.psa !== before.psa) changes.push('PSA data changed');
	if (after.mappings !== before.mappings) changes.push('ID mappings changed');
	// A write the API refused (4xx) changed nothing there; one that was answered 2xx, or lost its answer, may have.
	const writes = (log: Array<{ method: string; path: string; status: number }>, from: number) =>
		log
			.slice(from)
			.filter((entry) => entry.method !== 'GET' && (entry.status < 400 || entry.status >= 500))
			.map((entry) => `${entry.method} ${entry.path} (${entry.status})`);
	for (const write of writes(sandbox.awork.fake.server.log, before.aworkLogLength)) changes.push(`awork write ${write}`);
	for (const write of writes(sandbox.onePsa.fake.log, before.psaLogLength)) changes.push(`PSA write ${write}`);
	return changes;
}

/** Waits until n8n runs no execution (webhook workflows that answer first and work after). */
export async function settle(n8n: N8nInstance, timeoutMs = 60_000): Promise<void> {
	const started = Date.now();
	await new Promise((resolve) => setTimeout(resolve, 300));
	for (;;) {
		const running = await n8n.publicApiRequest<{ data: unknown[] }>('GET', '/executions?status=running&limit=5');
		if (running.data.length === 0) return;
		if (Date.now() - started > timeoutMs) throw new Error(`executions still running after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
