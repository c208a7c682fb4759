/**
 * Runs once per jest run of the e2e and faults projects (and inside the queue project's setup):
 * makes sure n8n is installed in the cache, builds the package if dist/ is stale and packs it
 * once; test files find it through N8N_E2E_PACKAGE_DIR. It also makes the folder where test files
 * note the processes they start, for the global teardown (../leftovers.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

import { ARTIFACTS_DIR, ensureN8nInstalled, harnessLog } from '../install';
import { ensureLeftoversDir } from '../leftovers';
import { preparePackage } from '../package';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes artifacts older than a day; fresh ones may belong to another e2e run still going. */
function pruneOldArtifacts(): void {
	if (!fs.existsSync(ARTIFACTS_DIR)) return;
	for (const name of fs.readdirSync(ARTIFACTS_DIR)) {
		const file = path.join(ARTIFACTS_DIR, name);
		if (Date.now() - fs.statSync(file).mtimeMs > DAY_MS) fs.rmSync(file, { recursive: true, force: true });
	}
}

export default function globalSetup(): void {
	pruneOldArtifacts();
	ensureN8nInstalled();
	const dir = preparePackage();
	process.stderr.write('\n');
	harnessLog(`package packed into ${dir}`);
	ensureLeftoversDir();
}
