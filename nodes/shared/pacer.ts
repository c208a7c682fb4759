import { sleep } from 'n8n-workflow';
import { httpLimits } from './http/limits';

export interface RateWindow {
	/** Requests the server allows in any interval of this length. */
	limit: number;
	intervalMs: number;
	/** Requests of the limit this pacer leaves unspent, a margin for requests that arrive late. */
	reserve?: number;
}

/** The budget a server reports for one of its windows in an answer's headers. */
export interface ObservedBudget {
	intervalMs: number;
	limit?: number;
	/** Requests left in the window after this one. */
	remaining?: number;
	/** When the spent budget comes back, as the server says (epoch milliseconds). */
	resetAtMs?: number;
}

/**
 * Switches of the pacing. Production follows the servers' budgets; tests turn it off to measure
 * what following them is worth.
 */
export const pacingSettings = {
	/** Count what other clients (other n8n workers) spent of a budget, as the server reports it. */
	followServerBudget: true,
};

/**
 * Paces requests under one or more rate windows before they are sent, so a client stays
 * inside an API's budget instead of only reacting to 429s. It is a token bucket whose
 * tokens come back exactly one interval after they were spent (a sliding window), which never
 * exceeds the limit over any interval and still uses all of it.
 *
 * The budget is often shared with other processes (n8n workers in queue mode, other
 * integrations). What they spent is only known from the server's answers (observeBudget), and is
 * kept apart from this process's own requests, so each answer can correct the estimate both ways.
 */
export class RequestPacer {
	private readonly windows: RateWindow[];

	/** Send times of this process's requests, per window, oldest first. */
	private readonly sent: number[][];

	/** Requests other clients spent, per window, stamped so they expire when the server frees them. */
	private readonly elsewhere: number[][];

	private queue: Promise<void> = Promise.resolve();

	/** Nobody is served before this time (set after a 429). */
	private blockedUntilMs = 0;

	/** The part of each window this process may spend itself (setShare). */
	private share = 1;

	/** Requests granted whose answer (or failure) has not come yet. */
	private inFlight = 0;

	/** A smaller share taken after a 429 while others spent the same budget, and when (see blockUntil). */
	private yielded?: { share: number; atMs: number };

	constructor(
		windows: RateWindow[],
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {
		// A copy: observeBudget() may change a limit, and callers share their window constants.
		this.windows = windows.map((window) => ({ ...window }));
		this.sent = windows.map(() => []);
		this.elsewhere = windows.map(() => []);
	}

	/**
	 * Waits for a free slot in every window, then spends it. Callers are served in order. Each
	 * acquire is followed by requestEnded() when its answer (or failure) is in.
	 */
	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => await this.takeSlot());
		this.queue = turn.catch(() => undefined);
		await turn;
		this.inFlight++;
	}

	/** A request this pacer let through has its answer or failed; before observeBudget() of that answer. */
	requestEnded(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
	}

	/**
	 * After a 429: nobody is served before `untilMs`, but never later than the rate-limit cap from
	 * now. The pacer is shared by every execution on the credential, so a bad header must not
	 * stop them all for longer than the cap (nor overflow setTimeout).
	 */
	blockUntil(untilMs: number): void {
		if (!Number.isFinite(untilMs) && untilMs !== Infinity) return;
		const now = this.now();
		const alreadyBlocked = this.blockedUntilMs > now;
		this.blockedUntilMs = Math.max(this.blockedUntilMs, Math.min(untilMs, now + httpLimits.maxRateLimitWaitMs));
		// Two processes that both follow the budget see the same slots come free and race for them.
		// The one that meets the 429 yields: half its share, won back over two intervals. Once per
		// block, as the requests that were in flight with it answer 429 too.
		if (!alreadyBlocked && pacingSettings.followServerBudget && this.othersSpend(now)) {
			this.yielded = { share: Math.max(MIN_YIELDED_SHARE, this.currentShare(now) / 2), atMs: now };
		}
	}

	/**
	 * Follows the budget a server reports for its window of `intervalMs` (e.g. X-RateLimit-Limit,
	 * -Remaining and -Reset): its limit, and what other clients of the same budget have spent,
	 * which this pacer then counts as spent until the server's reset (or one interval from now).
	 */
	observeBudget(budget: ObservedBudget): void {
		if (!pacingSettings.followServerBudget) return;
		const index = this.windows.findIndex((window) => window.intervalMs === budget.intervalMs);
		if (index < 0) return;
		const { limit, remaining, resetAtMs } = budget;
		if (limit !== undefined && Number.isInteger(limit) && limit > 0) this.windows[index] = { ...this.windows[index], limit };
		if (remaining === undefined || !Number.isInteger(remaining) || remaining < 0) return;
		const now = this.now();
		this.forget(now);
		const window = this.windows[index];
		const spentOnServer = Math.max(0, window.limit - Math.min(remaining, window.limit));
		// The server counted this answer's request, not yet those of ours still on the way.
		const countedOfOurs = Math.max(0, this.sent[index].length - this.inFlight);
		const spentElsewhere = Math.max(0, spentOnServer - countedOfOurs);
		const elsewhere = this.elsewhere[index];
		// The server's count replaces the earlier estimate: larger when others spent more, smaller when their requests expired.
		while (elsewhere.length > spentElsewhere) elsewhere.shift();
		const resetKnown = resetAtMs !== undefined && Number.isFinite(resetAtMs);
		const stamp = resetKnown ? Math.min(now, Math.max(now - window.intervalMs + 1, resetAtMs - window.intervalMs)) : now;
		if (elsewhere.length < spentElsewhere) {
			while (elsewhere.length < spentElsewhere) elsewhere.push(stamp);
			elsewhere.sort((a, b) => a - b);
		}
	}

	/**
	 * Keeps this process to a part of every window (0 < share <= 1), e.g. 0.5 each for two workers
	 * on one budget: then they never race for the same last requests. 1 (the default) lets this
	 * process spend whatever the budget has left.
	 */
	setShare(share: number): void {
		this.share = Number.isFinite(share) && share > 0 && share <= 1 ? share : 1;
	}

	/** The share in force: the one set, or less for a while after yielding to others. */
	private currentShare(now: number): number {
		if (!this.yielded) return this.share;
		const longest = Math.max(...this.windows.map((window) => window.intervalMs));
		const regained = (now - this.yielded.atMs) / (YIELD_RECOVERY_INTERVALS * longest);
		if (regained >= 1) {
			this.yielded = undefined;
			return this.share;
		}
		return Math.min(this.share, this.yielded.share + (this.share - this.yielded.share) * Math.max(0, regained));
	}

	private othersSpend(now: number): boolean {
		this.forget(now);
		return this.elsewhere.some((log) => log.length > 0);
	}

	/** Requests this pacer lets through per window: the limit less the reserve, at least one. */
	private allowed(window: RateWindow): number {
		return Math.max(1, window.limit - (window.reserve ?? 0));
	}

	private forget(now: number): void {
		this.windows.forEach((window, index) => {
			for (const log of [this.sent[index], this.elsewhere[index]]) {
				while (log.length && log[0] <= now - window.intervalMs) log.shift();
			}
		});
	}

	private async takeSlot(): Promise<void> {
		for (;;) {
			const now = this.now();
			this.forget(now);
			// Re-clamped here too: the cap may have been lowered since the block was set.
			let waitMs = Math.max(0, Math.min(this.blockedUntilMs - now, httpLimits.maxRateLimitWaitMs));
			const share = this.currentShare(now);
			this.windows.forEach((window, index) => {
				const own = this.sent[index];
				const others = this.elsewhere[index];
				if (own.length >= Math.max(1, Math.floor(this.allowed(window) * share))) {
					waitMs = Math.max(waitMs, own[0] + window.intervalMs - now + 1);
				}
				// Others who spend the budget have requests on the way too, which no answer shows yet:
				// as many as ours, at a guess. Keeping those free stops both sides overshooting at once.
				const othersOnTheWay = others.length > 0 ? this.inFlight : 0;
				if (own.length + others.length + othersOnTheWay < this.allowed(window)) return;
				const oldest = Math.min(own[0] ?? Infinity, others[0] ?? Infinity);
				waitMs = Math.max(waitMs, oldest + window.intervalMs - now + 1);
			});
			if (waitMs <= 0) {
				for (const log of this.sent) log.push(now);
				return;
			}
			await this.wait(waitMs);
		}
	}
}

/** The least share a process yields to (a tenth of the budget stays its own). */
const MIN_YIELDED_SHARE = 0.1;
/** Intervals (of the longest window) over which a yielded share is won back. */
const YIELD_RECOVERY_INTERVALS = 2;

const pacers = new Map<string, RequestPacer>();

/**
 * One pacer per API and credential, kept for the life of the n8n process, so every item,
 * page and concurrent execution using the same credential shares one budget. Other processes
 * (queue-mode workers) have their own pacers; observeBudget is how they learn of each other.
 */
export function pacerFor(key: string, windows: RateWindow[]): RequestPacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RequestPacer(windows);
		pacers.set(key, pacer);
	}
	return pacer;
}
