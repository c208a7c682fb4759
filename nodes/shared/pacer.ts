import { sleep } from 'n8n-workflow';
import { httpLimits } from './http/limits';

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
	private readonly windows: RateWindow[];

	private readonly sent: number[][];

	private queue: Promise<void> = Promise.resolve();

	/** Nobody is served before this time (set after a 429). */
	private blockedUntilMs = 0;

	constructor(
		windows: RateWindow[],
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		// A copy: observeBudget() may change a limit, and callers share their window constants.
		this.windows = windows.map((window) => ({ ...window }));
		this.sent = windows.map(() => []);
	}

	/** Waits for a free slot in every window, then spends it. Callers are served in order. */
	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => await this.takeSlot());
		this.queue = turn.catch(() => undefined);
		await turn;
	}

	/**
	 * After a 429: nobody is served before `untilMs`, but never later than the rate-limit cap from
	 * now. The pacer is shared by every execution on the credential, so a bad header must not
	 * stop them all for longer than the cap (nor overflow setTimeout).
	 */
	blockUntil(untilMs: number): void {
		if (!Number.isFinite(untilMs) && untilMs !== Infinity) return;
		const latest = this.now() + httpLimits.maxRateLimitWaitMs;
		this.blockedUntilMs = Math.max(this.blockedUntilMs, Math.min(untilMs, latest));
	}

	/**
	 * Follows the budget a server reports for the window of `intervalMs` (e.g. X-RateLimit-Limit
	 * and X-RateLimit-Remaining): its limit, and what other clients of the same budget (another
	 * n8n process, another integration) have spent, which this pacer then counts as spent now.
	 */
	observeBudget(intervalMs: number, limit: number | undefined, remaining: number | undefined): void {
		const index = this.windows.findIndex((window) => window.intervalMs === intervalMs);
		if (index < 0) return;
		if (limit !== undefined && Number.isInteger(limit) && limit > 0) this.windows[index] = { ...this.windows[index], limit };
		if (remaining === undefined || !Number.isInteger(remaining) || remaining < 0) return;
		const now = this.now();
		const log = this.sent[index];
		while (log.length && log[0] <= now - intervalMs) log.shift();
		const spentElsewhere = Math.min(this.windows[index].limit - remaining - log.length, this.windows[index].limit);
		for (let i = 0; i < spentElsewhere; i++) log.push(now);
	}

	private async takeSlot(): Promise<void> {
		for (;;) {
			const now = this.now();
			// Re-clamped here too: the cap may have been lowered since the block was set.
			let waitMs = Math.max(0, Math.min(this.blockedUntilMs - now, httpLimits.maxRateLimitWaitMs));
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
