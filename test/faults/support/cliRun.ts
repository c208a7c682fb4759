/**
 * `n8n execute --id <workflow>` as a process this code owns: its pid (and its task runner's) for
 * memory sampling, and a way to SIGKILL it mid-run. The harness's executeWorkflowCli() waits for
 * the end and hides the process; a crash test needs the process itself.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { freePort, parseLastJsonObject, type ExecutionRun, type N8nInstance } from '../../../devkit/n8n';

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

export interface MemoryPeak {
	/** Peak resident memory of the n8n CLI process (VmHWM), MB. */
	n8nPeakRssMb: number;
	/** Peak of the sum of resident memory over the CLI's process group (n8n + task runner), MB. */
	groupPeakRssMb: number;
	samples: number;
}

function statusField(pid: number, field: string): number | undefined {
	try {
		const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

/** Pids whose process group is `pgid` (the CLI detaches into its own group, its runner stays in it). */
function groupPids(pgid: number): number[] {
	const pids: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid pgrp ...; comm may hold spaces, so read after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[2]) === pgid) pids.push(Number(entry));
		} catch {
			// process ended meanwhile
		}
	}
	return pids;
}

/**
 * Samples the resident memory of a process and of its process group until stopped. For a
 * process that lives only for the run (n8n execute) the kernel's high-water mark (VmHWM) is the
 * peak; for a long-lived one (the n8n server) it covers its whole life, so the samples count.
 */
export class MemorySampler {
	private n8nPeakKb = 0;

	private groupPeakKb = 0;

	private samples = 0;

	private timer?: NodeJS.Timeout;

	constructor(
		private readonly pid: number,
		private readonly options: { highWaterMark?: boolean; intervalMs?: number } = {},
	) {}

	/** Resident memory of a process now, MB. */
	static rssMb(pid: number): number {
		return Math.round(((statusField(pid, 'VmRSS') ?? 0) / 1024) * 10) / 10;
	}

	start(): this {
		this.sample();
		this.timer = setInterval(() => this.sample(), this.options.intervalMs ?? 100);
		return this;
	}

	sample(): void {
		const own = statusField(this.pid, this.options.highWaterMark === false ? 'VmRSS' : 'VmHWM');
		if (own !== undefined) this.n8nPeakKb = Math.max(this.n8nPeakKb, own);
		let sum = 0;
		for (const pid of groupPids(this.pid)) sum += statusField(pid, 'VmRSS') ?? 0;
		this.groupPeakKb = Math.max(this.groupPeakKb, sum);
		this.samples++;
	}

	stop(): MemoryPeak {
		if (this.timer) clearInterval(this.timer);
		this.sample();
		const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
		return { n8nPeakRssMb: mb(this.n8nPeakKb), groupPeakRssMb: mb(this.groupPeakKb), samples: this.samples };
	}
}

function killGroup(pid: number): void {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// already gone
	}
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
