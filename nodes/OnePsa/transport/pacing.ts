import { headerInteger } from '../../shared/http';
import { pacerFor, type RateWindow, type RequestPacer } from '../../shared/pacer';

/**
 * 100 requests per minute per tenant [docs]. The window is one second longer than a minute so
 * that requests sent exactly a minute apart cannot arrive inside the same server-side minute.
 */
export const ONE_PSA_RATE_WINDOWS: RateWindow[] = [{ limit: 100, intervalMs: 61_000 }];

/** The budget belongs to the tenant (all its keys share it), so the pacer is keyed by URL and tenant. */
export function onePsaPacer(baseUrl: string, tenantId: string): RequestPacer {
	return pacerFor(`onepsa:${baseUrl}:${tenantId}`, ONE_PSA_RATE_WINDOWS);
}

/**
 * Every PSA answer carries X-RateLimit-Limit and X-RateLimit-Remaining [docs]: the pacer follows
 * the tenant's real limit, and counts what other clients of the tenant spent, so a new process
 * (each `n8n execute` starts with an empty pacer) does not run into 429s another one caused.
 */
export function observePsaBudget(pacer: RequestPacer, headers: Record<string, unknown>): void {
	pacer.observeBudget(
		ONE_PSA_RATE_WINDOWS[0].intervalMs,
		headerInteger(headers, 'x-ratelimit-limit'),
		headerInteger(headers, 'x-ratelimit-remaining'),
	);
}
