import { tokenPacer } from '../../shared/http/tokenTransport';
import type { RateWindow, RequestPacer } from '../../shared/pacer';
import { REQUESTS_PER_SECOND } from './endpoints';

/**
 * 2 requests per second per client, token bucket, no rate-limit headers [docs]. The window is a
 * little longer than a second: Lexware asks clients to leave headroom for jitter.
 */
export const LEXOFFICE_RATE_WINDOWS: RateWindow[] = [{ limit: REQUESTS_PER_SECOND, intervalMs: 1_100 }];

/** The budget belongs to the key, so the pacer is keyed by URL and (a hash of) the key. */
export function lexofficePacer(baseUrl: string, apiKey: string): RequestPacer {
	return tokenPacer('lexoffice', baseUrl, apiKey, LEXOFFICE_RATE_WINDOWS);
}
