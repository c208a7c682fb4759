/**
 * n8n in queue mode for tests and benchmarks: Postgres (../postgres.ts), Redis, one main and
 * N workers. See topology.ts.
 */
export { startQueueTopology, queueModeEnv } from './topology';
export type { QueueTopology, QueueTopologyOptions, QueueStartup } from './topology';
export { N8nWorker } from './worker';
export { startRedis, redisServerMissingReason, REDIS_INSTALL_COMMAND } from './redis';
export type { RunningRedis } from './redis';
