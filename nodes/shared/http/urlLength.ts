/**
 * Refuses a request whose URL would be too long before it is sent. Servers answer that with
 * 414 or 431, which names no field; this names the query parameter and the limit.
 */
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { httpLimits } from './limits';

function queryText(qs: IDataObject | undefined): Array<[string, string]> {
	return Object.entries(qs ?? {})
		.filter(([, value]) => value !== undefined && value !== null)
		.map(([name, value]) => [name, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}

/** The length of `url` with `qs` appended as a form-encoded query. */
export function requestUrlLength(url: string, qs?: IDataObject): number {
	const query = new URLSearchParams(queryText(qs)).toString();
	return url.length + (query ? query.length + 1 : 0);
}

export interface UrlLengthContext {
	api: string;
	method: string;
	path: string;
	itemIndex?: number;
}

export function assertUrlFits(
	node: INode,
	url: string,
	qs: IDataObject | undefined,
	context: UrlLengthContext,
	maxLength?: number,
): void {
	const limit = maxLength ?? httpLimits.maxUrlLength;
	const length = requestUrlLength(url, qs);
	if (length <= limit) return;
	const longest = queryText(qs).sort((a, b) => b[1].length - a[1].length)[0];
	const what = longest
		? `the query parameter "${longest[0]}" is ${longest[1].length.toLocaleString('en-US')} characters long`
		: `the path is ${url.length.toLocaleString('en-US')} characters long`;
	throw new NodeOperationError(
		node,
		`The request ${context.method} ${context.path} to ${context.api} was not sent: ${what}, making the URL ${length.toLocaleString('en-US')} characters, over the limit of ${limit.toLocaleString('en-US')}`,
		{
			description: 'Shorten the filter or search value that fills it (e.g. "Name Contains"), or split the request into smaller ones.',
			itemIndex: context.itemIndex,
		},
	);
}
