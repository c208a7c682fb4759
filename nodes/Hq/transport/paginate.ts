/**
 * HQ's lists [docs]: plain JSON arrays, `top` (at most 1000) and `skip`, the total in
 * helloHQ-Count and the next page's URL in helloHQ-NextLink (empty when done). The node counts
 * `skip` itself and never follows NextLink: a URL from an answer could point at another host,
 * and the token would go with it. NextLink and Count only say whether there is more.
 */
import type { IDataObject } from 'n8n-workflow';
import { headerInteger, headerValue } from '../../shared/http';
import { repeatedPageCheck } from '../../shared/http/pageFingerprint';
import { HQ_ENDPOINTS, PAGING, QUERY, type EndpointName } from './endpoints';
import { callHq, hqAnswerError, type HqContext } from './request';

export interface ListRequest {
	endpoint: EndpointName;
	pathParams?: Record<string, string>;
	/** `filter`, `expand` as the API names them (see QUERY). */
	query?: IDataObject;
	itemIndex?: number;
}

export interface HqPage<T> {
	rows: T[];
	/** helloHQ-Count, when sent. */
	count?: number;
	/** Whether HQ says there is another page. */
	more: boolean;
}

export async function fetchPage<T = IDataObject>(ctx: HqContext, request: ListRequest, skip: number, top: number): Promise<HqPage<T>> {
	const answer = await callHq<unknown>(ctx, {
		endpoint: request.endpoint,
		pathParams: request.pathParams,
		itemIndex: request.itemIndex,
		query: { ...(request.query ?? {}), [QUERY.top]: top, [QUERY.skip]: skip },
	});
	if (!Array.isArray(answer.body)) {
		const { method, path } = HQ_ENDPOINTS[request.endpoint];
		throw hqAnswerError(
			ctx,
			`HQ answered ${method} ${path} with something that is not a list`,
			'HQ lists are JSON arrays. Check the Base URL in the credential (https://api.hellohq.io, without /v2).',
			request.itemIndex,
		);
	}
	const rows = answer.body as T[];
	const count = headerInteger(answer.headers, PAGING.countHeader);
	const hasNextLinkHeader = Object.keys(answer.headers).some((name) => name.toLowerCase() === PAGING.nextLinkHeader.toLowerCase());
	let more: boolean;
	if (rows.length === 0) more = false;
	else if (hasNextLinkHeader) more = headerValue(answer.headers, PAGING.nextLinkHeader) !== undefined;
	else if (count !== undefined) more = skip + rows.length < count;
	else more = rows.length >= top;
	return { rows, count, more };
}

/**
 * Reads pages until `limit` rows are in hand, or all of them. Stops with an error on a server that
 * repeats a page (it ignores `skip`) or pages past PAGING.maxRecords.
 */
export async function fetchAll<T = IDataObject>(ctx: HqContext, request: ListRequest, limit?: number, keep?: (row: T) => boolean): Promise<T[]> {
	const rows: T[] = [];
	const top = keep || limit === undefined ? PAGING.maxTop : Math.min(Math.max(limit, 1), PAGING.maxTop);
	const { method, path } = HQ_ENDPOINTS[request.endpoint];
	const repeatsPrevious = repeatedPageCheck();
	for (let skip = 0; ; ) {
		const page = await fetchPage<T>(ctx, request, skip, top);
		if (repeatsPrevious(page.rows)) {
			throw hqAnswerError(
				ctx,
				`HQ answered ${method} ${path} at skip ${skip} with the same records as the page before; it seems to ignore paging, so reading stopped`,
				'The list could not be read completely. Check the Base URL in the credential and that HQ pages with "top" and "skip".',
				request.itemIndex,
			);
		}
		rows.push(...(keep ? page.rows.filter(keep) : page.rows));
		if (limit !== undefined && rows.length >= limit) return rows.slice(0, limit);
		skip += page.rows.length;
		if (!page.more) return rows;
		if (skip >= PAGING.maxRecords) {
			throw hqAnswerError(
				ctx,
				`HQ kept paging ${method} ${path} past ${PAGING.maxRecords} records, so reading stopped`,
				'Narrow the list (a contact, drafts only), or check that HQ ends its pages (an empty helloHQ-NextLink).',
				request.itemIndex,
			);
		}
	}
}
