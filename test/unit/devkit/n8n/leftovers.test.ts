/**
 * The leftovers tracking of the real-n8n harness (devkit/n8n/leftovers.ts): the jest global
 * teardown of the e2e, faults and queue projects kills the process groups a test file left
 * running and removes their folders, and leaves alone what was stopped cleanly. N8nProcess notes
 * its server on start and forgets it on shutdown, kill and restart (checked with a stand-in n8n:
 * a small HTTP server that logs n8n's ready line and runs a child like n8n's task runner).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import globalTeardown from '../../../../devkit/n8n/jest/globalTeardown';
import { ensureLeftoversDir, LEFTOVERS_DIR_ENV, trackProcessGroup } from '../../../../devkit/n8n/leftovers';
import { freePort, N8nProcess } from '../../../../devkit/n8n/process';

const OWNER_ENV = 'N8N_HARNESS_LEFTOVERS_OWNER';

const FAKE_N8N = `
const http = require('node:http');
const { spawn } = require('node:child_process');
const runner = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
require('node:fs').writeFileSync('runner.pid', String(runner.pid));
const server = http.createServer((req, res) => res.end('{"status":"ok"}'));
server.listen(Number(process.env.N8N_PORT), '127.0.0.1', () => console.log('Editor is now accessible via: ' + process.env.N8N_EDITOR_BASE_URL));
process.on('SIGTERM', () => { runner.kill('SIGKILL'); server.close(() => process.exit(0)); });
`;

/** False once the process is gone (a zombie nobody reaped counts as gone). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
		throw error;
	}
	const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
	return !/^\d+ \(.*\) Z/.test(stat);
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
	for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
		if (condition()) return true;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return condition();
}

/** A process that runs until killed, leader of its own process group (as the harness starts n8n). */
function spawnIdleGroup(): ChildProcess {
	const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', detached: true });
	spawned.push(child);
	return child;
}

const spawned: ChildProcess[] = [];
const savedEnv = { dir: process.env[LEFTOVERS_DIR_ENV], owner: process.env[OWNER_ENV] };
let scratch: string;

beforeEach(() => {
	// A folder of this test's own, also when the run's global setup made one.
	delete process.env[LEFTOVERS_DIR_ENV];
	delete process.env[OWNER_ENV];
	scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'leftovers-test-'));
});

afterEach(() => {
	globalTeardown();
	for (const child of spawned.splice(0)) {
		try {
			process.kill(-child.pid!, 'SIGKILL');
		} catch {
			// gone already
		}
	}
	fs.rmSync(scratch, { recursive: true, force: true });
});

afterAll(() => {
	process.env[LEFTOVERS_DIR_ENV] = savedEnv.dir;
	process.env[OWNER_ENV] = savedEnv.owner;
	if (savedEnv.dir === undefined) delete process.env[LEFTOVERS_DIR_ENV];
	if (savedEnv.owner === undefined) delete process.env[OWNER_ENV];
});

describe('leftovers teardown', () => {
	it('kills a process group a test left running, removes its folder and the pid folder', async () => {
		const dir = ensureLeftoversDir();
		const child = spawnIdleGroup();
		const folder = fs.mkdtempSync(path.join(scratch, 'user-'));
		trackProcessGroup(child.pid, folder);
		expect(fs.readdirSync(dir)).toEqual([String(child.pid)]);

		globalTeardown();

		// Our own child: gone (reaped) once node saw it exit.
		expect(await until(() => child.signalCode !== null)).toBe(true);
		expect(child.signalCode).toBe('SIGKILL');
		expect(() => process.kill(child.pid!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
		expect(fs.existsSync(folder)).toBe(false);
		expect(fs.existsSync(dir)).toBe(false);
		expect(process.env[LEFTOVERS_DIR_ENV]).toBeUndefined();
	});

	it('leaves alone a process group that was forgotten after a clean stop', async () => {
		ensureLeftoversDir();
		const forgotten = spawnIdleGroup();
		const forget = trackProcessGroup(forgotten.pid);
		forget();

		globalTeardown();

		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(alive(forgotten.pid!)).toBe(true);
	});

	it('several setups of one run share one folder; a jest started from a test makes its own', () => {
		const dir = ensureLeftoversDir();
		expect(ensureLeftoversDir()).toBe(dir);

		process.env[OWNER_ENV] = String(process.pid + 1); // the folder of the parent jest
		const own = ensureLeftoversDir();
		expect(own).not.toBe(dir);
		expect(process.env[LEFTOVERS_DIR_ENV]).toBe(own);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

describe('N8nProcess in the leftovers tracking (stand-in n8n)', () => {
	async function fakeN8n(): Promise<N8nProcess> {
		const bin = path.join(scratch, 'fake-n8n.js');
		fs.writeFileSync(bin, FAKE_N8N);
		const userFolder = fs.mkdtempSync(path.join(scratch, 'n8n-e2e-'));
		const installation = { dir: scratch, nodeBin: process.execPath, n8nBin: bin, version: 'fake' };
		return new N8nProcess(installation, userFolder, await freePort(), { startTimeoutMs: 20_000 });
	}
	const noted = (dir: string) => fs.readdirSync(dir).map(Number);
	const runnerPid = (n8n: N8nProcess) => Number(fs.readFileSync(path.join(n8n.userFolder, 'runner.pid'), 'utf8'));

	it('notes the server with its user folder on start, forgets it on shutdown, kill and restart', async () => {
		const dir = ensureLeftoversDir();
		const n8n = await fakeN8n();
		await n8n.start();
		const first = n8n.pid!;
		expect(noted(dir)).toEqual([first]);
		expect(fs.readFileSync(path.join(dir, String(first)), 'utf8')).toBe(n8n.userFolder);

		await n8n.restart();
		expect(n8n.pid).not.toBe(first);
		expect(noted(dir)).toEqual([n8n.pid]);

		await n8n.kill();
		expect(noted(dir)).toEqual([]);
		await n8n.start();
		await n8n.stop();
		expect(noted(dir)).toEqual([]);
	}, 60_000);

	it('a server the test never stopped is killed with its task runner, and its user folder removed', async () => {
		const dir = ensureLeftoversDir();
		const n8n = await fakeN8n();
		await n8n.start();
		const runner = runnerPid(n8n);
		expect(noted(dir)).toEqual([n8n.pid]);

		globalTeardown();

		expect(await until(() => !n8n.running && !alive(runner))).toBe(true);
		expect(fs.existsSync(n8n.userFolder)).toBe(false);
		expect(fs.existsSync(dir)).toBe(false);
	}, 60_000);
});
