import type { IDataObject, NodeApiError } from 'n8n-workflow';
import { repeatedPageCheck } from '../../shared/http/pageFingerprint';
import { apiErrorSaying } from '../../shared/http/transportErrors';
import { PAGING, SEVDESK_ENDPOINTS, type EndpointName } from './endpoints';
import { callSevDesk, type SevDeskContext } from './request';

/** A list answer [docs]: `{"objects": [...], "total": "157"}`; `total` only with countAll, a string or a number. */
export interface SevDeskPage<T> {
	objects: T[];
	total?: number;
}

export interface PageRequest {
	endpoint: EndpointName;
	pathParams?: Record<string, string>;
	query?: IDataObject;
	itemIndex?: number;
}

/** Rows read by one list before it stops with an error: a server that never ends its pages. */
export const MAX_LIST_ROWS = 100_000;

function totalOf(value: unknown): number | undefined {
	const total = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined;
}

export async function fetchPage<T = IDataObject>(ctx: SevDeskContext, request: PageRequest, offset: number, limit: number): Promise<SevDeskPage<T>> {
	const answer = await callSevDesk<{ objects?: unknown; total?: unknown }>(ctx, {
		endpoint: request.endpoint,
		pathParams: request.pathParams,
		itemIndex: request.itemIndex,
		query: {
			...(request.query ?? {}),
			[PAGING.limitParam]: Math.min(Math.max(limit, 1), PAGING.maxLimit),
			[PAGING.offsetParam]: offset,
			[PAGING.countParam]: true,
		},
	});
	const objects = answer.body?.objects;
	return { objects: Array.isArray(objects) ? (objects as T[]) : [], total: totalOf(answer.body?.total) };
}

function listError(ctx: SevDeskContext, request: PageRequest, message: string): NodeApiError {
	return apiErrorSaying(ctx.getNode(), { message }, {
		message,
		description: 'The list could not be read completely. Check "Base URL" in the sevDesk credential; sevDesk pages with "limit" and "offset".',
		itemIndex: request.itemIndex,
	});
}

/** Reads pages until `limit` records are in hand, or all of them when `limit` is undefined. */
export async function fetchAll<T = IDataObject>(ctx: SevDeskContext, request: PageRequest, limit?: number): Promise<T[]> {
	const records: T[] = [];
	const pageSize = limit === undefined ? PAGING.maxLimit : Math.min(Math.max(limit, 1), PAGING.maxLimit);
	const { method, path } = SEVDESK_ENDPOINTS[request.endpoint];
	const repeatsPrevious = repeatedPageCheck();
	for (let offset = 0; ; ) {
		const page = await fetchPage<T>(ctx, request, offset, pageSize);
		// A server that ignores `offset` would be read forever, the same rows again and again.
		if (repeatsPrevious(page.objects)) {
			throw listError(ctx, request, `sevDesk answered ${method} ${path} at offset ${offset} with the same records as before; it seems to ignore paging, so reading stopped`);
		}
		records.push(...page.objects);
		if (limit !== undefined && records.length >= limit) return records.slice(0, limit);
		offset += page.objects.length;
		const noMore = page.objects.length === 0 || (page.total !== undefined ? offset >= page.total : page.objects.length < pageSize);
		if (noMore) return records;
		if (records.length >= MAX_LIST_ROWS) {
			throw listError(ctx, request, `sevDesk kept sending pages for ${method} ${path} past ${MAX_LIST_ROWS.toLocaleString('en-US')} records, so reading stopped`);
		}
	}
}
