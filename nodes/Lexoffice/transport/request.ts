/**
 * The one function that sends requests to Lexoffice: base URL and key from the credential, what
 * is safe to repeat and error mapping; the shared loop (nodes/shared/http/loop.ts) paces, retries,
 * waits out 429s and holds the deadline.
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
import { httpLimits, NEVER_SENT_CODES, NO_REDIRECTS, PathSegmentError, RETRY_AFTER, sendWithLimits, urlForMessages } from '../../shared/http';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../shared/retry';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { endpointPath, LEXOFFICE_ENDPOINTS, type EndpointName } from './endpoints';
import { lexofficeApiError, lexofficeDeadlineError, lexofficeNetworkError } from './errors';
import { lexofficePacer } from './pacing';

export const LEXOFFICE_CREDENTIAL = 'lexofficePsaApi';

export type LexofficeContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface LexofficeCall {
	endpoint: EndpointName;
	pathParams?: Record<string, string>;
	query?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
}

export interface LexofficeAnswer<T = unknown> {
	status: number;
	body: T;
	headers: Record<string, unknown>;
}

export interface LexofficeConnection {
	baseUrl: string;
	appUrl: string;
	apiKey: string;
}

/** 429s are always safe to repeat (Lexware did not execute the call [docs]), but not forever. */
export const MAX_RATE_LIMIT_RETRIES = 5;
const RATE_LIMIT_FALLBACK_POLICY: RetryPolicy = { maxAttempts: MAX_RATE_LIMIT_RETRIES, baseDelayMs: 1000, maxDelayMs: 16_000 };

const httpUrl = (value: unknown) => String(value ?? '').trim().replace(/\/+$/, '');

/** One credential read per node run: n8n loads and decrypts a credential on every call. */
export const lexofficeConnection = oncePerNodeRun(async (ctx: LexofficeContext): Promise<LexofficeConnection> => {
	const credentials = await ctx.getCredentials(LEXOFFICE_CREDENTIAL);
	const baseUrl = httpUrl(credentials.baseUrl).replace(/\/v1$/, '');
	if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
		// The value is not echoed: a key pasted into the wrong field would end up in execution data.
		throw new NodeOperationError(ctx.getNode(), 'The Base URL in the Lexoffice credential is not an http(s) URL', {
			description: 'Set "Base URL" in the Lexoffice credential to https://api.lexware.io',
		});
	}
	const appUrl = httpUrl(credentials.appUrl) || 'https://app.lexware.de';
	return { baseUrl, appUrl, apiKey: String(credentials.apiKey ?? '').trim() };
});

function asNodeError(ctx: LexofficeContext, error: unknown): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(ctx.getNode(), error as JsonObject);
}

export async function callLexoffice<T = unknown>(ctx: LexofficeContext, call: LexofficeCall): Promise<LexofficeAnswer<T>> {
	const { baseUrl, apiKey } = await lexofficeConnection(ctx);
	const { method } = LEXOFFICE_ENDPOINTS[call.endpoint];
	let path: string;
	try {
		path = endpointPath(call.endpoint, call.pathParams);
	} catch (error) {
		if (!(error instanceof PathSegmentError)) throw asNodeError(ctx, error);
		throw new NodeOperationError(ctx.getNode(), error.message, {
			description: `Check the ${error.field} this item passes; it must be a Lexoffice ID (a UUID).`,
			itemIndex: call.itemIndex,
		});
	}
	const url = `${baseUrl}${path}`;
	const options: IHttpRequestOptions = {
		method,
		url,
		qs: call.query,
		body: call.body,
		headers: {
			Accept: 'application/json',
			Authorization: `Bearer ${apiKey}`,
			...(call.body ? { 'Content-Type': 'application/json' } : {}),
		},
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The key is a plain header: it must never follow a redirect to another host.
		...NO_REDIRECTS,
		timeout: httpLimits.requestDeadlineMs,
	};
	const node = ctx.getNode();
	const context = { method, path, itemIndex: call.itemIndex };
	// Reads are safe to repeat; an invoice create is not (Lexware has no idempotency key).
	const repeatable = method === 'GET';
	const { status, headers, body } = await sendWithLimits({
		node,
		api: 'Lexoffice',
		method,
		path,
		url,
		qs: call.query,
		itemIndex: call.itemIndex,
		urlSetting: '"Base URL" in the Lexoffice credential',
		send: async (abortSignal) => (await ctx.helpers.httpRequest({ ...options, abortSignal })) as IN8nHttpFullResponse,
		pacer: lexofficePacer(baseUrl, apiKey),
		repeatable,
		repeatWhenNeverSent: true,
		retry: DEFAULT_RETRY_POLICY,
		rateLimit: { header: RETRY_AFTER, maxAttempts: MAX_RATE_LIMIT_RETRIES + 1, fallback: RATE_LIMIT_FALLBACK_POLICY },
		networkError: (_error, code) =>
			lexofficeNetworkError(node, code, {
				...context,
				baseUrl: urlForMessages(baseUrl),
				mayHaveLanded: !repeatable && !NEVER_SENT_CODES.includes(code),
			}),
		deadlineError: (error) => lexofficeDeadlineError(node, error, context),
		unknownError: (error) => asNodeError(ctx, error),
	});
	if (status >= 200 && status < 300) return { status, body: body as T, headers };
	throw lexofficeApiError(node, status, body, context);
}
