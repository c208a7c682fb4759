/**
 * Resident memory of an n8n process and of its process group (n8n + its task runner), read from
 * /proc (Linux): for the fault suite's CLI runs and the benchmark's server runs.
 */
import fs from 'node:fs';

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
