/**
 * Reads "Order By (Expert)". It is sent as awork's `orderby` query parameter, so only its grammar
 * is let through: `Field[/Nested…][ asc|desc]` items separated by `,` with no spaces around the
 * commas (awork's ordering rules). Anything else fails here, naming the option and the item.
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

const ORDER_ITEM = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*(?: (?:asc|desc))?$/i;
const MAX_LENGTH = 500;
const MAX_ITEMS = 10;

/** The orderby to send, or undefined when the option is empty. */
export function readOrderBy(this: IExecuteFunctions, value: unknown, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') {
		throw new NodeOperationError(this.getNode(), `Order By (Expert): expected text such as name desc, got ${Array.isArray(value) ? 'a list' : typeof value}`, { itemIndex });
	}
	const orderBy = value.trim();
	if (!orderBy) return undefined;
	const fail = (problem: string) =>
		new NodeOperationError(this.getNode(), `Order By (Expert): ${problem}`, {
			itemIndex,
			description: 'Write field names (nested with /), each optionally followed by asc or desc, separated by commas without spaces, e.g. name desc or projectStatus/type,name.',
		});
	if (orderBy.length > MAX_LENGTH) throw fail(`${orderBy.length} characters is more than ${MAX_LENGTH}`);
	const items = orderBy.split(',');
	if (items.length > MAX_ITEMS) throw fail(`${items.length} fields is more than ${MAX_ITEMS}`);
	for (const item of items) {
		if (!ORDER_ITEM.test(item)) throw fail(`"${item.slice(0, 80)}" is not a field name optionally followed by asc or desc`);
	}
	return orderBy;
}
