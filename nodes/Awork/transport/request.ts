/**
 * The one place that sends HTTP requests to awork: picks the credential the node is set to, says
 * what is safe to retry and maps awork's answers to errors. Pacing, retries, 429 waits and the
 * deadline are the shared loop's (nodes/shared/http/loop.ts).
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
import { NO_REDIRECTS, pathSegment, RATELIMIT_RESET, sendWithLimits, urlForMessages } from '../../shared/http';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/retry';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import type { RequestPacer } from '../../shared/pacer';
import { asOperationError } from '../../shared/operations/errors';
import { aworkApiError, aworkDeadlineError, aworkNetworkError } from './errors';
import { multipartBody, type MultipartFields } from './multipart';
import { aworkPacer, observeAworkBudget } from './pacing';

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
	/** Sent as multipart/form-data instead of `body` (awork's form endpoints, e.g. POST /documents). */
	form?: MultipartFields;
	/** The answer's bytes as a Buffer (a file download) instead of parsed JSON. */
	binaryResponse?: boolean;
}

export interface AworkResponse<T> {
	body: T;
	headers: Record<string, unknown>;
	statusCode: number;
	/** An earlier attempt of this call broke after sending, so it may have been applied already. */
	earlierAttemptMayHaveLanded?: boolean;
}

interface AworkConnection {
	credentialType: string;
	baseUrl: string;
	pacer: RequestPacer;
	/** Headers that sign a request with an API key; undefined for OAuth2, which n8n signs (and refreshes). */
	apiKeyHeaders?: Record<string, string>;
	/** The credential's Web Address as entered (trimmed; empty when not set). */
	webUrl: string;
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
	const webUrl = String(credentials.webUrl ?? '').trim();
	return { credentialType, baseUrl, pacer: aworkPacer(baseUrl, secret), apiKeyHeaders, webUrl };
}

/** One connection per node run, so the credential is read once, not per request. */
const connectionFor = oncePerNodeRun(openConnection);

export async function aworkBaseUrl(this: AworkContext): Promise<string> {
	return (await connectionFor(this)).baseUrl;
}

/** The Web Address set in the credential, or '' (helpers/webUrl.ts falls back to GET /me). */
export async function aworkCredentialWebUrl(this: AworkContext): Promise<string> {
	return (await connectionFor(this)).webUrl;
}

export async function aworkRequestFull<T>(
	this: AworkContext,
	method: IHttpRequestMethods,
	path: string,
	options: AworkRequestOptions = {},
): Promise<AworkResponse<T>> {
	const connection = await connectionFor(this);
	const settings = aworkTransportSettings;
	const node = this.getNode();
	const retrySafe = options.retrySafe ?? isRetrySafe(method, path);
	const request: IHttpRequestOptions = {
		method,
		url: `${connection.baseUrl}${path}`,
		qs: options.qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The API key is a plain header: it must never follow a redirect to another host.
		...NO_REDIRECTS,
		timeout: settings.timeoutMs,
	};
	if (options.body !== undefined && method !== 'GET') request.body = options.body as IHttpRequestOptions['body'];
	if (options.form && method !== 'GET') {
		const form = multipartBody(options.form);
		request.body = form.data;
		request.headers = { 'Content-Type': form.contentType };
	}
	if (options.binaryResponse) {
		request.json = false;
		request.encoding = 'arraybuffer';
	}
	const outcomeOf = (repeatable: boolean) => (repeatable ? 'rejected' : 'unknown') as 'rejected' | 'unknown';

	const answer = await sendWithLimits({
		node,
		api: 'awork',
		method,
		path,
		url: request.url,
		qs: options.qs,
		itemIndex: options.itemIndex,
		urlSetting: '"Base URL" in the awork credential',
		// n8n replaces abortSignal with the execution's own in httpRequestWithAuthentication
		// (OAuth2); there the deadline still ends the wait, but not the socket.
		send: async (abortSignal) =>
			(connection.apiKeyHeaders
				? await this.helpers.httpRequest({ ...request, abortSignal, headers: { ...request.headers, ...connection.apiKeyHeaders } })
				: await this.helpers.httpRequestWithAuthentication.call(this, connection.credentialType, { ...request })) as IN8nHttpFullResponse,
		// awork's budget is per workspace: a 429 holds back every request on this credential.
		pacer: connection.pacer,
		repeatable: retrySafe,
		repeatWhenNeverSent: true,
		retry: settings.retry,
		rateLimit: { header: RATELIMIT_RESET, maxAttempts: settings.rateLimitAttempts, fallback: settings.retry },
		// Other clients of the workspace (other n8n workers) spend the same budget; awork's headers say how much.
		observe: (answerHeaders) => observeAworkBudget(connection.pacer, answerHeaders),
		networkError: (error, networkCode, { state, repeatable }) =>
			aworkNetworkError(
				node,
				error,
				{ method, path, outcome: outcomeOf(repeatable), attempts: state.attempts, networkCode },
				urlForMessages(connection.baseUrl, /^\/api\/v\d+$/),
				options.itemIndex,
			),
		deadlineError: (error, { state, repeatable }) =>
			aworkDeadlineError(node, error, { method, path, outcome: outcomeOf(repeatable), attempts: state.attempts }, options.itemIndex),
		unknownError: (error) => asOperationError(node, error, options.itemIndex),
	});

	const { status, headers, body, state } = answer;
	const { earlierAttemptMayHaveLanded } = state;
	if (status >= 200 && status < 300) return { body: body as T, headers, statusCode: status, earlierAttemptMayHaveLanded };
	const outcome = status >= 500 && !retrySafe ? 'unknown' : 'rejected';
	// A failed download still answers awork's JSON error body, as bytes.
	const errorBody = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	throw aworkApiError(node, status, errorBody, { method, path, outcome, attempts: state.attempts, earlierAttemptMayHaveLanded }, options.itemIndex);
}

export async function aworkRequest<T>(
	this: AworkContext,
	method: IHttpRequestMethods,
	path: string,
	options: AworkRequestOptions = {},
): Promise<T> {
	return (await aworkRequestFull.call(this, method, path, options)).body as T;
}
