import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { readLimit } from '../../../shared/operations';
import { fetchAll, lexofficeConnection, MIN_CONTACT_FILTER_LENGTH } from '../../transport';
import { forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { contactName, contactOutput } from '../../helpers/contact';
import { searchText } from '../../helpers/parameters';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Part of the company or person name (at least 3 characters; % and _ are wildcards). Empty: any name.',
		displayOptions: showFor('contact', 'search'),
	},
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		options: [
			{ name: 'Contains', value: 'contains', description: 'Name contains the text, any case (Lexoffice filters)' },
			{
				name: 'Exact',
				value: 'exact',
				description: 'Name is exactly the text, any case and outer spaces aside (Lexoffice filters by part, the node compares the rest)',
			},
		],
		default: 'contains',
		displayOptions: showFor('contact', 'search'),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
		description: 'Part of an email address (at least 3 characters). Empty: any email.',
		displayOptions: showFor('contact', 'search'),
	},
	{
		displayName: 'Customer Number',
		name: 'number',
		type: 'string',
		default: '',
		description: 'The customer number, exactly',
		displayOptions: showFor('contact', 'search'),
	},
	{
		displayName: 'Customers Only',
		name: 'customersOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to list only contacts with the customer role (the only ones an invoice may name)',
		displayOptions: showFor('contact', 'search'),
	},
	...forOperation('contact', 'search', returnAllOrLimit()),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const exactName = (this.getNodeParameter('match', itemIndex, 'contains') as string) === 'exact'
		? String(this.getNodeParameter('name', itemIndex, '') ?? '').trim()
		: '';
	const query: IDataObject = {};
	for (const [parameter, label] of [
		['name', 'Name'],
		['email', 'Email'],
	] as const) {
		const value = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
		if (!value) continue;
		// Lexware answers a shorter filter with 400 [docs]: say so before sending (an exact name is compared here instead).
		if (value.length < MIN_CONTACT_FILTER_LENGTH) {
			if (parameter === 'name' && exactName) continue;
			throw new NodeOperationError(this.getNode(), `"${label}" needs at least ${MIN_CONTACT_FILTER_LENGTH} characters, got ${JSON.stringify(value)}`, {
				itemIndex,
				description: `Lexoffice searches ${label.toLowerCase()}s only with 3 or more characters. Leave it empty to list all, or set Match to Exact.`,
			});
		}
		query[parameter] = searchText(value);
	}
	const number = String(this.getNodeParameter('number', itemIndex, '') ?? '').trim();
	if (number) query.number = number;
	if (this.getNodeParameter('customersOnly', itemIndex, true) as boolean) query.customer = true;
	const limit = readLimit(this, itemIndex);
	const request = { endpoint: 'listContacts' as const, query, itemIndex };
	// An exact match filters after reading, so the limit applies to what is left.
	const contacts = exactName
		? (await fetchAll<IDataObject>(this, request)).filter((contact) => sameName(contactName(contact), exactName)).slice(0, limit)
		: await fetchAll<IDataObject>(this, request, limit);
	const { appUrl } = await lexofficeConnection(this);
	return contacts.map((contact) => contactOutput(appUrl, contact));
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
