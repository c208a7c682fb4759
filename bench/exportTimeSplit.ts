/**
 * Where the wall time of one export run goes, for the stock-node baseline and the shipped
 * workflow at one N (limits off, the same seed and servers as the side-by-side runs):
 * - n8n's execution (start to end of the run) and what follows it (storing the execution and
 *   answering the webhook: wall time minus execution time);
 * - the time the fakes spent answering the run's requests, while n8n waited for each answer;
 * - a run of a few entries in the same warm server: what running the workflow at all costs;
 * - each node's execution time.
 * - a workflow of the shipped read node alone (webhook, then Billable Entries of Closed Days): what
 *   it costs n8n to hold N entries as items and store them, the least any workflow that reads
 *   them through n8n pays.
 * From these, the least wall time the shipped run could take if every other node's per-entry work
 * cost nothing.
 *
 * Usage: node build/bench/exportTimeSplit.js [entries=10000] [repeats=3]
 */
import { EXPORT_FILE, EXPORT_ZONE, seedExportScenario } from '../devkit/sandbox';
import { PROJECTS, runInServer, runOne, startBench, startedByWebhook, type Bench, type BenchWorkflow, type ExportRunFigures, type NodeOutput } from './exportSideBySide';

/** Entries of the small run that stands for the cost of running the workflow at all. */
export const SMALL_RUN_ENTRIES = 20;

export interface TimeSplit {
	workflow: BenchWorkflow;
	entries: number;
	wallMs: number;
	executionMs: number;
	/** Wall minus execution time: storing the execution, answering the webhook. */
	afterRunMs: number;
	/** The fakes answering the run's requests (awork and PSA together). */
	fakeBusyMs: number;
	nodeMs: Record<string, number>;
	/** What each node handed on (items, JSON characters): what n8n holds and stores with the execution. */
	nodeOutputs: Record<string, NodeOutput>;
	/** The small run in the same server: wall time, and its execution time without the fakes' part. */
	smallRunWallMs: number;
	smallRunOwnMs: number;
	/** The read node alone: wall time for N entries minus the fakes' part, minus the same for the small run (medians of 3). */
	readItemsMs: number;
	/** Wall times of every repetition (the split is the median one's). */
	wallSamplesMs: number[];
}

export interface TimeSplitResult {
	entries: number;
	baseline: TimeSplit;
	shipped: TimeSplit;
}

const busyOf = (figures: ExportRunFigures) => figures.fakeBusyMs.awork + figures.fakeBusyMs.psa;

const READ_NODE = 'Billable Entries of Closed Days';

/** The shipped export cut down to its read node, started by a webhook; its filters as the export sets them, with fixed values. */
async function importReadOnly(bench: Bench): Promise<{ id: string; url: string }> {
	const { sandbox } = bench;
	const webhookPath = 'bench-read-only';
	const id = await sandbox.importShipped(EXPORT_FILE, {
		settings: { timezone: EXPORT_ZONE },
		edit: (shipped) => {
			const started = startedByWebhook(shipped, 'Run Export Now', webhookPath);
			const trigger = started.nodes.find((node) => node.name === 'Run Export Now')!;
			const read = started.nodes.find((node) => node.name === READ_NODE)!;
			const filters = read.parameters.filters as Record<string, unknown>;
			read.parameters = { ...read.parameters, returnAll: true, filters: { ...filters, startBefore: new Date().toISOString(), readAfter: 'start' } };
			delete read.parameters.limit;
			delete read.parameters.limitCountsOnlyProjectIds;
			return { ...started, nodes: [trigger, read], connections: { [trigger.name]: { main: [[{ node: read.name, type: 'main', index: 0 }]] } } };
		},
	});
	await sandbox.n8n.activateWorkflow(id);
	return { id, url: sandbox.n8n.webhookUrl(webhookPath) };
}

/** Wall time of the read-only workflow on `entries` seeded entries, minus the fakes' part. */
async function readOnlyMs(bench: Bench, workflow: { id: string; url: string }, entries: number): Promise<number> {
	const { sandbox } = bench;
	await seedExportScenario(sandbox, { entries, projects: PROJECTS, mappedProjects: 0, singlePostContracts: 0, noise: 0, seed: 42 });
	const busyBefore = sandbox.awork.fake.server.busyMs;
	const run = await runInServer(bench, workflow);
	if (run.status !== 'success') throw new Error(`the read-only run failed: ${run.error}`);
	return run.wallMs - (sandbox.awork.fake.server.busyMs - busyBefore);
}

async function measure(workflow: BenchWorkflow, entries: number): Promise<TimeSplit> {
	const bench = await startBench(`bench-split-${workflow}`);
	try {
		let readItemsMs = 0;
		if (workflow === 'shipped') {
			const readOnly = await importReadOnly(bench);
			await readOnlyMs(bench, readOnly, SMALL_RUN_ENTRIES);
			// Single runs of it vary by a third: the median of three of each size.
			const median = async (size: number) => {
				const times: number[] = [];
				for (let run = 0; run < 3; run++) times.push(await readOnlyMs(bench, readOnly, size));
				return times.sort((a, b) => a - b)[1];
			};
			readItemsMs = Math.max(0, (await median(entries)) - (await median(SMALL_RUN_ENTRIES)));
		}
		const options = workflow === 'shipped' ? { maxEntriesPerRun: Math.max(entries, 10_000) } : {};
		// Discarded: n8n loads its modules and creates the mapping table on first use.
		await runOne(bench, workflow, SMALL_RUN_ENTRIES, options);
		const small = await runOne(bench, workflow, SMALL_RUN_ENTRIES, options);
		const big = await runOne(bench, workflow, entries, { ...options, nodeTimes: true });
		if (big.status !== 'success' || small.status !== 'success') throw new Error(`${workflow} run failed: ${big.error ?? small.error}`);
		return {
			workflow,
			entries,
			wallMs: big.wallMs,
			executionMs: big.executionMs,
			afterRunMs: big.wallMs - big.executionMs,
			fakeBusyMs: busyOf(big),
			nodeMs: big.nodeMs ?? {},
			nodeOutputs: big.nodeOutputs ?? {},
			smallRunWallMs: small.wallMs,
			smallRunOwnMs: Math.max(0, small.executionMs - busyOf(small)),
			readItemsMs,
			wallSamplesMs: [],
		};
	} finally {
		await bench.close();
	}
}

/** `repeats` fresh servers per workflow; the split of the run with the median wall time. */
export async function runExportTimeSplit(entries = 10_000, repeats = 3): Promise<TimeSplitResult> {
	const medianOf = async (workflow: BenchWorkflow) => {
		const runs: TimeSplit[] = [];
		for (let repeat = 0; repeat < repeats; repeat++) {
			runs.push(await measure(workflow, entries));
			process.stderr.write(`${JSON.stringify(runs[runs.length - 1])}\n`);
		}
		const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
		return { ...sorted[Math.floor(sorted.length / 2)], wallSamplesMs: runs.map((run) => run.wallMs) };
	};
	return { entries, baseline: await medianOf('baseline'), shipped: await medianOf('shipped') };
}

/**
 * The least wall time the shipped run could take if only its read node did per-entry work: the
 * fakes' answers (n8n waits for each), the small run (running the workflow at all), and holding
 * and storing the entries read. Billed-marks go out a few at once, so the wait is slightly
 * overstated; the small run also contains a little of the fakes' time, so it is counted twice.
 */
export function floorMs(split: TimeSplit): number {
	return split.fakeBusyMs + split.smallRunWallMs + split.readItemsMs;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function timeSplitMarkdown(result: TimeSplitResult): string {
	const { baseline, shipped } = result;
	const row = (label: string, pick: (split: TimeSplit) => string) => `| ${label} | ${pick(baseline)} | ${pick(shipped)} |`;
	const slowest = (split: TimeSplit) =>
		Object.entries(split.nodeMs)
			.sort((a, b) => b[1] - a[1])
			.slice(0, 5)
			.map(([name, ms]) => `${name} ${ms} ms`)
			.join(', ');
	const megabytes = (chars: number) => `${(chars / 1_000_000).toFixed(1)} MB`;
	const handedOn = (split: TimeSplit) => {
		const outputs = Object.entries(split.nodeOutputs);
		const items = outputs.reduce((sum, [, output]) => sum + output.items, 0);
		const chars = outputs.reduce((sum, [, output]) => sum + output.chars, 0);
		const largest = outputs
			.sort((a, b) => b[1].chars - a[1].chars)
			.slice(0, 3)
			.map(([name, output]) => `${name} ${output.items.toLocaleString('en')} items, ${megabytes(output.chars)}`)
			.join('; ');
		return `${items.toLocaleString('en')} items, ${megabytes(chars)} of JSON (${largest})`;
	};
	const goal = baseline.wallMs / 4;
	return [
		'| part | baseline | shipped |',
		'|---|---|---|',
		row('wall time, start to stored execution (median; each run)', (s) => `${seconds(s.wallMs)} (${s.wallSamplesMs.map(seconds).join(', ')})`),
		row('n8n execution, start to end of the run', (s) => seconds(s.executionMs)),
		row('after the run: storing the execution, answering the webhook', (s) => seconds(s.afterRunMs)),
		row('the fakes answering the run\'s requests (n8n waits)', (s) => seconds(s.fakeBusyMs)),
		row(`a run of ${SMALL_RUN_ENTRIES} entries in the same server: wall time (n8n's own part)`, (s) => `${seconds(s.smallRunWallMs)} (${seconds(s.smallRunOwnMs)})`),
		row(`the read node alone: holding and storing ${result.entries.toLocaleString('en')} entries (wall time without the fakes, minus the same for ${SMALL_RUN_ENTRIES})`, (s) => (s.workflow === 'shipped' ? seconds(s.readItemsMs) : '')),
		row('**floor**: fakes + the small run + the read node\'s entries', (s) => (s.workflow === 'shipped' ? `**${seconds(floorMs(s))}**` : '')),
		row('slowest nodes', slowest),
		row('what the nodes handed on, stored with the execution (the largest)', handedOn),
		'',
		`4× the baseline at ${result.entries.toLocaleString('en')} entries is ${seconds(goal)}. The shipped run's floor is ${seconds(floorMs(shipped))}, so ` +
			(floorMs(shipped) >= goal
				? `4× is out of reach even if every node after the read did its per-entry work in no time (the floor is ${(baseline.wallMs / floorMs(shipped)).toFixed(2)}× the baseline).`
				: `the nodes after the read would have ${seconds(goal - floorMs(shipped))} for all their per-entry work; today they take ${seconds(shipped.wallMs - floorMs(shipped))} (wall time minus the floor).`) +
			` With servers that answered in no time, 4× the baseline would be ${seconds((baseline.wallMs - baseline.fakeBusyMs) / 4)} and the floor ${seconds(floorMs(shipped) - shipped.fakeBusyMs)}.`,
	].join('\n');
}

async function main(): Promise<void> {
	const [entries = 10_000, repeats = 3] = process.argv.slice(2).map(Number);
	console.log(timeSplitMarkdown(await runExportTimeSplit(entries, repeats)));
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
