/**
 * Every long-lived process group the real-n8n harness starts (n8n servers, CLI runs, Postgres,
 * and in queue mode Redis and workers) is noted here, so that nothing outlives the test run.
 * Under jest, the global teardown of the e2e, faults and queue projects kills whatever a test
 * file left running: it reads the pid files the test files wrote into N8N_HARNESS_LEFTOVERS_DIR.
 * (A test file's own process.on('exit') never fires there: jest gives tests a copy of `process`.)
 * Outside jest (benchmarks, the demo) the exit hook below does it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LEFTOVERS_DIR_ENV = 'N8N_HARNESS_LEFTOVERS_DIR';
/** The pid of the process that made the folder: a jest started by a test must not reuse (and empty) its parent's. */
const LEFTOVERS_OWNER_ENV = 'N8N_HARNESS_LEFTOVERS_OWNER';

/** SIGKILLs a whole process group (e.g. n8n and its task runner); nothing when it is gone already. */
export function killGroup(pid: number | undefined): void {
	if (!pid) return;
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// group already gone
	}
}

const tracked = new Set<number>();
let exitHookInstalled = false;

/**
 * Notes a process group (by its leader's pid) and the temporary folder it works in, if any;
 * returns a function that forgets it after a clean stop.
 */
export function trackProcessGroup(pid: number | undefined, folder?: string): () => void {
	if (!pid) return () => undefined;
	tracked.add(pid);
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.on('exit', () => {
			for (const group of tracked) killGroup(group);
		});
	}
	const dir = process.env[LEFTOVERS_DIR_ENV];
	const file = dir && fs.existsSync(dir) ? path.join(dir, String(pid)) : undefined;
	if (file) fs.writeFileSync(file, folder ?? '');
	return () => {
		tracked.delete(pid);
		if (file) fs.rmSync(file, { force: true });
	};
}

/**
 * Makes the folder for pid files and puts it in the environment the test files inherit. Called
 * by each project's global setup; jest may run several of them in one process (several projects
 * in one run), and they share the one folder this process made.
 */
export function ensureLeftoversDir(): string {
	const existing = process.env[LEFTOVERS_DIR_ENV];
	if (existing && process.env[LEFTOVERS_OWNER_ENV] === String(process.pid) && fs.existsSync(existing)) return existing;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-harness-pids-'));
	process.env[LEFTOVERS_DIR_ENV] = dir;
	process.env[LEFTOVERS_OWNER_ENV] = String(process.pid);
	return dir;
}

/** SIGKILLs every group noted in the folder, removes their folders and it; returns how many were still noted. */
export function killLeftovers(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	const pids = fs.readdirSync(dir).map(Number).filter((pid) => Number.isInteger(pid) && pid > 0);
	for (const pid of pids) killGroup(pid);
	for (const pid of pids) {
		const folder = fs.readFileSync(path.join(dir, String(pid)), 'utf8');
		// N8N_E2E_KEEP=1 keeps folders for reading, as the e2e harness does.
		if (folder && process.env.N8N_E2E_KEEP !== '1') fs.rmSync(folder, { recursive: true, force: true });
	}
	fs.rmSync(dir, { recursive: true, force: true });
	return pids.length;
}

/**
 * The global teardown's work: kills what the test files left running and forgets the folder (the
 * next teardown of the same run finds nothing); returns how many process groups it killed.
 */
export function killLeftoversOfThisRun(): number {
	const dir = process.env[LEFTOVERS_DIR_ENV];
	if (!dir || process.env[LEFTOVERS_OWNER_ENV] !== String(process.pid)) return 0;
	const killed = killLeftovers(dir);
	delete process.env[LEFTOVERS_DIR_ENV];
	delete process.env[LEFTOVERS_OWNER_ENV];
	return killed;
}
