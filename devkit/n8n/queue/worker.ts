/**
 * One `n8n worker` of a queue-mode topology: the same n8n and user folder as the main, its own
 * health port and task-runner port; ready when it logs "n8n worker is now ready" and its
 * /healthz/readiness answers 200. Its log tells which executions it ran.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { httpRequest, waitFor } from '../http';
import { ARTIFACTS_DIR } from '../install';
import { killGroup, trackProcessGroup } from '../leftovers';
import { freePort, type N8nProcess } from '../process';

const READY_LINE = 'n8n worker is now ready';
const STARTED_EXECUTION = /Worker started execution (\d+) \(job/g;

export class N8nWorker {
	readonly logFile: string;

	/** The worker's health server (what the log-tail printer calls its address). */
	baseUrl = '';

	private child?: ChildProcess;

	private exitPromise?: Promise<void>;

	private untrack: () => void = () => undefined;

	constructor(
		/** The main whose user folder, database and queue this worker shares. */
		readonly main: N8nProcess,
		readonly name: string,
		private readonly options: { concurrency?: number; env?: Record<string, string> } = {},
	) {
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
		this.logFile = path.join(ARTIFACTS_DIR, `${path.basename(main.userFolder)}-${name}.log`);
	}

	get running(): boolean {
		return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
	}

	async start(timeoutMs = 240_000): Promise<void> {
		if (this.running) return;
		const healthPort = await freePort();
		this.baseUrl = `http://127.0.0.1:${healthPort}`;
		const env = this.main.env({
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			// Each process runs its own task runner broker.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...this.options.env,
		});
		fs.appendFileSync(this.logFile, `\n[queue-harness] ${this.name} starting (health ${this.baseUrl})\n`);
		const logOffset = fs.statSync(this.logFile).size;
		const logFd = fs.openSync(this.logFile, 'a');
		try {
			const args = [this.main.installation.n8nBin, 'worker', `--concurrency=${this.options.concurrency ?? 10}`];
			this.child = spawn(this.main.installation.nodeBin, args, { cwd: this.main.userFolder, env, stdio: ['ignore', logFd, logFd], detached: true });
		} finally {
			fs.closeSync(logFd);
		}
		const child = this.child;
		this.untrack = trackProcessGroup(child.pid);
		this.exitPromise = new Promise((resolve) => child.once('exit', () => resolve()));
		try {
			await waitFor(
				async () => {
					if (!this.running) throw new Error(`${this.name} exited during startup`);
					if (!this.log().slice(logOffset).includes(READY_LINE)) return undefined;
					const health = await httpRequest('GET', `${this.baseUrl}/healthz/readiness`, { timeoutMs: 5000 });
					return health.status === 200 ? true : undefined;
				},
				{ timeoutMs, intervalMs: 300, describe: () => `n8n ${this.name} to be ready` },
			);
		} catch (error) {
			this.killNow();
			throw new Error(`${(error as Error).message}\n--- ${this.name} log tail (${this.logFile}) ---\n${this.logTail(60)}`);
		}
	}

	/** Graceful stop: SIGTERM lets running executions finish (N8N_GRACEFUL_SHUTDOWN_TIMEOUT), then SIGKILL. */
	async stop(): Promise<void> {
		if (!this.child || !this.running) {
			this.killNow();
			return;
		}
		this.child.kill('SIGTERM');
		await Promise.race([this.exitPromise, new Promise((resolve) => setTimeout(resolve, 45_000).unref())]);
		this.killNow();
		await this.exitPromise;
	}

	/** A crash: SIGKILL to the worker and its task runner, at once. */
	async kill(): Promise<void> {
		if (!this.running) return;
		fs.appendFileSync(this.logFile, `\n[queue-harness] ${this.name} killed (SIGKILL)\n`);
		this.killNow();
		await this.exitPromise;
	}

	private killNow(): void {
		killGroup(this.child?.pid);
		this.untrack();
	}

	/** IDs of the executions this worker started, in the order it started them. */
	startedExecutions(): string[] {
		return [...this.log().matchAll(STARTED_EXECUTION)].map((match) => match[1]);
	}

	log(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	logTail(lines = 60): string {
		return this.log().split('\n').slice(-lines).join('\n');
	}
}
