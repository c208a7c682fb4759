/**
 * The invoicing export side by side: the shipped workflow (workflows/invoicing-export.json, this
 * package's nodes) and a baseline built from stock n8n nodes the way awork's PSA guide describes
 * it (bench/baseline/stock-export.json), in the same real n8n against the same fakes.
 *
 * For each N: the same seed (P projects, each with a PSA contract, N/P billable unbilled entries
 * on closed days), one `n8n execute` per workflow, and per run: requests per API and endpoint
 * (from the fakes' request logs), wall time, n8n's own execution time, peak RSS of the n8n
 * process that ran the workflow (and of its task runner), and the outcome (PSA entries, billed).
 *
 * Usage: node build/bench/exportSideBySide.js [sizes=1000,10000,50000] [--paced] [--cap]
 */
import fs from 'node:fs';
import path from 'node:path';

import { DEFAULT_TENANT } from '../test/fakes/onepsa';
import { REPO_ROOT, withPlaceholders, type WorkflowJson } from '../test/e2e/harness';
import { aworkState, startWorkflowSandbox, type WorkflowSandbox } from '../test/e2e/support';
import { runCliTracked, type TrackedRunResult } from '../test/faults/support/cliRun';

export const BASELINE_FILE = path.join(REPO_ROOT, 'bench', 'baseline', 'stock-export.json');
const SHIPPED_FILE = 'invoicing-export.json';
const PROJECTS = 10;
const ZONE = 'Europe/Berlin';
/** The fake awork's largest setIsBilled batch (awork documents none). */
export const AWORK_BILLED_BATCH = 500;

export interface RequestCounts {
	awork: {
		timeEntryReads: number;
		projectReads: number;
		otherReads: number;
		billedMarks: number;
		refused: number;
		rateLimited: number;
		total: number;
	};
	psa: { batches: number; singles: number; other: number; rateLimited: number; total: number };
}

export interface ExportRunFigures {
	workflow: 'baseline' | 'shipped';
	entries: number;
	ok: boolean;
	error?: string;
	requests: RequestCounts;
	wallMs: number;
	executionMs: number;
	n8nPeakRssMb: number;
	groupPeakRssMb: number;
	psaEntries: number;
	billed: number;
	/** Per contract ⌈n/100⌉ summed: the fewest batch requests the PSA's per-contract endpoint allows. */
	psaBatchFloor: number;
	/** PSA requests per minute over the PSA phase, as a share of the limit (paced runs). */
	psaBudgetUse?: number;
}

export interface SideBySideOptions {
	/** PSA limit per minute; undefined switches limits off in both fakes. */
	psaLimitPerMinute?: number;
	/** maxEntriesPerRun for the shipped export (0 = no cap). */
	maxEntriesPerRun?: number;
	/** Only run the shipped export (paced and memory runs). */
	shippedOnly?: boolean;
	/** Run the shipped export until no billable entry is left, counting runs (memory runs with a cap). */
	untilDone?: boolean;
	log?: (line: string) => void;
}

function countRequests(sandbox: WorkflowSandbox): RequestCounts {
	const awork = { timeEntryReads: 0, projectReads: 0, otherReads: 0, billedMarks: 0, refused: 0, rateLimited: 0, total: 0 };
	for (const entry of sandbox.awork.fake.server.log) {
		awork.total++;
		if (entry.status === 429) awork.rateLimited++;
		const p = entry.path.toLowerCase();
		if (entry.method === 'GET' && /\/timeentries$/.test(p)) awork.timeEntryReads++;
		else if (entry.method === 'GET' && /\/api\/v1\/projects$/.test(p)) awork.projectReads++;
		else if (entry.method === 'GET') awork.otherReads++;
		else if (/\/timeentries\/batch\/setisbilled$/.test(p)) {
			if (entry.status >= 400) awork.refused++;
			else awork.billedMarks++;
		}
	}
	const psa = { batches: 0, singles: 0, other: 0, rateLimited: 0, total: 0 };
	for (const entry of sandbox.onePsa.fake.log) {
		psa.total++;
		if (entry.status === 429) psa.rateLimited++;
		if (entry.method === 'POST' && /\/time-entries\/batch$/.test(entry.path)) psa.batches++;
		else if (entry.method === 'POST' && /\/time-entries$/.test(entry.path)) psa.singles++;
		else psa.other++;
	}
	return { awork, psa };
}

/** The PSA phase's use of its budget: requests ÷ (limit × (span of the phase in minutes + 1)). */
function budgetUse(sandbox: WorkflowSandbox, limitPerMinute: number): number | undefined {
	const times = sandbox.onePsa.fake.log.map((entry) => entry.at);
	if (times.length < 2) return undefined;
	const spanMinutes = (Math.max(...times) - Math.min(...times)) / 60_000;
	return times.length / (limitPerMinute * (Math.floor(spanMinutes) + 1));
}

interface Seeded {
	projectIds: string[];
	contractOf: Map<string, string>;
	perProject: Map<string, number>;
}

/** Clean fakes holding P projects with contracts and N billable, unbilled entries of closed days. */
async function seed(sandbox: WorkflowSandbox, entries: number): Promise<Seeded> {
	const { awork, onePsa } = sandbox;
	await fetchJson('POST', `${awork.controlUrl}/reset`, {});
	onePsa.fake.reset();
	awork.fake.server.logBodies = false;
	onePsa.fake.server.logBodies = false;
	const [field] = awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Contract', type: 'text', entity: 'project', order: 1 }] })
		.customFieldDefinitions as Array<{ id: string }>;
	const projectIds: string[] = [];
	const contractOf = new Map<string, string>();
	const perProject = new Map<string, number>();
	const contracts: Array<{ id: string; number: string; name: string }> = [];
	for (let p = 0; p < PROJECTS; p++) {
		const contractId = `ctr_bench_${p}`;
		const [project] = awork.fake.seed({
			projects: [{ name: `Client project ${p}`, customFields: [{ customFieldDefinitionId: field.id, textValue: contractId }] }],
		}).projects as Array<{ id: string }>;
		projectIds.push(project.id);
		contractOf.set(project.id, contractId);
		contracts.push({ id: contractId, number: `C-${1000 + p}`, name: `Contract ${p}` });
	}
	onePsa.fake.seed({ contracts });
	const to = new Date(Date.now() - 2 * 86_400_000).toISOString();
	const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
	let left = entries;
	projectIds.forEach((projectId, index) => {
		const count = Math.floor(entries / PROJECTS) + (index < entries % PROJECTS ? 1 : 0);
		left -= count;
		perProject.set(projectId, count);
		if (count > 0) {
			awork.fake.generateTimeEntries({ count, projectIds: [projectId], billableRatio: 1, billedRatio: 0, from, to, timezone: ZONE, seed: 42 + index });
		}
	});
	if (left !== 0) throw new Error('seed arithmetic');
	awork.fake.server.log.length = 0;
	onePsa.fake.log.length = 0;
	return { projectIds, contractOf, perProject };
}

async function fetchJson(method: string, url: string, body?: unknown): Promise<unknown> {
	const { httpRequest } = await import('../test/e2e/harness');
	const answer = await httpRequest(method, url, { body });
	if (answer.status >= 400) throw new Error(`${method} ${url} -> ${answer.status}: ${answer.text}`);
	return answer.body;
}

async function billedCount(sandbox: WorkflowSandbox): Promise<number> {
	const entries = (await aworkState(sandbox.awork, 'timeEntries')).timeEntries;
	return entries.filter((entry) => entry.isBilled).length;
}

export interface BenchN8n {
	sandbox: WorkflowSandbox;
	baselineId: string;
	shippedId: (settings: Record<string, unknown>) => Promise<string>;
}

/** One n8n with the fakes, the package's credentials and the stock nodes' generic ones. */
export async function startBench(label: string): Promise<BenchN8n> {
	const sandbox = await startWorkflowSandbox({
		label,
		awork: { config: { rateLimit: { enabled: false } } },
		onePsa: { rateLimit: { limit: 1_000_000_000, intervalMs: 60_000 } },
	});
	const headerAuth = await sandbox.n8n.createCredential({
		name: 'awork API key (header)',
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value: `Bearer ${sandbox.awork.fake.apiKey}` },
	});
	const customAuth = await sandbox.n8n.createCredential({
		name: 'The One PSA headers',
		type: 'httpCustomAuth',
		data: { json: JSON.stringify({ headers: { 'X-Integration-Key': DEFAULT_TENANT.integrationKey, 'X-Tenant-Id': DEFAULT_TENANT.tenantId } }) },
	});
	const baseline = withPlaceholders(JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) as WorkflowJson, {
		AWORK_URL: sandbox.awork.baseUrl,
		PSA_URL: sandbox.onePsa.baseUrl,
	});
	const baselineId = await sandbox.n8n.importWorkflow(baseline, { credentials: { httpHeaderAuth: headerAuth, httpCustomAuth: customAuth } });
	const shippedIds = new Map<string, string>();
	return {
		sandbox,
		baselineId,
		shippedId: async (settings) => {
			const key = JSON.stringify(settings);
			let id = shippedIds.get(key);
			if (!id) {
				id = await sandbox.importShipped(SHIPPED_FILE, { settings: { timezone: ZONE, ...settings } });
				shippedIds.set(key, id);
			}
			return id;
		},
	};
}

function setPsaLimit(sandbox: WorkflowSandbox, limitPerMinute: number | undefined): void {
	sandbox.onePsa.fake.setRateLimit(limitPerMinute ?? 1_000_000_000, 60_000);
}

function figures(
	workflow: ExportRunFigures['workflow'],
	entries: number,
	run: TrackedRunResult,
	requests: RequestCounts,
	seeded: Seeded,
	psaEntries: number,
	billed: number,
): ExportRunFigures {
	const started = Date.parse(String(run.result?.startedAt ?? ''));
	const stopped = Date.parse(String(run.result?.stoppedAt ?? ''));
	let psaBatchFloor = 0;
	for (const count of seeded.perProject.values()) psaBatchFloor += Math.ceil(count / 100);
	return {
		workflow,
		entries,
		ok: run.ok,
		error: run.ok ? undefined : (run.result?.data?.resultData.error?.message ?? run.stderr.slice(-500)),
		requests,
		wallMs: run.wallMs,
		executionMs: Number.isFinite(stopped - started) ? stopped - started : NaN,
		n8nPeakRssMb: run.memory.n8nPeakRssMb,
		groupPeakRssMb: run.memory.groupPeakRssMb,
		psaEntries,
		billed,
		psaBatchFloor,
	};
}

let lastNodeTimes: Record<string, number> = {};

/** Milliseconds per node (all its runs), from n8n's run data. */
function nodeTimes(run: TrackedRunResult): Record<string, number> {
	const times: Record<string, number> = {};
	for (const [name, runs] of Object.entries(run.result?.data?.resultData.runData ?? {})) {
		times[name] = runs.reduce((sum, nodeRun) => sum + Number((nodeRun as { executionTime?: number }).executionTime ?? 0), 0);
	}
	return times;
}

export async function runOne(
	bench: BenchN8n,
	workflow: ExportRunFigures['workflow'],
	entries: number,
	options: SideBySideOptions = {},
): Promise<ExportRunFigures> {
	const { sandbox } = bench;
	const seeded = await seed(sandbox, entries);
	setPsaLimit(sandbox, options.psaLimitPerMinute);
	const id = workflow === 'baseline' ? bench.baselineId : await bench.shippedId(options.maxEntriesPerRun === undefined ? {} : { maxEntriesPerRun: options.maxEntriesPerRun });
	const run = await runCliTracked(sandbox.n8n, id, { timeoutMs: 60 * 60_000 });
	lastNodeTimes = nodeTimes(run);
	if (!run.ok) console.error(`exit ${run.exitCode} ${run.signal}; stdout ${run.stdout.length} chars; stderr: ${run.stderr.slice(-2000)}`);
	const result = figures(workflow, entries, run, countRequests(sandbox), seeded, sandbox.onePsa.fake.state().timeEntries.length, await billedCount(sandbox));
	if (options.psaLimitPerMinute) result.psaBudgetUse = budgetUse(sandbox, options.psaLimitPerMinute);
	return result;
}

/** CLI entry for developing and for single runs. */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const sizes = (args.find((arg) => /^\d/.test(arg)) ?? '1000').split(',').map(Number);
	const which = args.includes('--shipped') ? ['shipped'] : args.includes('--baseline') ? ['baseline'] : ['baseline', 'shipped'];
	const bench = await startBench('bench-export');
	try {
		for (const entries of sizes) {
			for (const workflow of which as Array<ExportRunFigures['workflow']>) {
				const result = await runOne(bench, workflow, entries);
				console.log(JSON.stringify(result));
				if (process.env.BENCH_NODE_TIMES === '1') console.log(JSON.stringify(lastNodeTimes));
			}
		}
	} finally {
		await bench.sandbox.close();
	}
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
