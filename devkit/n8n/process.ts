/**
 * The n8n server process of one test n8n: its own temporary user folder (SQLite), free ports on
 * 127.0.0.1, no outbound calls to n8n's cloud; start, graceful stop, crash (kill), restart, logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { httpRequest, waitFor } from './http';
import { ARTIFACTS_DIR, type N8nInstallation } from './install';
import { killGroup, trackProcessGroup } from './leftovers';

// Kept here for the harness's callers; it lives with the leftovers tracking (no import cycle).
export { killGroup };

export interface StartN8nOptions {
	/** Extra or overriding environment for the n8n process (and its CLI commands). */
	env?: Record<string, string>;
	/** A package folder to install instead of this repo's packed build (harness self-tests). */
	packageDir?: string;
	/** Shows up in the log file name. */
	label?: string;
	/** How long startup may take before failing (default 240 s: slow CI, first migrations). */
	startTimeoutMs?: number;
	/** Start even if n8n logs "Failed to load package" (default: startup fails with n8n's reason). */
	allowPackageLoadFailure?: boolean;
}

const READY_LINE = 'Editor is now accessible via';

/** Env that keeps n8n offline and quiet; exported so tests can see what is set. */
export const OFFLINE_ENV: Record<string, string> = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_AI_ENABLED: 'false',
	// Community nodes load from <userFolder>/.n8n/nodes; never ask n8n's API or npm about them.
	N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
	N8N_REINSTALL_MISSING_PACKAGES: 'false',
	// mcp-registry fetches api.n8n.io at start; insights only adds background writes.
	N8N_DISABLED_MODULES: 'mcp-registry,insights',
	N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
	N8N_SECURE_COOKIE: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	// Explicit values for settings n8n warns will change, which keeps the log free of deprecation notes.
	N8N_RUNNERS_TASK_TIMEOUT: '300',
	N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: '268435456',
	N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
	DB_TYPE: 'sqlite',
	GENERIC_TIMEZONE: 'UTC',
	TZ: 'UTC',
	N8N_LOG_LEVEL: 'info',
	N8N_LOG_OUTPUT: 'console',
	N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
	EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
	EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
	// Publication (activation) runs through an outbox; a wake-up starts it, the poll is the fallback.
	N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
};

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Live instances, read by the e2e test environment to print log tails when a test fails. */
interface LiveRegistry {
	/** Instances not stopped for good. */
	instances: Set<N8nProcess>;
	/** Instances started or running during the current test (the environment resets it per test). */
	seen: Set<N8nProcess>;
}
const REGISTRY_KEY = '__n8nE2eHarness__';
function registry(): LiveRegistry {
	const holder = globalThis as unknown as Record<string, LiveRegistry | undefined>;
	holder[REGISTRY_KEY] ??= { instances: new Set(), seen: new Set() };
	return holder[REGISTRY_KEY]!;
}

export class N8nProcess {
	readonly baseUrl: string;

	readonly logFile: string;

	private child?: ChildProcess;

	private exitPromise?: Promise<number | null>;

	private brokerPort = 0;

	private startCount = 0;

	private removed = false;

	/** Forgets the running group in the leftovers tracking (see leftovers.ts). */
	private untrack: () => void = () => undefined;

	constructor(
		readonly installation: N8nInstallation,
		readonly userFolder: string,
		readonly port: number,
		protected readonly options: StartN8nOptions,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		// The log lives in .artifacts/n8n so it survives the user folder's removal.
		const label = (options.label ?? 'n8n').replace(/[^\w.-]+/g, '_');
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
		this.logFile = path.join(ARTIFACTS_DIR, `${path.basename(userFolder)}-${label}.log`);
	}

	/** The production webhook URL n8n serves for a webhook path (what awork must call). */
	webhookUrl(webhookPath: string): string {
		return `${this.baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`;
	}

	get running(): boolean {
		return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
	}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Environment shared by the server and CLI commands on this user folder. */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		const nodeBinDir = path.dirname(this.installation.nodeBin);
		return {
			PATH: `${nodeBinDir}:${process.env.PATH ?? ''}`,
			HOME: this.userFolder,
			LANG: 'C.UTF-8',
			...OFFLINE_ENV,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'n8n-e2e-harness-encryption-key',
			N8N_USER_MANAGEMENT_JWT_SECRET: 'n8n-e2e-harness-jwt-secret',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			...this.options.env,
			...(process.env.N8N_E2E_NODE_OPTIONS ? { NODE_OPTIONS: process.env.N8N_E2E_NODE_OPTIONS } : {}),
			...extra,
		};
	}

	/** Starts (or starts again, after stop/kill) the server on the same folder and port. */
	async start(): Promise<void> {
		if (this.removed) throw new Error('This n8n instance was stopped for good; call startN8n() again.');
		if (this.running) return;
		// The previous group, if its leader died on its own: stray members go, and it is forgotten.
		if (this.child) this.killProcessGroupNow();
		this.startCount += 1;
		this.brokerPort = await freePort();
		fs.appendFileSync(this.logFile, `\n[e2e-harness] start #${this.startCount} on port ${this.port}\n`);
		const logOffset = fs.statSync(this.logFile).size;
		const logFd = fs.openSync(this.logFile, 'a');
		try {
			// Own process group, so stop()/kill() also reach n8n's task runner child.
			this.child = spawn(this.installation.nodeBin, [this.installation.n8nBin, 'start'], {
				cwd: this.userFolder,
				env: this.env(),
				stdio: ['ignore', logFd, logFd],
				detached: true,
			});
		} finally {
			fs.closeSync(logFd);
		}
		const child = this.child;
		// Noted with the user folder, so the jest teardown removes both if this test file never stops it.
		this.untrack = trackProcessGroup(child.pid, this.userFolder);
		this.exitPromise = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
		registry().instances.add(this);
		registry().seen.add(this);

		const timeoutMs = this.options.startTimeoutMs ?? 240_000;
		try {
			await waitFor(
				async () => {
					if (!this.running) throw new Error('n8n exited during startup');
					if (!this.logSince(logOffset).includes(READY_LINE)) return undefined;
					const health = await httpRequest('GET', `${this.baseUrl}/healthz/readiness`, { timeoutMs: 5000 });
					return health.status === 200 ? true : undefined;
				},
				{ timeoutMs, intervalMs: 300, describe: () => `n8n to start on ${this.baseUrl}` },
			);
		} catch (error) {
			this.killProcessGroupNow();
			throw new Error(`${(error as Error).message}\n--- n8n log tail (${this.logFile}) ---\n${this.logTail(80)}`);
		}
		// n8n starts even when a community package fails to load; a test must not run without it.
		const startLog = this.logSince(logOffset);
		const loadFailure = startLog.indexOf('Failed to load package');
		if (loadFailure >= 0 && !this.options.allowPackageLoadFailure) {
			await this.shutdown();
			const excerpt = startLog.slice(loadFailure, loadFailure + 1500);
			throw new Error(`n8n could not load the package under test:\n${excerpt}\n(full log: ${this.logFile})`);
		}
	}

	/** Graceful stop (SIGTERM, then SIGKILL after the grace period); the folder is kept for start(). */
	async shutdown(): Promise<void> {
		const child = this.child;
		if (!child || !this.running) {
			this.killProcessGroupNow();
			return;
		}
		child.kill('SIGTERM');
		const exited = await Promise.race([
			this.exitPromise!.then(() => true),
			new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 45_000).unref()),
		]);
		if (!exited) fs.appendFileSync(this.logFile, '\n[e2e-harness] n8n ignored SIGTERM for 45 s; SIGKILL\n');
		this.killProcessGroupNow();
		await this.exitPromise;
	}

	/** Simulates a crash: signals the whole process group and waits until n8n is gone. */
	async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
		if (!this.child?.pid || !this.running) return;
		fs.appendFileSync(this.logFile, `\n[e2e-harness] kill(${signal})\n`);
		try {
			process.kill(-this.child.pid, signal);
		} catch {
			// already gone
		}
		await this.exitPromise;
		if (signal !== 'SIGKILL') this.killProcessGroupNow();
		else this.untrack();
	}

	async restart(): Promise<void> {
		await this.shutdown();
		await this.start();
	}

	/** Stops n8n for good and removes the user folder (N8N_E2E_KEEP=1 keeps it); the log stays in .artifacts/n8n. */
	async stop(options: { keepFolder?: boolean } = {}): Promise<void> {
		if (this.removed) return;
		await this.shutdown();
		registry().instances.delete(this);
		this.removed = true;
		if (!options.keepFolder && process.env.N8N_E2E_KEEP !== '1') {
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		}
	}

	/** Synchronous SIGKILL of the process group (after a graceful stop or a failed start); forgets it. */
	killProcessGroupNow(): void {
		killGroup(this.child?.pid);
		this.untrack();
	}

	// ----- logs -----

	log(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	private logSince(offset: number): string {
		const fd = fs.openSync(this.logFile, 'r');
		try {
			const size = fs.fstatSync(fd).size;
			const buffer = Buffer.alloc(Math.max(0, size - offset));
			fs.readSync(fd, buffer, 0, buffer.length, offset);
			return buffer.toString('utf8');
		} finally {
			fs.closeSync(fd);
		}
	}

	logTail(lines = 60): string {
		return this.log().split('\n').slice(-lines).join('\n');
	}
}
