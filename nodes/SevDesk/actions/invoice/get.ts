import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { invoiceLocator, locatorId, showFor } from '../../descriptions';
import { readInvoice, readPositions } from '../../helpers/invoices';
import { invoiceView, positionView } from '../../helpers/views';
import { sevDeskConnection } from '../../transport';

export const description: INodeProperties[] = [
	invoiceLocator({ displayOptions: showFor('invoice', 'get'), description: 'The sevDesk invoice' }),
	{
		displayName: 'Include Positions',
		name: 'includePositions',
		type: 'boolean',
		default: true,
		description: 'Whether to read the invoice\'s positions too (one more request)',
		displayOptions: showFor('invoice', 'get'),
	},
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = locatorId(this, 'invoiceId', itemIndex);
	const { baseUrl } = await sevDeskConnection(this);
	const invoice = invoiceView(await readInvoice(this, invoiceId, itemIndex), baseUrl);
	if (!this.getNodeParameter('includePositions', itemIndex, true)) return invoice;
	return { ...invoice, positions: (await readPositions(this, String(invoice.id), itemIndex)).map(positionView) };
}
