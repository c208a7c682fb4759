/**
 * What every transport's endpoint table shares: the shape of an entry, filling a path's
 * `{name}` placeholders with checked segments, and translating filter names into the API's
 * query names. The table itself, with every [assumed] path, stays in the node's endpoints.ts.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { pathSegment } from './pathSegment';

export interface TableEndpoint<Source extends string = string> {
	method: IHttpRequestMethods;
	/** `{name}` placeholders are filled from path parameters, checked and URL-encoded. */
	path: string;
	/** Where the path comes from: the API's docs, client libraries, or chosen here. */
	source: Source;
	/** Filter names used by operations -> query parameter names the API expects. */
	filters?: Record<string, string>;
}

/** One call of an endpoint of the table, as operations ask for it. */
export interface EndpointCall<Endpoint extends string> {
	endpoint: Endpoint;
	pathParams?: Record<string, string>;
	query?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	/** Error statuses handed back to the caller instead of thrown. */
	accept?: number[];
}

/** `contactId` -> `contact ID`, for errors that name the field. */
export function idFieldName(key: string): string {
	return key.replace(/Id$/, ' ID');
}

/** One placeholder's value as it goes into the path; throws a PathSegmentError naming the field. */
export type SegmentOf = (key: string, value: string | undefined) => string;

const checkedSegment: SegmentOf = (key, value) => pathSegment(idFieldName(key), value);

/** Fills the path; a value that is empty, `.`, `..` or holds control characters is refused (PathSegmentError). */
export function fillPath(path: string, pathParams: Record<string, string> = {}, segmentOf: SegmentOf = checkedSegment): string {
	return path.replace(/\{(\w+)\}/g, (_match, key: string) => segmentOf(key, pathParams[key]));
}

/** Translates filters named like the table's left side into the API's query parameters, skipping empty ones. */
export function filterQueryOf(
	endpoint: string,
	wireNames: Record<string, string> | undefined,
	filters: Record<string, string | number | boolean | undefined>,
): Record<string, string | number | boolean> {
	const names = wireNames ?? {};
	const query: Record<string, string | number | boolean> = {};
	for (const [key, value] of Object.entries(filters)) {
		if (value === undefined || value === '') continue;
		const wireName = names[key];
		if (!wireName) throw new Error(`Filter "${key}" is not defined for ${endpoint}`);
		query[wireName] = value;
	}
	return query;
}
