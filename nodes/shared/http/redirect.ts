/**
 * Authenticated requests never follow redirects: n8n resends every header to the new address,
 * and the keys of these APIs are plain headers (Authorization, X-Integration-Key,
 * X-N8N-API-KEY). A 3xx becomes an error naming where it pointed, by origin only.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { headerValue, type AnswerHeaders } from './headers';

/** Request options that make n8n hand a 3xx back instead of following it. */
export const NO_REDIRECTS = { disableFollowRedirect: true, maxRedirects: 0 } as const;

export function isRedirectStatus(status: number): boolean {
	return status >= 300 && status < 400 && status !== 304;
}

function originOf(location: string | undefined, requestUrl: string): string {
	if (!location) return 'no Location';
	try {
		return new URL(location, requestUrl).origin;
	} catch {
		return 'an unreadable Location';
	}
}

export interface RedirectContext {
	api: string;
	method: string;
	path: string;
	/** The full URL asked, to resolve a relative Location. */
	requestUrl: string;
	/** Where the user sets the URL, e.g. `"Base URL" in the awork credential`. */
	urlSetting: string;
	itemIndex?: number;
}

export function redirectError(node: INode, status: number, headers: AnswerHeaders, context: RedirectContext): NodeApiError {
	const target = originOf(headerValue(headers, 'location'), context.requestUrl);
	const sameOrigin = target === new URL(context.requestUrl).origin;
	const message = `${context.api} answered ${context.method} ${context.path} with a redirect (HTTP ${status}) to ${sameOrigin ? 'another path on the same server' : target}; it was not followed, so no credentials were sent there`;
	const description = `Set ${context.urlSetting} to the address that answers directly (a redirect usually means http instead of https, a missing or extra path part, or a proxy in between).`;
	const error = new NodeApiError(node, { message, httpCode: String(status) } as JsonObject, {
		message,
		description,
		httpCode: String(status),
		itemIndex: context.itemIndex,
	});
	error.message = message;
	return error;
}
