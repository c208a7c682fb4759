/**
 * Lexware's two error bodies [docs], read into one list of problems that name the field:
 * - regular: `{status, error, path, message, details: [{violation, field, message}]}`
 * - legacy (contacts, files, vouchers): `{IssueList: [{i18nKey, source, type}]}`
 * - gateway: `{message}` (401, 403, 500, 504)
 */
import type { INode, NodeApiError } from 'n8n-workflow';
import type { RequestDeadlineError } from '../../shared/http/deadline';
import { NETWORK_CODE_WORDS } from '../../shared/http/networkErrors';
import { apiErrorSaying, deadlineErrorOf, unreachedError, type CallSite } from '../../shared/http/transportErrors';

export interface LexofficeIssue {
	/** The field the issue is about, e.g. `lineItems[0].unitPrice.taxRatePercentage`. */
	field?: string;
	/** What is wrong: Lexware's message, violation or i18n key. */
	problem: string;
}

export interface LexofficeErrorText {
	/** Lexware's top-level message, if it sent one. */
	message?: string;
	issues: LexofficeIssue[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Reads either error format (or a plain text body). */
export function readLexofficeError(body: unknown): LexofficeErrorText {
	if (typeof body === 'string') return { message: text(body), issues: [] };
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { issues: [] };
	const record = body as Record<string, unknown>;
	const issues: LexofficeIssue[] = [];
	if (Array.isArray(record.IssueList)) {
		for (const issue of record.IssueList as Array<Record<string, unknown>>) {
			const problem = [text(issue?.i18nKey), text(issue?.type)].filter(Boolean).join(' / ');
			issues.push({ field: text(issue?.source), problem: problem || 'invalid' });
		}
	}
	if (Array.isArray(record.details)) {
		for (const detail of record.details as Array<Record<string, unknown>>) {
			const problem = [text(detail?.message), text(detail?.violation)].filter(Boolean).join(' / ');
			issues.push({ field: text(detail?.field), problem: problem || 'invalid' });
		}
	}
	return { message: text(record.message), issues };
}

/** One line per issue: `"lineItems[0].quantity": darf nicht leer sein / NOTNULL`. */
export function issuesText(issues: LexofficeIssue[]): string {
	return issues.map((issue) => (issue.field ? `"${issue.field}": ${issue.problem}` : issue.problem)).join('; ');
}

type ErrorContext = CallSite;

/** Turns a Lexware error answer into an error that names the field and says what to fix. */
export function lexofficeApiError(node: INode, status: number, body: unknown, { method, path, itemIndex }: ErrorContext): NodeApiError {
	const { message: said, issues } = readLexofficeError(body);
	const fields = issuesText(issues);
	const detail = fields ? `: ${fields}` : said ? `: ${said}` : '';
	let message: string;
	let description: string;
	switch (true) {
		case status === 401:
			message = `Lexoffice did not accept the API key${detail}`;
			description =
				'Check "API Key" in the Lexoffice credential. Keys are created under Add-ons > Public API in Lexware Office and expire after two years by default.';
			break;
		case status === 402:
			message = `Lexoffice refused ${method} ${path} because of the contract${detail}`;
			description = 'The Lexware Office subscription does not cover this; check the plan in Lexware Office.';
			break;
		case status === 403:
			message = `Lexoffice refused ${method} ${path}${detail}`;
			description =
				'The API key lacks the scope for this (keys made before an endpoint existed may lack it: create a new key), or the Base URL in the credential is wrong.';
			break;
		case status === 404:
			message = `Lexoffice found nothing at ${method} ${path}${detail}`;
			description = 'Check the ID this item passes. If every request fails like this, check the Base URL in the credential.';
			break;
		case status === 409:
			message = `Lexoffice reported a conflict on ${method} ${path}${detail}`;
			description = 'Someone changed this record since it was read (its version is outdated). Run the node again to read it anew.';
			break;
		case status === 429:
			message = 'Lexoffice rate limit (2 requests per second) was still exceeded after several retries';
			description = 'Another integration may be using the same API key. Run the workflow later.';
			break;
		case status === 504:
			message = `Lexoffice timed out answering ${method} ${path}${detail}`;
			description =
				method === 'GET'
					? 'Retry later.'
					: 'Lexware says such a request may still have been processed. Run the node again: Create Draft from Positions finds a draft it made by its reference instead of making a second one.';
			break;
		case status >= 500:
			message = `Lexoffice had a server error (HTTP ${status}) on ${method} ${path}${detail}`;
			description = 'This is on the Lexware side. Retry later.';
			break;
		default:
			message = `Lexoffice rejected ${method} ${path} (HTTP ${status})${detail}`;
			description = issues.some((issue) => issue.field)
				? `Check the value of ${issues.filter((issue) => issue.field).map((issue) => `"${issue.field}"`).join(', ')}.`
				: 'Check the values the node sends for this operation.';
	}
	const httpCode = String(status);
	return apiErrorSaying(node, { ...(body && typeof body === 'object' ? body : {}), httpCode }, { message, description, httpCode, itemIndex });
}

/** A request that never got an answer (DNS, refused, reset, timeout). */
export function lexofficeNetworkError(
	node: INode,
	code: string,
	{ baseUrl, mayHaveLanded, ...site }: ErrorContext & { baseUrl: string; mayHaveLanded: boolean },
): NodeApiError {
	const said = NETWORK_CODE_WORDS[code] ?? 'network error';
	return unreachedError(
		node,
		'Lexoffice',
		site,
		said,
		mayHaveLanded
			? `No answer from ${baseUrl} (${said}); the invoice may have been created. Run the node again: it finds a draft it made by its reference.`
			: `No answer from ${baseUrl} (${said}). Check the Base URL in the credential and the network.`,
	);
}

/** A request that did not finish within its total deadline. */
export function lexofficeDeadlineError(node: INode, error: RequestDeadlineError, site: ErrorContext): NodeApiError {
	return deadlineErrorOf(
		node,
		'Lexoffice',
		error,
		site,
		site.method === 'GET'
			? 'Retry later.'
			: 'The invoice may or may not have been created. Run the node again: it finds a draft it made by its reference.',
	);
}
