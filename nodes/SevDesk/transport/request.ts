/**
 * The one function that sends requests to sevDesk: base URL and token from the credential, what
 * is safe to repeat and error mapping; nodes/shared/http/tokenTransport.ts builds the call and
 * the shared loop (nodes/shared/http/loop.ts) paces, retries, waits out 429s and holds the deadline.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { SevDeskPsaApi } from '../../../credentials/SevDeskPsaApi.credentials';
import type { EndpointCall } from '../../shared/http/endpointTable';
import { checkedBaseUrl, sendTokenCall, type TokenAnswer, type TokenApi, type TokenContext, type TokenLimits } from '../../shared/http/tokenTransport';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { DEFAULT_RETRY_POLICY } from '../../shared/retry';
import { endpointPath, SEVDESK_ENDPOINTS, type EndpointName } from './endpoints';
import { sevDeskApiError, sevDeskDeadlineError, sevDeskNetworkError } from './errors';
import { sevDeskPacer } from './pacing';

export const SEVDESK_CREDENTIAL = 'sevDeskPsaApi';

export type SevDeskContext = TokenContext;

export type SevDeskCall = EndpointCall<EndpointName>;

export type SevDeskAnswer<T = unknown> = Omit<TokenAnswer<T>, 'headers'>;

/** A 429 means sevDesk did nothing, so even a save may be sent again, but not forever. */
export const MAX_RATE_LIMIT_RETRIES = 5;
const SEVDESK_LIMITS: TokenLimits = {
	retry: DEFAULT_RETRY_POLICY,
	rateLimit: { maxAttempts: MAX_RATE_LIMIT_RETRIES + 1, fallback: { maxAttempts: MAX_RATE_LIMIT_RETRIES, baseDelayMs: 1000, maxDelayMs: 30_000 } },
};

export interface SevDeskConnection {
	baseUrl: string;
	token: string;
	credentials: ICredentialDataDecryptedObject;
}

/** The credential's own authenticate signs: it sends the token raw, without "Bearer". */
const signer = new SevDeskPsaApi();

/** One credential read per node run: n8n loads and decrypts a credential on every call. */
export const sevDeskConnection = oncePerNodeRun(async (ctx: SevDeskContext): Promise<SevDeskConnection> => {
	const credentials = await ctx.getCredentials(SEVDESK_CREDENTIAL);
	const baseUrl = checkedBaseUrl(ctx.getNode(), credentials.baseUrl, {
		message: 'The Base URL in the sevDesk credential is not an http(s) URL',
		description: 'Set "Base URL" in the sevDesk credential, e.g. https://my.sevdesk.de/api/v1',
	});
	return { baseUrl, token: String(credentials.apiToken ?? '').trim(), credentials };
});

const SEVDESK_API: TokenApi<EndpointName> = {
	name: 'sevDesk',
	urlSetting: '"Base URL" in the sevDesk credential',
	idRule: 'it must be a sevDesk ID.',
	shownPath: /^\/api\/v1$/,
	endpoints: SEVDESK_ENDPOINTS,
	endpointPath,
	// Only reads are repeated: sevDesk has no idempotency key, a repeated save is a second invoice.
	repeatable: (method) => method === 'GET',
	limits: () => SEVDESK_LIMITS,
	answerError: sevDeskApiError,
	// Only a call that was safe to repeat, or never sent, cannot have saved anything.
	networkError: (node, code, failure, site) => sevDeskNetworkError(node, code, { ...site, mayHaveLanded: !failure.repeatable }),
	deadlineError: (node, error, failure, site) => sevDeskDeadlineError(node, error, { ...site, canRepeat: failure.repeatable }),
};

export async function callSevDesk<T = unknown>(ctx: SevDeskContext, call: SevDeskCall): Promise<SevDeskAnswer<T>> {
	const { baseUrl, token, credentials } = await sevDeskConnection(ctx);
	const { status, body } = await sendTokenCall<T, EndpointName>(ctx, SEVDESK_API, call, {
		baseUrl,
		headers: { 'User-Agent': 'n8n-nodes-awork-psa (sevDesk node)' },
		sign: async (options) => await signer.authenticate(credentials, options),
		pacer: sevDeskPacer(baseUrl, token),
	});
	return { status, body };
}
