/**
 * workflows/invoicing-export.json in queue mode: Postgres, Redis, one main that takes the
 * triggers and 2 workers (one execution each at a time) that run the exports, the ID Mapping
 * store (checkpoint, read position, contract mappings) on a Data Table in n8n's Postgres:
 * - two runs started at once, one per worker, and the schedule firing while a manual run goes
 *   on: every entry in the PSA once and billed once;
 * - the worker running an export SIGKILLed between its PSA writes: the next run finishes the
 *   work, nothing lost or doubled;
 * - the PSA's real limit (100 requests/min per tenant) and awork's on, two workers exporting to
 *   one tenant at once: nothing lost or doubled, the 429s counted and reported.
 *
 * Where the export keeps its state: exactly once rests on the PSA (each entry's awork ID is its
 * externalId, each write carries an Idempotency-Key), the checkpoint and read position are rows of
 * the Data Table (shared through the database), and nothing of the export is in static data. The
 * pacers are per worker; each follows the budget the PSA and awork report in their headers.
 */
import { DateTime } from 'luxon';

import { startQueueTopology, type N8nWorker, type QueueTopology } from '../../devkit/n8n/queue';
import { EXPORT_ZONE, seedExportScenario, startWorkflowSandbox, type ExportScenario, type WorkflowSandbox } from '../../devkit/sandbox';
import {
	importQueuedExport,
	ranAtTheSameTime,
	requestCounts,
	startRuns,
	waitForFinishedRuns,
	type QueuedExport,
} from '../../devkit/sandbox/exportInQueue';
import { waitFor, type Execution } from '../../devkit/n8n';
import { describeReport, exportDone, verifyExactlyOnce, type ExactlyOnceReport } from '../faults/support/exactlyOnce';
import { onNthRequest } from '../faults/support/requestHooks';

const UNLIMITED = { limit: 1_000_000_000, intervalMs: 60_000 };
const RUN_TIMEOUT_MS = 20 * 60_000;
/** Executions a worker's log shows started and not finished. */
function unfinishedExecutions(worker: N8nWorker): string[] {
	const finished = new Set([...worker.log().matchAll(/Worker finished execution (\d+)/g)].map((match) => match[1]));
	return worker.startedExecutions().filter((id) => !finished.has(id));
}

const isPsaWrite = (entry: { method: string; path: string }) => entry.method === 'POST' && /\/time-entries(\/batch)?$/.test(entry.path);

/** What a clean report looks like for this scenario: each target once in the PSA and billed, nothing else touched. */
const clean = (report: ExactlyOnceReport, scenario: ExportScenario) =>
	describeReport({ ...report, psaEntries: scenario.targets.size, duplicated: [], missing: [], unexpected: [], wrong: [], unbilled: [], changed: [] });

describe('workflow "invoicing export" in queue mode (main + 2 workers, Postgres, Redis)', () => {
	let queue: QueueTopology;
	let sandbox: WorkflowSandbox;
	const seen = new Set<string>();
	const log: string[] = [];
	let imported = 0;

	/** A fresh copy of the export with its own checkpoint, so each scenario starts from nothing. */
	async function freshExport(settings: Record<string, unknown> = {}, scheduleEverySeconds?: number): Promise<QueuedExport> {
		imported++;
		return await importQueuedExport(sandbox, {
			webhookPath: `queue-export-${imported}`,
			settings: { checkpointName: `queueExport${imported}`, ...settings },
			scheduleEverySeconds,
		});
	}

	const workersOf = (executions: Execution[]) => executions.map((execution) => queue.workerOf(execution.id) ?? `not a worker (execution ${execution.id})`);
	const summaryOf = async (execution: Execution) => {
		const full = await queue.main.getExecution(execution.id);
		const items = full.data?.resultData.runData.Summary?.[0]?.data?.main?.[0] ?? [];
		return (items[0]?.json ?? {}) as { exported?: number; alreadyInPsa?: number; markedBilled?: number; failed?: number };
	};

	beforeAll(async () => {
		// One execution per worker at a time: two runs started together must land on both workers.
		queue = await startQueueTopology({ label: 'export', concurrency: 1 });
		sandbox = await startWorkflowSandbox({ label: 'export-queue', existingN8n: queue.main, onePsa: { rateLimit: UNLIMITED } });
	});

	afterAll(async () => {
		if (log.length) process.stdout.write(`\n${log.join('\n')}\n`);
		await sandbox?.close();
		await queue?.stop();
	});

	beforeEach(() => {
		sandbox.onePsa.fake.setRateLimit(UNLIMITED.limit, UNLIMITED.intervalMs);
		sandbox.onePsa.fake.server.faults.latencyMs = 0;
	});

	it('two runs started at once, one on each worker: every entry in the PSA once and billed once', async () => {
		const scenario = await seedExportScenario(sandbox, { entries: 600, projects: 12, seed: 101 });
		const workflow = await freshExport();
		// Slow PSA answers keep both runs in their writes at the same time.
		sandbox.onePsa.fake.server.faults.latencyMs = 300;

		await startRuns(workflow, 2);
		const runs = await waitForFinishedRuns(queue.main, workflow.id, seen, 2);
		const workers = workersOf(runs);
		const summaries = await Promise.all(runs.map(summaryOf));
		log.push(
			`two at once: ${runs.map((run, i) => `${workers[i]} ${run.status}, exported ${summaries[i].exported}, already in the PSA ${summaries[i].alreadyInPsa}, marked billed ${summaries[i].markedBilled}`).join(' | ')}`,
		);

		expect(runs.map((run) => run.status)).toEqual(['success', 'success']);
		expect(new Set(workers)).toEqual(new Set(['export-worker-1', 'export-worker-2']));
		expect(ranAtTheSameTime(runs)).toBe(true);
		// Each entry was booked by exactly one of the runs; the other found it there.
		expect(summaries.reduce((sum, summary) => sum + Number(summary.exported), 0)).toBe(scenario.targets.size);
		const report = await verifyExactlyOnce(sandbox, scenario);
		expect(describeReport(report)).toBe(clean(report, scenario));
	}, RUN_TIMEOUT_MS);

	it('the schedule firing while a manual run goes on: every entry in the PSA once and billed once', async () => {
		const scenario = await seedExportScenario(sandbox, { entries: 600, projects: 12, seed: 202 });
		// The schedule fires every 20 s here, in the export hour, so its runs export too.
		const hour = DateTime.now().setZone(EXPORT_ZONE).hour;
		const workflow = await freshExport({ exportHour: hour }, 20);
		sandbox.onePsa.fake.server.faults.latencyMs = 300;
		// The first scheduled run's first PSA write starts the manual run; then the schedule is stopped.
		await new Promise<void>((resolve, reject) => {
			onNthRequest(sandbox.onePsa.fake.log, isPsaWrite, 1, () => void startRuns(workflow, 1).then(resolve, reject));
		});
		await queue.main.deactivateWorkflow(workflow.id);
		const runs = await waitForFinishedRuns(queue.main, workflow.id, seen, 2);
		const modes = runs.map((run) => run.mode);
		log.push(`schedule + manual: ${runs.map((run, i) => `${run.mode} on ${workersOf(runs)[i]} ${run.status}`).join(' | ')}`);

		expect(modes).toEqual(expect.arrayContaining(['trigger', 'webhook']));
		expect(runs.every((run) => run.status === 'success')).toBe(true);
		const scheduled = runs.find((run) => run.mode === 'trigger')!;
		const manual = runs.find((run) => run.mode === 'webhook')!;
		expect(ranAtTheSameTime([scheduled, manual])).toBe(true);
		const report = await verifyExactlyOnce(sandbox, scenario);
		expect(describeReport(report)).toBe(clean(report, scenario));
	}, RUN_TIMEOUT_MS);

	it('the worker running an export SIGKILLed between its PSA writes: the next run finishes, nothing lost or doubled', async () => {
		const scenario = await seedExportScenario(sandbox, { entries: 600, projects: 12, seed: 303 });
		const workflow = await freshExport();
		sandbox.onePsa.fake.server.faults.latencyMs = 300;
		let killed: string | undefined;
		let killedExecution: string | undefined;
		const killing = new Promise<void>((resolve) => {
			onNthRequest(sandbox.onePsa.fake.log, isPsaWrite, 4, () => {
				// The worker whose log shows an execution started and not finished runs this export.
				const busy = queue.workers.map((worker) => ({ worker, running: unfinishedExecutions(worker) })).find((candidate) => candidate.running.length > 0);
				killed = busy?.worker.name;
				killedExecution = busy?.running[0];
				void (busy?.worker.kill() ?? Promise.resolve()).then(resolve);
			});
		});
		await startRuns(workflow, 1);
		await killing;
		// The writes that were on their way land (the PSA answers after 300 ms), their answers go nowhere.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const psaAfterKill = sandbox.onePsa.fake.state().timeEntries.length;
		const doneAfterKill = await exportDone(sandbox, scenario);
		const victim = queue.workers.find((worker) => worker.name === killed)!;
		await victim.start();
		sandbox.onePsa.fake.server.faults.latencyMs = 0;

		// The killed execution is left as it was; the next run is a new one.
		const abandoned = (await queue.main.listExecutions(workflow.id, { includeData: false })).map((execution) => execution.id);
		for (const id of abandoned) seen.add(id);
		await startRuns(workflow, 1);
		const [next] = await waitForFinishedRuns(queue.main, workflow.id, seen, 1);
		// What n8n does with the killed execution (left running, or taken up again by a worker once
		// its job's lock runs out); waited for, so it cannot run into the next test.
		const fate = await waitFor(
			async () => {
				const execution = await queue.main.getExecution(String(killedExecution)).catch(() => undefined);
				return execution && !['running', 'new'].includes(execution.status) ? execution.status : undefined;
			},
			{ timeoutMs: 150_000, intervalMs: 1000, describe: () => `the killed execution ${killedExecution} to end` },
		).catch(() => 'still marked running after 150 s');
		const takenUpBy = queue.workers.filter((worker) => worker.name !== killed && worker.startedExecutions().includes(String(killedExecution))).map((worker) => worker.name);
		log.push(
			`kill: ${killed} SIGKILLed running execution ${killedExecution} with ${psaAfterKill} of ${scenario.targets.size} entries in the PSA; next run ${next.status} on ${workersOf([next])[0]}; the killed execution: ${fate}${takenUpBy.length ? `, run again by ${takenUpBy.join(', ')}` : ''}`,
		);

		expect(killed).toMatch(/export-worker-\d/);
		expect(psaAfterKill).toBeGreaterThan(0);
		expect(doneAfterKill).toBe(false);
		expect(next.status).toBe('success');
		const report = await verifyExactlyOnce(sandbox, scenario);
		expect(describeReport(report)).toBe(clean(report, scenario));
	}, RUN_TIMEOUT_MS);

	it("with the PSA's and awork's real limits, two workers export to one tenant at once: nothing lost or doubled, 429s counted", async () => {
		// Enough contracts that the two runs need more than one minute of the PSA's budget.
		const scenario = await seedExportScenario(sandbox, { entries: 480, projects: 60, singlePostContracts: 0, mappedProjects: 0, seed: 404 });
		const workflow = await freshExport({ reconcileDays: 0 });
		sandbox.onePsa.fake.setRateLimit(100, 60_000);
		const psaFrom = sandbox.onePsa.fake.log.length;
		const aworkFrom = sandbox.awork.fake.server.log.length;
		expect(sandbox.awork.fake.config.rateLimit).toMatchObject({ enabled: true, perSecond: 50, perMinute: 1000 });

		const started = Date.now();
		await startRuns(workflow, 2);
		const runs = await waitForFinishedRuns(queue.main, workflow.id, seen, 2, 20 * 60_000);
		const wallMs = Date.now() - started;
		const psa = requestCounts(sandbox.onePsa.fake.log, psaFrom);
		const awork = requestCounts(sandbox.awork.fake.server.log, aworkFrom);
		const workers = workersOf(runs);
		log.push(
			`real limits, two workers: ${runs.map((run, i) => `${workers[i]} ${run.status}`).join(' | ')}; PSA ${psa.requests} requests, ${psa.rateLimited} answered 429; awork ${awork.requests} requests, ${awork.rateLimited} answered 429; ${(wallMs / 1000).toFixed(1)} s`,
		);

		expect(runs.map((run) => run.status)).toEqual(['success', 'success']);
		expect(new Set(workers).size).toBe(2);
		// More than one minute's budget was needed, so the limit really was in the way.
		expect(psa.requests - psa.rateLimited).toBeGreaterThan(100);
		const report = await verifyExactlyOnce(sandbox, scenario);
		expect(describeReport(report)).toBe(clean(report, scenario));
	}, RUN_TIMEOUT_MS);
});
