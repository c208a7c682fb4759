import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { fetchAll, filterQuery } from '../../transport';
import { readLimit } from '../../../shared/operations';
import { companyLocator, forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { readInstant, readLocator, readRequiredText } from '../../helpers/parameters';

const show = showFor('ticket', 'search');

export const description: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		default: 'title',
		displayOptions: show,
		options: [
			{ name: 'Number', value: 'number', description: 'The ticket number, e.g. T-1042' },
			{ name: 'Title', value: 'title', description: 'Text in the ticket subject' },
		],
	},
	{
		displayName: 'Ticket Number',
		name: 'number',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. T-1042',
		displayOptions: { show: { ...show.show, searchBy: ['number'] } },
	},
	{
		displayName: 'Title Contains',
		name: 'search',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. printer',
		displayOptions: { show: { ...show.show, searchBy: ['title'] } },
	},
	...forOperation('ticket', 'search', returnAllOrLimit()),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			companyLocator('company', { description: 'Only tickets of this company' }),
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only tickets changed after this moment',
			},
		],
	},
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const searchBy = this.getNodeParameter('searchBy', itemIndex) as 'number' | 'title';
	const parameter = searchBy === 'number' ? 'number' : 'search';
	const label = searchBy === 'number' ? 'Ticket Number' : 'Title Contains';
	const text = readRequiredText(this, parameter, label, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { updatedAfter?: string };
	const companyId = readLocator(this, 'filters.company', 'Company', itemIndex, { required: false });
	return await fetchAll<IDataObject>(
		this,
		{
			endpoint: 'listTickets',
			query: filterQuery('listTickets', {
				[parameter]: text,
				companyId,
				updatedAfter: readInstant(this, filters.updatedAfter, 'Updated After', itemIndex),
			}),
			itemIndex,
		},
		readLimit(this, itemIndex),
	);
}
