import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readLimit } from '../../../shared/operations';
import { forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { contactView } from '../../helpers/views';
import { fetchAll, filterQuery } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Text to find in the contact\'s name (organisation name, or a person\'s first or last name); leave empty to list all',
		displayOptions: showFor('contact', 'search'),
	},
	{
		displayName: 'Customer Number',
		name: 'customerNumber',
		type: 'string',
		default: '',
		description: 'Only the contact with this customer number',
		displayOptions: showFor('contact', 'search'),
	},
	{
		displayName: 'Include Persons',
		name: 'includePersons',
		type: 'boolean',
		default: false,
		description: 'Whether to find persons too; sevDesk lists only organisations otherwise',
		displayOptions: showFor('contact', 'search'),
	},
	...forOperation('contact', 'search', returnAllOrLimit()),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = filterQuery('listContacts', {
		name: String(this.getNodeParameter('name', itemIndex, '')).trim(),
		customerNumber: String(this.getNodeParameter('customerNumber', itemIndex, '')).trim(),
		depth: this.getNodeParameter('includePersons', itemIndex, false) ? '1' : undefined,
	});
	const contacts = await fetchAll<IDataObject>(this, { endpoint: 'listContacts', query, itemIndex }, readLimit(this, itemIndex));
	return contacts.map(contactView);
}
