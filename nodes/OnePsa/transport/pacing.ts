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

function headerInteger(headers: Record<string, unknown>, name: string): number | undefined {
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
	const value = Number(Array.isArray(entry?.[1]) ? entry?.[1][0] : entry?.[1]);
	return entry && entry[1] !== '' && Number.isInteger(value) ? value : undefined;
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

/** `Retry-After` in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: unknown, now = Date.now()): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(Array.isArray(value) ? value[0] : value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
