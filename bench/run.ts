/**
 * `npm run bench`: runs every benchmark, each in a fresh Node process so memory figures do not
 * mix, and writes the figures to docs/benchmarks.md with the command that reproduces them.
 * Figures are single runs on the machine that ran the command; compare runs on one machine.
 * `BENCH_ONLY=queueExport npm run bench` re-measures only the queue-mode section, and
 * `BENCH_ONLY=exportTimeSplit npm run bench` only the export's time split (each carries its own
 * date and commit); the rest of the file is kept.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AworkReadBenchResult } from './aworkTimeEntryRead';
import type { IdMappingBenchResult } from './idMappingLookup';
import { exportBenchMarkdown, PROJECTS, type ExportBenchResult } from './exportSideBySide';
import { queueExportMarkdown, type QueueExportBenchResult } from './queueExport';
import { timeSplitMarkdown, SMALL_RUN_ENTRIES, type TimeSplitResult } from './exportTimeSplit';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Everything in docs/benchmarks.md from this line on is written by hand and kept by a re-run. */
const NOTES_MARKER = '<!-- notes: kept by npm run bench -->';

/** Calls an exported bench function in a child process and returns its JSON result. */
function runIsolated<T>(moduleFile: string, exportName: string, args: unknown[]): T {
	const script = `require(${JSON.stringify(path.join(__dirname, moduleFile))}).${exportName}(...${JSON.stringify(args)})` +
		`.then((r) => process.stdout.write('\\nBENCH_RESULT ' + JSON.stringify(r) + '\\n'))` +
		`.catch((e) => { console.error(e); process.exit(1); })`;
	const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
	const line = output.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
	if (!line) throw new Error(`${moduleFile} printed no result`);
	return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}

function machine(): string {
	const cpus = os.cpus();
	return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

function git(args: string[]): string {
	try {
		return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
	} catch {
		return '';
	}
}

/** The commit measured, whether the code it runs differs from it, and the export workflow's last change. */
function measuredAt(): string {
	const commit = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
	const changed = git(['status', '--porcelain', '--', 'nodes', 'credentials', 'workflows', 'bench', 'devkit']) !== '';
	const workflow = git(['log', '-1', '--format=%h (%cs)', '--', 'workflows/invoicing-export.json']) || 'unknown';
	return `commit ${commit}${changed ? ' with uncommitted changes' : ''}; workflows/invoicing-export.json as last changed in ${workflow}`;
}

function main(): void {
	const at = measuredAt();
	console.log('awork read: 100k time entries ...');
	const read = runIsolated<AworkReadBenchResult>('aworkTimeEntryRead.js', 'runAworkReadBench', [100_000]);
	console.log(read);
	console.log('ID mapping: 100k mappings, 10k lookups ...');
	const mapping = runIsolated<IdMappingBenchResult>('idMappingLookup.js', 'runIdMappingLookupBench', [100_000, 10_000]);
	console.log(mapping);
	console.log('Invoicing export side by side: baseline from stock nodes vs shipped workflow, 1k/10k/50k entries, in real n8n ...');
	const exportBench = runIsolated<ExportBenchResult>('exportSideBySide.js', 'runExportBench', [[1000, 10_000, 50_000], 10_000]);
	const splitSection = timeSplitSection(at);
	const queueSection = queueExportSection(at);

	const doc = `# Benchmarks

Reproduce with \`npm run bench\` (it rewrites this file). Each benchmark runs in its own Node
process; the fakes run in a separate process where noted, so the memory figures are the
client's. Figures are from one run on: ${machine()}, on ${new Date().toISOString().slice(0, 10)}, at
${at}.

## Reading time entries through the awork transport

The Awork node (Time Entry → Get Many, Return All) in n8n's engine reads ${read.entries.toLocaleString('en')} time entries from
the fake awork (own process, awork's real limits of 50/s and 1000/min switched on).

| figure | value |
|---|---|
| items returned | ${read.itemsReturned.toLocaleString('en')} |
| requests | ${read.requests} (floor ⌈N/1000⌉ = ${read.requestFloor}) |
| 429 answers | ${read.rateLimited} |
| wall time | ${(read.wallMs / 1000).toFixed(2)} s |
| RSS before / peak | ${read.rssBeforeMb} MB / ${read.peakRssMb} MB |

Single benchmark: \`npm run build:test && node build/bench/aworkTimeEntryRead.js 100000\`.

## ID mapping lookups in workflow static data

${mapping.mappings.toLocaleString('en')} mappings saved in one run of the ID Mapping node, then ${mapping.lookups.toLocaleString('en')} items looked up in bulk,
each run in n8n's engine in production mode, with static data passed between runs as JSON.

| figure | value |
|---|---|
| save ${mapping.mappings.toLocaleString('en')} mappings (one run) | ${(mapping.saveMs / 1000).toFixed(2)} s |
| look up ${mapping.lookups.toLocaleString('en')} by external ID | ${(mapping.lookupByExternalMs / 1000).toFixed(2)} s |
| look up ${mapping.lookups.toLocaleString('en')} by awork ID | ${(mapping.lookupByAworkMs / 1000).toFixed(2)} s |
| the same lookups against an empty store (n8n's own per-item cost) | ${(mapping.lookupEmptyStoreMs / 1000).toFixed(2)} s |
| static data as stored | ${Math.round((mapping.staticDataBytes / 1024 / 1024) * 10) / 10} MB |
| heap used / RSS at the end | ${mapping.heapUsedMb} MB / ${mapping.rssMb} MB |

The gap between a lookup and the empty-store run is n8n loading the static data, which every
production run pays too; the store's own lookups are O(1) per item.

Single benchmark: \`npm run build:test && node build/bench/idMappingLookup.js 100000 10000\`.

## The invoicing export side by side with a stock-node build

The shipped workflow (\`workflows/invoicing-export.json\`) and a baseline built from stock n8n nodes the
way awork's PSA guide describes it (\`bench/baseline/stock-export.json\`: HTTP Request nodes with
pagination, Code nodes, Loop Over Items over projects, 100 entries per PSA batch, billed-marks per
batch) run in the same real n8n server (a fresh one per run) against the same fakes: ${PROJECTS}
projects with a PSA contract each, N billable unbilled entries of closed days. Rate limits are off in
both fakes for the speed runs. Requests are counted by the fakes; wall time is from the start of the
run to its stored execution (the bench's webhook answers when the run has ended, so nothing polls n8n
during a run, and memory is sampled on a thread of its own, not the fakes'); RSS is the n8n server's (its task runner, which runs Code nodes, in
brackets), sampled every 100 ms. Before each measured run the same workflow runs once on 20 entries
in the same server, and that run is discarded: a server that ran before has its modules loaded and
the mapping table created. Wall times vary by tens of percent from one fresh server to the next,
so each of the first two rows per N is the median of 3 runs (each run's time in brackets). In
these rows the shipped export's per-run cap (maxEntriesPerRun, 10,000 as shipped) is raised to N,
so it takes the backlog in one run as the baseline does; the memory table below shows the
shipped cap at work (several runs, and a few more PSA batches where a run ends inside a contract's
entries). The floor of awork reads and billed-marks is ⌈N/1000⌉ and ⌈N/500⌉ (the
fake awork takes 500 IDs per billed-mark); PSA batches go to one contract each, so their floor is
⌈n/100⌉ per contract, summed. The third row of each N is the shipped export with its node "Save
Time Entry Mappings" switched on (it ships off: one ID Mapping row per exported entry, not needed
for exactly once, see docs/reliability.md).

${exportBench ? exportBenchMarkdown(exportBench) : ''}

Single run: \`npm run build:test && node build/bench/exportSideBySide.js 10000\` (both workflows, limits off).

${splitSection}

${queueSection}
`;
	writeBenchmarks(() => doc);
}

/** Writes docs/benchmarks.md from the text before the notes; hand-written notes below the marker (profiles, analyses, each with its own date) are kept. */
function writeBenchmarks(measured: (previousFigures: string) => string): void {
	fs.mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
	const file = path.join(REPO_ROOT, 'docs', 'benchmarks.md');
	const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const notesAt = previous.indexOf(NOTES_MARKER);
	const notes = notesAt >= 0 ? previous.slice(notesAt) : '';
	const doc = measured(notesAt >= 0 ? previous.slice(0, notesAt).trimEnd() + '\n' : previous);
	fs.writeFileSync(file, notes ? `${doc}\n${notes}` : doc);
	console.log('Wrote docs/benchmarks.md');
}

/** A section between markers, re-measured alone by BENCH_ONLY: put in place of the old one (before the notes when there was none). */
function replaceSection(start: string, end: string, section: string): void {
	writeBenchmarks((figures) => {
		const from = figures.indexOf(start);
		const to = figures.indexOf(end);
		if (from >= 0 && to > from) return `${figures.slice(0, from)}${section}${figures.slice(to + end.length)}`;
		return `${figures.trimEnd()}\n\n${section}\n`;
	});
}

/** The export's time split between these markers; `BENCH_ONLY=exportTimeSplit` re-measures only it. */
const SPLIT_START = '<!-- export-time-split: start -->';
const SPLIT_END = '<!-- export-time-split: end -->';
const SPLIT_ENTRIES = 10_000;

/** Where the wall time of one export run at 10k goes, and the least the shipped run could take. */
function timeSplitSection(at: string): string {
	console.log('Invoicing export: where the time of one run goes, baseline and shipped ...');
	const split = runIsolated<TimeSplitResult>('exportTimeSplit.js', 'runExportTimeSplit', [SPLIT_ENTRIES, 3]);
	console.log(timeSplitMarkdown(split));
	return `${SPLIT_START}
### Where the time of one run goes (${SPLIT_ENTRIES.toLocaleString('en')} entries, limits off)

Each workflow in 3 fresh servers (the split of the run with the median wall time; the same seed
as above, the shipped per-run cap raised to N). Per server: a discarded run of ${SMALL_RUN_ENTRIES} entries, a
measured one of ${SMALL_RUN_ENTRIES} (what running the workflow at all costs), then the run of N, whose node times
are read from its stored execution. The fakes count the time they spend answering each request
(from the request read to the answer written); n8n waits for every answer, since its nodes run
one after another and each sends its requests in turn. For the shipped workflow, a workflow of its
read node alone (*Billable Entries of Closed Days* behind a webhook) measures what it costs n8n to
hold the N entries as items and store them (the median of 3 runs, minus the median of 3 runs of ${SMALL_RUN_ENTRIES}):
the least any workflow that reads them through n8n pays. The floor adds the three: what the shipped run would take if every node after the read did
its per-entry work in no time.

Measured on ${new Date().toISOString().slice(0, 10)} at ${at}, on ${machine()}.

${timeSplitMarkdown(split)}

Single benchmark: \`npm run build:test && node build/bench/exportTimeSplit.js ${SPLIT_ENTRIES} 3\`.
${SPLIT_END}`;
}

/** The queue-mode section between these markers; `BENCH_ONLY=queueExport` re-measures only it. */
const QUEUE_START = '<!-- queue-export: start -->';
const QUEUE_END = '<!-- queue-export: end -->';

/** Measures the export under the real limits, one process vs two queue-mode workers; the section has its own date and commit. */
function queueExportSection(at: string): string {
	console.log('Invoicing export under the real rate limits: one n8n process vs two queue-mode workers ...');
	const queueBench = runIsolated<QueueExportBenchResult>('queueExport.js', 'runQueueExportBench', [480, 60]);
	console.log(queueExportMarkdown(queueBench));
	return `${QUEUE_START}
## Two exports at once: one n8n process vs two queue-mode workers

The shipped export (\`workflows/invoicing-export.json\`, started by a webhook in place of its manual
trigger, reconciliation off) books ${queueBench.entries} billable entries of ${queueBench.projects} projects, one PSA contract
each, with the fakes' real limits on: The One PSA 100 requests per minute per tenant, awork 50/s and
1000/min. Rows: one run in one n8n process (regular mode); two runs started at once on the same
backlog (as a manual run during the scheduled one) in one n8n process, whose executions share one
pacer; the same two runs on the two workers of a queue-mode topology (main + 2 \`n8n worker\`,
Postgres, Redis; one execution per worker at a time), each worker with its own pacer that follows
the \`X-RateLimit-*\` (PSA) and \`RateLimit-*\` (awork) headers of every answer. Requests and 429s are
the fakes' counts, wall time runs from the start to the last stored execution. Two runs on one
backlog book each entry once (the second finds it in the PSA), so they send more requests than one.

Measured on ${new Date().toISOString().slice(0, 10)} at ${at}, on ${machine()}.

${queueExportMarkdown(queueBench)}

Single benchmark: \`npm run build:test && node build/bench/queueExport.js 480 60\`.
${QUEUE_END}`;
}

if (process.env.BENCH_ONLY === 'queueExport') replaceSection(QUEUE_START, QUEUE_END, queueExportSection(measuredAt()));
else if (process.env.BENCH_ONLY === 'exportTimeSplit') replaceSection(SPLIT_START, SPLIT_END, timeSplitSection(measuredAt()));
else main();
