import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { fetchAll, filterQuery } from '../../transport';
import { forEachItem, listParameters, readLimit, showFor } from '../common';

export const description: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Text to find in the company name; leave empty to list all companies',
		displayOptions: showFor('company', 'search'),
	},
	...listParameters('company', 'search'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (itemIndex) => {
		const search = String(this.getNodeParameter('search', itemIndex, '')).trim();
		return await fetchAll<IDataObject>(
			this,
			{ endpoint: 'listCompanies', query: filterQuery('listCompanies', { search }), itemIndex },
			readLimit(this, itemIndex),
		);
	});
}
