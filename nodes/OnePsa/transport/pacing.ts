import { budgetFromHeaders } from '../../shared/http';
import { pacerFor, type RateWindow, type RequestPacer } from '../../shared/pacer';

/**
 * 100 requests per minute per tenant [docs]. The window is one second longer than a minute so
 * that requests sent exactly a minute apart cannot arrive inside the same server-side minute.
 */
export const ONE_PSA_RATE_WINDOWS: RateWindow[] = [{ limit: 100, intervalMs: 61_000 }];
const RESET_MARGIN_MS = 1000;

/**
 * The budget belongs to the tenant (all its keys share it), so the pacer is keyed by URL and
 * tenant. `sharePercent` is the credential's Share of the Rate Limit: this process's part of it
 * (unset, as in credentials saved before the field existed: all of it).
 */
export function onePsaPacer(baseUrl: string, tenantId: string, sharePercent?: unknown): RequestPacer {
	const pacer = pacerFor(`onepsa:${baseUrl}:${tenantId}`, ONE_PSA_RATE_WINDOWS);
	const percent = sharePercent === undefined || sharePercent === null || sharePercent === '' ? 100 : Number(sharePercent);
	pacer.setShare(percent / 100);
	return pacer;
}

/**
 * Every PSA answer carries X-RateLimit-Limit, -Remaining and -Reset [docs]: the pacer follows the
 * tenant's real limit and counts what other clients of the tenant spent (another n8n worker, a
 * new `n8n execute` process), until the reset, so they share the budget instead of meeting 429s.
 * The docs do not say whether Reset is seconds or a Unix time; both are read (budgetFromHeaders).
 */
export function observePsaBudget(pacer: RequestPacer, headers: Record<string, unknown>): void {
	const budget = budgetFromHeaders(headers, ONE_PSA_RATE_WINDOWS[0].intervalMs, {
		limit: 'x-ratelimit-limit',
		remaining: 'x-ratelimit-remaining',
		reset: 'x-ratelimit-reset',
	});
	if (!budget) return;
	// The same second of margin as the window: a request counted to the reset may land just after it.
	pacer.observeBudget({ ...budget, resetAtMs: budget.resetAtMs === undefined ? undefined : budget.resetAtMs + RESET_MARGIN_MS });
}
