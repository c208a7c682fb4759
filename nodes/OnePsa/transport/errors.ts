import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { formatSeconds, type RequestDeadlineError } from '../../shared/http/deadline';

/** The error body The One PSA documents: `{error, code, details}`. */
export interface PsaErrorBody {
	error?: string;
	code?: string;
	details?: Record<string, unknown>;
}

export function asPsaErrorBody(body: unknown): PsaErrorBody {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as PsaErrorBody;
	if (typeof body === 'string' && body.trim()) return { error: body.trim() };
	return {};
}

/** A short text for one failed request, used for per-entry `failed` reasons too. */
export function psaErrorText(status: number, body: unknown): string {
	const { error, code, details } = asPsaErrorBody(body);
	const field = typeof details?.field === 'string' ? ` (field "${details.field}")` : '';
	const text = error ?? `HTTP ${status}`;
	return code ? `${text}${field} [${code}]` : `${text}${field}`;
}

interface ErrorContext {
	method: string;
	path: string;
	itemIndex?: number;
}

/** Turns a PSA error answer into an error that says what to fix. */
export function psaApiError(
	node: INode,
	status: number,
	body: unknown,
	{ method, path, itemIndex }: ErrorContext,
): NodeApiError {
	const parsed = asPsaErrorBody(body);
	const details = parsed.details ?? {};
	const said = parsed.error ? `: ${parsed.error}` : '';
	let message: string;
	let description: string;
	switch (true) {
		case status === 401:
			message = `The One PSA did not accept the credentials${said}`;
			description =
				'Check Tenant ID, Integration Key and (if your PSA requires one) API Key in the "The One PSA API" credential. The integration key is created in The One PSA under Settings -> Integrations.';
			break;
		case status === 403: {
			const permission = details.requiredPermission as string | undefined;
			const product = details.requiredProduct as string | undefined;
			const needs = [
				permission ? `permission "${permission}"` : '',
				product ? `product "${product}"` : '',
			]
				.filter(Boolean)
				.join(' for ');
			message = needs
				? `The One PSA refused ${method} ${path}: the key lacks ${needs}`
				: `The One PSA refused ${method} ${path}${said}`;
			description = needs
				? `Grant ${needs} to the API key in Hub -> Settings -> API Keys (keys are scoped per product), or use a key that has it.`
				: 'The API key or integration is not allowed to do this. Check its scopes in Hub -> Settings -> API Keys.';
			break;
		}
		case status === 404:
			message = `The One PSA found nothing at ${method} ${path}${said}`;
			description =
				'Check the ID you passed (contract, ticket). If every request fails like this, check the API URL in the credential; the paths are listed in docs/onepsa-api.md.';
			break;
		case status === 429:
			message = 'The One PSA rate limit (100 requests per minute per tenant) was still exceeded after several retries';
			description =
				'Other clients share this tenant budget. Run the workflow later, or spread work over more time.';
			break;
		case status >= 500:
			message = `The One PSA had a server error (HTTP ${status}) on ${method} ${path}${said}`;
			description = 'This is on the PSA side. Retry later; if it persists, contact The One PSA support.';
			break;
		default:
			message = `The One PSA rejected ${method} ${path}${said}`;
			description = typeof details.field === 'string'
				? `Check the value for "${details.field}".`
				: 'Check the values the node sends for this operation.';
	}
	if (parsed.code) description += ` (PSA code: ${parsed.code})`;
	return new NodeApiError(node, { ...parsed, httpCode: String(status) } as JsonObject, {
		message,
		description,
		httpCode: String(status),
		itemIndex,
	});
}

/** A request that never got an answer (DNS, refused, reset, timeout). */
export function psaNetworkError(
	node: INode,
	error: unknown,
	{ method, path, itemIndex, baseUrl }: ErrorContext & { baseUrl: string },
): NodeApiError {
	const code =
		(error as { code?: string })?.code ??
		(error as { cause?: { code?: string } })?.cause?.code ??
		'unknown';
	return new NodeApiError(node, { message: `network error ${code}` } as JsonObject, {
		message: `Could not reach The One PSA for ${method} ${path}`,
		description: `No answer from ${baseUrl} (${code}). Check the API URL in the credential and the network between n8n and the PSA.`,
		itemIndex,
	});
}

/** A request that did not finish within its total deadline (a stalled or trickling answer). */
export function psaDeadlineError(
	node: INode,
	error: RequestDeadlineError,
	{ method, path, itemIndex, canRepeat }: ErrorContext & { canRepeat: boolean },
): NodeApiError {
	const message = `The One PSA did not finish answering ${method} ${path} within ${formatSeconds(error.deadlineMs)} (the deadline for one request)`;
	const error_ = new NodeApiError(node, { message, code: error.code } as JsonObject, {
		message,
		description: canRepeat
			? 'The PSA answered too slowly or never finished. Retry later; if it persists, contact The One PSA support.'
			: 'The PSA may or may not have applied this change. Check the PSA before running it again.',
		itemIndex,
	});
	error_.message = message;
	return error_;
}
