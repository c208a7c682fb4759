/**
 * The only module that speaks HTTP to n8n's public API (the data-table endpoints under
 * /api/v1/data-tables). Base URL and API key come from the idMappingN8nApi credential.
 * Reads, updates and deletes are retried on network failures, 429 and 5xx by the shared loop
 * (nodes/shared/http/loop.ts); inserts are not (a repeated insert would duplicate rows), the
 * data-table store verifies them instead.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type INode,
	type JsonObject,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';
import {
	formatSeconds,
	httpLimits,
	NETWORK_CODE_WORDS,
	networkCodeOf,
	NO_REDIRECTS,
	RETRY_AFTER,
	sendWithLimits,
	urlForMessages,
} from '../../shared/http';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import { DEFAULT_RETRY_POLICY } from '../../shared/retry';

export const N8N_API_CREDENTIAL = 'idMappingN8nApi';
const CREDENTIAL_NAME = 'ID Mapping Data Table API';

/**
 * n8n's own server refuses header blocks over 16 KB; the data-table store fills lookup filters up
 * to 10,000 characters (stores/dataTable/dataTableClient.ts), so this API gets a higher URL limit
 * than the shared 8 KB.
 */
export const N8N_API_MAX_URL_LENGTH = 12_288;

export interface N8nApiCall {
	method: IHttpRequestMethods;
	/** Path below the API base, e.g. /data-tables/abc/rows */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Whether sending it twice does no harm (reads, updates by filter, deletes by filter). */
	repeatable: boolean;
	/** Statuses handed back to the caller instead of thrown (e.g. 404, 409). */
	accept?: number[];
}

export interface N8nApiAnswer<T = unknown> {
	status: number;
	body: T;
}

/** The base URL of the credential, always ending in /api/v1 and without a trailing slash. */
export function normaliseBaseUrl(raw: string): string {
	let url = raw.trim().replace(/\/+$/, '');
	if (!/\/api\/v\d+$/.test(url)) url = `${url}/api/v1`;
	return url;
}

export async function n8nApiBaseUrl(ctx: IExecuteFunctions): Promise<string> {
	const credentials = await ctx.getCredentials(N8N_API_CREDENTIAL);
	const raw = String(credentials.baseUrl ?? '').trim();
	if (!/^https?:\/\/[^/]/.test(raw)) {
		// The value is not echoed: a key pasted into the wrong field would end up in execution data.
		throw new NodeOperationError(ctx.getNode(), 'The n8n API base URL in the credential is not an http(s) URL', {
			description: `Set "Base URL" in the "${CREDENTIAL_NAME}" credential, e.g. http://localhost:5678/api/v1`,
		});
	}
	return normaliseBaseUrl(raw);
}

/** The base URL read once per node run: n8n loads and decrypts the credential on every read. */
export const n8nApiBaseUrlOfRun = oncePerNodeRun(n8nApiBaseUrl);

/** The base URL as messages show it: origin, and the path only when it is the usual /api/v1. */
export function baseUrlForMessages(baseUrl: string): string {
	return urlForMessages(baseUrl, /^\/api\/v\d+$/);
}

function messageOf(body: unknown): string {
	if (body && typeof body === 'object' && typeof (body as IDataObject).message === 'string') {
		return (body as IDataObject).message as string;
	}
	return typeof body === 'string' ? body.slice(0, 300) : '';
}

export function n8nApiError(node: INode, status: number, body: unknown, call: N8nApiCall, baseUrl: string): NodeApiError {
	const said = messageOf(body);
	const where = `${call.method} ${baseUrlForMessages(baseUrl)}${call.path}`;
	let message: string;
	let description: string;
	if (status === 401) {
		message = `The n8n API did not accept the API key${said ? `: ${said}` : ''}`;
		description = `Check "API Key" in the "${CREDENTIAL_NAME}" credential. Create one in n8n under Settings -> n8n API, with the data table scopes (dataTable:*, dataTableRow:*, dataTableColumn:*).`;
	} else if (status === 403) {
		message = `The n8n API key may not do ${call.method} ${call.path}${said ? `: ${said}` : ''}`;
		description = `Give the API key of the "${CREDENTIAL_NAME}" credential the data table scopes (dataTable:list/read/create, dataTableRow:read/create/update/upsert/delete, dataTableColumn:read/create).`;
	} else if (status === 404) {
		message = `The n8n API found nothing at ${where}${said ? `: ${said}` : ''}`;
		description = `Check "Base URL" in the "${CREDENTIAL_NAME}" credential (it ends in /api/v1) and that the public API is enabled on that n8n.`;
	} else if (status === 429) {
		message = 'The n8n API kept answering "too many requests" after several retries';
		description = 'Run the workflow later, or with fewer items at once.';
	} else if (status >= 500) {
		message = `The n8n API had a server error (HTTP ${status}) on ${where}${said ? `: ${said}` : ''}`;
		description = 'This is on the n8n side; its log says more. Retry later.';
	} else {
		message = `The n8n API rejected ${where} (HTTP ${status})${said ? `: ${said}` : ''}`;
		description = 'The request did not fit the data table. If you changed its columns by hand, give them back their names and types (all strings).';
	}
	return new NodeApiError(node, { message: said || message, httpCode: String(status) } as JsonObject, {
		message,
		description,
		httpCode: String(status),
	});
}

function networkError(node: INode, error: unknown, baseUrl: string): NodeOperationError {
	const code = networkCodeOf(error) ?? '';
	return new NodeOperationError(node, `Could not reach the n8n API at ${baseUrlForMessages(baseUrl)} (${NETWORK_CODE_WORDS[code] ?? 'network error'})`, {
		description: `Check "Base URL" in the "${CREDENTIAL_NAME}" credential and that this n8n can reach it. Inside Docker, "localhost" is the container itself.`,
	});
}

function looksLikeHtml(body: unknown): boolean {
	return typeof body === 'string' && /^\s*<(!doctype|html)/i.test(body);
}

export async function callN8nApi<T = unknown>(ctx: IExecuteFunctions, call: N8nApiCall): Promise<N8nApiAnswer<T>> {
	const baseUrl = await n8nApiBaseUrlOfRun(ctx);
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${baseUrl}${call.path}`,
		qs: call.qs,
		body: call.body,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// The API key is a plain header: it must never follow a redirect to another host.
		...NO_REDIRECTS,
		timeout: httpLimits.requestDeadlineMs,
	};
	const node = ctx.getNode();
	const policy = DEFAULT_RETRY_POLICY;
	const { status, body } = await sendWithLimits({
		node,
		api: 'The n8n API',
		method: call.method,
		path: call.path,
		url: options.url,
		qs: call.qs,
		maxUrlLength: N8N_API_MAX_URL_LENGTH,
		urlSetting: `"Base URL" in the "${CREDENTIAL_NAME}" credential`,
		// n8n sets its own abortSignal here, so the deadline ends the wait, not the socket.
		send: async () =>
			(await ctx.helpers.httpRequestWithAuthentication.call(ctx, N8N_API_CREDENTIAL, { ...options })) as IN8nHttpFullResponse,
		repeatable: call.repeatable,
		retry: policy,
		// An insert is not repeated even after a 429: the store verifies inserts itself.
		rateLimit: { header: RETRY_AFTER, maxAttempts: policy.maxAttempts, fallback: policy, onlyWhenRepeatable: true },
		networkError: (error) => networkError(node, error, baseUrl),
		deadlineError: (error) =>
			new NodeOperationError(
				node,
				`The n8n API did not finish answering ${call.method} ${call.path} within ${formatSeconds(error.deadlineMs)} (the deadline for one request)`,
				{ description: `Check that the n8n at ${baseUrlForMessages(baseUrl)} is not overloaded, and retry later.` },
			),
		unknownError: (error) => new NodeApiError(node, error as JsonObject),
	});
	if (status >= 200 && status < 300 && looksLikeHtml(body)) {
		// n8n answers unknown paths outside /api/v1 with its editor page (200, HTML).
		throw new NodeOperationError(node, `${baseUrlForMessages(baseUrl)} is not n8n's public API (it answered with a web page)`, {
			description: `Set "Base URL" in the "${CREDENTIAL_NAME}" credential to the n8n address followed by /api/v1, e.g. http://localhost:5678/api/v1.`,
		});
	}
	if ((status >= 200 && status < 300) || call.accept?.includes(status)) return { status, body: body as T };
	throw n8nApiError(node, status, body, call, baseUrl);
}
