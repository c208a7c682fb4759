/**
 * Every process group the queue harness starts (Redis, Postgres, n8n main and workers) is noted
 * here, so that nothing outlives the test run. Under jest, the queue project's global teardown
 * kills whatever a test file left running: it reads the pid files the test files wrote into
 * N8N_QUEUE_LEFTOVERS_DIR. (A test file's own process.on('exit') never fires there: jest gives
 * tests a copy of `process`.) Outside jest (the benchmark) the exit hook below does it.
 */
import fs from 'node:fs';
import path from 'node:path';

import { killGroup } from '../process';

export const LEFTOVERS_DIR_ENV = 'N8N_QUEUE_LEFTOVERS_DIR';

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
