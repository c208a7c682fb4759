import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { CONTRACT_STATUSES, fetchAll, filterQuery } from '../../transport';
import { readLimit } from '../../../shared/operations';
import { companyLocator, forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';

const show = showFor('contract', 'getMany');

export const description: INodeProperties[] = [
	...forOperation('contract', 'getMany', returnAllOrLimit()),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			companyLocator('company', { description: 'Only contracts of this company' }),
			{
				displayName: 'Search Text',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Text to find in the contract number or name',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'active',
				options: CONTRACT_STATUSES.map((status) => ({
					name: status.charAt(0).toUpperCase() + status.slice(1),
					value: status,
				})),
			},
		],
	},
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { search?: string; status?: string };
	const companyId = readLocator(this, 'filters.company', 'Company', itemIndex, { required: false });
	return await fetchAll<IDataObject>(
		this,
		{
			endpoint: 'listContracts',
			query: filterQuery('listContracts', { companyId, search: filters.search, status: filters.status }),
			itemIndex,
		},
		readLimit(this, itemIndex),
	);
}
