import type { IDataObject } from 'n8n-workflow';
import { PAGING, type EndpointName } from './endpoints';
import { callPsa, type PsaContext } from './request';

/** A list answer [assumed]: `{data, page, pageSize, total}`. */
export interface PsaPage<T> {
	data: T[];
	page: number;
	pageSize: number;
	total?: number;
}

export interface PageRequest {
	endpoint: EndpointName;
	query?: IDataObject;
	itemIndex?: number;
}

export async function fetchPage<T = IDataObject>(
	ctx: PsaContext,
	request: PageRequest,
	page: number,
	pageSize: number,
): Promise<PsaPage<T>> {
	const answer = await callPsa<PsaPage<T>>(ctx, {
		endpoint: request.endpoint,
		itemIndex: request.itemIndex,
		query: {
			...(request.query ?? {}),
			[PAGING.pageParam]: page,
			[PAGING.pageSizeParam]: Math.min(pageSize, PAGING.maxPageSize),
		},
	});
	const body = answer.body ?? ({} as PsaPage<T>);
	return { ...body, data: Array.isArray(body.data) ? body.data : [] };
}

/** Reads pages until `limit` records are in hand, or all of them when `limit` is undefined. */
export async function fetchAll<T = IDataObject>(
	ctx: PsaContext,
	request: PageRequest,
	limit?: number,
): Promise<T[]> {
	const records: T[] = [];
	const pageSize = limit === undefined ? PAGING.maxPageSize : Math.min(Math.max(limit, 1), PAGING.maxPageSize);
	for (let page = 1; ; page++) {
		const answer = await fetchPage<T>(ctx, request, page, pageSize);
		records.push(...answer.data);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		// The PSA may serve fewer per page than asked; trust what it says it served.
		const servedPageSize = answer.pageSize > 0 ? answer.pageSize : pageSize;
		const noMore =
			answer.data.length === 0 ||
			(typeof answer.total === 'number'
				? page * servedPageSize >= answer.total
				: answer.data.length < servedPageSize);
		if (noMore) return records;
	}
}
