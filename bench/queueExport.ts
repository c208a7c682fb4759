/**
 * The invoicing export under the real rate limits, in one n8n process and in queue mode: the
 * PSA's 100 requests/min per tenant and awork's 50/s and 1000/min are on in the fakes, and the
 * same backlog is exported
 * - once, by one n8n process (regular mode, SQLite);
 * - twice at once (two overlapping runs, as a manual run during the scheduled one), by one n8n
 *   process: both executions share that process's pacer;
 * - twice at once by two `n8n worker`s of a queue-mode topology (Postgres, Redis, main + 2
 *   workers): each worker has its own pacer and follows the budget the fakes report.
 * Per row: requests and 429 answers per API (the fakes' logs), wall time from the start to the
 * last stored execution, and whether every entry ended up in the PSA once and billed.
 *
 * Usage: node build/bench/queueExport.js [entries=480] [projects=60]
 */
import { startQueueTopology } from '../devkit/n8n/queue';
import type { N8nInstance } from '../devkit/n8n';
import { fakeControl, seedExportScenario, startWorkflowSandbox, type ExportScenario, type WorkflowSandbox } from '../devkit/sandbox';
import { importQueuedExport, requestCounts, startRuns, waitForFinishedRuns } from '../devkit/sandbox/exportInQueue';

export interface QueueExportRow {
	setup: string;
	runs: number;
	/** Which process ran each execution. */
	ranOn: string[];
	statuses: string[];
	psaRequests: number;
	psa429: number;
	aworkRequests: number;
	awork429: number;
	wallMs: number;
	/** Every entry in the PSA once, none elsewhere, all billed in awork. */
	exactlyOnce: boolean;
}

export interface QueueExportBenchResult {
	entries: number;
	projects: number;
	rows: QueueExportRow[];
}

/** The limits as the APIs document them (the fakes' defaults; the PSA's is set again in case). */
async function realLimits(sandbox: WorkflowSandbox): Promise<void> {
	await fakeControl('PUT', `${sandbox.awork.controlUrl}/config`, { rateLimit: { enabled: true, perSecond: 50, perMinute: 1000 } });
	sandbox.onePsa.fake.setRateLimit(100, 60_000);
}

async function allBookedOnce(sandbox: WorkflowSandbox, scenario: ExportScenario): Promise<boolean> {
	const booked = sandbox.onePsa.fake.state().timeEntries.map((entry) => entry.externalId);
	if (booked.length !== scenario.targets.size || new Set(booked).size !== booked.length || booked.some((id) => !scenario.targets.has(id))) return false;
	const unbilled = await fakeControl<Array<{ id: string }>>(
		'GET',
		`${sandbox.awork.controlUrl}/state/timeEntries?filterby=${encodeURIComponent('isBillable eq true and isBilled eq false')}`,
	);
	return !unbilled.some((entry) => scenario.targets.has(entry.id));
}

async function measure(
	setup: string,
	sandbox: WorkflowSandbox,
	n8n: N8nInstance,
	options: { entries: number; projects: number; runs: number; ranOn: (executionId: string) => string },
	round: number,
): Promise<QueueExportRow> {
	const scenario = await seedExportScenario(sandbox, { entries: options.entries, projects: options.projects, singlePostContracts: 0, mappedProjects: 0, seed: 500 });
	await realLimits(sandbox);
	const workflow = await importQueuedExport(sandbox, {
		webhookPath: `bench-queue-export-${round}`,
		// Its own checkpoint per row; no reconciliation reads, so the rows count the export's own requests.
		settings: { checkpointName: `benchQueueExport${round}`, reconcileDays: 0 },
	});
	const started = Date.now();
	await startRuns(workflow, options.runs);
	const runs = await waitForFinishedRuns(n8n, workflow.id, new Set(), options.runs, 60 * 60_000);
	const wallMs = Math.max(...runs.map((run) => Date.parse(String(run.stoppedAt)))) - started;
	const psa = requestCounts(sandbox.onePsa.fake.log);
	const awork = requestCounts(sandbox.awork.fake.server.log);
	await n8n.deactivateWorkflow(workflow.id);
	return {
		setup,
		runs: options.runs,
		ranOn: runs.map((run) => options.ranOn(run.id)),
		statuses: runs.map((run) => run.status),
		psaRequests: psa.requests,
		psa429: psa.rateLimited,
		aworkRequests: awork.requests,
		awork429: awork.rateLimited,
		wallMs,
		exactlyOnce: await allBookedOnce(sandbox, scenario),
	};
}

export async function runQueueExportBench(entries = 480, projects = 60): Promise<QueueExportBenchResult> {
	const rows: QueueExportRow[] = [];
	const single = await startWorkflowSandbox({ label: 'bench-queue-single' });
	try {
		const options = { entries, projects, ranOn: () => 'the n8n process' };
		rows.push(await measure('one run, one n8n process', single, single.n8n, { ...options, runs: 1 }, 1));
		rows.push(await measure('two runs at once, one n8n process', single, single.n8n, { ...options, runs: 2 }, 2));
	} finally {
		await single.close();
	}

	const queue = await startQueueTopology({ label: 'bench-queue', concurrency: 1 });
	try {
		const sandbox = await startWorkflowSandbox({ label: 'bench-queue-workers', existingN8n: queue.main });
		try {
			const ranOn = (executionId: string) => queue.workerOf(executionId) ?? 'the main';
			rows.push(await measure('two runs at once, two queue-mode workers', sandbox, queue.main, { entries, projects, runs: 2, ranOn }, 3));
		} finally {
			await sandbox.close();
		}
	} finally {
		await queue.stop();
	}
	return { entries, projects, rows };
}

/** The section of docs/benchmarks.md. */
export function queueExportMarkdown(result: QueueExportBenchResult): string {
	const lines = result.rows.map(
		(row) =>
			`| ${row.setup} | ${row.psaRequests} | ${row.psa429} | ${row.aworkRequests} | ${row.awork429} | ${(row.wallMs / 1000).toFixed(1)} s | ${row.statuses.join(', ')} (${[...new Set(row.ranOn)].join(', ')}) | ${row.exactlyOnce ? 'yes' : '**no**'} |`,
	);
	return [
		'| setup | PSA requests | PSA 429s | awork requests | awork 429s | wall time | runs (ran on) | each entry once, billed |',
		'|---|---|---|---|---|---|---|---|',
		...lines,
	].join('\n');
}

if (require.main === module) {
	runQueueExportBench(Number(process.argv[2] ?? 480), Number(process.argv[3] ?? 60))
		.then((result) => {
			console.log(JSON.stringify(result, null, 2));
			console.log(queueExportMarkdown(result));
		})
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
