/**
 * The one function that sends requests to The One PSA: base URL and auth from the credential,
 * what is safe to repeat and error mapping; the shared loop (nodes/shared/http/loop.ts) paces,
 * retries, waits out 429s and holds the deadline.
 */
import {
	type ICredentialDataDecryptedObject,
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type JsonObject,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';
import { OnePsaApi } from '../../../credentials/OnePsaApi.credentials';
import { headerValue, httpLimits, NO_REDIRECTS, PathSegmentError, RETRY_AFTER, sendWithLimits, urlForMessages } from '../../shared/http';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/retry';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { endpointPath, IDEMPOTENT_REPLAY_HEADER, ONE_PSA_ENDPOINTS, type EndpointName } from './endpoints';
import { psaApiError, psaDeadlineError, psaNetworkError } from './errors';
import { observePsaBudget, onePsaPacer } from './pacing';

export const ONE_PSA_CREDENTIAL = 'onePsaApi';

export type PsaContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface PsaCall {
	endpoint: EndpointName;
	pathParams?: Record<string, string>;
	query?: IDataObject;
	body?: IDataObject;
	/** Makes a write safe to repeat: the PSA answers a repeated key with its first answer. */
	idempotencyKey?: string;
	itemIndex?: number;
	/** Error statuses handed back to the caller instead of thrown (e.g. 409 on a duplicate). */
	accept?: number[];
}

export interface PsaAnswer<T = unknown> {
	status: number;
	body: T;
	headers: Record<string, unknown>;
	/** The PSA repeated an answer it gave to an earlier request (not to an attempt of this call). */
	replayedFromEarlierRequest: boolean;
}

/** Retries for 5xx and network failures; only for reads and for writes with an Idempotency-Key. */
export const SERVER_RETRY_POLICY: RetryPolicy = DEFAULT_RETRY_POLICY;
/** 429s are always safe to retry (the PSA did nothing), but not forever. */
export const MAX_RATE_LIMIT_RETRIES = 5;
const RATE_LIMIT_FALLBACK_POLICY: RetryPolicy = { maxAttempts: MAX_RATE_LIMIT_RETRIES, baseDelayMs: 2000, maxDelayMs: 60_000 };

export interface PsaConnection {
	baseUrl: string;
	tenantId: string;
	webhookSecret: string;
	/** The decrypted credential, to sign requests without n8n loading it again for each one. */
	credentials: ICredentialDataDecryptedObject;
}

const signer = new OnePsaApi();

/** One credential read per node run: n8n loads and decrypts a credential on every call. */
export const psaConnection = oncePerNodeRun(readConnection);

async function readConnection(ctx: PsaContext): Promise<PsaConnection> {
	const credentials = await ctx.getCredentials(ONE_PSA_CREDENTIAL);
	const baseUrl = String(credentials.apiUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		// The value is not echoed: a key pasted into the wrong field would end up in execution data.
		throw new NodeOperationError(ctx.getNode(), 'The One PSA API URL in the credential is not an http(s) URL', {
			description: 'Set "API URL" in the "The One PSA API" credential, e.g. https://api.theonepsa.app',
		});
	}
	return {
		baseUrl,
		tenantId: String(credentials.tenantId ?? ''),
		webhookSecret: String(credentials.webhookSecret ?? ''),
		credentials,
	};
}

function asNodeError(ctx: PsaContext, error: unknown): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(ctx.getNode(), error as JsonObject);
}

export async function callPsa<T = unknown>(ctx: PsaContext, call: PsaCall): Promise<PsaAnswer<T>> {
	const { baseUrl, tenantId, credentials } = await psaConnection(ctx);
	const pacer = onePsaPacer(baseUrl, tenantId, credentials.rateLimitShare);
	const { method } = ONE_PSA_ENDPOINTS[call.endpoint];
	let path: string;
	try {
		path = endpointPath(call.endpoint, call.pathParams);
	} catch (error) {
		if (!(error instanceof PathSegmentError)) throw asNodeError(ctx, error);
		throw new NodeOperationError(ctx.getNode(), error.message, {
			description: `Check the ${error.field} this item passes to ${call.endpoint}; it must be a real ID.`,
			itemIndex: call.itemIndex,
		});
	}
	const canRepeat = method === 'GET' || Boolean(call.idempotencyKey);
	const url = `${baseUrl}${path}`;
	const options: IHttpRequestOptions = {
		method,
		url,
		qs: call.query,
		body: call.body,
		headers: {
			Accept: 'application/json',
			...(call.idempotencyKey ? { 'Idempotency-Key': call.idempotencyKey } : {}),
		},
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The integration key is a plain header: it must never follow a redirect to another host.
		...NO_REDIRECTS,
		timeout: httpLimits.requestDeadlineMs,
	};
	const node = ctx.getNode();
	const context = { method, path, itemIndex: call.itemIndex };

	const { status, headers, body, state } = await sendWithLimits({
		node,
		api: 'The One PSA',
		method,
		path,
		url,
		qs: call.query,
		itemIndex: call.itemIndex,
		urlSetting: '"API URL" in the "The One PSA API" credential',
		// Signed by the credential's own authenticate, as httpRequestWithAuthentication would.
		send: async (abortSignal) =>
			(await ctx.helpers.httpRequest({ ...(await signer.authenticate(credentials, options)), abortSignal })) as IN8nHttpFullResponse,
		// The budget is the tenant's: a 429 holds back everyone sharing it, not only this call.
		pacer,
		repeatable: canRepeat,
		retry: SERVER_RETRY_POLICY,
		// 429s are always safe to repeat (the PSA did nothing), but not forever.
		rateLimit: { header: RETRY_AFTER, maxAttempts: MAX_RATE_LIMIT_RETRIES + 1, fallback: RATE_LIMIT_FALLBACK_POLICY },
		observe: (answerHeaders) => observePsaBudget(pacer, answerHeaders),
		networkError: (error) => psaNetworkError(node, error, { ...context, baseUrl: urlForMessages(baseUrl) }),
		deadlineError: (error) => psaDeadlineError(node, error, { ...context, canRepeat }),
		unknownError: (error) => asNodeError(ctx, error),
	});
	if ((status >= 200 && status < 300) || call.accept?.includes(status)) {
		const replayed = headerValue(headers, IDEMPOTENT_REPLAY_HEADER)?.toLowerCase() === 'true';
		// Only a replay of an earlier request counts, not of an attempt of this call that landed unseen.
		return { status, body: body as T, headers, replayedFromEarlierRequest: replayed && !state.earlierAttemptMayHaveLanded };
	}
	throw psaApiError(node, status, body, context);
}
