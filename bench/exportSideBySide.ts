/**
 * The invoicing export side by side: the shipped workflow (workflows/invoicing-export.json, this
 * package's nodes) and a baseline built from stock n8n nodes the way awork's PSA guide describes
 * it (bench/baseline/stock-export.json), in the same real n8n against the same fakes.
 *
 * Both run in the n8n server, as the hourly schedule would run them: for the benchmark their
 * manual trigger is swapped for a webhook of the same name, so the workflows are otherwise as
 * shipped. Per run: requests per API and endpoint (the fakes' request logs), wall time (start to
 * stored execution), n8n's execution time, and the peak resident memory of the n8n server and of
 * its process group (server + task runner, which runs the baseline's Code nodes), sampled every
 * 100 ms. The same seed for both: P projects, each with a PSA contract, N/P billable unbilled
 * entries on closed days.
 *
 * Usage: node build/bench/exportSideBySide.js [sizes=1000,10000] [--baseline|--shipped]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { DEFAULT_TENANT } from '../devkit/fakes/onepsa';
import { httpRequest, MemorySampler, REPO_ROOT, waitFor, withPlaceholders, type WorkflowJson } from '../devkit/n8n';
import { startSamplerThread } from './memorySamplerThread';
import { aworkState, EXPORT_FILE, EXPORT_ZONE, fakeControl, seedExportScenario, startWorkflowSandbox, type ExportScenario, type WorkflowSandbox } from '../devkit/sandbox';

export const BASELINE_FILE = path.join(REPO_ROOT, 'bench', 'baseline', 'stock-export.json');
export const PROJECTS = 10;
/** Entries of the discarded warm-up run before each measured one. */
export const WARM_UP_ENTRIES = 20;
/** Repetitions of each side-by-side run; the median is reported. */
const REPEATS = 3;
/** The fake awork's largest setIsBilled batch (awork documents none). */
export const AWORK_BILLED_BATCH = 500;
const UNLIMITED = 1_000_000_000;

export type BenchWorkflow = 'baseline' | 'shipped';

export interface RequestCounts {
	awork: { timeEntryReads: number; projectReads: number; otherReads: number; billedMarks: number; refused: number; rateLimited: number; total: number };
	psa: { batches: number; singles: number; other: number; rateLimited: number; total: number };
}

export interface ExportRunFigures {
	workflow: BenchWorkflow;
	/** Shipped nodes switched off for this run. */
	disabledNodes?: string[];
	/** Shipped nodes that ship switched off, switched on for this run. */
	enabledNodes?: string[];
	entries: number;
	status: string;
	error?: string;
	requests: RequestCounts;
	/** Entries each run may take (shipped export's maxEntriesPerRun). */
	maxEntriesPerRun?: number;
	runs: number;
	wallMs: number;
	executionMs: number;
	/** Peak resident memory of the n8n server process during the run(s), MB. */
	n8nPeakRssMb: number;
	/** Peak of the server's process group (server + task runner), MB. */
	groupPeakRssMb: number;
	/** Resident memory of the server before the run, MB. */
	n8nRssBeforeMb: number;
	psaEntries: number;
	billed: number;
	/** ⌈n/100⌉ per contract, summed: the fewest batch posts the PSA's per-contract endpoint allows. */
	psaBatchFloor: number;
	/** Wall times of all repetitions when the figures are the median of several (ms). */
	wallSamplesMs?: number[];
	/** PSA requests over its budget in the run's minutes (paced runs). */
	psaBudgetUse?: number;
	/** Time the fakes spent answering the run's requests (ms), while n8n waited for them. */
	fakeBusyMs: { awork: number; psa: number };
	/** Each node's execution time in the last run (ms), when asked for with `nodeTimes`. */
	nodeMs?: Record<string, number>;
	/** What each node handed on in the last run (items, JSON characters), when asked for with `nodeTimes`. */
	nodeOutputs?: Record<string, NodeOutput>;
}

/** The items a node handed on, as its stored execution holds them. */
export interface NodeOutput {
	items: number;
	/** Characters of the items' JSON: what n8n holds and stores for the node. */
	chars: number;
}

export interface RunOptions {
	/** PSA limit per minute; undefined switches limits off in both fakes. */
	psaLimitPerMinute?: number;
	/** maxEntriesPerRun of the shipped export (default: the shipped value). */
	maxEntriesPerRun?: number;
	/** Run the shipped export again until every entry is billed, as its hourly catch-up would. */
	untilDone?: boolean;
	/** The baseline's psaRequestIntervalMs (its pacing for the PSA's 100/min). */
	baselineIntervalMs?: number;
	/** Nodes of the shipped export to switch off (n8n passes items through), e.g. to see what one costs. */
	disabledNodes?: string[];
	/** Nodes the shipped export has switched off, to switch on. */
	enabledNodes?: string[];
	/** Read each node's execution time from the stored execution (after the wall time is taken). */
	nodeTimes?: boolean;
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

/**
 * The share of the PSA's budget the run used: requests ÷ (limit × the minutes from the first to the
 * last request, at least one). 100 requests in 61 s at 100/min: 97 %. A run that needed less than a
 * minute's budget is measured against one minute.
 */
function budgetUse(sandbox: WorkflowSandbox, limitPerMinute: number): number | undefined {
	const times = sandbox.onePsa.fake.log.filter((entry) => entry.status !== 429).map((entry) => entry.at);
	if (times.length < 2) return undefined;
	const spanMinutes = (Math.max(...times) - Math.min(...times)) / 60_000;
	return times.length / (limitPerMinute * Math.max(1, spanMinutes));
}

/** ⌈n/100⌉ per contract, summed over the seeded targets. */
function batchFloor(scenario: ExportScenario): number {
	const perContract = new Map<string, number>();
	for (const target of scenario.targets.values()) perContract.set(target.contractId, (perContract.get(target.contractId) ?? 0) + 1);
	return [...perContract.values()].reduce((sum, count) => sum + Math.ceil(count / 100), 0);
}

async function billedCount(sandbox: WorkflowSandbox): Promise<number> {
	const entries = (await aworkState(sandbox.awork, 'timeEntries')).timeEntries;
	return entries.filter((entry) => entry.isBilled).length;
}

/** The workflow with its manual trigger swapped for a webhook of the same name (POST starts a run in the server). */
export function startedByWebhook(workflow: WorkflowJson, triggerName: string, webhookPath: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	const trigger = copy.nodes.find((node) => node.name === triggerName);
	if (!trigger) throw new Error(`no node "${triggerName}" in ${workflow.name}`);
	// Only the bench starts runs: the shipped export's hourly schedule would start one of its own
	// in the export hour (a run at 01:05 UTC did, and its requests were counted).
	for (const node of copy.nodes) if (node.type === 'n8n-nodes-base.scheduleTrigger') node.disabled = true;
	Object.assign(trigger, {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		// Answers when the run has ended, so the bench need not poll n8n's API while the run goes on.
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', options: {} },
	});
	return copy;
}

export interface Bench {
	sandbox: WorkflowSandbox;
	workflowId(workflow: BenchWorkflow, options: RunOptions): Promise<{ id: string; url: string }>;
	close(): Promise<void>;
}

/** One n8n with the fakes, the package's credentials and the stock nodes' generic ones. */
export async function startBench(label = 'bench-export'): Promise<Bench> {
	const sandbox = await startWorkflowSandbox({
		label,
		awork: { config: { rateLimit: { enabled: false } } },
		onePsa: { rateLimit: { limit: UNLIMITED, intervalMs: 60_000 } },
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
	const imported = new Map<string, { id: string; url: string }>();
	return {
		sandbox,
		async workflowId(workflow, options) {
			const key = JSON.stringify([workflow, workflow === 'baseline' ? options.baselineIntervalMs ?? 0 : [options.maxEntriesPerRun ?? null, options.disabledNodes ?? [], options.enabledNodes ?? []]]);
			let found = imported.get(key);
			if (found) return found;
			const webhookPath = `bench-${workflow}-${imported.size}`;
			let id: string;
			if (workflow === 'baseline') {
				let baseline = withPlaceholders(JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) as WorkflowJson, {
					AWORK_URL: sandbox.awork.baseUrl,
					PSA_URL: sandbox.onePsa.baseUrl,
				});
				baseline = startedByWebhook(baseline, 'Run Export', webhookPath);
				const settings = baseline.nodes.find((node) => node.name === 'Settings')!;
				for (const assignment of (settings.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }).assignments) {
					if (assignment.name === 'psaRequestIntervalMs') assignment.value = options.baselineIntervalMs ?? 0;
				}
				id = await sandbox.n8n.importWorkflow(baseline, { credentials: { httpHeaderAuth: headerAuth, httpCustomAuth: customAuth } });
			} else {
				id = await sandbox.importShipped(EXPORT_FILE, {
					settings: { timezone: EXPORT_ZONE, ...(options.maxEntriesPerRun === undefined ? {} : { maxEntriesPerRun: options.maxEntriesPerRun }) },
					edit: (shipped) => {
						const started = startedByWebhook(shipped, 'Run Export Now', webhookPath);
						for (const node of started.nodes) {
							if (options.disabledNodes?.includes(node.name)) node.disabled = true;
							if (options.enabledNodes?.includes(node.name)) node.disabled = false;
						}
						return started;
					},
				});
			}
			await sandbox.n8n.activateWorkflow(id);
			found = { id, url: sandbox.n8n.webhookUrl(webhookPath) };
			imported.set(key, found);
			return found;
		},
		close: async () => await sandbox.close(),
	};
}

interface ServerRun {
	status: string;
	error?: string;
	wallMs: number;
	executionMs: number;
	nodeMs?: Record<string, number>;
	nodeOutputs?: Record<string, NodeOutput>;
}

/** Starts the workflow through its webhook and waits until n8n has stored the finished execution. */
export async function runInServer(bench: Bench, workflow: { id: string; url: string }, nodeTimes = false): Promise<ServerRun> {
	const { n8n } = bench.sandbox;
	const before = new Set((await n8n.listExecutions(workflow.id, { includeData: false })).map((execution) => execution.id));
	const started = Date.now();
	// The answer comes when the run has ended (500: it failed; its stored execution says why). If
	// the connection gives up first, the polling below still finds the run.
	const answer = await httpRequest('POST', workflow.url, { body: {}, timeoutMs: 60 * 60_000 }).catch(() => undefined);
	if (answer && answer.status !== 200 && answer.status !== 500) throw new Error(`starting ${workflow.url} -> ${answer.status}: ${answer.text}`);
	const answeredMs = Date.now() - started;
	const execution = await waitFor(
		async () => {
			const executions = await n8n.listExecutions(workflow.id, { includeData: false });
			return executions.find((candidate) => !before.has(candidate.id) && candidate.mode === 'webhook' && candidate.stoppedAt && candidate.status !== 'running');
		},
		{ timeoutMs: 60 * 60_000, intervalMs: 20, describe: () => `the run of workflow ${workflow.id}` },
	);
	const wallMs = Date.now() - started;
	let nodeMs: Record<string, number> | undefined;
	let nodeOutputs: Record<string, NodeOutput> | undefined;
	const wantsNodes = nodeTimes || process.env.BENCH_NODE_TIMES === '1';
	// One read of the stored execution (16 MB at 10k) serves the node figures and a failure's message.
	const full = wantsNodes || execution.status !== 'success' ? await n8n.getExecution(execution.id).catch(() => undefined) : undefined;
	if (wantsNodes) {
		if (!full) throw new Error(`the stored execution ${execution.id} could not be read`);
		const runData = Object.entries(full.data?.resultData.runData ?? {});
		nodeMs = Object.fromEntries(runData.map(([name, runs]) => [name, runs.reduce((sum, run) => sum + Number(run.executionTime ?? 0), 0)]));
		nodeOutputs = Object.fromEntries(
			runData.map(([name, runs]) => {
				const items = runs.flatMap((run) => (run.data?.main ?? []).flatMap((output) => output ?? []));
				return [name, { items: items.length, chars: JSON.stringify(items).length }];
			}),
		);
	}
	if (process.env.BENCH_NODE_TIMES === '1') process.stderr.write(`answered after ${answeredMs} ms, stored after ${wallMs} ms\nnode times (ms): ${JSON.stringify(nodeMs)}\n`);
	const error = execution.status !== 'success' ? full?.data?.resultData.error?.message ?? execution.status : undefined;
	return { status: execution.status, error, wallMs, executionMs: Date.parse(String(execution.stoppedAt)) - Date.parse(execution.startedAt), nodeMs, nodeOutputs };
}

export async function runOne(bench: Bench, workflow: BenchWorkflow, entries: number, options: RunOptions = {}): Promise<ExportRunFigures> {
	const { sandbox } = bench;
	// P projects, each with its own batch contract by custom field, and nothing the export must skip.
	const seeded = await seedExportScenario(sandbox, { entries, projects: PROJECTS, mappedProjects: 0, singlePostContracts: 0, noise: 0, seed: 42 });
	const limited = options.psaLimitPerMinute !== undefined;
	sandbox.onePsa.fake.setRateLimit(options.psaLimitPerMinute ?? UNLIMITED, 60_000);
	await fakeControl('PUT', `${sandbox.awork.controlUrl}/config`, { rateLimit: { enabled: limited } });
	const target = await bench.workflowId(workflow, options);
	const pid = sandbox.n8n.pid!;
	const rssBefore = MemorySampler.rssMb(pid);
	const sampler = await startSamplerThread(pid);
	const busyBefore = { awork: sandbox.awork.fake.server.busyMs, psa: sandbox.onePsa.fake.server.busyMs };
	const runs: ServerRun[] = [];
	try {
		for (;;) {
			const run = await runInServer(bench, target, options.nodeTimes);
			runs.push(run);
			if (!options.untilDone || run.status !== 'success' || runs.length >= 50) break;
			if ((await billedCount(sandbox)) >= entries) break;
		}
	} catch (error) {
		await sampler.stop();
		throw error;
	}
	const memory = await sampler.stop();
	const psaBatchFloor = batchFloor(seeded);
	const failed = runs.find((run) => run.status !== 'success');
	const figures: ExportRunFigures = {
		workflow,
		disabledNodes: options.disabledNodes,
		enabledNodes: options.enabledNodes,
		entries,
		status: failed?.status ?? 'success',
		error: failed?.error,
		requests: countRequests(sandbox),
		maxEntriesPerRun: workflow === 'shipped' ? options.maxEntriesPerRun : undefined,
		runs: runs.length,
		wallMs: runs.reduce((sum, run) => sum + run.wallMs, 0),
		executionMs: runs.reduce((sum, run) => sum + run.executionMs, 0),
		n8nPeakRssMb: memory.n8nPeakRssMb,
		groupPeakRssMb: memory.groupPeakRssMb,
		n8nRssBeforeMb: rssBefore,
		psaEntries: sandbox.onePsa.fake.state().timeEntries.length,
		billed: await billedCount(sandbox),
		psaBatchFloor,
		fakeBusyMs: { awork: sandbox.awork.fake.server.busyMs - busyBefore.awork, psa: sandbox.onePsa.fake.server.busyMs - busyBefore.psa },
		nodeMs: runs[runs.length - 1]?.nodeMs,
		nodeOutputs: runs[runs.length - 1]?.nodeOutputs,
	};
	if (limited) figures.psaBudgetUse = budgetUse(sandbox, options.psaLimitPerMinute!);
	// A fast export that booked or billed less than it was given is no figure to publish.
	if (figures.status === 'success' && (figures.psaEntries !== entries || figures.billed !== entries)) {
		throw new Error(`${workflow} export of ${entries} entries ended with ${figures.psaEntries} in the PSA and ${figures.billed} billed; the figures would be wrong`);
	}
	return figures;
}

/** CLI entry for single runs. */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const sizes = (args.find((arg) => /^\d/.test(arg)) ?? '1000').split(',').map(Number);
	const which: BenchWorkflow[] = args.includes('--shipped') ? ['shipped'] : args.includes('--baseline') ? ['baseline'] : ['baseline', 'shipped'];
	const bench = await startBench();
	try {
		// Discarded warm-up runs, as npm run bench does.
		for (const workflow of which) await runOne(bench, workflow, WARM_UP_ENTRIES);
		for (const entries of sizes) {
			for (const workflow of which) console.log(JSON.stringify(await runOne(bench, workflow, entries)));
		}
	} finally {
		await bench.close();
	}
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

/** The shipped export's per-entry mapping rows: off as shipped, not needed for exactly once (see docs/reliability.md), and costly. */
export const MAPPING_SAVE_NODE = 'Save Time Entry Mappings';

export interface ExportBenchResult {
	sideBySide: Array<{ entries: number; baseline: ExportRunFigures; shipped: ExportRunFigures; withMappings: ExportRunFigures }>;
	paced: ExportRunFigures[];
	memory: ExportRunFigures[];
}

/**
 * Everything `npm run bench` reports for the export: both workflows at each N with limits off,
 * the shipped one (and the baseline's fixed pacing) against the PSA's real 100/min, and the
 * shipped one's peak memory for a backlog of the largest N with its per-run cap and without.
 */
export async function runExportBench(sizes: number[] = [1000, 10_000, 50_000], pacedEntries = 10_000): Promise<ExportBenchResult> {
	const log = (figures: ExportRunFigures) => process.stderr.write(`${JSON.stringify(figures)}\n`);
	// A fresh n8n per run: the server keeps what earlier runs allocated, which would blur its peak.
	const once = async (workflow: BenchWorkflow, entries: number, options: RunOptions = {}) => {
		const bench = await startBench();
		try {
			// A warm-up run of the same workflow on a few entries, discarded: n8n loads its modules
			// and (for the shipped one) creates the mapping table on first use, as any server that
			// has run before already did.
			await runOne(bench, workflow, WARM_UP_ENTRIES, { ...options, psaLimitPerMinute: undefined, untilDone: false });
			const figures = await runOne(bench, workflow, entries, options);
			log(figures);
			return figures;
		} finally {
			await bench.close();
		}
	};
	// Wall times vary by tens of percent between fresh servers: the median of REPEATS runs each.
	const median = async (workflow: BenchWorkflow, entries: number, options: RunOptions = {}) => {
		const runs: ExportRunFigures[] = [];
		for (let repeat = 0; repeat < REPEATS; repeat++) runs.push(await once(workflow, entries, options));
		const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
		return { ...sorted[Math.floor(sorted.length / 2)], wallSamplesMs: runs.map((run) => run.wallMs) };
	};
	const result: ExportBenchResult = { sideBySide: [], paced: [], memory: [] };
	for (const entries of sizes) {
		const baseline = await median('baseline', entries);
		// One run for the whole backlog (the per-run cap raised to N), as the baseline does; the
		// memory runs below show the shipped cap at work.
		const shipped = await median('shipped', entries, { untilDone: true, maxEntriesPerRun: Math.max(entries, 10_000) });
		const withMappings = await once('shipped', entries, { untilDone: true, maxEntriesPerRun: Math.max(entries, 10_000), enabledNodes: [MAPPING_SAVE_NODE] });
		result.sideBySide.push({ entries, baseline, shipped, withMappings });
	}
	result.paced.push(await once('shipped', pacedEntries, { psaLimitPerMinute: 100 }));
	result.paced.push(await once('baseline', pacedEntries, { psaLimitPerMinute: 100, baselineIntervalMs: 600 }));
	const largest = Math.max(...sizes);
	for (const cap of [10_000, largest]) result.memory.push(await once('shipped', largest, { maxEntriesPerRun: cap, untilDone: true }));
	// Kept next to the build output, so the Markdown can be rendered again without running it all.
	fs.writeFileSync(path.join(__dirname, 'export-bench-result.json'), JSON.stringify(result, null, 2));
	return result;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (value: number) => `${Math.round(value)} MB`;

function requestsCell(figures: ExportRunFigures): string {
	const { awork, psa } = figures.requests;
	const other = awork.projectReads + awork.otherReads;
	return `awork: ${awork.timeEntryReads} entry reads + ${other} other reads, ${awork.billedMarks} billed-marks${awork.refused ? ` (+${awork.refused} refused)` : ''}; PSA: ${psa.batches} batches${psa.singles ? ` + ${psa.singles} single` : ''}${psa.other ? ` + ${psa.other} other` : ''}`;
}

/** The figures as the Markdown section of docs/benchmarks.md. */
export function exportBenchMarkdown(result: ExportBenchResult): string {
	const lines: string[] = [];
	lines.push('| N | workflow | requests | floor (reads / billed-marks / PSA batches) | runs | wall time, median (each run) | n8n execution time | peak RSS n8n (+ task runner) | PSA entries / billed |');
	lines.push('|---|---|---|---|---|---|---|---|---|');
	for (const { entries, baseline, shipped, withMappings } of result.sideBySide) {
		const floor = `${Math.ceil(entries / 1000)} / ${Math.ceil(entries / AWORK_BILLED_BATCH)} / ${shipped.psaBatchFloor}`;
		for (const figures of [baseline, shipped, withMappings]) {
			const name = figures.workflow === 'baseline' ? 'baseline' : figures.enabledNodes?.length ? `shipped, "${figures.enabledNodes.join('", "')}" on` : 'shipped';
			lines.push(
				`| ${entries.toLocaleString('en')} | ${name} | ${requestsCell(figures)} | ${floor} | ${figures.runs} | ${seconds(figures.wallMs)}${figures.wallSamplesMs ? ` (${figures.wallSamplesMs.map(seconds).join(', ')})` : ''} | ${seconds(figures.executionMs)} | ${mb(figures.n8nPeakRssMb)} (${mb(figures.groupPeakRssMb)}) | ${figures.psaEntries.toLocaleString('en')} / ${figures.billed.toLocaleString('en')}${figures.status === 'success' ? '' : ` (${figures.status}: ${figures.error ?? ''})`} |`,
			);
		}
		const ratio = (figures: ExportRunFigures) => (baseline.wallMs / Math.max(1, figures.wallMs)).toFixed(2);
		lines.push(`| | | | | | baseline ÷ shipped: **${ratio(shipped)}×**; ÷ with mappings on: **${ratio(withMappings)}×** | | | |`);
	}
	lines.push('');
	lines.push('Paced: the PSA\'s real limit (100 requests/min per tenant) and awork\'s (50/s, 1000/min) switched on.');
	lines.push('');
	lines.push('| workflow | entries | PSA requests | PSA 429s | budget used | wall time | PSA entries / billed |');
	lines.push('|---|---|---|---|---|---|---|');
	for (const figures of result.paced) {
		lines.push(
			`| ${figures.workflow}${figures.workflow === 'baseline' ? ' (fixed 600 ms between PSA requests)' : ' (pacer)'} | ${figures.entries.toLocaleString('en')} | ${figures.requests.psa.total} | ${figures.requests.psa.rateLimited} | ${figures.psaBudgetUse === undefined ? 'n/a' : `${Math.round(figures.psaBudgetUse * 100)} %`} | ${seconds(figures.wallMs)} | ${figures.psaEntries.toLocaleString('en')} / ${figures.billed.toLocaleString('en')} |`,
		);
	}
	lines.push('');
	lines.push('Memory: the shipped export on a backlog of the largest N, with the per-run cap (Settings → maxEntriesPerRun) and with it raised to N. The n8n server\'s resident memory before and at its peak across the runs.');
	lines.push('');
	lines.push('| entries | maxEntriesPerRun | runs | requests | RSS before | peak RSS n8n (+ task runner) | wall time |');
	lines.push('|---|---|---|---|---|---|---|');
	for (const figures of result.memory) {
		lines.push(
			`| ${figures.entries.toLocaleString('en')} | ${(figures.maxEntriesPerRun ?? 0).toLocaleString('en')} | ${figures.runs} | ${requestsCell(figures)} | ${mb(figures.n8nRssBeforeMb)} | ${mb(figures.n8nPeakRssMb)} (${mb(figures.groupPeakRssMb)}) | ${seconds(figures.wallMs)} |`,
		);
	}
	return lines.join('\n');
}
