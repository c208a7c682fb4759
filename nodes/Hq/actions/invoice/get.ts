import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { invoiceLocator, readId, showFor } from '../../descriptions';
import { documentPositions, getDocument, invoiceStatuses, invoiceSummary } from '../../helpers/documents';

const show = showFor('invoice', 'get');

export const description: INodeProperties[] = [
	invoiceLocator({ required: true, description: 'The invoice to read', displayOptions: show }),
	{
		displayName: 'Include Positions',
		name: 'includePositions',
		type: 'boolean',
		default: true,
		description: 'Whether to read the invoice\'s positions too (one more request)',
		displayOptions: show,
	},
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const documentId = readId(this, 'invoiceId', 'Invoice', itemIndex);
	const document = await getDocument(this, documentId, itemIndex);
	const summary = await invoiceSummary(this, document, await invoiceStatuses(this));
	const positions = this.getNodeParameter('includePositions', itemIndex, true)
		? { positions: await documentPositions(this, documentId, itemIndex) }
		: {};
	return { ...summary, ...positions, invoice: document };
}
