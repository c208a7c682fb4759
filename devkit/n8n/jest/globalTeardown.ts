/**
 * Global teardown of the real-n8n projects (e2e, faults, queue): kills whatever a test file left
 * running (a crashed file cannot stop its own servers; see ../leftovers.ts).
 */
import { harnessLog } from '../install';
import { killLeftoversOfThisRun } from '../leftovers';

export default function globalTeardown(): void {
	const killed = killLeftoversOfThisRun();
	if (killed > 0) harnessLog(`teardown: killed ${killed} process group(s) a test file left running`);
}
