/** Option "Order By (Expert)" of the Get Many operations: awork's own orderby expression. */
import type { INodeProperties } from 'n8n-workflow';

export function orderByOption(example: string): INodeProperties {
	return {
		displayName: 'Order By (Expert)',
		name: 'orderBy',
		type: 'string',
		default: '',
		placeholder: `e.g. ${example}`,
		description:
			'awork’s orderby: field names, nested with /, each optionally followed by asc or desc, separated by commas without spaces. Empty: the operation’s usual order.',
	};
}
