/**
 * The one place that sends HTTP requests to awork: picks the credential the node is set to,
 * paces every request, retries what is safe to retry and maps awork's answers to errors.
 */
import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type IWebhookFunctions,
} from 'n8n-workflow';
import {
	assertUrlFits,
	httpLimits,
	isDeadlineError,
	isRedirectStatus,
	networkCodeOf,
	NEVER_SENT_CODES,
	NO_REDIRECTS,
	pathSegment,
	RATELIMIT_RESET,
	rateLimitWaitMs,
	redirectError,
	urlForMessages,
	withinDeadline,
} from '../../shared/http';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, waitMs, type RetryPolicy } from '../../shared/retry';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import type { RequestPacer } from '../../shared/pacer';
import { asNodeError, aworkApiError, aworkDeadlineError, aworkNetworkError } from './errors';
import { aworkPacer } from './pacing';

export type AworkContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** The names of the two awork credential types (see credentials/ and the node descriptions). */
type AworkCredentialType = 'aworkPsaApi' | 'aworkPsaOAuth2Api';

/** Timing knobs of the transport. Production uses the defaults; tests shorten the waits. */
export const aworkTransportSettings: { retry: RetryPolicy; rateLimitAttempts: number; timeoutMs: number } = {
	retry: DEFAULT_RETRY_POLICY,
	/** Attempts in total when awork answers 429; each waits for RateLimit-Reset first. */
	rateLimitAttempts: 5,
	timeoutMs: 60_000,
};

export interface AworkRequestOptions {
	qs?: IDataObject;
	body?: unknown;
	itemIndex?: number;
	/** Overrides whether a failed attempt may be repeated; by default derived from method and path. */
	retrySafe?: boolean;
}

export interface AworkResponse<T> {
	body: T;
	headers: Record<string, unknown>;
	statusCode: number;
}

interface AworkConnection {
	credentialType: string;
	baseUrl: string;
	pacer: RequestPacer;
	/** Headers that sign a request with an API key; undefined for OAuth2, which n8n signs (and refreshes). */
	apiKeyHeaders?: Record<string, string>;
}

/** POSTs that set a state rather than add something, so sending them twice does no harm. */
const RETRY_SAFE_POSTS = [
	/^\/timeentries\/batch\/setisbilled$/i,
	/\/setcustomfields$/i,
	/\/changestatus$/i,
	/^\/tasks\/changestatuses$/i,
];

export function isRetrySafe(method: IHttpRequestMethods, path: string): boolean {
	if (method === 'GET' || method === 'PUT' || method === 'DELETE' || method === 'HEAD') return true;
	return method === 'POST' && RETRY_SAFE_POSTS.some((pattern) => pattern.test(path));
}

/** `/projects/` -> "project ID", `/projects/key/` -> "project key": the field an error names. */
function segmentField(pathBefore: string): string {
	const parts = pathBefore.split('/').filter(Boolean);
	const singular = (word = 'path') => word.replace(/ies$/, 'y').replace(/s$/, '');
	const last = parts[parts.length - 1];
	return last === 'key' ? `${singular(parts[parts.length - 2])} key` : `${singular(last)} ID`;
}

/**
 * Builds a path whose interpolated values are encoded and cannot climb to another path: empty,
 * `.`, `..` and control characters are refused with an error naming the field.
 */
export function aworkPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
	return strings.reduce((path, part, index) => {
		if (index === 0) return part;
		return `${path}${pathSegment(segmentField(path), values[index - 1])}${part}`;
	}, '');
}

/** The credential type the node's Authentication parameter picks: 'oAuth2', otherwise the API key. */
function credentialTypeOf(node: INode): AworkCredentialType {
	return node.parameters?.authentication === 'oAuth2' ? 'aworkPsaOAuth2Api' : 'aworkPsaApi';
}

async function openConnection(context: AworkContext): Promise<AworkConnection> {
	const node = context.getNode();
	const credentialType = credentialTypeOf(node);
	const getCredentials = context.getCredentials as (type: string) => Promise<ICredentialDataDecryptedObject>;
	const credentials = await getCredentials.call(context, credentialType);
	const baseUrl = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		// The value is not echoed: a key pasted into the wrong field would end up in execution data.
		throw new NodeOperationError(
			node,
			'The Base URL in the awork credential is not an http(s) URL',
			{ description: 'Set it to https://api.awork.com/api/v1 unless you use a test or proxy server.' },
		);
	}
	// OAuth2 tokens are refreshed, so the stable credential ID names that budget instead.
	const secret =
		credentialType === 'aworkPsaApi'
			? String(credentials.apiKey ?? '')
			: `oauth2:${String(credentials.clientId ?? '')}:${node.credentials?.[credentialType]?.id ?? ''}`;
	// The same header the credential's authenticate adds: signing here spares n8n a credential load per request.
	const apiKeyHeaders = credentialType === 'aworkPsaApi' ? { Authorization: `Bearer ${String(credentials.apiKey ?? '')}` } : undefined;
	return { credentialType, baseUrl, pacer: aworkPacer(baseUrl, secret), apiKeyHeaders };
}

/** One connection per node run, so the credential is read once, not per request. */
const connectionFor = oncePerNodeRun(openConnection);

export async function aworkBaseUrl(this: AworkContext): Promise<string> {
	return (await connectionFor(this)).baseUrl;
}

export async function aworkRequestFull<T>(
	this: AworkContext,
	method: IHttpRequestMethods,
	path: string,
	options: AworkRequestOptions = {},
): Promise<AworkResponse<T>> {
	const connection = await connectionFor(this);
	const settings = aworkTransportSettings;
	const retrySafe = options.retrySafe ?? isRetrySafe(method, path);
	const url = `${connection.baseUrl}${path}`;
	const request: IHttpRequestOptions = {
		method,
		url,
		qs: options.qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The API key is a plain header: it must never follow a redirect to another host.
		...NO_REDIRECTS,
		timeout: settings.timeoutMs,
	};
	if (options.body !== undefined && method !== 'GET') request.body = options.body as IHttpRequestOptions['body'];
	const context = { api: 'awork', method, path, itemIndex: options.itemIndex };
	assertUrlFits(this.getNode(), url, options.qs, context);

	let sent = 0;
	let failures = 0;
	let rateLimited = 0;
	for (;;) {
		await connection.pacer.acquire();
		sent++;
		let response: IN8nHttpFullResponse;
		try {
			// n8n replaces abortSignal with the execution's own in httpRequestWithAuthentication
			// (OAuth2); there the deadline still ends the wait, but not the socket.
			response = (await withinDeadline(httpLimits.requestDeadlineMs, async (abortSignal) =>
				connection.apiKeyHeaders
					? await this.helpers.httpRequest({ ...request, abortSignal, headers: { ...request.headers, ...connection.apiKeyHeaders } })
					: await this.helpers.httpRequestWithAuthentication.call(this, connection.credentialType, { ...request }),
			)) as IN8nHttpFullResponse;
		} catch (error) {
			// Not repeated: another try could take as long again, and the deadline bounds the call.
			if (isDeadlineError(error)) {
				const failure = { method, path, outcome: retrySafe ? 'rejected' : 'unknown', attempts: sent } as const;
				throw aworkDeadlineError(this.getNode(), error, failure, options.itemIndex);
			}
			const networkCode = networkCodeOf(error);
			if (!networkCode) throw asNodeError(this.getNode(), error, options.itemIndex);
			failures++;
			const repeatable = retrySafe || NEVER_SENT_CODES.includes(networkCode);
			if (repeatable && failures < settings.retry.maxAttempts) {
				await waitMs(backoffDelayMs(settings.retry, failures));
				continue;
			}
			const failure = { method, path, outcome: repeatable ? 'rejected' : 'unknown', attempts: sent, networkCode } as const;
			throw aworkNetworkError(this.getNode(), error, failure, urlForMessages(connection.baseUrl, /^\/api\/v\d+$/), options.itemIndex);
		}

		const status = response.statusCode;
		const headers = (response.headers ?? {}) as Record<string, unknown>;
		if (status >= 200 && status < 300) return { body: response.body as T, headers, statusCode: status };
		if (isRedirectStatus(status)) {
			throw redirectError(this.getNode(), status, headers, { ...context, requestUrl: url, urlSetting: '"Base URL" in the awork credential' });
		}
		if (status === 429) {
			rateLimited++;
			// A reset over the cap, or one that is not a number, is an error now instead of a wait.
			const asked = rateLimitWaitMs(this.getNode(), headers, RATELIMIT_RESET, context);
			if (rateLimited < settings.rateLimitAttempts) {
				// awork's budget is per workspace: hold back every request on this credential, not just this one.
				const waitFor = asked ?? backoffDelayMs(settings.retry, rateLimited);
				connection.pacer.blockUntil(Date.now() + waitFor);
				continue;
			}
		} else if (status >= 500 && retrySafe) {
			failures++;
			if (failures < settings.retry.maxAttempts) {
				await waitMs(backoffDelayMs(settings.retry, failures));
				continue;
			}
		}
		const outcome = status >= 500 && !retrySafe ? 'unknown' : 'rejected';
		throw aworkApiError(this.getNode(), status, response.body, { method, path, outcome, attempts: sent }, options.itemIndex);
	}
}

export async function aworkRequest<T>(
	this: AworkContext,
	method: IHttpRequestMethods,
	path: string,
	options: AworkRequestOptions = {},
): Promise<T> {
	return (await aworkRequestFull.call(this, method, path, options)).body as T;
}
