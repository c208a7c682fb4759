/**
 * Turns this repository into the package a user would install: build when dist/ is older than
 * the sources, `npm pack` (only the files package.json publishes), extract it OUTSIDE the repo so
 * that `require('luxon')` cannot be satisfied by the repo's own node_modules by accident.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { harnessLog, REPO_ROOT } from './install';

export const PACKAGE_NAME: string = JSON.parse(
	fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
).name;

/** Set by the global setup (and by preparePackage) so each test file reuses one packed copy. */
export const PACKAGE_DIR_ENV = 'N8N_E2E_PACKAGE_DIR';

function walk(dir: string, out: string[] = []): string[] {
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, out);
		else out.push(full);
	}
	return out;
}

/** The dist file a source compiles or copies to, or undefined for files the build ignores. */
function distFileFor(source: string): string | undefined {
	const relative = path.relative(REPO_ROOT, source);
	if (relative.endsWith('.d.ts')) return undefined;
	if (relative.endsWith('.ts')) return path.join(REPO_ROOT, 'dist', relative.replace(/\.ts$/, '.js'));
	if (/\.(svg|png)$/.test(relative) || relative.endsWith('.node.json')) {
		return path.join(REPO_ROOT, 'dist', relative);
	}
	return undefined;
}

/** Names the first source whose dist file is missing or older, or undefined when dist is fresh. */
export function staleBuildReason(): string | undefined {
	const sources = [...walk(path.join(REPO_ROOT, 'nodes')), ...walk(path.join(REPO_ROOT, 'credentials'))];
	// gulp copies assets with the source's mtime (to the millisecond, so allow rounding):
	// "not older than the source" is the test.
	for (const source of sources) {
		const target = distFileFor(source);
		if (!target) continue;
		if (!fs.existsSync(target)) return `${path.relative(REPO_ROOT, target)} is missing`;
		if (fs.statSync(target).mtimeMs + 2 < fs.statSync(source).mtimeMs) return `${path.relative(REPO_ROOT, source)} changed`;
	}
	// Every file package.json publishes must exist, or n8n fails to load the whole package.
	const { n8n } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	for (const file of [...(n8n?.nodes ?? []), ...(n8n?.credentials ?? [])]) {
		if (!fs.existsSync(path.join(REPO_ROOT, file))) return `${file} is missing`;
	}
	return undefined;
}

function run(command: string, args: string[], cwd: string): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result.stdout;
}

const PACKAGE_FOLDER_PREFIX = 'n8n-e2e-package-';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes packed copies older than a day that a killed run could not remove itself. */
function removeAbandonedPackageFolders(): void {
	for (const name of fs.readdirSync(os.tmpdir())) {
		if (!name.startsWith(PACKAGE_FOLDER_PREFIX)) continue;
		const folder = path.join(os.tmpdir(), name);
		try {
			if (Date.now() - fs.statSync(folder).mtimeMs > DAY_MS) fs.rmSync(folder, { recursive: true, force: true });
		} catch {
			// another run removed it first
		}
	}
}

/** Builds if needed, packs and extracts the package; returns the extracted package folder. */
export function preparePackage(options: { force?: boolean } = {}): string {
	const existing = process.env[PACKAGE_DIR_ENV];
	if (!options.force && existing && fs.existsSync(path.join(existing, 'package.json'))) return existing;

	// N8N_E2E_SKIP_BUILD=1 packs dist/ as it is (e.g. while other code in the tree does not compile).
	const stale = process.env.N8N_E2E_SKIP_BUILD === '1' ? undefined : staleBuildReason();
	if (stale) {
		harnessLog(`building the package (${stale})`);
		run('npm', ['run', 'build'], REPO_ROOT);
	}

	removeAbandonedPackageFolders();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), PACKAGE_FOLDER_PREFIX));
	// The process that packed it removes it, however it ends (jest's global setup, the demo).
	process.once('exit', () => fs.rmSync(workDir, { recursive: true, force: true }));
	const packed = JSON.parse(
		run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], REPO_ROOT),
	) as Array<{ filename: string }>;
	const tarball = path.join(workDir, path.basename(packed[0].filename));
	run('tar', ['-xzf', tarball, '-C', workDir], REPO_ROOT);
	const packageDir = path.join(workDir, 'package');
	process.env[PACKAGE_DIR_ENV] = packageDir;
	return packageDir;
}

/** Copies the packed package where n8n looks for community packages: <userFolder>/.n8n/nodes/node_modules. */
export function installPackageInto(userFolder: string, packageDir: string): string {
	const name = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).name as string;
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', name);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.cpSync(packageDir, target, { recursive: true });
	return target;
}
