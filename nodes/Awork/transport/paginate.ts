/**
 * awork list endpoints page with `page` (from 1) and `pageSize` (max 1000) and report the total
 * in `aw-totalitems`. These helpers ask for no more than a limit needs and stop on a short page.
 */
import type { IDataObject } from 'n8n-workflow';
import { headerNumber } from '../../shared/http/headers';
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
	/**
	 * Pages requested at the same time once the first page told the total (default 1). Only for
	 * readers that take every page: a reader that stops early leaves requests already sent.
	 */
	pagesInFlight?: number;
	/**
	 * Narrows what the server returned (its filter may be wider than the caller's question). Only
	 * kept items are yielded and count toward `limit`, so a limit still means "this many matches".
	 */
	keep?: (item: unknown) => boolean;
	/**
	 * Which kept items count toward `limit`. The others are still yielded, and reading goes on past
	 * them, so items that cannot be processed do not crowd out the ones that can.
	 */
	counts?: (item: unknown) => boolean;
	itemIndex?: number;
}

/** Pages aworkRequestAllPages requests at the same time once the first page told the total. */
export const PAGES_IN_FLIGHT = 3;

/**
 * Yields each page of a list endpoint as it arrives, so big reads can be processed (or stopped)
 * page by page. The last page is trimmed to the limit. With pagesInFlight, once the first page
 * reports the total (`aw-totalitems`), the pages still needed are requested a few at a time and
 * yielded in order: the same requests, with their round trips overlapped.
 */
export async function* aworkPages<T>(
	this: AworkContext,
	path: string,
	options: AworkPageOptions = {},
): AsyncGenerator<T[]> {
	const limit = options.limit === undefined ? Infinity : Math.max(0, Math.floor(options.limit));
	if (limit === 0) return;
	// Uncounted items are read past, so a small limit must not mean small pages.
	// Not const: a server that serves smaller pages than asked is then read at its own size.
	let pageSize = Math.min(options.pageSize ?? AWORK_MAX_PAGE_SIZE, AWORK_MAX_PAGE_SIZE, options.counts ? Infinity : limit);
	const filterby = filterExpression(options.filter);
	const request = (page: number) => {
		const qs: IDataObject = { ...(options.qs ?? {}), page, pageSize };
		if (filterby) qs.filterby = filterby;
		if (options.orderBy) qs.orderby = options.orderBy;
		return aworkRequestFull.call(this, 'GET', path, { qs, itemIndex: options.itemIndex }) as Promise<AworkResponse<T[]>>;
	};
	const pagesInFlight = Math.max(1, Math.floor(options.pagesInFlight ?? 1));
	const inFlight = new Map<number, Promise<AworkResponse<T[]>>>();
	/** The last page worth asking for, once the total is known. */
	let lastWanted: number | undefined;
	let nextToRequest = 2;
	const prefetch = () => {
		while (lastWanted !== undefined && nextToRequest <= lastWanted && inFlight.size < pagesInFlight) {
			const pending = request(nextToRequest);
			// Awaited in order below; until then a rejection must not count as unhandled.
			pending.catch(() => undefined);
			inFlight.set(nextToRequest++, pending);
		}
	};
	const keep = options.keep;
	const counts = options.counts;
	let received = 0;
	/** Items read that do not count toward the limit: dropped by keep, or yielded uncounted. */
	let dropped = 0;
	let previousFirst: string | undefined;
	for (let page = 1; ; page++) {
		const response = inFlight.get(page) ?? request(page);
		inFlight.delete(page);
		const { body, headers } = await response;
		const items = Array.isArray(body) ? body : [];
		// An endpoint that ignores `page` answers the same first row again: that was everything.
		const first = items.length ? JSON.stringify((items[0] as { id?: unknown })?.id ?? items[0]) : undefined;
		if (page > 1 && first !== undefined && first === previousFirst) return;
		previousFirst = first;
		const total = headerNumber(headers, 'aw-totalitems');
		// A short first page while the total says more: the server caps the page size below what was
		// asked. Asking for its size from page 2 on reads the same rows whether it counts pages by
		// the size it served or by the size asked for; stopping here would skip the rest silently.
		if (page === 1 && items.length > 0 && items.length < pageSize && total !== undefined && total > items.length) {
			pageSize = items.length;
		}
		const kept = keep ? items.filter(keep) : items;
		dropped += items.length - kept.length;
		let wanted: T[];
		if (counts) {
			// Up to (and including) the item that reaches the limit; uncounted ones ride along.
			wanted = [];
			for (const item of kept) {
				if (received >= limit) break;
				wanted.push(item);
				if (counts(item)) received++;
				else dropped++;
			}
		} else {
			wanted = kept.slice(0, limit - received);
			received += wanted.length;
		}
		// Items dropped so far are read again as extra pages to fill the limit.
		if (total !== undefined && (page === 1 || keep || counts)) {
			lastWanted = Math.ceil(Math.min(total, limit + dropped) / pageSize);
		}
		const fetchedSoFar = (page - 1) * pageSize + items.length;
		// A page longer than asked for means the endpoint does not page: it was everything.
		const lastPage = items.length < pageSize || items.length > pageSize;
		const done = received >= limit || lastPage || (total !== undefined && fetchedSoFar >= total);
		if (!done && pagesInFlight > 1) prefetch();
		if (wanted.length) yield wanted;
		if (done) return;
	}
}

export async function aworkRequestAllPages<T>(
	this: AworkContext,
	path: string,
	options: AworkPageOptions = {},
): Promise<T[]> {
	const all: T[] = [];
	for await (const page of aworkPages.call(this, path, { pagesInFlight: PAGES_IN_FLIGHT, ...options }) as AsyncGenerator<T[]>) {
		all.push(...page);
	}
	return all;
}
