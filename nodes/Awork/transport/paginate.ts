/**
 * awork list endpoints page with `page` (from 1) and `pageSize` (max 1000) and report the total
 * in `aw-totalitems`. These helpers ask for no more than a limit needs and stop on a short page.
 */
import type { IDataObject } from 'n8n-workflow';
import type { AworkFilter } from './filter';
import { filterExpression } from './filter';
import { aworkRequestFull, type AworkContext, type AworkResponse } from './request';

export const AWORK_MAX_PAGE_SIZE = 1000;

export interface AworkPageOptions {
	qs?: IDataObject;
	/** A built filter, or an expert's raw expression (kept in its own parentheses). */
	filter?: AworkFilter | string;
	orderBy?: string;
	/** Stop after this many items; undefined means all. */
	limit?: number;
	/** Page size to ask for; defaults to the largest awork allows. */
	pageSize?: number;
	itemIndex?: number;
}

function headerNumber(headers: Record<string, unknown>, name: string): number | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	const parsed = Number(Array.isArray(value) ? value[0] : value);
	return value === undefined || value === null || value === '' || !Number.isFinite(parsed) ? undefined : parsed;
}

/**
 * Yields each page of a list endpoint as it arrives, so big reads can be processed (or stopped)
 * page by page. The last page is trimmed to the limit.
 */
export async function* aworkPages<T>(
	this: AworkContext,
	path: string,
	options: AworkPageOptions = {},
): AsyncGenerator<T[]> {
	const limit = options.limit === undefined ? Infinity : Math.max(0, Math.floor(options.limit));
	if (limit === 0) return;
	const pageSize = Math.min(options.pageSize ?? AWORK_MAX_PAGE_SIZE, AWORK_MAX_PAGE_SIZE, limit);
	const filterby = filterExpression(options.filter);
	let received = 0;
	let previousFirst: string | undefined;
	for (let page = 1; ; page++) {
		const qs: IDataObject = { ...(options.qs ?? {}), page, pageSize };
		if (filterby) qs.filterby = filterby;
		if (options.orderBy) qs.orderby = options.orderBy;
		const response = (await aworkRequestFull.call(this, 'GET', path, {
			qs,
			itemIndex: options.itemIndex,
		})) as AworkResponse<T[]>;
		const items = Array.isArray(response.body) ? response.body : [];
		// An endpoint that ignores `page` answers the same first row again: that was everything.
		const first = items.length ? JSON.stringify((items[0] as { id?: unknown })?.id ?? items[0]) : undefined;
		if (page > 1 && first !== undefined && first === previousFirst) return;
		previousFirst = first;
		const wanted = items.slice(0, limit - received);
		received += wanted.length;
		if (wanted.length) yield wanted;
		const total = headerNumber(response.headers, 'aw-totalitems');
		const fetchedSoFar = (page - 1) * pageSize + items.length;
		// A page longer than asked for means the endpoint does not page: it was everything.
		const lastPage = items.length < pageSize || items.length > pageSize;
		if (received >= limit || lastPage || (total !== undefined && fetchedSoFar >= total)) return;
	}
}

export async function aworkRequestAllPages<T>(
	this: AworkContext,
	path: string,
	options: AworkPageOptions = {},
): Promise<T[]> {
	const all: T[] = [];
	for await (const page of aworkPages.call(this, path, options) as AsyncGenerator<T[]>) {
		all.push(...page);
	}
	return all;
}
