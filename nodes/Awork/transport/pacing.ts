/**
 * awork allows 50 requests per second and 1000 per minute per workspace (Enterprise: 3000/min),
 * shared by every API client. One pacer per awork base URL and credential keeps all items,
 * pages and concurrent executions of this n8n process inside that budget; 429s that still
 * happen (other clients share the budget) are waited out in request.ts, for RateLimit-Reset
 * seconds up to the shared cap (nodes/shared/http/rateLimit.ts).
 */
import { createHash } from 'crypto';
import { pacerFor, type RateWindow, type RequestPacer } from '../../shared/pacer';

/** awork's documented limits (Basic to Professional plans). */
export const AWORK_RATE_LIMITS = { perSecond: 50, perMinute: 1000 };

/**
 * The pacer stays a little under those limits: awork counts requests when they arrive, and a
 * slow request (e.g. one opening a connection) can arrive after later ones, bunching requests
 * the pacer spaced out. Pacing at the exact limits against the fake awork gave 32 429s in 1500
 * requests, each costing a one-second wait; this headroom gave none and finished sooner.
 */
export const AWORK_RATE_WINDOWS: RateWindow[] = [
	{ limit: AWORK_RATE_LIMITS.perSecond - 5, intervalMs: 1000 },
	{ limit: AWORK_RATE_LIMITS.perMinute - 20, intervalMs: 60_000 },
];

/** The pacer key: base URL plus a short hash of the secret, never the secret itself. */
export function aworkPacerKey(baseUrl: string, secret: string): string {
	const digest = createHash('sha256').update(secret).digest('hex').slice(0, 16);
	return `awork:${baseUrl}:${digest}`;
}

export function aworkPacer(baseUrl: string, secret: string): RequestPacer {
	return pacerFor(aworkPacerKey(baseUrl, secret), AWORK_RATE_WINDOWS);
}
