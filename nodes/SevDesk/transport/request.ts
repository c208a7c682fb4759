/**
 * The one function that sends requests to sevDesk: base URL and token from the credential, what
 * is safe to repeat and error mapping; the shared loop (nodes/shared/http/loop.ts) paces,
 * retries, waits out 429s and holds the deadline.
 */
import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';
import { SevDeskPsaApi } from '../../../credentials/SevDeskPsaApi.credentials';
import { httpLimits, NEVER_SENT_CODES, NO_REDIRECTS, PathSegmentError, RETRY_AFTER, sendWithLimits, urlForMessages } from '../../shared/http';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/retry';
import { endpointPath, SEVDESK_ENDPOINTS, type EndpointName } from './endpoints';
import { sevDeskApiError, sevDeskDeadlineError, sevDeskNetworkError } from './errors';
import { sevDeskPacer } from './pacing';

export const SEVDESK_CREDENTIAL = 'sevDeskPsaApi';

export type SevDeskContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface SevDeskCall {
	endpoint: EndpointName;
	pathParams?: Record<string, string>;
	query?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** Error statuses handed back to the caller instead of thrown. */
	accept?: number[];
}

export interface SevDeskAnswer<T = unknown> {
	status: number;
	body: T;
}

/** A 429 means sevDesk did nothing, so even a save may be sent again, but not forever. */
export const MAX_RATE_LIMIT_RETRIES = 5;
const RATE_LIMIT_FALLBACK_POLICY: RetryPolicy = { maxAttempts: MAX_RATE_LIMIT_RETRIES, baseDelayMs: 1000, maxDelayMs: 30_000 };

export interface SevDeskConnection {
	baseUrl: string;
	token: string;
	credentials: ICredentialDataDecryptedObject;
}

const signer = new SevDeskPsaApi();

/** One credential read per node run: n8n loads and decrypts a credential on every call. */
export const sevDeskConnection = oncePerNodeRun(async (ctx: SevDeskContext): Promise<SevDeskConnection> => {
	const credentials = await ctx.getCredentials(SEVDESK_CREDENTIAL);
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		// Not echoed: a token pasted into the wrong field would end up in execution data.
		throw new NodeOperationError(ctx.getNode(), 'The Base URL in the sevDesk credential is not an http(s) URL', {
			description: 'Set "Base URL" in the sevDesk credential, e.g. https://my.sevdesk.de/api/v1',
		});
	}
	return { baseUrl, token: String(credentials.apiToken ?? '').trim(), credentials };
});

function asNodeError(ctx: SevDeskContext, error: unknown): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(ctx.getNode(), error as JsonObject);
}

export async function callSevDesk<T = unknown>(ctx: SevDeskContext, call: SevDeskCall): Promise<SevDeskAnswer<T>> {
	const { baseUrl, token, credentials } = await sevDeskConnection(ctx);
	const { method } = SEVDESK_ENDPOINTS[call.endpoint];
	let path: string;
	try {
		path = endpointPath(call.endpoint, call.pathParams);
	} catch (error) {
		if (!(error instanceof PathSegmentError)) throw asNodeError(ctx, error);
		throw new NodeOperationError(ctx.getNode(), error.message, {
			description: `Check the ${error.field} this item passes; it must be a sevDesk ID.`,
			itemIndex: call.itemIndex,
		});
	}
	// Only reads are repeated: sevDesk has no idempotency key, a repeated save is a second invoice.
	const canRepeat = method === 'GET';
	const url = `${baseUrl}${path}`;
	const options: IHttpRequestOptions = {
		method,
		url,
		qs: call.query,
		body: call.body,
		headers: { Accept: 'application/json', 'User-Agent': 'n8n-nodes-awork-psa (sevDesk node)' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The token is a plain header: it must never follow a redirect to another host.
		...NO_REDIRECTS,
		timeout: httpLimits.requestDeadlineMs,
	};
	const node = ctx.getNode();
	const context = { method, path, itemIndex: call.itemIndex };
	const pacer = sevDeskPacer(baseUrl, token);
	const { status, body } = await sendWithLimits({
		node,
		api: 'sevDesk',
		method,
		path,
		url,
		qs: call.query,
		itemIndex: call.itemIndex,
		urlSetting: '"Base URL" in the sevDesk credential',
		send: async (abortSignal) =>
			(await ctx.helpers.httpRequest({ ...(await signer.authenticate(credentials, options)), abortSignal })) as IN8nHttpFullResponse,
		pacer,
		repeatable: canRepeat,
		repeatWhenNeverSent: true,
		retry: DEFAULT_RETRY_POLICY,
		rateLimit: { header: RETRY_AFTER, maxAttempts: MAX_RATE_LIMIT_RETRIES + 1, fallback: RATE_LIMIT_FALLBACK_POLICY },
		networkError: (_error, code) =>
			sevDeskNetworkError(node, code, { ...context, baseUrl: urlForMessages(baseUrl, /^\/api\/v1$/), mayHaveLanded: !canRepeat && !NEVER_SENT_CODES.includes(code) }),
		deadlineError: (error) => sevDeskDeadlineError(node, error, { ...context, canRepeat }),
		unknownError: (error) => asNodeError(ctx, error),
	});
	if ((status >= 200 && status < 300) || call.accept?.includes(status)) return { status, body: body as T };
	throw sevDeskApiError(node, status, body, context);
}
