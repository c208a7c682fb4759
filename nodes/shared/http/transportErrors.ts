/**
 * The errors the billing tools' transports build alike. Each transport keeps its own wording of
 * an API's answers (what to fix); the message shapes here are the same for every API.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { formatSeconds, type RequestDeadlineError } from './deadline';

/** Which call failed, as errors name it. */
export interface CallSite {
	method: string;
	/** The path as errors show it (no base URL). */
	path: string;
	itemIndex?: number;
}

export interface ErrorWording {
	message: string;
	description: string;
	/** The HTTP status, when there was an answer. */
	httpCode?: string;
	itemIndex?: number;
}

/**
 * A NodeApiError that keeps its message: n8n replaces the message of some HTTP errors with a
 * generic one, and this one says what happened. `response` is what execution data shows as the
 * error's body.
 */
export function apiErrorSaying(node: INode, response: object, { message, description, httpCode, itemIndex }: ErrorWording): NodeApiError {
	const error = new NodeApiError(node, response as JsonObject, {
		message,
		description,
		...(httpCode !== undefined ? { httpCode } : {}),
		itemIndex,
	});
	error.message = message;
	return error;
}

/** A request that never got an answer (DNS, refused, reset, timeout); `said` is the body shown. */
export function unreachedError(node: INode, api: string, { method, path, itemIndex }: CallSite, said: string, description: string): NodeApiError {
	const message = `Could not reach ${api} for ${method} ${path}`;
	return apiErrorSaying(node, { message: said }, { message, description, itemIndex });
}

/** A request that did not finish within its total deadline (a stalled or trickling answer). */
export function deadlineErrorOf(
	node: INode,
	api: string,
	error: RequestDeadlineError,
	{ method, path, itemIndex }: CallSite,
	description: string,
): NodeApiError {
	const message = `${api} did not finish answering ${method} ${path} within ${formatSeconds(error.deadlineMs)} (the deadline for one request)`;
	return apiErrorSaying(node, { message, code: error.code }, { message, description, itemIndex });
}
