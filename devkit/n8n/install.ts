/**
 * Where the real n8n lives: a cache folder outside the package, filled by install-n8n.sh
 * (Node 24 + n8n, keyed by version). Installing takes minutes, so it happens once per machine.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The folder holding package.json; also right when this file runs compiled from build/ (npm run demo). */
function findRepoRoot(start: string): string {
	for (let dir = start; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
	}
	return path.resolve(start, '..', '..');
}

export const REPO_ROOT = findRepoRoot(__dirname);
/** Copies of n8n logs (and editor screenshots) from every run, kept for reading after a failure (gitignored). */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, '.artifacts', 'n8n');
/** The installer sits next to this file in the sources (devkit/n8n), also when this runs from build/. */
const INSTALL_SCRIPT = path.join(REPO_ROOT, 'devkit', 'n8n', 'install-n8n.sh');

export const N8N_VERSION = process.env.N8N_VERSION ?? '2.41.1';
export const NODE24_VERSION = process.env.NODE24_VERSION ?? '24.21.0';

export interface N8nInstallation {
	/** The cache folder of this n8n + Node version. */
	dir: string;
	/** Node 24 binary that runs n8n. */
	nodeBin: string;
	/** n8n's CLI entry (bin/n8n), run as `nodeBin n8nBin <command>`. */
	n8nBin: string;
	version: string;
}

/** Writes one line to stderr, prefixed `[e2e]` (or `[$N8N_E2E_LOG_PREFIX]`, e.g. the demo's). */
export function harnessLog(text: string): void {
	process.stderr.write(`[${process.env.N8N_E2E_LOG_PREFIX ?? 'e2e'}] ${text}\n`);
}

export function n8nCacheDir(): string {
	const root = process.env.N8N_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'n8n-nodes-awork-psa');
	return path.join(root, `n8n-${N8N_VERSION}-node-${NODE24_VERSION}`);
}

function describeInstallation(dir: string): N8nInstallation {
	return {
		dir,
		nodeBin: path.join(dir, 'node24', 'bin', 'node'),
		n8nBin: path.join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
		version: N8N_VERSION,
	};
}

/** Returns the cached installation, running install-n8n.sh first when the cache is missing. */
export function ensureN8nInstalled(): N8nInstallation {
	const dir = n8nCacheDir();
	if (!fs.existsSync(path.join(dir, '.complete'))) {
		harnessLog(`n8n ${N8N_VERSION} is not cached in ${dir}; installing it once (about 10-15 minutes on 2 cores)`);
		// install-n8n.sh prints its progress on stderr and clears the caller's npm_config_* itself.
		const result = spawnSync('bash', [INSTALL_SCRIPT], {
			stdio: ['ignore', 'pipe', 'inherit'],
			env: { ...process.env, N8N_VERSION, NODE24_VERSION },
			encoding: 'utf8',
		});
		if (result.status !== 0) {
			throw new Error(`installing n8n ${N8N_VERSION} failed (install-n8n.sh exit ${result.status ?? result.signal}); its reason is printed above`);
		}
	}
	const installation = describeInstallation(dir);
	for (const file of [installation.nodeBin, installation.n8nBin]) {
		if (!fs.existsSync(file)) {
			throw new Error(`n8n cache ${dir} is incomplete: ${file} is missing. Delete the folder and rerun.`);
		}
	}
	return installation;
}
