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

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
