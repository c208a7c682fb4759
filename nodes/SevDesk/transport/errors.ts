/** sevDesk's error answers and failed requests as errors that say what to fix. */
import type { INode, NodeApiError } from 'n8n-workflow';
import type { RequestDeadlineError } from '../../shared/http/deadline';
import { apiErrorSaying, deadlineErrorOf, unreachedError, type CallSite } from '../../shared/http/transportErrors';

/**
 * The message of a sevDesk error body: `{"error": {"message"}}` [docs: validationError], or
 * `{"error": "<text>"}` / `{"message"}` [sdk]; a plain text body as it is.
 */
export function sevDeskErrorText(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim().slice(0, 500) || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	const error = record.error;
	if (error && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') {
		return String((error as Record<string, unknown>).message);
	}
	if (typeof error === 'string') return error;
	return typeof record.message === 'string' ? record.message : undefined;
}

export type ErrorContext = CallSite;

function nodeApiError(node: INode, status: number, body: unknown, message: string, description: string, itemIndex?: number): NodeApiError {
	return apiErrorSaying(node, { message, httpCode: String(status), body }, { message, description, httpCode: String(status), itemIndex });
}

export function sevDeskApiError(node: INode, status: number, body: unknown, { method, path, itemIndex }: ErrorContext): NodeApiError {
	const text = sevDeskErrorText(body);
	const said = text ? `: ${text}` : '';
	switch (true) {
		case status === 401:
			return nodeApiError(node, status, body, `sevDesk did not accept the API token${said}`,
				'Check "API Token" in the sevDesk credential: the 32-character token from sevDesk under Settings -> Users, entered as it is (without "Bearer").', itemIndex);
		case status === 403:
			return nodeApiError(node, status, body, `sevDesk refused ${method} ${path}${said}`,
				'The sevDesk user of this token may not do this. Use the token of a user with the right to edit invoices.', itemIndex);
		case status === 404:
			return nodeApiError(node, status, body, `sevDesk found nothing at ${method} ${path}${said}`,
				'Check the ID you passed. If every request fails like this, check "Base URL" in the sevDesk credential (it ends in /api/v1).', itemIndex);
		case status === 429:
			return nodeApiError(node, status, body, `sevDesk still answered "too many requests" to ${method} ${path} after several waits`,
				'Other integrations may share this sevDesk account. Run the workflow later.', itemIndex);
		case status >= 500:
			return nodeApiError(node, status, body, `sevDesk had a server error (HTTP ${status}) on ${method} ${path}${said}`,
				'sevDesk sometimes answers 500 for a request it should refuse with 400: check the values sent; else retry later.', itemIndex);
		default:
			return nodeApiError(node, status, body, `sevDesk refused ${method} ${path} (HTTP ${status})${said}`,
				'The message names what sevDesk did not accept; check that value in the node or in the input item.', itemIndex);
	}
}

export function sevDeskNetworkError(node: INode, code: string, { baseUrl, mayHaveLanded, ...site }: ErrorContext & { baseUrl: string; mayHaveLanded: boolean }): NodeApiError {
	return unreachedError(node, 'sevDesk', site, `network error ${code}`, mayHaveLanded
		? `The connection to ${baseUrl} broke (${code.toLowerCase()}); sevDesk may have saved the invoice. Run the workflow again: it finds the invoice by its reference instead of creating a second one.`
		: `No answer from ${baseUrl} (${code.toLowerCase()}). Check "Base URL" in the sevDesk credential and the network.`);
}

export function sevDeskDeadlineError(node: INode, error: RequestDeadlineError, { canRepeat, ...site }: ErrorContext & { canRepeat: boolean }): NodeApiError {
	return deadlineErrorOf(node, 'sevDesk', error, site, canRepeat
		? 'sevDesk answered too slowly or never finished. Retry later.'
		: 'sevDesk may or may not have saved the invoice. Run the workflow again: it finds the invoice by its reference instead of creating a second one.');
}
