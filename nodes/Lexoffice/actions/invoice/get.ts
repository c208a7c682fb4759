import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callLexoffice, lexofficeConnection } from '../../transport';
import { invoiceLocator, showFor } from '../../descriptions';
import { invoiceOutput } from '../../helpers/invoice/output';
import { readLocator } from '../../helpers/parameters';

export const description: INodeProperties[] = [
	invoiceLocator('invoiceId', { required: true, description: 'The invoice to read', displayOptions: showFor('invoice', 'get') }),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = readLocator(this, 'invoiceId', 'Invoice', itemIndex);
	const { body } = await callLexoffice<IDataObject>(this, { endpoint: 'getInvoice', pathParams: { invoiceId }, itemIndex });
	return invoiceOutput((await lexofficeConnection(this)).appUrl, body);
}
