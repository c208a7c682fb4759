/**
 * Runs once per jest run of the queue project: fails at once, with the install command, when
 * redis-server is missing; then what the e2e setup does (n8n cached, package packed, the folder
 * where the test files note the processes they start: see ../../leftovers.ts).
 */
import e2eGlobalSetup from '../../jest/globalSetup';
import { redisServerMissingReason } from '../redis';

export default function globalSetup(): void {
	const missing = redisServerMissingReason();
	if (missing) throw new Error(missing);
	e2eGlobalSetup();
}
