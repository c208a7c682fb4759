import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { repeatedPageCheck } from '../../shared/http/pageFingerprint';
import { apiErrorSaying } from '../../shared/http/transportErrors';
import { LEXOFFICE_ENDPOINTS, MAX_SEARCH_WINDOW, PAGING, type EndpointName } from './endpoints';
import { callLexoffice, type LexofficeContext } from './request';

/** A page as Lexware sends it [docs] (only the fields the node reads). */
export interface LexofficePage<T> {
	content: T[];
	last?: boolean;
	totalPages?: number;
	totalElements?: number;
	number?: number;
}

export interface PageRequest {
	endpoint: EndpointName;
	query?: IDataObject;
	itemIndex?: number;
}

/** One page; `page` is 0-based as Lexware counts. */
export async function fetchPage<T = IDataObject>(ctx: LexofficeContext, request: PageRequest, page: number, size: number): Promise<LexofficePage<T>> {
	const answer = await callLexoffice<LexofficePage<T>>(ctx, {
		endpoint: request.endpoint,
		itemIndex: request.itemIndex,
		query: { ...(request.query ?? {}), [PAGING.pageParam]: page, [PAGING.sizeParam]: Math.min(Math.max(size, 1), PAGING.maxSize) },
	});
	const body = answer.body && typeof answer.body === 'object' ? answer.body : ({} as LexofficePage<T>);
	return { ...body, content: Array.isArray(body.content) ? body.content : [] };
}

/** Whether a page is the last one: Lexware says so, or it was short or empty. */
export function isLastPage(answer: LexofficePage<unknown>, page: number, size: number): boolean {
	if (answer.content.length === 0 || answer.last === true) return true;
	if (typeof answer.totalPages === 'number' && page + 1 >= answer.totalPages) return true;
	return answer.last === undefined && answer.content.length < size;
}

/**
 * Reads pages until `limit` records are in hand, or all of them when `limit` is undefined, or
 * `stop` says so. Lexware serves at most 10,000 entries of one search, so reading ends there.
 */
export async function fetchAll<T = IDataObject>(
	ctx: LexofficeContext,
	request: PageRequest,
	limit?: number,
	stop?: (records: T[]) => boolean,
): Promise<T[]> {
	const records: T[] = [];
	const size = limit === undefined ? PAGING.maxSize : Math.min(Math.max(limit, 1), PAGING.maxSize);
	const lastPage = Math.ceil(MAX_SEARCH_WINDOW / size) - 1 + PAGING.firstPage;
	const repeatsPrevious = repeatedPageCheck();
	for (let page = PAGING.firstPage; ; page++) {
		const answer = await fetchPage<T>(ctx, request, page, size);
		// A server that ignores `page` and never says `last` would be read forever, the same rows again and again.
		if (repeatsPrevious(answer.content)) throw repeatedPageError(ctx, request, page);
		records.push(...answer.content);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		if (stop?.(answer.content)) return records;
		if (isLastPage(answer, page, size)) return records;
		if (page >= lastPage) throw searchWindowError(ctx, request);
	}
}

function listError(ctx: LexofficeContext, request: PageRequest, message: string, description: string): NodeApiError {
	return apiErrorSaying(ctx.getNode(), { message }, { message, description, itemIndex: request.itemIndex });
}

function repeatedPageError(ctx: LexofficeContext, request: PageRequest, page: number): NodeApiError {
	const { method, path } = LEXOFFICE_ENDPOINTS[request.endpoint];
	return listError(
		ctx,
		request,
		`Lexoffice answered page ${page} of ${method} ${path} with the same records as page ${page - 1}; it seems to ignore paging, so reading stopped`,
		'The list could not be read completely. Check the Base URL in the credential.',
	);
}

function searchWindowError(ctx: LexofficeContext, request: PageRequest): NodeApiError {
	const { method, path } = LEXOFFICE_ENDPOINTS[request.endpoint];
	return listError(
		ctx,
		request,
		`Lexoffice still had more records after ${MAX_SEARCH_WINDOW} of ${method} ${path}, the most one search may read`,
		'Narrow the search (a contact, a status) or set a Limit.',
	);
}
