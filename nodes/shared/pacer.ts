import { sleep } from 'n8n-workflow';

export interface RateWindow {
	/** Requests allowed in any interval of this length. */
	limit: number;
	intervalMs: number;
}

/**
 * Paces requests under one or more rate windows before they are sent, so a client stays
 * inside an API's budget instead of only reacting to 429s. It is a token bucket whose
 * tokens come back exactly one interval after they were spent (a sliding window), which never
 * exceeds the limit over any interval and still uses all of it.
 */
export class RequestPacer {
	private readonly sent: number[][];

	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly windows: RateWindow[],
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		this.sent = windows.map(() => []);
	}

	/** Waits for a free slot in every window, then spends it. Callers are served in order. */
	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => await this.takeSlot());
		this.queue = turn.catch(() => undefined);
		await turn;
	}

	/** After a 429, spends the whole budget until `untilMs`, so every caller waits it out. */
	blockUntil(untilMs: number): void {
		this.windows.forEach((window, index) => {
			const log = this.sent[index];
			const stamp = untilMs - window.intervalMs;
			while (log.length < window.limit) log.push(stamp);
			for (let i = 0; i < log.length; i++) log[i] = Math.max(log[i], stamp);
			// takeSlot expires entries from the front, so the log must stay in time order.
			log.sort((a, b) => a - b);
		});
	}

	private async takeSlot(): Promise<void> {
		for (;;) {
			const now = this.now();
			let waitMs = 0;
			this.windows.forEach((window, index) => {
				const log = this.sent[index];
				while (log.length && log[0] <= now - window.intervalMs) log.shift();
				if (log.length >= window.limit) {
					waitMs = Math.max(waitMs, log[0] + window.intervalMs - now + 1);
				}
			});
			if (waitMs <= 0) {
				for (const log of this.sent) log.push(now);
				return;
			}
			await this.wait(waitMs);
		}
	}
}

const pacers = new Map<string, RequestPacer>();

/**
 * One pacer per API and credential, kept for the life of the n8n process, so every item,
 * page and concurrent execution using the same credential shares one budget.
 */
export function pacerFor(key: string, windows: RateWindow[]): RequestPacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RequestPacer(windows);
		pacers.set(key, pacer);
	}
	return pacer;
}
