/**
 * Turns awork's error answers into NodeApiErrors a user can act on: the message names the
 * field awork complained about, or says what to check for auth, permission, missing items
 * and rate limits.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { formatSeconds, type RequestDeadlineError } from '../../shared/http/deadline';

export interface AworkErrorBody {
	code?: string;
	description?: string;
	details?: string[];
	validationErrors?: Array<{ property?: string; message?: string }>;
	traceId?: string;
}

/** What the transport knows about a failed call; kept on the error's context for callers. */
export interface AworkFailure {
	method: string;
	path: string;
	status?: number;
	/** awork's error code, e.g. validation-failed or duplication-violation. */
	code?: string;
	/** 'unknown' when a write may or may not have been applied (connection broke, 5xx). */
	outcome: 'rejected' | 'unknown';
	attempts: number;
	networkCode?: string;
	/** An earlier attempt of this call broke after sending: it may have landed (e.g. a repeated DELETE then finds nothing). */
	earlierAttemptMayHaveLanded?: boolean;
}

function asErrorBody(body: unknown): AworkErrorBody {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as AworkErrorBody;
	if (typeof body === 'string') {
		try {
			const parsed = JSON.parse(body) as unknown;
			if (parsed && typeof parsed === 'object') return parsed as AworkErrorBody;
		} catch {
			return { description: body.slice(0, 300) };
		}
	}
	return {};
}

function validationSummary(body: AworkErrorBody): string | undefined {
	const errors = (body.validationErrors ?? []).filter((error) => error && (error.message || error.property));
	if (errors.length === 0) return undefined;
	return errors
		.map(({ property, message }) => {
			if (!message) return `'${property}' is invalid`;
			return property && !message.includes(property) ? `${property}: ${message}` : message;
		})
		.join('; ');
}

function statusText(status: number, body: AworkErrorBody, failure: AworkFailure): { message: string; description: string } {
	const code = body.code ? ` (${body.code})` : '';
	const what = `${failure.method} ${failure.path}`;
	const details = (body.details ?? []).filter((detail) => typeof detail === 'string').join(' ');
	const said = [body.description, details].filter(Boolean).join(' ');
	switch (status) {
		case 401:
			return {
				message: `awork did not accept the credentials (401)${code}`,
				description: `Check the awork credential: the API key may be wrong, revoked or from another workspace, or the OAuth2 connection needs to be reconnected. Request: ${what}. ${said}`.trim(),
			};
		case 403:
			return {
				message: `awork denied permission for ${what} (403)${code}`,
				description: `The awork user or API client behind the credential lacks the permission for this action. Grant it in awork or use a credential with more rights. ${said}`.trim(),
			};
		case 404:
			return {
				message: `awork could not find ${failure.path} (404)${code}`,
				description: `Check the ID used in this request; the item may have been deleted or the credential cannot see it. ${said}`.trim(),
			};
		case 429:
			return {
				message: `awork's rate limit was still exceeded after ${failure.attempts} attempts (429)`,
				description:
					'The workspace-wide awork budget (shared by all API clients) is used up. Retry later or reduce how many requests this workflow makes.',
			};
		default:
			if (status >= 500) {
				return {
					message: `awork failed with a server error (${status})${code} on ${what}`,
					description:
						failure.outcome === 'unknown'
							? `awork may or may not have applied this change. Check awork before running it again, or use an operation that is safe to repeat (e.g. Get or Create). ${said}`.trim()
							: `awork kept failing after ${failure.attempts} attempts. ${said}`.trim(),
				};
			}
			return {
				message: `awork rejected the request: ${validationSummary(body) ?? body.description ?? `status ${status}`}${code}`,
				description: `Request: ${what}. ${said}`.trim(),
			};
	}
}

export function aworkApiError(
	node: INode,
	status: number,
	rawBody: unknown,
	failure: AworkFailure,
	itemIndex?: number,
): NodeApiError {
	const body = asErrorBody(rawBody);
	const { message, description } = statusText(status, body, failure);
	const error = new NodeApiError(node, { ...(body as JsonObject), httpCode: String(status) } as JsonObject, {
		message,
		description,
		httpCode: String(status),
		itemIndex,
	});
	return withAworkFacts(error, message, description, { ...failure, status, code: body.code });
}

export function aworkNetworkError(
	node: INode,
	cause: unknown,
	failure: AworkFailure,
	baseUrl: string,
	itemIndex?: number,
): NodeApiError {
	const networkCode = failure.networkCode ?? 'network error';
	const message =
		failure.outcome === 'unknown'
			? `The connection to awork broke during ${failure.method} ${failure.path} (${networkCode}); awork may or may not have applied it`
			: `Could not reach awork at ${baseUrl} (${networkCode}) after ${failure.attempts} attempts`;
	const description =
		failure.outcome === 'unknown'
			? 'This request is not safe to repeat automatically. Check awork before running it again, or use an operation that is safe to repeat (e.g. Get or Create).'
			: 'Check the Base URL in the awork credential and the network between n8n and awork.';
	const error = new NodeApiError(
		node,
		{ message: (cause as Error)?.message ?? String(cause), code: networkCode } as JsonObject,
		{ message, description, itemIndex },
	);
	return withAworkFacts(error, message, description, failure);
}

/** n8n rewrites messages that mention ECONNRESET & co.; ours already say what to do, so keep them. */
function withAworkFacts(error: NodeApiError, message: string, description: string, failure: AworkFailure): NodeApiError {
	error.message = message;
	error.description = description;
	error.context.awork = failure as unknown as JsonObject;
	return error;
}

/** The transport's facts about a failed awork call, if the error came from the transport. */
export function aworkFailureOf(error: unknown): (AworkFailure & { status?: number }) | undefined {
	const context = (error as { context?: { awork?: unknown } })?.context;
	return context?.awork as (AworkFailure & { status?: number }) | undefined;
}

/** A request that did not finish within its total deadline (a stalled or trickling answer). */
export function aworkDeadlineError(node: INode, cause: RequestDeadlineError, failure: AworkFailure, itemIndex?: number): NodeApiError {
	const message = `awork did not finish answering ${failure.method} ${failure.path} within ${formatSeconds(cause.deadlineMs)} (the deadline for one request)`;
	const description =
		failure.outcome === 'unknown'
			? 'awork may or may not have applied this change. Check awork before running it again, or use an operation that is safe to repeat (e.g. Get or Create).'
			: 'awork answered too slowly or never finished. Retry later; if it persists, check the Base URL in the awork credential and the network in between.';
	const error = new NodeApiError(node, { message, code: cause.code } as JsonObject, { message, description, itemIndex });
	return withAworkFacts(error, message, description, { ...failure, networkCode: cause.code });
}
