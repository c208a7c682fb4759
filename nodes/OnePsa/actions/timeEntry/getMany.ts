import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { fetchAll, filterQuery } from '../../transport';
import { readLimit } from '../../../shared/operations';
import { contractLocator, forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';

const show = showFor('timeEntry', 'getMany');

export const description: INodeProperties[] = [
	...forOperation('timeEntry', 'getMany', returnAllOrLimit()),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		description: 'Read back booked entries, e.g. to reconcile an export',
		options: [
			contractLocator('contract', { description: 'Only entries booked on this contract' }),
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description: 'Only the entry with this external ID (the awork time entry ID)',
			},
			{ displayName: 'From Date', name: 'from', type: 'dateTime', default: '', description: 'First day, inclusive' },
			{ displayName: 'To Date', name: 'to', type: 'dateTime', default: '', description: 'Last day, inclusive' },
		],
	},
];

/** A day as YYYY-MM-DD, taken from the text so no time zone shifts it. */
function day(ctx: IExecuteFunctions, value: string | undefined, label: string, itemIndex: number): string | undefined {
	if (!value) return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(String(value));
	if (!match) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is not a date: "${value}"`, {
			itemIndex,
			description: 'Use a date such as 2024-05-31.',
		});
	}
	return match[1];
}

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { externalId?: string; from?: string; to?: string };
	const contractId = readLocator(this, 'filters.contract', 'Contract', itemIndex, { required: false });
	return await fetchAll<IDataObject>(
		this,
		{
			endpoint: 'listTimeEntries',
			query: filterQuery('listTimeEntries', {
				contractId,
				externalId: filters.externalId?.trim(),
				from: day(this, filters.from, 'From Date', itemIndex),
				to: day(this, filters.to, 'To Date', itemIndex),
			}),
			itemIndex,
		},
		readLimit(this, itemIndex),
	);
}
