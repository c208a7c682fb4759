/**
 * workflows/invoicing-export.json books every billable awork hour on the PSA exactly once and
 * bills exactly those hours in awork, whatever fails: the n8n process SIGKILLed at random points
 * (mid-write included: the request lands, the answer is lost), the n8n server killed under it,
 * both APIs answering 5xx, 429 bursts, latency spikes and reset connections, and export runs that
 * overlap. Real n8n, the shipped workflow as a user imports it, the fakes' state compared before
 * and after. Scenario size: FAULTS_PROFILE (support/profile.ts).
 */
import { seededRandom } from '../../devkit/fakes/shared/fakeServer';
import type { RequestLogEntry } from '../../devkit/fakes/shared/fakeServer';
import { httpRequest } from '../../devkit/n8n';
import { EXPORT_FILE, EXPORT_ZONE as ZONE, seedExportScenario, startWorkflowSandbox, type ExportScenario, type WorkflowSandbox } from '../../devkit/sandbox';
import { startCliRun, type TrackedRunResult } from './support/cliRun';
import { describeReport, exportDone, verifyExactlyOnce } from './support/exactlyOnce';
import { faultsProfile } from './support/profile';
import { onNthRequest } from './support/requestHooks';
import { expectNoSecrets, sandboxSecrets } from './support/secrets';

const profile = faultsProfile();
const RUN_TIMEOUT_MS = 20 * 60_000;

/**
 * Where a run is killed. Request kinds pull the plug the moment the n-th such request reaches the
 * fake (it still lands); afterRead waits a random time after the first read (preparing, posting);
 * boot kills during n8n's start; server kills the n8n server (and the run) after the n-th PSA write.
 */
type KillKind = 'psaWrite' | 'billedMark' | 'entryRead' | 'afterRead' | 'boot' | 'server';

interface KillPlan {
	kind: KillKind;
	/** The n-th matching request, or milliseconds (afterRead, boot). */
	at: number;
}

const isPsaWrite = (entry: RequestLogEntry) => entry.method === 'POST' && /\/time-entries(\/batch)?$/.test(entry.path);
const isBilledMark = (entry: RequestLogEntry) => entry.method === 'POST' && /\/timeentries\/batch\/setisbilled$/i.test(entry.path);
const isEntryRead = (entry: RequestLogEntry) => entry.method === 'GET' && /\/timeentries$/i.test(entry.path);

async function unbilledTargets(sandbox: WorkflowSandbox, scenario: ExportScenario): Promise<number> {
	const answer = await httpRequest<Array<{ id: string }>>(
		'GET',
		`${sandbox.awork.controlUrl}/state/timeEntries?filterby=${encodeURIComponent('isBillable eq true and isBilled eq false')}`,
	);
	return answer.body.filter((entry) => scenario.targets.has(entry.id)).length;
}

describe(`invoicing export, exactly once (${profile.name} profile: ${profile.entries} entries, ${profile.projects} projects)`, () => {
	let sandbox: WorkflowSandbox;
	let workflowId: string;
	const log: string[] = [];

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({
			label: 'faults-export',
			awork: { config: { apiKeys: ['awork-key-faults-7Qx2M9'] } },
			// The PSA's 100/min would make twenty-odd full runs take half an hour; pacing is measured in `npm run bench`.
			onePsa: { rateLimit: { limit: 1_000_000_000, intervalMs: 60_000 } },
		});
		workflowId = await sandbox.importShipped(EXPORT_FILE, { settings: { timezone: ZONE } });
	});

	afterAll(async () => {
		if (log.length) process.stdout.write(`\n${log.join('\n')}\n`);
		await sandbox?.close();
	});

	async function runToEnd(label: string): Promise<TrackedRunResult> {
		const run = await (await startCliRun(sandbox.n8n, workflowId, { timeoutMs: RUN_TIMEOUT_MS })).done;
		log.push(`${label}: exit ${run.exitCode}${run.ok ? '' : ` (${run.result?.data?.resultData.error?.message ?? run.stderr.slice(-200)})`} after ${run.wallMs} ms`);
		return run;
	}

	/** Runs the export (no more faults injected by the test) until every target is in the PSA and billed. */
	async function finish(scenario: ExportScenario, label: string, maxRuns = 8): Promise<number> {
		for (let runs = 1; runs <= maxRuns; runs++) {
			await runToEnd(`${label}: run ${runs} to the end`);
			if (await exportDone(sandbox, scenario)) return runs;
		}
		return maxRuns + 1;
	}

	it(`books and bills each entry once after ${profile.kills} SIGKILLs at random points`, async () => {
		const scenario = await seedExportScenario(sandbox, { entries: profile.entries, projects: profile.projects, seed: profile.seed });
		// Each run takes a slice of the backlog (the per-run cap), as the hourly catch-up does: a whole
		// backlog takes the export well under a second now, too short to kill it ten times.
		const cap = Math.ceil(profile.entries / (profile.kills * 1.5));
		const cappedId = await sandbox.importShipped(EXPORT_FILE, { settings: { timezone: ZONE, maxEntriesPerRun: cap } });
		const random = seededRandom(profile.seed);
		const pick = (max: number) => 1 + Math.floor(random() * Math.max(1, max));
		const kills: Array<KillPlan & { afterMs: number }> = [];
		for (let attempt = 0; kills.length < profile.kills && attempt < profile.kills * 3; attempt++) {
			const remaining = await unbilledTargets(sandbox, scenario);
			if (remaining === 0) break;
			const roll = random();
			const kind: KillKind =
				roll < 0.3 ? 'psaWrite' : roll < 0.5 ? 'billedMark' : roll < 0.6 ? 'entryRead' : roll < 0.75 ? 'afterRead' : roll < 0.9 ? 'boot' : 'server';
			// Counts every run is sure to reach: billing starts only after all PSA writes of the run.
			const slice = Math.min(remaining, cap);
			const reads = Math.ceil(slice / 1000);
			const writes = Math.ceil((slice * 0.9) / 100);
			const marks = Math.ceil(slice / 500);
			const plan: KillPlan = {
				kind,
				at: { psaWrite: pick(writes), billedMark: pick(marks), entryRead: pick(reads), afterRead: pick(300), boot: 200 + pick(1800), server: pick(writes) }[kind],
			};
			const run = await startCliRun(sandbox.n8n, cappedId, { timeoutMs: RUN_TIMEOUT_MS });
			let serverKilled = false;
			const pull = () => {
				run.kill();
				if (plan.kind === 'server') {
					serverKilled = true;
					void sandbox.n8n.kill('SIGKILL');
				}
			};
			const disarm: Array<() => void> = [];
			const aworkLog = sandbox.awork.fake.server.log;
			const afterMs = (ms: number) => () => {
				const timer = setTimeout(pull, ms);
				disarm.push(() => clearTimeout(timer));
			};
			if (plan.kind === 'psaWrite' || plan.kind === 'server') disarm.push(onNthRequest(sandbox.onePsa.fake.log, isPsaWrite, plan.at, pull));
			if (plan.kind === 'billedMark') disarm.push(onNthRequest(aworkLog, isBilledMark, plan.at, pull));
			if (plan.kind === 'entryRead') disarm.push(onNthRequest(aworkLog, isEntryRead, plan.at, pull));
			if (plan.kind === 'afterRead') disarm.push(onNthRequest(aworkLog, isEntryRead, 1, afterMs(plan.at)));
			if (plan.kind === 'boot') afterMs(plan.at)();
			const result = await run.done;
			disarm.forEach((off) => off());
			if (serverKilled) {
				await sandbox.n8n.kill('SIGKILL');
				await sandbox.n8n.start();
			}
			if (result.killed) kills.push({ ...plan, afterMs: result.wallMs });
			log.push(
				`crash ${kills.length}/${profile.kills}: ${plan.kind}@${plan.at} -> ${result.killed ? `killed after ${result.wallMs} ms` : `ran to the end (${result.exitCode})`}; ${remaining} targets were unbilled`,
			);
		}
		expect(kills).toHaveLength(profile.kills);
		expect(new Set(kills.map((kill) => kill.kind)).size).toBeGreaterThanOrEqual(Math.min(4, profile.kills));

		const runs = await finish(scenario, 'after crashes');
		const report = await verifyExactlyOnce(sandbox, scenario);
		log.push(`after ${kills.length} kills and ${runs} more run(s): ${describeReport(report)}`);
		expect(describeReport(report)).toBe(describeReport({ ...report, psaEntries: scenario.targets.size, duplicated: [], missing: [], unexpected: [], wrong: [], unbilled: [], changed: [] }));
		expect(report.psaEntries).toBe(profile.entries);
	});

	it('books and bills each entry once while both APIs fail: 10% 5xx, 429 bursts, latency spikes, resets before and after the write', async () => {
		const scenario = await seedExportScenario(sandbox, { entries: profile.entries, projects: profile.projects, seed: profile.seed + 1 });
		const faults = { errorRate: 0.1, errorStatus: 503, latencyMs: 0, latencyJitterMs: 60, resetRate: 0.03, resetAfterCommitRate: 0.03, burst429: 0 };
		const servers = { awork: sandbox.awork.fake.server, psa: sandbox.onePsa.fake.server };
		// Whatever the dice say, the first billed-mark and the first PSA batch land and lose their answer:
		// from their arrival, every request to that API does, until one has.
		const forced = { awork: false, psa: false };
		const setFaults = async (patch: Partial<typeof faults>) => {
			for (const [name, url] of [['awork', sandbox.awork.controlUrl], ['psa', sandbox.onePsa.controlUrl]] as const) {
				const resetAfterCommitRate = forced[name] ? 1 : faults.resetAfterCommitRate;
				await httpRequest('PUT', `${url}/faults`, { body: { ...faults, resetAfterCommitRate, ...patch } });
			}
		};
		await setFaults({});
		const releases: NodeJS.Timeout[] = [];
		const force = (name: 'awork' | 'psa') => () => {
			forced[name] = true;
			servers[name].faults.resetAfterCommitRate = 1;
			const release = setInterval(() => {
				if (!servers[name].log.some((entry) => entry.fault === 'resetAfterCommit')) return;
				clearInterval(release);
				forced[name] = false;
				servers[name].faults.resetAfterCommitRate = faults.resetAfterCommitRate;
			}, 20);
			releases.push(release);
		};
		const certain = [
			onNthRequest(servers.awork.log, isBilledMark, 1, force('awork')),
			onNthRequest(servers.psa.log, isPsaWrite, 1, force('psa')),
		];
		// Every 5 s a latency spike (1.5 s per request) or, every 15 s, a burst of three 429s.
		let tick = 0;
		const weather = setInterval(() => {
			tick++;
			void setFaults(tick % 3 === 0 ? { burst429: 3 } : tick % 3 === 1 ? { latencyMs: 1500 } : {});
		}, 5000);
		let runs = 0;
		try {
			for (; runs < 12 && !(await exportDone(sandbox, scenario)); runs++) await runToEnd(`faults: run ${runs + 1}`);
		} finally {
			certain.forEach((off) => off());
			releases.forEach((release) => clearInterval(release));
			clearInterval(weather);
			await setFaults({ errorRate: 0, resetRate: 0, resetAfterCommitRate: 0, latencyJitterMs: 0 });
		}
		const faultCounts = (entries: RequestLogEntry[]) =>
			entries.reduce<Record<string, number>>((counts, entry) => {
				if (entry.fault) counts[entry.fault] = (counts[entry.fault] ?? 0) + 1;
				return counts;
			}, {});
		const aworkFaults = faultCounts(sandbox.awork.fake.server.log);
		const psaFaults = faultCounts(sandbox.onePsa.fake.log);
		log.push(`faults: ${runs} run(s); awork faults ${JSON.stringify(aworkFaults)}; PSA faults ${JSON.stringify(psaFaults)}`);
		// The faults really happened, writes that landed without an answer included.
		expect(psaFaults.resetAfterCommit).toBeGreaterThan(0);
		expect(aworkFaults.resetAfterCommit).toBeGreaterThan(0);
		expect(psaFaults.error).toBeGreaterThan(0);
		expect(psaFaults.burst429).toBeGreaterThan(0);

		const report = await verifyExactlyOnce(sandbox, scenario);
		log.push(`after faults: ${describeReport(report)}`);
		expect(describeReport(report)).toBe(describeReport({ ...report, psaEntries: scenario.targets.size, duplicated: [], missing: [], unexpected: [], wrong: [], unbilled: [], changed: [] }));
	});

	it(`books and bills each entry once when ${profile.concurrentRuns} export runs overlap`, async () => {
		const scenario = await seedExportScenario(sandbox, { entries: profile.entries, projects: profile.projects, seed: profile.seed + 2 });
		const runs = await Promise.all(
			Array.from({ length: profile.concurrentRuns }, async () => (await startCliRun(sandbox.n8n, workflowId, { timeoutMs: RUN_TIMEOUT_MS })).done),
		);
		log.push(
			`overlap: ${runs.map((run) => `exit ${run.exitCode}${run.ok ? '' : ` (${run.result?.data?.resultData.error?.message ?? run.stderr.slice(-300)})`} after ${run.wallMs} ms`).join(', ')}`,
		);
		await finish(scenario, 'after overlap');
		const report = await verifyExactlyOnce(sandbox, scenario);
		log.push(`after overlapping runs: ${describeReport(report)}`);
		expect(describeReport(report)).toBe(describeReport({ ...report, psaEntries: scenario.targets.size, duplicated: [], missing: [], unexpected: [], wrong: [], unbilled: [], changed: [] }));
	});

	it('leaves no API key, integration key or webhook secret in execution data, logs or node outputs', async () => {
		await expectNoSecrets(sandbox.n8n, await sandboxSecrets(sandbox));
	});
});
