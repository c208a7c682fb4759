/**
 * Two n8n workers exporting to one PSA tenant at once, as in queue mode: each worker is a process
 * with its own pacer, and only the PSA's X-RateLimit-* headers tell one what the other spent.
 * Each "process" here is the package loaded again in a module registry of its own
 * (jest.isolateModulesAsync), so its pacers and settings are its own, as in a separate process.
 *
 * The real limit (100 requests per minute per tenant) is on, so this takes about two minutes:
 * every tenant needs two windows (three for workers set to half of it each). Both readings of
 * X-RateLimit-Reset the docs allow are served.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import type { RunNodeResult } from '../../../devkit/engine/runNode';
import { PSA_RATE_LIMIT, startFakeOnePsa, type FakeTenant, type RunningFakeOnePsa } from '../../../devkit/fakes/onepsa';

interface WorkerProcess {
	/** `sharePercent`: the credential's Share of the Rate Limit (unset: all of it). */
	export(tenant: FakeTenant, input: INodeExecutionData[], sharePercent?: number): Promise<RunNodeResult>;
}

const KEY = 'psa-integration-key';
const TENANTS = {
	/** Workers that follow the budget; Reset as a Unix time. */
	followingEpoch: { tenantId: 'tenant-following-epoch', integrationKey: KEY, rateLimitReset: 'epochSeconds' },
	/** Workers that follow the budget; Reset as seconds until. */
	followingSeconds: { tenantId: 'tenant-following-seconds', integrationKey: KEY, rateLimitReset: 'secondsUntil' },
	/**
	 * Workers that follow the budget, each set to half of it in the credential. Half each adds up
	 * to the budget, so they only meet a 429 when requests reach the PSA late (a loaded machine).
	 */
	halfEach: { tenantId: 'tenant-half-each', integrationKey: KEY },
	/** Workers that ignore the headers: each thinks it owns the whole budget. */
	blind: { tenantId: 'tenant-blind', integrationKey: KEY },
} satisfies Record<string, FakeTenant>;

const CONTRACTS = ['ctr_a', 'ctr_b', 'ctr_c', 'ctr_d'];
const ENTRIES_PER_CONTRACT = 20;

/** Loads the OnePsa node, its credential and the engine in a module registry of their own. */
async function startWorker(psa: RunningFakeOnePsa, followServerBudget: boolean): Promise<WorkerProcess> {
	let worker: WorkerProcess | undefined;
	await jest.isolateModulesAsync(async () => {
		const { runNode } = await import('../../../devkit/engine/runNode');
		const { OnePsa } = await import('../../../nodes/OnePsa/OnePsa.node');
		const { OnePsaApi } = await import('../../../credentials/OnePsaApi.credentials');
		const { pacingSettings } = await import('../../../nodes/shared/pacer');
		pacingSettings.followServerBudget = followServerBudget;
		worker = {
			export: async (tenant, input, sharePercent) =>
				await runNode({
					node: new OnePsa(),
					parameters: EXPORT_PARAMETERS,
					credentials: {
						onePsaApi: {
							tenantId: tenant.tenantId,
							apiUrl: psa.baseUrl,
							integrationKey: tenant.integrationKey,
							apiKey: '',
							webhookSecret: '',
							...(sharePercent === undefined ? {} : { rateLimitShare: sharePercent }),
						},
					},
					credentialTypes: [new OnePsaApi()],
					input,
				}),
		};
	});
	return worker!;
}

const EXPORT_PARAMETERS: INodeParameters = {
	resource: 'timeEntry',
	operation: 'exportToContract',
	contractId: { __rl: true, mode: 'id', value: '={{ $json.contractId }}' },
	// One request per entry, so 160 writes per tenant need two windows of the budget.
	options: { useBatch: false },
};

/** The same backlog for both workers: awork time entries as the Awork node outputs them. */
function backlog(): INodeExecutionData[] {
	return CONTRACTS.flatMap((contractId, c) =>
		Array.from({ length: ENTRIES_PER_CONTRACT }, (_, n): INodeExecutionData => {
			const day = String((n % 28) + 1).padStart(2, '0');
			const json: IDataObject = {
				id: `aw-te-${c}-${n}`,
				duration: 1800,
				startDateUtc: `2026-05-${day}T08:00:00Z`,
				startDateLocal: `2026-05-${day}`,
				note: `Work item ${c}-${n}`,
				isBillable: true,
				user: { id: 'u1', firstName: 'Ada', lastName: 'Lovelace' },
				project: { id: `p${c}`, name: `Project ${c}` },
				contractId,
			};
			return { json };
		}),
	);
}

interface TenantOutcome {
	errors: string[];
	statuses: Record<string, number>;
	/** PSA entries per externalId. */
	booked: Map<string, number>;
	requests: number;
	rateLimited: number;
}

function outcomeOf(psa: RunningFakeOnePsa, tenant: FakeTenant, runs: RunNodeResult[]): TenantOutcome {
	const statuses: Record<string, number> = {};
	for (const item of runs.flatMap((run) => run.items)) statuses[String(item.json.status)] = (statuses[String(item.json.status)] ?? 0) + 1;
	const booked = new Map<string, number>();
	for (const entry of psa.fake.state(tenant.tenantId).timeEntries) booked.set(entry.externalId, (booked.get(entry.externalId) ?? 0) + 1);
	const log = psa.fake.log.filter((entry) => entry.headers['x-tenant-id'] === tenant.tenantId);
	return {
		errors: runs.flatMap((run) => (run.error ? [run.error.message] : [])),
		statuses,
		booked,
		requests: log.length,
		rateLimited: log.filter((entry) => entry.status === 429).length,
	};
}

describe('pacing across processes: two workers export to one PSA tenant at once', () => {
	let psa: RunningFakeOnePsa;

	beforeAll(async () => {
		psa = await startFakeOnePsa({ tenants: Object.values(TENANTS) });
		for (const tenant of Object.values(TENANTS)) {
			psa.fake.seed({ companies: [{ id: 'cmp_1', name: 'Acme' }], contracts: CONTRACTS.map((id) => ({ id, name: id, companyId: 'cmp_1' })) }, tenant.tenantId);
		}
	});
	afterAll(async () => await psa?.close());

	it('with the real limit: nothing lost or doubled, and fewer 429s when workers follow the headers', async () => {
		expect(psa.fake.rateLimit).toEqual(PSA_RATE_LIMIT);
		const following = [await startWorker(psa, true), await startWorker(psa, true)];
		const blind = [await startWorker(psa, false), await startWorker(psa, false)];
		const input = backlog();

		// All three tenants at once; each has its own budget on the fake and its own pacer in each worker.
		const [epochRuns, secondsRuns, halfRuns, blindRuns] = await Promise.all([
			Promise.all(following.map(async (worker) => await worker.export(TENANTS.followingEpoch, input))),
			Promise.all(following.map(async (worker) => await worker.export(TENANTS.followingSeconds, input))),
			Promise.all(following.map(async (worker) => await worker.export(TENANTS.halfEach, input, 50))),
			Promise.all(blind.map(async (worker) => await worker.export(TENANTS.blind, input))),
		]);

		const outcomes = {
			followingEpoch: outcomeOf(psa, TENANTS.followingEpoch, epochRuns),
			followingSeconds: outcomeOf(psa, TENANTS.followingSeconds, secondsRuns),
			halfEach: outcomeOf(psa, TENANTS.halfEach, halfRuns),
			blind: outcomeOf(psa, TENANTS.blind, blindRuns),
		};
		const expectedIds = input.map((item) => String(item.json.id)).sort();
		const summary = Object.entries(outcomes).map(
			([name, outcome]) => `${name}: ${outcome.requests} requests, ${outcome.rateLimited} answered 429, statuses ${JSON.stringify(outcome.statuses)}`,
		);
		process.stdout.write(`\n[pacing across processes] ${summary.join('; ')}\n`);

		for (const outcome of Object.values(outcomes)) {
			// Nothing doubled: no entry is in the PSA twice, whoever sent it first.
			expect([...outcome.booked.values()].filter((count) => count !== 1)).toEqual([]);
		}
		for (const outcome of [outcomes.followingEpoch, outcomes.followingSeconds, outcomes.halfEach]) {
			// Nothing lost: both runs end, each entry created once and reported as already there to the other run.
			expect(outcome.errors).toEqual([]);
			expect([...outcome.booked.keys()].sort()).toEqual(expectedIds);
			expect(outcome.statuses).toEqual({ created: expectedIds.length, duplicate: expectedIds.length });
			expect(outcome.rateLimited).toBeLessThan(outcomes.blind.rateLimited);
		}
		// Workers that ignore the headers do meet the PSA's limit: the comparison measures something.
		expect(outcomes.blind.rateLimited).toBeGreaterThan(0);

	}, 300_000);
});
