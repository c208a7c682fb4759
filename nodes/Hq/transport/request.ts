/**
 * The one function that sends requests to HQ: base URL and bearer token from the credential,
 * what is safe to repeat, and HQ's answers mapped to errors. The shared loop
 * (nodes/shared/http/loop.ts) paces, retries, waits out 429s and holds the deadline.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';
import { httpLimits, NO_REDIRECTS, PathSegmentError, RETRY_AFTER, sendWithLimits, urlForMessages } from '../../shared/http';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/retry';
import { endpointPath, HQ_ENDPOINTS, type EndpointName } from './endpoints';
import { hqApiError, hqDeadlineError, hqNetworkError } from './errors';
import { hqPacer } from './pacing';

export const HQ_CREDENTIAL = 'hqPsaApi';

export type HqContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Timing knobs. Production uses the defaults; tests shorten the back-off. */
export const hqTransportSettings: { retry: RetryPolicy; rateLimitAttempts: number; rateLimitFallback: RetryPolicy } = {
	retry: DEFAULT_RETRY_POLICY,
	/** Attempts in total while HQ answers 429 (it did nothing, so repeating is safe). */
	rateLimitAttempts: 6,
	rateLimitFallback: { maxAttempts: 6, baseDelayMs: 2000, maxDelayMs: 60_000 },
};

export interface HqCall {
	endpoint: EndpointName;
	pathParams?: Record<string, string>;
	query?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** Error statuses handed back to the caller instead of thrown. */
	accept?: number[];
}

export interface HqAnswer<T = unknown> {
	status: number;
	body: T;
	headers: Record<string, unknown>;
}

export interface HqConnection {
	baseUrl: string;
	/** The credential's Web Address, trimmed, without a trailing slash ('' when not set). */
	webUrl: string;
	authorization: string;
	apiToken: string;
}

async function readConnection(ctx: HqContext): Promise<HqConnection> {
	const credentials = await ctx.getCredentials(HQ_CREDENTIAL);
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		// The value is not echoed: a token pasted into the wrong field would end up in execution data.
		throw new NodeOperationError(ctx.getNode(), 'The Base URL in the HQ credential is not an http(s) URL', {
			description: 'Set it to https://api.hellohq.io unless you use a test or proxy server.',
		});
	}
	const apiToken = String(credentials.apiToken ?? '').trim();
	return {
		baseUrl,
		webUrl: String(credentials.webUrl ?? '').trim().replace(/\/+$/, ''),
		// The same header the credential's authenticate adds: signing here spares n8n a credential load per request.
		authorization: `Bearer ${apiToken}`,
		apiToken,
	};
}

/** One credential read per node run: n8n loads and decrypts a credential on every call. */
export const hqConnection = oncePerNodeRun(readConnection);

function asNodeError(ctx: HqContext, error: unknown): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error));
}

export async function callHq<T = unknown>(ctx: HqContext, call: HqCall): Promise<HqAnswer<T>> {
	const connection = await hqConnection(ctx);
	const pacer = hqPacer(connection.baseUrl, connection.apiToken);
	const { method } = HQ_ENDPOINTS[call.endpoint];
	const node = ctx.getNode();
	let path: string;
	try {
		path = endpointPath(call.endpoint, call.pathParams);
	} catch (error) {
		if (!(error instanceof PathSegmentError)) throw asNodeError(ctx, error);
		throw new NodeOperationError(node, error.message, {
			description: `Check the ${error.field} this item passes; it must be an HQ ID (a whole number).`,
			itemIndex: call.itemIndex,
		});
	}
	// No idempotency key exists in HQ: a POST sent twice makes two. Reads and full PUTs may repeat.
	const repeatable = method === 'GET' || method === 'PUT';
	const url = `${connection.baseUrl}${path}`;
	const options: IHttpRequestOptions = {
		method,
		url,
		qs: call.query,
		headers: { Accept: 'application/json', Authorization: connection.authorization },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The token is a plain header: it must never follow a redirect to another host.
		...NO_REDIRECTS,
		timeout: httpLimits.requestDeadlineMs,
	};
	if (call.body !== undefined) options.body = call.body;
	const context = { method, path, itemIndex: call.itemIndex };
	const settings = hqTransportSettings;
	const { status, headers, body } = await sendWithLimits({
		node,
		api: 'HQ',
		method,
		path,
		url,
		qs: call.query,
		itemIndex: call.itemIndex,
		urlSetting: '"Base URL" in the HQ credential',
		send: async (abortSignal) => (await ctx.helpers.httpRequest({ ...options, abortSignal })) as IN8nHttpFullResponse,
		// The budget is the token's: a 429 holds back every request on it, not only this one.
		pacer,
		repeatable,
		repeatWhenNeverSent: true,
		retry: settings.retry,
		rateLimit: { header: RETRY_AFTER, maxAttempts: settings.rateLimitAttempts, fallback: settings.rateLimitFallback },
		networkError: (_error, code, { state }) =>
			hqNetworkError(node, code, { ...context, baseUrl: urlForMessages(connection.baseUrl), mayHaveLanded: method !== 'GET' && state.earlierAttemptMayHaveLanded }),
		deadlineError: (error, { repeatable: canRepeat }) => hqDeadlineError(node, error, { ...context, repeatable: canRepeat }),
		unknownError: (error) => asNodeError(ctx, error),
	});
	if ((status >= 200 && status < 300) || call.accept?.includes(status)) return { status, body: body as T, headers };
	throw hqApiError(node, status, body, context);
}

/** The error for an answer that is not what the node can read (a list that is no list, a write without an ID). */
export function hqAnswerError(ctx: HqContext, message: string, description: string, itemIndex?: number): NodeApiError {
	const error = new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, description, itemIndex });
	error.message = message;
	return error;
}
