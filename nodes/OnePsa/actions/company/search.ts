import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fetchAll, filterQuery } from '../../transport';
import { readLimit } from '../../../shared/operations';
import { forOperation, returnAllOrLimit, showFor } from '../../descriptions';

export const description: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Text to find in the company name; leave empty to list all companies',
		displayOptions: showFor('company', 'search'),
	},
	...forOperation('company', 'search', returnAllOrLimit()),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const search = String(this.getNodeParameter('search', itemIndex, '')).trim();
	return await fetchAll<IDataObject>(
		this,
		{ endpoint: 'listCompanies', query: filterQuery('listCompanies', { search }), itemIndex },
		readLimit(this, itemIndex),
	);
}
