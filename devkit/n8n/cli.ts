/**
 * n8n CLI commands on a test n8n's user folder, next to its running server (SQLite in WAL mode
 * allows it): any command (`import:workflow`, ...) and `n8n execute --id`, whose printed run is read.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

import type { ExecutionRun } from './executions';
import { killGroup, trackProcessGroup } from './leftovers';
import { freePort, type N8nProcess } from './process';

export interface CliRun {
	exitCode: number | null;
	/** The signal that ended the command, if one did. */
	signal?: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** The run n8n printed (IRun: {data: {resultData: {runData, error?}}, status, ...}), if any. */
	result?: ExecutionRun;
	/**
	 * True when the command exited 0 and the run has no error; also when n8n printed the finished
	 * run and then crashed on its way out (see CRASH_SIGNALS).
	 */
	ok: boolean;
}

export interface CliOutput {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/**
 * Signals of a native crash. n8n's CLI sometimes dies with one after it printed a finished run
 * (seen once in `.ci/run`, exit code null after `"finished": true`); the run itself is stored by
 * then. Such a run counts as done, and the harness log says so. A kill (SIGKILL, SIGTERM) does not.
 */
const CRASH_SIGNALS: NodeJS.Signals[] = ['SIGSEGV', 'SIGABRT', 'SIGBUS', 'SIGILL'];

/**
 * Runs an n8n CLI command (e.g. `['import:workflow', '--input=x.json']`) on the server's user
 * folder. Output is also appended to the server's log.
 */
export async function runCli(n8n: N8nProcess, args: string[], options: { timeoutMs?: number } = {}): Promise<CliOutput> {
	// The server holds its task broker port; the CLI process needs its own.
	const env = n8n.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
	const child = spawn(n8n.installation.nodeBin, [n8n.installation.n8nBin, ...args], {
		cwd: n8n.userFolder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	// Its own group may run for minutes; noted so the jest teardown ends it if this test file dies first.
	const untrack = trackProcessGroup(child.pid);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	const timeoutMs = options.timeoutMs ?? 180_000;
	const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		const timer = setTimeout(() => {
			stderr += `\n[e2e-harness] n8n ${args[0]} timed out after ${timeoutMs} ms; killed\n`;
			killGroup(child.pid);
		}, timeoutMs);
		child.once('exit', (code, exitSignal) => {
			clearTimeout(timer);
			resolve({ exitCode: code, signal: exitSignal });
		});
	});
	killGroup(child.pid); // the CLI's task runner, if it outlived the CLI
	untrack();
	// 'exit' can come before the last of a large output is read; 'close' comes when the pipes are drained.
	if (child.stdout!.readable || child.stderr!.readable) {
		await new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, 10_000);
			child.once('close', () => {
				clearTimeout(timer);
				resolve();
			});
		});
	}
	fs.appendFileSync(n8n.logFile, `\n[e2e-harness] n8n ${args.join(' ')} exited ${exitCode}${signal ? ` (${signal})` : ''}\n${stdout}\n${stderr}\n`);
	return { exitCode, signal, stdout, stderr };
}

/**
 * Runs `n8n execute --id` (mode `cli`) while the server keeps running. The workflow needs a
 * Manual Trigger. Returns the output and the parsed run.
 */
export async function executeWorkflowCli(n8n: N8nProcess, workflowId: string, options: { timeoutMs?: number } = {}): Promise<CliRun> {
	const { exitCode, signal, stdout, stderr } = await runCli(n8n, ['execute', `--id=${workflowId}`, '--rawOutput'], options);
	const result = parseLastJsonObject(stdout) as (ExecutionRun & { finished?: boolean }) | undefined;
	const succeeded = result !== undefined && !result.data?.resultData.error;
	const crashedAfterFinish = exitCode === null && !!signal && CRASH_SIGNALS.includes(signal) && result?.finished === true;
	if (crashedAfterFinish) {
		fs.appendFileSync(n8n.logFile, `[e2e-harness] n8n execute died with ${signal} after printing the finished run; counted as done\n`);
	}
	const ok = (exitCode === 0 || crashedAfterFinish) && succeeded;
	return { exitCode, signal, stdout, stderr, result, ok };
}

/** n8n prints the run as a pretty JSON object starting at a line `{` and ending at a line `}`. */
export function parseLastJsonObject(text: string): unknown {
	const lines = text.split('\n');
	for (let start = lines.length - 1; start >= 0; start--) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				break;
			}
		}
	}
	return undefined;
}
