/**
 * Runs once per jest run of the e2e project: makes sure n8n is installed in the cache, builds
 * the package if dist/ is stale and packs it once; test files find it through N8N_E2E_PACKAGE_DIR.
 */
import fs from 'node:fs';

import { ARTIFACTS_DIR, ensureN8nInstalled } from './install';
import { preparePackage } from './package';

export default function globalSetup(): void {
	fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
	ensureN8nInstalled();
	const dir = preparePackage();
	process.stderr.write(`\n[e2e] package packed into ${dir}\n`);
}
