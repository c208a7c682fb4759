/**
 * awork allows 50 requests per second and 1000 per minute per workspace (Enterprise: 3000/min),
 * shared by every API client. One pacer per awork base URL and credential keeps all items,
 * pages and concurrent executions of this n8n process inside that budget, and follows the
 * budget awork reports in its headers, which other clients (other n8n workers) spend too. 429s
 * that still happen are waited out in the shared loop, for RateLimit-Reset seconds up to the
 * shared cap (nodes/shared/http/rateLimit.ts).
 */
import { createHash } from 'crypto';
import { budgetFromHeaders, headerNumber, resetInstantMs } from '../../shared/http';
import { pacerFor, type ObservedBudget, type RateWindow, type RequestPacer } from '../../shared/pacer';

/** awork's documented limits (Basic to Professional plans). */
export const AWORK_RATE_LIMITS = { perSecond: 50, perMinute: 1000 };

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;

/**
 * The pacer stays a little under those limits (the reserve): awork counts requests when they
 * arrive, and a slow request (e.g. one opening a connection) can arrive after later ones,
 * bunching requests the pacer spaced out. Pacing at the exact limits against the fake awork gave
 * 32 429s in 1500 requests, each costing a one-second wait; this headroom gave none and finished
 * sooner. The reserve stays when awork reports another limit (Enterprise: 3000/min).
 */
export const AWORK_RATE_WINDOWS: RateWindow[] = [
	{ limit: AWORK_RATE_LIMITS.perSecond, reserve: 5, intervalMs: SECOND_MS },
	{ limit: AWORK_RATE_LIMITS.perMinute, reserve: 20, intervalMs: MINUTE_MS },
];

/** The pacer key: base URL plus a short hash of the secret, never the secret itself. */
export function aworkPacerKey(baseUrl: string, secret: string): string {
	const digest = createHash('sha256').update(secret).digest('hex').slice(0, 16);
	return `awork:${baseUrl}:${digest}`;
}

export function aworkPacer(baseUrl: string, secret: string): RequestPacer {
	return pacerFor(aworkPacerKey(baseUrl, secret), AWORK_RATE_WINDOWS);
}

/**
 * The budgets in one awork answer (rate-limits.mdx): x-ratelimit-{limit,remaining}-second and
 * -minute per window, and the ratelimit-limit/-remaining/-reset trio for the window closest to
 * running out, whose reset is in seconds. The docs show the headers with a 429 and do not say
 * whether other answers carry them; whatever an answer carries is followed.
 */
export function aworkBudgets(headers: Record<string, unknown>, now = Date.now()): ObservedBudget[] {
	const perWindow = [
		budgetFromHeaders(headers, SECOND_MS, { limit: 'x-ratelimit-limit-second', remaining: 'x-ratelimit-remaining-second' }, now),
		budgetFromHeaders(headers, MINUTE_MS, { limit: 'x-ratelimit-limit-minute', remaining: 'x-ratelimit-remaining-minute' }, now),
	].filter((budget): budget is ObservedBudget => budget !== undefined);
	const trio = budgetFromHeaders(headers, MINUTE_MS, { limit: 'ratelimit-limit', remaining: 'ratelimit-remaining' }, now);
	const reset = headerNumber(headers, 'ratelimit-reset');
	const resetAtMs = resetInstantMs(reset, now);
	if (perWindow.length) {
		// The reset belongs to the window whose limit the trio names.
		return perWindow.map((budget) => (trio?.limit !== undefined && budget.limit === trio.limit ? { ...budget, resetAtMs } : budget));
	}
	// Only the trio: a reset longer than a second can only be the minute's.
	return trio ? [{ ...trio, intervalMs: (reset ?? 0) > 1 ? MINUTE_MS : SECOND_MS, resetAtMs }] : [];
}

export function observeAworkBudget(pacer: RequestPacer, headers: Record<string, unknown>): void {
	for (const budget of aworkBudgets(headers)) pacer.observeBudget(budget);
}
