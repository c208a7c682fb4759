import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callLexoffice, lexofficeConnection } from '../../transport';
import { contactLocator, showFor } from '../../descriptions';
import { contactOutput } from '../../helpers/contact';
import { readLocator } from '../../helpers/parameters';

export const description: INodeProperties[] = [
	contactLocator('contactId', { required: true, description: 'The contact to read', displayOptions: showFor('contact', 'get') }),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = readLocator(this, 'contactId', 'Contact', itemIndex);
	const { body } = await callLexoffice<IDataObject>(this, { endpoint: 'getContact', pathParams: { contactId }, itemIndex });
	return contactOutput((await lexofficeConnection(this)).appUrl, body);
}
