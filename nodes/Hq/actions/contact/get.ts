import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { contactLocator, readId, showFor } from '../../descriptions';
import { callHq } from '../../transport';

export const description: INodeProperties[] = [
	contactLocator({ required: true, description: 'The HQ company to read', displayOptions: showFor('contact', 'get') }),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const companyId = readId(this, 'contactId', 'Contact', itemIndex);
	return (await callHq<IDataObject>(this, { endpoint: 'getCompany', pathParams: { companyId }, itemIndex })).body;
}
