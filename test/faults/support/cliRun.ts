/**
 * `n8n execute --id <workflow>` as a process this code owns: its pid (and its task runner's) for
 * memory sampling, and a way to SIGKILL it mid-run. The harness's executeWorkflowCli() waits for
 * the end and hides the process; a crash test needs the process itself.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { freePort, killGroup, MemorySampler, parseLastJsonObject, type ExecutionRun, type MemoryPeak, type N8nInstance } from '../../../devkit/n8n';

export interface TrackedRun {
	pid: number;
	/** Resolves when the CLI process has exited (also after kill()). */
	done: Promise<TrackedRunResult>;
	/** SIGKILLs the CLI and its task runner (the whole process group), like a power cut. */
	kill(): void;
}

export interface TrackedRunResult {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	killed: boolean;
	stdout: string;
	stderr: string;
	result?: ExecutionRun;
	ok: boolean;
	wallMs: number;
	memory: MemoryPeak;
}

/**
 * Starts `n8n execute --id <id> --rawOutput` on the instance's user folder (next to its running
 * server, like the harness does) and samples its memory until it exits.
 */
export async function startCliRun(n8n: N8nInstance, workflowId: string, options: { timeoutMs?: number } = {}): Promise<TrackedRun> {
	const env = n8n.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
	const started = Date.now();
	const child = spawn(n8n.installation.nodeBin, [n8n.installation.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'], {
		cwd: n8n.userFolder,
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const pid = child.pid!;
	const sampler = new MemorySampler(pid).start();
	let stdout = '';
	let stderr = '';
	let killed = false;
	child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	const timeoutMs = options.timeoutMs ?? 30 * 60_000;
	const done = new Promise<TrackedRunResult>((resolve) => {
		const timer = setTimeout(() => {
			stderr += `\n[faults] n8n execute timed out after ${timeoutMs} ms; killed\n`;
			killGroup(pid);
		}, timeoutMs);
		child.once('exit', (exitCode, signal) => {
			clearTimeout(timer);
			const memory = sampler.stop();
			killGroup(pid); // the task runner, if it outlived the CLI
			const result = parseLastJsonObject(stdout) as ExecutionRun | undefined;
			try {
				// Another jest run's global setup may have emptied the artifacts folder meanwhile.
				fs.mkdirSync(path.dirname(n8n.logFile), { recursive: true });
				fs.appendFileSync(
					n8n.logFile,
					`\n[faults] n8n execute --id=${workflowId} exited ${exitCode ?? signal}${killed ? ' (killed)' : ''}\n${stdout.slice(-20000)}\n${stderr.slice(-20000)}\n`,
				);
			} catch {
				// the log is a convenience
			}
			resolve({
				exitCode,
				signal,
				killed,
				stdout,
				stderr,
				result,
				ok: exitCode === 0 && result !== undefined && !result.data?.resultData.error,
				wallMs: Date.now() - started,
				memory,
			});
		});
	});
	return {
		pid,
		done,
		kill: () => {
			killed = true;
			killGroup(pid);
		},
	};
}

/** Runs a workflow through `n8n execute` to the end, with wall time and peak memory. */
export async function runCliTracked(n8n: N8nInstance, workflowId: string, options: { timeoutMs?: number } = {}): Promise<TrackedRunResult> {
	return await (await startCliRun(n8n, workflowId, options)).done;
}
