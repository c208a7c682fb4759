import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fetchAll, filterQuery } from '../../transport';
import { readLimit } from '../../../shared/operations';
import { contractLocator, forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';
import { readDay } from '../../../shared/dates';

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
				from: readDay(this, filters.from, 'From Date', itemIndex),
				to: readDay(this, filters.to, 'To Date', itemIndex),
			}),
			itemIndex,
		},
		readLimit(this, itemIndex),
	);
}
