/**
 * The one function that sends requests to HQ: base URL and bearer token from the credential,
 * what is safe to repeat, and HQ's answers mapped to errors. nodes/shared/http/tokenTransport.ts
 * builds the call and the shared loop (nodes/shared/http/loop.ts) paces, retries, waits out 429s
 * and holds the deadline.
 */
import { NodeOperationError, type NodeApiError } from 'n8n-workflow';
import type { EndpointCall } from '../../shared/http/endpointTable';
import { checkedBaseUrl, sendTokenCall, trimmedUrl, type TokenAnswer, type TokenApi, type TokenContext } from '../../shared/http/tokenTransport';
import { apiErrorSaying } from '../../shared/http/transportErrors';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/retry';
import { endpointPath, HQ_ENDPOINTS, type EndpointName } from './endpoints';
import { hqApiError, hqDeadlineError, hqNetworkError } from './errors';
import { hqPacer } from './pacing';

export const HQ_CREDENTIAL = 'hqPsaApi';

export type HqContext = TokenContext;

/** Timing knobs. Production uses the defaults; tests shorten the back-off. */
export const hqTransportSettings: { retry: RetryPolicy; rateLimitAttempts: number; rateLimitFallback: RetryPolicy } = {
	retry: DEFAULT_RETRY_POLICY,
	/** Attempts in total while HQ answers 429 (it did nothing, so repeating is safe). */
	rateLimitAttempts: 6,
	rateLimitFallback: { maxAttempts: 6, baseDelayMs: 2000, maxDelayMs: 60_000 },
};

export type HqCall = EndpointCall<EndpointName>;

export type HqAnswer<T = unknown> = TokenAnswer<T>;

export interface HqConnection {
	baseUrl: string;
	/** The credential's Web Address, trimmed, without a trailing slash ('' when not set). */
	webUrl: string;
	authorization: string;
	apiToken: string;
}

async function readConnection(ctx: HqContext): Promise<HqConnection> {
	const credentials = await ctx.getCredentials(HQ_CREDENTIAL);
	const baseUrl = checkedBaseUrl(ctx.getNode(), credentials.baseUrl, {
		message: 'The Base URL in the HQ credential is not an http(s) URL',
		description: 'Set it to https://api.hellohq.io unless you use a test or proxy server.',
	});
	const apiToken = String(credentials.apiToken ?? '').trim();
	return {
		baseUrl,
		webUrl: trimmedUrl(credentials.webUrl),
		// The same header the credential's authenticate adds: signing here spares n8n a credential load per request.
		authorization: `Bearer ${apiToken}`,
		apiToken,
	};
}

/** One credential read per node run: n8n loads and decrypts a credential on every call. */
export const hqConnection = oncePerNodeRun(readConnection);

const HQ_API: TokenApi<EndpointName> = {
	name: 'HQ',
	urlSetting: '"Base URL" in the HQ credential',
	idRule: 'it must be an HQ ID (a whole number).',
	endpoints: HQ_ENDPOINTS,
	endpointPath,
	// No idempotency key exists in HQ: a POST sent twice makes two. Reads and full PUTs may repeat.
	repeatable: (method) => method === 'GET' || method === 'PUT',
	limits: () => ({
		retry: hqTransportSettings.retry,
		rateLimit: { maxAttempts: hqTransportSettings.rateLimitAttempts, fallback: hqTransportSettings.rateLimitFallback },
	}),
	answerError: hqApiError,
	// Any write whose connection broke may have landed, even one HQ may repeat (a full PUT).
	networkError: (node, code, failure, site) =>
		hqNetworkError(node, code, { ...site, mayHaveLanded: site.method !== 'GET' && failure.state.earlierAttemptMayHaveLanded }),
	deadlineError: (node, error, failure, site) => hqDeadlineError(node, error, { ...site, repeatable: failure.repeatable }),
	unknownError: (node, error) => new NodeOperationError(node, error instanceof Error ? error : String(error)),
};

export async function callHq<T = unknown>(ctx: HqContext, call: HqCall): Promise<HqAnswer<T>> {
	const connection = await hqConnection(ctx);
	return await sendTokenCall<T, EndpointName>(ctx, HQ_API, call, {
		baseUrl: connection.baseUrl,
		headers: { Authorization: connection.authorization },
		pacer: hqPacer(connection.baseUrl, connection.apiToken),
	});
}

/** The error for an answer that is not what the node can read (a list that is no list, a write without an ID). */
export function hqAnswerError(ctx: HqContext, message: string, description: string, itemIndex?: number): NodeApiError {
	return apiErrorSaying(ctx.getNode(), { message }, { message, description, itemIndex });
}
