import { tokenPacer } from '../../shared/http/tokenTransport';
import type { RateWindow, RequestPacer } from '../../shared/pacer';

/**
 * sevDesk publishes no rate limit; this node stays at 5 requests a second per token [assumed],
 * the window a little longer than a second so requests a second apart never share one.
 */
export const SEVDESK_RATE_WINDOWS: RateWindow[] = [{ limit: 5, intervalMs: 1_100 }];

/** One budget per account URL and token; the token only as a hash, never as a map key in clear. */
export function sevDeskPacer(baseUrl: string, token: string): RequestPacer {
	return tokenPacer('sevdesk', baseUrl, token, SEVDESK_RATE_WINDOWS);
}
