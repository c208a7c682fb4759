/**
 * What the billing tools' transports (sevDesk, Lexoffice, HQ) do alike around the shared loop:
 * the credential's Base URL check, a pacer per token, and one call: the path's IDs checked, the
 * JSON request built with redirects refused, sent through sendWithLimits, and answers outside
 * 2xx mapped by the transport. Each transport keeps its own: authentication header, endpoint
 * table, error wording, pacing limits and what is safe to repeat.
 */
import { createHash } from 'node:crypto';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { pacerFor, type RateWindow, type RequestPacer } from '../pacer';
import type { RetryPolicy } from '../retry';
import type { RequestDeadlineError } from './deadline';
import type { EndpointCall, TableEndpoint } from './endpointTable';
import { httpLimits } from './limits';
import { sendWithLimits, type LoopFailure } from './loop';
import { PathSegmentError } from './pathSegment';
import { RETRY_AFTER } from './rateLimit';
import { urlForMessages } from './redact';
import { NO_REDIRECTS } from './redirect';
import type { CallSite } from './transportErrors';

export type TokenContext = IExecuteFunctions | ILoadOptionsFunctions;

/** A credential URL trimmed, without trailing slashes ('' when not set). */
export function trimmedUrl(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/**
 * The credential's Base URL, trimmed; `drop` removes a suffix users paste along (Lexoffice's /v1).
 * Anything not http(s) is refused, and not echoed: a token pasted into the wrong field would end
 * up in execution data.
 */
export function checkedBaseUrl(node: INode, value: unknown, refusal: { message: string; description: string }, drop?: RegExp): string {
	const baseUrl = drop ? trimmedUrl(value).replace(drop, '') : trimmedUrl(value);
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) throw new NodeOperationError(node, refusal.message, { description: refusal.description });
	return baseUrl;
}

/** A pacer per API, account URL and token; the token only as a hash, never as a map key in clear. */
export function tokenPacer(api: string, baseUrl: string, token: string, windows: RateWindow[]): RequestPacer {
	const tokenHash = createHash('sha256').update(token).digest('hex').slice(0, 16);
	return pacerFor(`${api}:${baseUrl}:${tokenHash}`, windows);
}

/** A call that got no answer, with the credential's URL as messages may show it. */
export interface UnreachedSite extends CallSite {
	baseUrl: string;
}

/** How often a call is sent again: after a 5xx or a broken connection, and while the answer is 429. */
export interface TokenLimits {
	retry: RetryPolicy;
	/** Attempts in total while the answer is 429 (Retry-After), and the back-off when it names no wait. */
	rateLimit: { maxAttempts: number; fallback: RetryPolicy };
}

/** What is the API's own and the same for all its calls. */
export interface TokenApi<Endpoint extends string> {
	/** The API as users know it: "sevDesk". */
	name: string;
	/** Where the user sets the URL, for redirect errors: `"Base URL" in the sevDesk credential`. */
	urlSetting: string;
	/** Ends "Check the contact ID this item passes; " when a path refuses an ID. */
	idRule: string;
	/** The credential URL's path that messages may show (e.g. /api/v1); else the origin only. */
	shownPath?: RegExp;
	endpoints: Record<Endpoint, TableEndpoint>;
	/** Fills an endpoint's path; throws a PathSegmentError for an ID that may not go into it. */
	endpointPath: (endpoint: Endpoint, pathParams?: Record<string, string>) => string;
	/** Whether a call with this method may be sent again after a 5xx or a broken connection. */
	repeatable: (method: string) => boolean;
	/** Read on every call, so tests may shorten them. */
	limits: () => TokenLimits;
	/** An answer outside 2xx that the call does not accept. */
	answerError: (node: INode, status: number, body: unknown, site: CallSite) => Error;
	networkError: (node: INode, code: string, failure: LoopFailure, site: UnreachedSite) => Error;
	deadlineError: (node: INode, error: RequestDeadlineError, failure: LoopFailure, site: CallSite) => Error;
	/** Anything else thrown on the way; defaults to a NodeApiError around it. */
	unknownError?: (node: INode, error: unknown) => Error;
}

/** What comes from the credential, read once per node run. */
export interface TokenSession {
	baseUrl: string;
	/** Sent after Accept: application/json (Authorization, unless `sign` adds it). */
	headers: Record<string, string>;
	/** Signs each attempt with the credential's own authenticate. */
	sign?: (options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
	pacer: RequestPacer;
}

export interface TokenAnswer<T = unknown> {
	status: number;
	body: T;
	headers: Record<string, unknown>;
}

function asNodeError(node: INode, error: unknown, unknownError?: (node: INode, error: unknown) => Error): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return unknownError ? unknownError(node, error) : new NodeApiError(node, error as JsonObject);
}

function filledPath<Endpoint extends string>(api: TokenApi<Endpoint>, node: INode, call: EndpointCall<Endpoint>): string {
	try {
		return api.endpointPath(call.endpoint, call.pathParams);
	} catch (error) {
		if (!(error instanceof PathSegmentError)) throw asNodeError(node, error, api.unknownError);
		throw new NodeOperationError(node, error.message, {
			description: `Check the ${error.field} this item passes; ${api.idRule}`,
			itemIndex: call.itemIndex,
		});
	}
}

/**
 * Sends one call through the shared loop (pacing, retries, 429 waits, deadline, no redirects).
 * A connection that never opened is tried again even for writes: nothing can have landed.
 */
export async function sendTokenCall<T, Endpoint extends string>(
	ctx: TokenContext,
	api: TokenApi<Endpoint>,
	call: EndpointCall<Endpoint>,
	session: TokenSession,
): Promise<TokenAnswer<T>> {
	const node = ctx.getNode();
	const { method } = api.endpoints[call.endpoint];
	const path = filledPath(api, node, call);
	const url = `${session.baseUrl}${path}`;
	const options: IHttpRequestOptions = {
		method,
		url,
		qs: call.query,
		body: call.body,
		headers: { Accept: 'application/json', ...session.headers },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The token is a plain header: it must never follow a redirect to another host.
		...NO_REDIRECTS,
		timeout: httpLimits.requestDeadlineMs,
	};
	const site: CallSite = { method, path, itemIndex: call.itemIndex };
	const { retry, rateLimit } = api.limits();
	const { status, headers, body } = await sendWithLimits({
		node,
		api: api.name,
		method,
		path,
		url,
		qs: call.query,
		itemIndex: call.itemIndex,
		urlSetting: api.urlSetting,
		send: async (abortSignal) => {
			const signed = session.sign ? await session.sign(options) : options;
			return (await ctx.helpers.httpRequest({ ...signed, abortSignal })) as IN8nHttpFullResponse;
		},
		// The budget is the token's: a 429 holds back every request on it, not only this one.
		pacer: session.pacer,
		repeatable: api.repeatable(method),
		repeatWhenNeverSent: true,
		retry,
		rateLimit: { header: RETRY_AFTER, maxAttempts: rateLimit.maxAttempts, fallback: rateLimit.fallback },
		networkError: (_error, code, failure) =>
			api.networkError(node, code, failure, { ...site, baseUrl: urlForMessages(session.baseUrl, api.shownPath) }),
		deadlineError: (error, failure) => api.deadlineError(node, error, failure, site),
		unknownError: (error) => asNodeError(node, error, api.unknownError),
	});
	if ((status >= 200 && status < 300) || call.accept?.includes(status)) return { status, body: body as T, headers };
	throw api.answerError(node, status, body, site);
}
