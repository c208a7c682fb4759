/**
 * n8n in queue mode, as an agency that outgrew one process runs it: Postgres as n8n's database,
 * Redis as the queue, one main (editor, REST, triggers and webhooks; it enqueues executions) and
 * N `n8n worker` processes (they run them). All of the same n8n, one user folder (the package in
 * its nodes folder), one encryption key, everything on 127.0.0.1 with free ports.
 *
 *   const queue = await startQueueTopology({ label: 'approval' });
 *   const sandbox = await startWorkflowSandbox({ existingN8n: queue.main });
 *   ...                                  // webhooks go to queue.main; workers run the executions
 *   queue.workerOf(executionId);        // 'worker-1' | 'worker-2' | undefined
 *   await queue.stop();
 */
import { startN8n, type N8nInstance } from '../instance';
import { n8nPostgresEnv, startPostgres, type PostgresConnection, type TestPostgres } from '../postgres';
import { startRedis, type RunningRedis } from './redis';
import { N8nWorker } from './worker';

export interface QueueTopologyOptions {
	label?: string;
	/** How many `n8n worker` processes (default 2). */
	workers?: number;
	/**
	 * Executions one worker runs at once (default 5, n8n's lowest recommended value): with 2
	 * workers, more than 5 overlapping executions cannot all land on one worker.
	 */
	concurrency?: number;
	/** Extra environment for the main and every worker. */
	env?: Record<string, string>;
	/** A package folder to install instead of this repo's packed build. */
	packageDir?: string;
}

/** Milliseconds each part took to become ready. */
export interface QueueStartup {
	postgresMs: number;
	redisMs: number;
	mainMs: number;
	/** The workers start together, after the main has migrated the database. */
	workersMs: number;
	totalMs: number;
}

export interface QueueTopology {
	main: N8nInstance;
	workers: N8nWorker[];
	postgres: TestPostgres;
	/** n8n's database on that server. */
	database: PostgresConnection;
	redis: RunningRedis;
	startup: QueueStartup;
	/** The worker whose log says it started this execution, or undefined (not run by a worker). */
	workerOf(executionId: string): string | undefined;
	/** Stops workers, main, Redis and Postgres; safe to call twice. */
	stop(): Promise<void>;
}

/** The environment that puts an n8n process in queue mode on this Postgres and Redis. */
export function queueModeEnv(database: PostgresConnection, redis: RunningRedis): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		...n8nPostgresEnv(database),
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
	};
}

/** The live-instance registry the e2e jest environment reads to print log tails of failed tests. */
function logTailRegistry(): Set<unknown> | undefined {
	return (globalThis as unknown as Record<string, { instances: Set<unknown> } | undefined>).__n8nE2eHarness__?.instances;
}

export async function startQueueTopology(options: QueueTopologyOptions = {}): Promise<QueueTopology> {
	const label = options.label ?? 'queue';
	const began = Date.now();
	const started: { postgres?: TestPostgres; redis?: RunningRedis; main?: N8nInstance; workers: N8nWorker[] } = { workers: [] };
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		// Workers first, so none picks up work from a main that is going away.
		await Promise.all(started.workers.map(async (worker) => await worker.stop()));
		for (const worker of started.workers) logTailRegistry()?.delete(worker);
		await started.main?.stop();
		await started.redis?.stop();
		await started.postgres?.stop();
	};
	try {
		let mark = Date.now();
		const postgres = (started.postgres = await startPostgres({ label }));
		const database = await postgres.createDatabase('n8n');
		const postgresMs = Date.now() - mark;
		mark = Date.now();
		const redis = (started.redis = await startRedis());
		const redisMs = Date.now() - mark;

		mark = Date.now();
		const env = { ...queueModeEnv(database, redis), ...options.env };
		const main = (started.main = await startN8n({ label: `${label}-main`, env, packageDir: options.packageDir }));
		const mainMs = Date.now() - mark;

		mark = Date.now();
		const count = options.workers ?? 2;
		for (let index = 1; index <= count; index++) {
			started.workers.push(new N8nWorker(main, `${label}-worker-${index}`, { concurrency: options.concurrency ?? 5, env: options.env }));
		}
		for (const worker of started.workers) logTailRegistry()?.add(worker);
		await Promise.all(started.workers.map(async (worker) => await worker.start()));
		const workersMs = Date.now() - mark;

		const workers = started.workers;
		return {
			main,
			workers,
			postgres,
			database,
			redis,
			startup: { postgresMs, redisMs, mainMs, workersMs, totalMs: Date.now() - began },
			workerOf: (executionId) => workers.find((worker) => worker.startedExecutions().includes(executionId))?.name,
			stop,
		};
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
}
