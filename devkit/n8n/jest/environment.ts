/**
 * Jest environment for the e2e project: a plain Node environment that, when a test or hook
 * fails, prints the tail of the log of every n8n instance that test started or had running.
 * The full logs stay in .artifacts/n8n (emptied at the start of each e2e run).
 */
import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';

interface LoggingInstance {
	logFile: string;
	baseUrl: string;
	logTail(lines?: number): string;
}

interface Registry {
	instances: Set<LoggingInstance>;
	seen: Set<LoggingInstance>;
}

const TAIL_LINES = Number(process.env.N8N_E2E_LOG_TAIL_LINES ?? 80);

export default class N8nE2eEnvironment extends NodeEnvironment {
	handleTestEvent(event: Circus.Event): void {
		const registry = (this.global as unknown as Record<string, Registry | undefined>).__n8nE2eHarness__;
		if (event.name === 'test_start' && registry) {
			registry.seen = new Set(registry.instances);
			return;
		}
		const failed =
			(event.name === 'test_done' && event.test.errors.length > 0) ||
			event.name === 'hook_failure' ||
			event.name === 'test_fn_failure';
		if (!failed) return;
		if (event.name === 'test_fn_failure') return; // reported once at test_done
		const involved = new Set([...(registry?.seen ?? []), ...(registry?.instances ?? [])]);
		for (const instance of involved) {
			const title = event.name === 'test_done' ? event.test.name : `${event.hook.type} hook`;
			process.stderr.write(
				`\n----- n8n log tail for failed "${title}" (${instance.baseUrl}, ${instance.logFile}) -----\n` +
					`${instance.logTail(TAIL_LINES)}\n----- end of n8n log tail -----\n`,
			);
		}
	}
}
