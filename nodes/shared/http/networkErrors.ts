/** The one list of network failures the transports know, and how to find one in an error. */

/** The request never reached the server, so even a create may be sent again. */
export const NEVER_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'];

export const NETWORK_CODES = [
	...NEVER_SENT_CODES,
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ECONNABORTED',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
];

/** In words: n8n replaces any error message that contains a raw code such as ECONNREFUSED. */
export const NETWORK_CODE_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'connection aborted',
	EHOSTUNREACH: 'host unreachable',
};

/** The network code of an error or of one of its causes (axios and n8n wrap them). */
export function networkCodeOf(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		if (typeof current.code === 'string' && NETWORK_CODES.includes(current.code)) return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

export function isNetworkError(error: unknown): boolean {
	return networkCodeOf(error) !== undefined;
}
