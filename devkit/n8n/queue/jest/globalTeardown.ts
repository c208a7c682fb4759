/** Kills whatever a test file of the queue project left running (a crashed file cannot stop its own). */
import { harnessLog } from '../../install';
import { killLeftovers, LEFTOVERS_DIR_ENV } from '../leftovers';

export default function globalTeardown(): void {
	const dir = process.env[LEFTOVERS_DIR_ENV];
	if (!dir) return;
	const killed = killLeftovers(dir);
	if (killed > 0) harnessLog(`queue teardown: killed ${killed} process group(s) a test file left running`);
}
