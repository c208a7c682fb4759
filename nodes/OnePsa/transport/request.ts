/**
 * The one function that sends requests to The One PSA: base URL and auth from the credential,
 * pacing before each send, 429 handling, safe retries and error mapping.
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
import {
	assertUrlFits,
	httpLimits,
	isDeadlineError,
	isNetworkError,
	isRedirectStatus,
	NO_REDIRECTS,
	PathSegmentError,
	rateLimitWaitMs,
	redirectError,
	RETRY_AFTER,
	urlForMessages,
	withinDeadline,
} from '../../shared/http';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, waitMs, type RetryPolicy } from '../../shared/retry';
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
	const pacer = onePsaPacer(baseUrl, tenantId);
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
	const context = { method, path, itemIndex: call.itemIndex };
	assertUrlFits(ctx.getNode(), url, call.query, { api: 'The One PSA', ...context });

	let serverFailures = 0;
	let rateLimited = 0;
	// Set once an attempt may have reached the PSA without us seeing its answer.
	let earlierAttemptMayHaveLanded = false;
	for (;;) {
		await pacer.acquire();
		let response: IN8nHttpFullResponse;
		try {
			// Signed by the credential's own authenticate, as httpRequestWithAuthentication would.
			const signed = await signer.authenticate(credentials, options);
			response = (await withinDeadline(httpLimits.requestDeadlineMs, async (abortSignal) =>
				await ctx.helpers.httpRequest({ ...signed, abortSignal }),
			)) as IN8nHttpFullResponse;
		} catch (error) {
			// Not repeated: a second try could take as long again, and the deadline is for the call.
			if (isDeadlineError(error)) throw psaDeadlineError(ctx.getNode(), error, { ...context, canRepeat });
			if (!isNetworkError(error)) throw asNodeError(ctx, error);
			serverFailures++;
			earlierAttemptMayHaveLanded = true;
			if (!canRepeat || serverFailures >= SERVER_RETRY_POLICY.maxAttempts) {
				throw psaNetworkError(ctx.getNode(), error, { ...context, baseUrl: urlForMessages(baseUrl) });
			}
			await waitMs(backoffDelayMs(SERVER_RETRY_POLICY, serverFailures));
			continue;
		}

		const status = response.statusCode;
		const headers = (response.headers ?? {}) as Record<string, unknown>;
		observePsaBudget(pacer, headers);
		if (isRedirectStatus(status)) {
			throw redirectError(ctx.getNode(), status, headers, {
				api: 'The One PSA',
				...context,
				requestUrl: url,
				urlSetting: '"API URL" in the "The One PSA API" credential',
			});
		}
		if (status === 429) {
			rateLimited++;
			// A Retry-After over the cap is an error now, before anyone waits for it.
			const asked = rateLimitWaitMs(ctx.getNode(), headers, RETRY_AFTER, { api: 'The One PSA', ...context });
			if (rateLimited > MAX_RATE_LIMIT_RETRIES) {
				throw psaApiError(ctx.getNode(), status, response.body, context);
			}
			const delay = asked ?? backoffDelayMs(RATE_LIMIT_FALLBACK_POLICY, rateLimited);
			// Everyone sharing this tenant waits it out, not only this call.
			pacer.blockUntil(Date.now() + delay);
			continue;
		}
		if (status >= 500 && canRepeat && serverFailures + 1 < SERVER_RETRY_POLICY.maxAttempts) {
			serverFailures++;
			earlierAttemptMayHaveLanded = true;
			await waitMs(backoffDelayMs(SERVER_RETRY_POLICY, serverFailures));
			continue;
		}
		if ((status >= 200 && status < 300) || call.accept?.includes(status)) {
			const replayed = String(headers[IDEMPOTENT_REPLAY_HEADER] ?? '').toLowerCase() === 'true';
			return {
				status,
				body: response.body as T,
				headers,
				replayedFromEarlierRequest: replayed && !earlierAttemptMayHaveLanded,
			};
		}
		throw psaApiError(ctx.getNode(), status, response.body, context);
	}
}
