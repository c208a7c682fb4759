/**
 * Runs once per jest run of the queue project: fails at once, with the install command, when
 * redis-server is missing; then what the e2e setup does (n8n cached, package packed), and a
 * folder where the test files note the processes they start (see ../leftovers.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import e2eGlobalSetup from '../../jest/globalSetup';
import { LEFTOVERS_DIR_ENV } from '../leftovers';
import { redisServerMissingReason } from '../redis';

export default function globalSetup(): void {
	const missing = redisServerMissingReason();
	if (missing) throw new Error(missing);
	e2eGlobalSetup();
	process.env[LEFTOVERS_DIR_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pids-'));
}
