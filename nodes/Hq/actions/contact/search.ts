import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readLimit } from '../../../shared/operations';
import { forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { fetchAll, FILTERS, QUERY } from '../../transport';

const show = showFor('contact', 'search');

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Company name to look for; empty lists all companies',
		displayOptions: show,
	},
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		options: [
			{ name: 'Contains', value: 'contains', description: 'Name contains the text, any case (HQ\'s filter has no "contains", so the node reads all companies and compares)' },
			{ name: 'Exact', value: 'exact', description: 'Name is exactly the text (HQ filters)' },
		],
		default: 'contains',
		displayOptions: show,
	},
	...forOperation('contact', 'search', returnAllOrLimit()),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	const match = this.getNodeParameter('match', itemIndex, 'contains') as 'contains' | 'exact';
	const limit = readLimit(this, itemIndex);
	if (name && match === 'exact') {
		return await fetchAll<IDataObject>(this, { endpoint: 'listCompanies', query: { [QUERY.filter]: FILTERS.companyNamed(name) }, itemIndex }, limit);
	}
	const wanted = name.toLowerCase();
	const keep = name ? (company: IDataObject) => String(company.name ?? '').toLowerCase().includes(wanted) : undefined;
	return await fetchAll<IDataObject>(this, { endpoint: 'listCompanies', itemIndex }, limit, keep);
}
