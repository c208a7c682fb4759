import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';
import { ONE_PSA_ENDPOINTS, PAGING, type EndpointName } from './endpoints';
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
	let previousPage: string | undefined;
	for (let page = 1; ; page++) {
		const answer = await fetchPage<T>(ctx, request, page, pageSize);
		// A server that ignores `page` (and sends no total) would be read forever, the same rows again and again.
		const thisPage = pageFingerprint(answer.data);
		if (page > 1 && answer.data.length > 0 && thisPage === previousPage) {
			throw repeatedPageError(ctx, request, page);
		}
		previousPage = thisPage;
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

/** What identifies a page's content: its rows' IDs, or the rows themselves when they have none. */
function pageFingerprint(rows: unknown[]): string {
	return JSON.stringify(rows.map((row) => (row as { id?: unknown })?.id ?? row));
}

function repeatedPageError(ctx: PsaContext, request: PageRequest, page: number): NodeApiError {
	const { method, path } = ONE_PSA_ENDPOINTS[request.endpoint];
	const message = `The One PSA answered page ${page} of ${method} ${path} with the same records as page ${page - 1}; it seems to ignore paging, so reading stopped`;
	const error = new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description:
			'The list could not be read completely. Check the API URL in the credential and that this endpoint pages with "page" and "pageSize" (docs/onepsa-api.md).',
		itemIndex: request.itemIndex,
	});
	error.message = message;
	return error;
}
