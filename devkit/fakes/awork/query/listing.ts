/**
 * One list answer the awork way: filterby -> orderby -> page/pageSize, with the aw-* paging headers.
 * Big results are cached per (list, filter, order) until the data changes, so paging through 100k
 * time entries filters and sorts once, not once per page.
 */
import type { FakeRequest, FakeResponse } from '../../shared/fakeServer';
import type { AworkFakeConfig } from '../config';
import { invalidFilterOrOrder } from '../errors';
import type { Rec } from '../store';
import { compileFilter } from './filter';
import { compileOrderBy, sortRecords } from './orderby';
import { QueryError, type ListSpec, type SpecRegistry } from './paths';

export interface ListOptions {
	/** Identifies the scope (e.g. `project:<id>`) for the cache. */
	scope?: string;
	/** Filter applied before filterby (e.g. time entries of one project). */
	where?: (rec: Rec) => boolean;
	/** Order when no orderby is given (default: insertion order). */
	defaultOrder?: string;
}

const cache = new WeakMap<SpecRegistry, Map<string, { version: number; records: Rec[] }>>();

function cacheFor(registry: SpecRegistry) {
	let map = cache.get(registry);
	if (!map) {
		map = new Map();
		cache.set(registry, map);
	}
	return map;
}

/** Query parameters are matched case-insensitively, like ASP.NET binds them. */
export function queryParam(req: FakeRequest, name: string): string | null {
	const lower = name.toLowerCase();
	for (const [key, value] of req.query) if (key.toLowerCase() === lower) return value;
	return null;
}

function positiveInt(text: string | null, fallback: number): number {
	if (text === null || text === '') return fallback;
	const n = Number(text);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Applies filterby and orderby; throws awork's 400 invalid-filter-or-order. */
export function queryRecords(
	registry: SpecRegistry,
	spec: ListSpec,
	req: FakeRequest,
	options: ListOptions = {},
	threshold = Infinity,
): Rec[] {
	const filterby = queryParam(req, 'filterby') ?? '';
	const orderby = queryParam(req, 'orderby') ?? options.defaultOrder ?? '';
	const source = registry.store.collections[spec.collection];
	const key = `${spec.collection}|${options.scope ?? ''}|${filterby}|${orderby}`;
	const cached = cacheFor(registry).get(key);
	if (cached && cached.version === registry.store.version) return cached.records;
	let records: Rec[];
	try {
		const predicate = filterby.trim() ? compileFilter(registry, spec, filterby) : undefined;
		const keys = orderby.trim() ? compileOrderBy(registry, spec, orderby) : undefined;
		records = [];
		for (const rec of source.values()) {
			if (options.where && !options.where(rec)) continue;
			if (predicate && !predicate(rec)) continue;
			records.push(rec);
		}
		if (keys) records = sortRecords(records, keys);
	} catch (error) {
		if (error instanceof QueryError) throw invalidFilterOrOrder(error.message);
		throw error;
	}
	if (records.length >= threshold) {
		const map = cacheFor(registry);
		if (map.size > 50) map.clear();
		map.set(key, { version: registry.store.version, records });
	}
	return records;
}

export function listResponse(
	registry: SpecRegistry,
	spec: ListSpec,
	req: FakeRequest,
	config: AworkFakeConfig,
	options: ListOptions = {},
): FakeResponse {
	const records = queryRecords(registry, spec, req, options, config.listCacheThreshold);
	const page = positiveInt(req.query.get('page'), 1);
	const pageSize = Math.min(
		positiveInt(req.query.get('pageSize') ?? req.query.get('pagesize'), config.defaultPageSize),
		config.maxPageSize,
	);
	const slice = records.slice((page - 1) * pageSize, page * pageSize);
	return {
		status: 200,
		body: slice.map(spec.render),
		headers: {
			'aw-page': String(page),
			'aw-pagesize': String(pageSize),
			'aw-items': String(slice.length),
			'aw-totalitems': String(records.length),
		},
	};
}
