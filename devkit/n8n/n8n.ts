/**
 * One real n8n server for an end-to-end test: its own temporary user folder (SQLite), free ports
 * on 127.0.0.1, this package installed as a community package, no outbound calls to n8n's cloud.
 * Drive it through REST (session cookie), the public API (API key) and the CLI (`n8n execute`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { httpRequest, waitFor, type HttpResponse } from './http';
import { ARTIFACTS_DIR, ensureN8nInstalled, type N8nInstallation } from './install';
import { installPackageInto, preparePackage } from './package';
import { loadWorkflow, withCredentials, type CredentialRef, type WorkflowJson } from './workflows';

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

export interface OwnerAccount {
	email: string;
	password: string;
}

export interface CliRun {
	exitCode: number | null;
	/** The signal that ended the command, if one did. */
	signal?: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** The run n8n printed (IRun: {data: {resultData: {runData, error?}}, status, ...}), if any. */
	result?: ExecutionRun;
	/**
	 * True when the command exited 0 and the run has no error; also when n8n printed the finished
	 * run and then crashed on its way out (see CRASH_SIGNALS).
	 */
	ok: boolean;
}

/**
 * Signals of a native crash. n8n's CLI sometimes dies with one after it printed a finished run
 * (seen once in `.ci/run`, exit code null after `"finished": true`); the run itself is stored by
 * then. Such a run counts as done, and the harness log says so. A kill (SIGKILL, SIGTERM) does not.
 */
const CRASH_SIGNALS: NodeJS.Signals[] = ['SIGSEGV', 'SIGABRT', 'SIGBUS', 'SIGILL'];

export interface ExecutionRun {
	status?: string;
	mode?: string;
	data?: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message: string; description?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
	};
	[key: string]: unknown;
}

export interface NodeRun {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message: string; description?: string; [key: string]: unknown };
	[key: string]: unknown;
}

/** An execution as the public API returns it (`includeData` adds `data`). */
export interface Execution extends ExecutionRun {
	id: string;
	finished: boolean;
	mode: string;
	status: string;
	workflowId: string;
	startedAt: string;
	stoppedAt: string | null;
}

export interface PublicationStatus {
	status: 'not_published' | 'in_progress' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

export interface ImportOptions {
	/** Credential type -> id (or {id, name}); every node reference of that type is pointed at it. */
	credentials?: Record<string, string | CredentialRef>;
	/** Overrides the workflow name (names must be unique per n8n). */
	name?: string;
}

const BROWSER_ID = 'n8n-e2e-harness';
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
	instances: Set<N8nInstance>;
	/** Instances started or running during the current test (the environment resets it per test). */
	seen: Set<N8nInstance>;
}
const REGISTRY_KEY = '__n8nE2eHarness__';
function registry(): LiveRegistry {
	const holder = globalThis as unknown as Record<string, LiveRegistry | undefined>;
	holder[REGISTRY_KEY] ??= { instances: new Set(), seen: new Set() };
	return holder[REGISTRY_KEY]!;
}

let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	// Last resort if a test file forgets stop(): never leave n8n servers running after jest.
	process.on('exit', () => {
		for (const instance of registry().instances) instance.killProcessGroupNow();
	});
}

export async function startN8n(options: StartN8nOptions = {}): Promise<N8nInstance> {
	const installation = ensureN8nInstalled();
	const packageDir = options.packageDir ?? preparePackage();
	for (let attempt = 1; ; attempt++) {
		const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		installPackageInto(userFolder, packageDir);
		const instance = new N8nInstance(installation, userFolder, await freePort(), options);
		try {
			await instance.start();
			return instance;
		} catch (error) {
			await instance.stop();
			// A free port can be taken by another process before n8n binds it: try fresh ports.
			if (attempt < 3 && /EADDRINUSE/.test((error as Error).message)) continue;
			throw error;
		}
	}
}

export class N8nInstance {
	readonly baseUrl: string;

	readonly logFile: string;

	private child?: ChildProcess;

	private exitPromise?: Promise<number | null>;

	private brokerPort = 0;

	private cookie?: string;

	private owner?: OwnerAccount;

	private apiKey?: string;

	private credentialNames = new Map<string, string>();

	private credentialData = new Map<string, Record<string, unknown>>();

	private startCount = 0;

	private removed = false;

	constructor(
		readonly installation: N8nInstallation,
		readonly userFolder: string,
		readonly port: number,
		private readonly options: StartN8nOptions,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		// The log lives in test/e2e/artifacts so it survives the user folder's removal.
		const label = (options.label ?? 'n8n').replace(/[^\w.-]+/g, '_');
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
		this.logFile = path.join(ARTIFACTS_DIR, `${path.basename(userFolder)}-${label}.log`);
		installExitHook();
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
	}

	async restart(): Promise<void> {
		await this.shutdown();
		await this.start();
	}

	/** Stops n8n for good and removes the user folder (N8N_E2E_KEEP=1 keeps it); the log stays in test/e2e/artifacts. */
	async stop(options: { keepFolder?: boolean } = {}): Promise<void> {
		if (this.removed) return;
		await this.shutdown();
		registry().instances.delete(this);
		this.removed = true;
		if (!options.keepFolder && process.env.N8N_E2E_KEEP !== '1') {
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		}
	}

	/** Synchronous SIGKILL of the process group (used on exit and after a graceful stop). */
	killProcessGroupNow(): void {
		killGroup(this.child?.pid);
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

	// ----- REST (session) -----

	private async rest<T>(method: string, restPath: string, body?: unknown, allowStatus: number[] = []): Promise<HttpResponse<T>> {
		const headers: Record<string, string> = { 'browser-id': BROWSER_ID };
		if (this.cookie) headers.cookie = this.cookie;
		const response = await httpRequest<T>(method, `${this.baseUrl}/rest${restPath}`, { headers, body });
		const setCookie = response.headers['set-cookie']?.find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		if (response.status >= 400 && !allowStatus.includes(response.status)) {
			throw new Error(`n8n REST ${method} /rest${restPath} -> ${response.status}: ${errorText(response)}`);
		}
		return response;
	}

	/** Calls n8n's internal REST API as the owner (set up on first use); returns the `data` field. */
	async restRequest<T = unknown>(method: string, restPath: string, body?: unknown): Promise<T> {
		await this.setupOwner();
		const response = await this.rest<{ data: T }>(method, restPath, body);
		return (response.body as { data: T }).data;
	}

	/** Creates the owner account (or logs in, if it exists); the session cookie is kept. */
	async setupOwner(): Promise<OwnerAccount> {
		if (this.owner && this.cookie) return this.owner;
		const owner = { email: 'owner@e2e.test', password: 'E2e-Passw0rd!' };
		const setup = await this.rest('POST', '/owner/setup', { ...owner, firstName: 'E2E', lastName: 'Owner' }, [400]);
		if (setup.status === 400) {
			// Instance already has an owner (e.g. after restart with a lost cookie): log in instead.
			await this.rest('POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		}
		this.owner = owner;
		return owner;
	}

	/** A public API key (X-N8N-API-KEY) with every scope the owner may grant. */
	async createApiKey(label = 'e2e'): Promise<string> {
		await this.setupOwner();
		const scopes = await this.restRequest<string[]>('GET', '/api-keys/scopes');
		const created = await this.restRequest<{ rawApiKey: string }>('POST', '/api-keys', {
			label: `${label}-${Date.now()}`,
			scopes,
			expiresAt: null,
		});
		return created.rawApiKey;
	}

	/** Calls the public API (/api/v1) with an API key created on first use. */
	async publicApiRequest<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<T> {
		this.apiKey ??= await this.createApiKey('harness');
		const response = await httpRequest<T>(method, `${this.baseUrl}/api/v1${apiPath}`, {
			headers: { 'x-n8n-api-key': this.apiKey },
			body,
		});
		if (response.status >= 400) {
			throw new Error(`n8n public API ${method} /api/v1${apiPath} -> ${response.status}: ${errorText(response)}`);
		}
		return response.body;
	}

	// ----- credentials -----

	async createCredential(credential: { name: string; type: string; data: Record<string, unknown> }): Promise<string> {
		const created = await this.restRequest<{ id: string }>('POST', '/credentials', credential);
		this.credentialNames.set(created.id, credential.name);
		this.credentialData.set(created.id, credential.data);
		return created.id;
	}

	/**
	 * Runs n8n's credential test (the editor's "Test" button) for a stored credential; `data`
	 * replaces fields of the stored data for this test only. Returns n8n's verdict:
	 * {status: 'OK' | 'Error', message}.
	 */
	async testCredential(
		credentialId: string,
		options: { type: string; data?: Record<string, unknown> },
	): Promise<{ status: 'OK' | 'Error'; message: string }> {
		let stored = this.credentialData.get(credentialId);
		if (!stored) {
			// Redacted as the editor would send it; n8n fills in the secret values itself.
			const credential = await this.restRequest<{ data?: Record<string, unknown> }>('GET', `/credentials/${credentialId}?includeData=true`);
			stored = credential.data ?? {};
		}
		return await this.restRequest('POST', '/credentials/test', {
			credentials: {
				id: credentialId,
				name: this.credentialNames.get(credentialId) ?? '',
				type: options.type,
				data: { ...stored, ...options.data },
			},
		});
	}

	// ----- workflows -----

	private async credentialRef(ref: string | CredentialRef): Promise<CredentialRef> {
		if (typeof ref !== 'string') return ref;
		let name = this.credentialNames.get(ref);
		if (name === undefined) {
			name = (await this.restRequest<{ name: string }>('GET', `/credentials/${ref}`)).name;
			this.credentialNames.set(ref, name);
		}
		return { id: ref, name };
	}

	/** Saves a workflow (object, or file name in test/e2e/workflows, or path) through REST; returns its id. */
	async importWorkflow(workflowOrPath: WorkflowJson | string, options: ImportOptions = {}): Promise<string> {
		let workflow = typeof workflowOrPath === 'string' ? loadWorkflow(workflowOrPath) : workflowOrPath;
		const refs: Record<string, CredentialRef> = {};
		for (const [type, ref] of Object.entries(options.credentials ?? {})) refs[type] = await this.credentialRef(ref);
		workflow = withCredentials(workflow, refs);
		const { id: _ignoredId, active: _ignoredActive, ...body } = workflow;
		const created = await this.restRequest<{ id: string }>('POST', '/workflows', {
			...body,
			name: options.name ?? `${workflow.name} ${Date.now().toString(36)}`,
			settings: { executionOrder: 'v1', ...workflow.settings },
		});
		return created.id;
	}

	async getWorkflow(workflowId: string): Promise<WorkflowJson & { id: string; versionId: string; active: boolean; activeVersionId?: string | null }> {
		return await this.restRequest('GET', `/workflows/${workflowId}`);
	}

	/**
	 * n8n 2.x publication state: activation and deactivation go through an outbox and finish
	 * shortly after the REST call returns. undefined when the publication service is switched off.
	 */
	async publicationStatus(workflowId: string): Promise<PublicationStatus | undefined> {
		await this.setupOwner();
		const response = await this.rest<{ data: PublicationStatus }>('GET', `/workflows/${workflowId}/publication-status`, undefined, [404]);
		return response.status === 404 ? undefined : response.body.data;
	}

	private async waitForPublication(workflowId: string, done: (status: PublicationStatus) => boolean, timeoutMs: number): Promise<PublicationStatus | undefined> {
		let last: PublicationStatus | undefined;
		return await waitFor(
			async () => {
				last = await this.publicationStatus(workflowId);
				if (last === undefined) return null; // synchronous (legacy) activation: nothing to wait for
				return last.status !== 'in_progress' && done(last) ? last : undefined;
			},
			{ timeoutMs, intervalMs: 200, describe: () => `publication of workflow ${workflowId} (last: ${JSON.stringify(last)})` },
		).then((status) => status ?? undefined);
	}

	/**
	 * Publishes (activates) the workflow's current version and waits until n8n has activated its
	 * triggers; trigger webhooks are registered by then. Throws with n8n's trigger errors when
	 * activation failed, unless `allowFailure` (then the status tells what happened).
	 */
	async activateWorkflow(workflowId: string, options: { allowFailure?: boolean; timeoutMs?: number } = {}): Promise<PublicationStatus | undefined> {
		const { versionId } = await this.getWorkflow(workflowId);
		await this.restRequest('POST', `/workflows/${workflowId}/activate`, { versionId });
		const status = await this.waitForPublication(
			workflowId,
			(current) => current.status !== 'not_published' && (current.liveVersionId === versionId || current.status !== 'published'),
			options.timeoutMs ?? 120_000,
		);
		if (status && status.status !== 'published' && !options.allowFailure) {
			const errors = status.triggers.map((trigger) => `${trigger.nodeId}: ${trigger.status} ${trigger.errorMessage ?? ''}`).join('; ');
			throw new Error(`Activating workflow ${workflowId} ended "${status.status}": ${errors}\n${this.logTail(30)}`);
		}
		return status;
	}

	/** Unpublishes (deactivates) the workflow and waits until n8n removed its triggers (webhooks deleted). */
	async deactivateWorkflow(workflowId: string, options: { timeoutMs?: number } = {}): Promise<void> {
		await this.restRequest('POST', `/workflows/${workflowId}/deactivate`, {});
		await this.waitForPublication(workflowId, (current) => current.status === 'not_published', options.timeoutMs ?? 120_000);
	}

	/** The workflow's static data as stored in the database (what nodes saved with getWorkflowStaticData). */
	async getStaticData(workflowId: string): Promise<Record<string, unknown>> {
		const workflow = await this.getWorkflow(workflowId);
		return (workflow.staticData as Record<string, unknown> | null | undefined) ?? {};
	}

	// ----- executions -----

	/**
	 * Runs an n8n CLI command (e.g. `['import:workflow', '--input=x.json']`) on this user folder,
	 * next to the running server (SQLite in WAL mode allows it). Output is also appended to the log.
	 */
	async runCli(
		args: string[],
		options: { timeoutMs?: number } = {},
	): Promise<{ exitCode: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
		// The server holds its task broker port; the CLI process needs its own.
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		const child = spawn(this.installation.nodeBin, [this.installation.n8nBin, ...args], {
			cwd: this.userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const timeoutMs = options.timeoutMs ?? 180_000;
		const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve) => {
			const timer = setTimeout(() => {
				stderr += `\n[e2e-harness] n8n ${args[0]} timed out after ${timeoutMs} ms; killed\n`;
				killGroup(child.pid);
			}, timeoutMs);
			child.once('exit', (code, exitSignal) => {
				clearTimeout(timer);
				resolve({ exitCode: code, signal: exitSignal });
			});
		});
		killGroup(child.pid); // the CLI's task runner, if it outlived the CLI
		fs.appendFileSync(this.logFile, `\n[e2e-harness] n8n ${args.join(' ')} exited ${exitCode}${signal ? ` (${signal})` : ''}\n${stdout}\n${stderr}\n`);
		return { exitCode, signal, stdout, stderr };
	}

	/**
	 * Runs `n8n execute --id` (mode `cli`) while the server keeps running. The workflow needs a
	 * Manual Trigger. Returns the output and the parsed run.
	 */
	async executeWorkflowCli(workflowId: string, options: { timeoutMs?: number } = {}): Promise<CliRun> {
		const { exitCode, signal, stdout, stderr } = await this.runCli(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		const result = parseLastJsonObject(stdout) as (ExecutionRun & { finished?: boolean }) | undefined;
		const succeeded = result !== undefined && !result.data?.resultData.error;
		const crashedAfterFinish = exitCode === null && !!signal && CRASH_SIGNALS.includes(signal) && result?.finished === true;
		if (crashedAfterFinish) {
			fs.appendFileSync(this.logFile, `[e2e-harness] n8n execute died with ${signal} after printing the finished run; counted as done\n`);
		}
		const ok = (exitCode === 0 || crashedAfterFinish) && succeeded;
		return { exitCode, signal, stdout, stderr, result, ok };
	}

	/** Finished executions of a workflow, newest first; with `includeData` each carries its run data. */
	async listExecutions(
		workflowId: string,
		options: { includeData?: boolean; status?: 'success' | 'error' | 'waiting' | 'canceled' } = {},
	): Promise<Execution[]> {
		const query = new URLSearchParams({ workflowId, includeData: String(options.includeData ?? true), limit: '250' });
		if (options.status) query.set('status', options.status);
		const page = await this.publicApiRequest<{ data: Execution[] }>('GET', `/executions?${query.toString()}`);
		return page.data;
	}

	async getExecution(executionId: string): Promise<Execution> {
		return await this.publicApiRequest<Execution>('GET', `/executions/${executionId}?includeData=true`);
	}

	/** Polls until the workflow has at least `count` finished executions; returns them newest first. */
	async waitForExecutions(workflowId: string, count = 1, timeoutMs = 60_000): Promise<Execution[]> {
		return await waitFor(
			async () => {
				const executions = await this.listExecutions(workflowId);
				return executions.length >= count ? executions : undefined;
			},
			{ timeoutMs, intervalMs: 500, describe: () => `${count} execution(s) of workflow ${workflowId}` },
		);
	}
}

/** The items a node emitted on one output in a run (`[]` when it did not run or emitted nothing). */
export function nodeOutput(run: ExecutionRun | undefined, nodeName: string, outputIndex = 0, runIndex = 0): Array<Record<string, unknown>> {
	const nodeRun = run?.data?.resultData.runData[nodeName]?.[runIndex];
	return (nodeRun?.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The error a node (or, without a name, the run) ended with, if any. */
export function runError(run: ExecutionRun | undefined, nodeName?: string): { message: string; description?: string } | undefined {
	if (nodeName) return run?.data?.resultData.runData[nodeName]?.[0]?.error;
	return run?.data?.resultData.error;
}

/** n8n prints the run as a pretty JSON object starting at a line `{` and ending at a line `}`. */
export function parseLastJsonObject(text: string): unknown {
	const lines = text.split('\n');
	for (let start = lines.length - 1; start >= 0; start--) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				break;
			}
		}
	}
	return undefined;
}

/** n8n's error answer without its server stack trace. */
function errorText(response: HttpResponse<unknown>): string {
	const body = response.body as { message?: unknown; hint?: unknown } | string;
	if (body && typeof body === 'object' && typeof body.message === 'string') {
		return body.hint ? `${body.message} (${String(body.hint)})` : body.message;
	}
	return response.text.slice(0, 2000);
}

function killGroup(pid: number | undefined): void {
	if (!pid) return;
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// group already gone
	}
}
