/**
 * The one function that sends requests to Lexoffice: base URL and key from the credential, what
 * is safe to repeat and error mapping; nodes/shared/http/tokenTransport.ts builds the call and the
 * shared loop (nodes/shared/http/loop.ts) paces, retries, waits out 429s and holds the deadline.
 */
import type { EndpointCall } from '../../shared/http/endpointTable';
import { checkedBaseUrl, sendTokenCall, trimmedUrl, type TokenAnswer, type TokenApi, type TokenContext, type TokenLimits } from '../../shared/http/tokenTransport';
import { DEFAULT_RETRY_POLICY } from '../../shared/retry';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { endpointPath, LEXOFFICE_ENDPOINTS, type EndpointName } from './endpoints';
import { lexofficeApiError, lexofficeDeadlineError, lexofficeNetworkError } from './errors';
import { lexofficePacer } from './pacing';

export const LEXOFFICE_CREDENTIAL = 'lexofficePsaApi';

export type LexofficeContext = TokenContext;

/** Every error answer is thrown: no operation expects one. */
export type LexofficeCall = Omit<EndpointCall<EndpointName>, 'accept'>;

export type LexofficeAnswer<T = unknown> = TokenAnswer<T>;

export interface LexofficeConnection {
	baseUrl: string;
	appUrl: string;
	apiKey: string;
}

/** 429s are always safe to repeat (Lexware did not execute the call [docs]), but not forever. */
export const MAX_RATE_LIMIT_RETRIES = 5;
const LEXOFFICE_LIMITS: TokenLimits = {
	retry: DEFAULT_RETRY_POLICY,
	rateLimit: { maxAttempts: MAX_RATE_LIMIT_RETRIES + 1, fallback: { maxAttempts: MAX_RATE_LIMIT_RETRIES, baseDelayMs: 1000, maxDelayMs: 16_000 } },
};

/** One credential read per node run: n8n loads and decrypts a credential on every call. */
export const lexofficeConnection = oncePerNodeRun(async (ctx: LexofficeContext): Promise<LexofficeConnection> => {
	const credentials = await ctx.getCredentials(LEXOFFICE_CREDENTIAL);
	const baseUrl = checkedBaseUrl(
		ctx.getNode(),
		credentials.baseUrl,
		{
			message: 'The Base URL in the Lexoffice credential is not an http(s) URL',
			description: 'Set "Base URL" in the Lexoffice credential to https://api.lexware.io',
		},
		/\/v1$/,
	);
	const appUrl = trimmedUrl(credentials.appUrl) || 'https://app.lexware.de';
	return { baseUrl, appUrl, apiKey: String(credentials.apiKey ?? '').trim() };
});

const LEXOFFICE_API: TokenApi<EndpointName> = {
	name: 'Lexoffice',
	urlSetting: '"Base URL" in the Lexoffice credential',
	idRule: 'it must be a Lexoffice ID (a UUID).',
	endpoints: LEXOFFICE_ENDPOINTS,
	endpointPath,
	// Reads are safe to repeat; an invoice create is not (Lexware has no idempotency key).
	repeatable: (method) => method === 'GET',
	limits: () => LEXOFFICE_LIMITS,
	answerError: lexofficeApiError,
	// Only a call that was safe to repeat, or never sent, cannot have created anything.
	networkError: (node, code, failure, site) => lexofficeNetworkError(node, code, { ...site, mayHaveLanded: !failure.repeatable }),
	deadlineError: (node, error, _failure, site) => lexofficeDeadlineError(node, error, site),
};

export async function callLexoffice<T = unknown>(ctx: LexofficeContext, call: LexofficeCall): Promise<LexofficeAnswer<T>> {
	const { baseUrl, apiKey } = await lexofficeConnection(ctx);
	return await sendTokenCall<T, EndpointName>(ctx, LEXOFFICE_API, call, {
		baseUrl,
		headers: { Authorization: `Bearer ${apiKey}`, ...(call.body ? { 'Content-Type': 'application/json' } : {}) },
		pacer: lexofficePacer(baseUrl, apiKey),
	});
}
