import { tokenPacer } from '../../shared/http/tokenTransport';
import type { RateWindow, RequestPacer } from '../../shared/pacer';

/**
 * 1000 requests per minute [docs]; a second longer than a minute, so requests sent exactly a
 * minute apart cannot land in the same server-side minute.
 */
export const HQ_RATE_WINDOWS: RateWindow[] = [{ limit: 1000, intervalMs: 61_000 }];

/** One budget per API and token (the token is hashed: pacer keys are not secrets' place). */
export function hqPacer(baseUrl: string, apiToken: string): RequestPacer {
	return tokenPacer('hq', baseUrl, apiToken, HQ_RATE_WINDOWS);
}
