import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { invoiceLocator, positionSettings, readId, readPositionSettings, showFor } from '../../descriptions';
import { addPositionsToDraft, writeInvoiceBatch } from '../../helpers/writeInvoice';

const show = showFor('invoice', 'addPositions');

export const description: INodeProperties[] = [
	invoiceLocator({ required: true, description: 'The draft invoice the positions are added to', displayOptions: show }),
	{ ...positionSettings, displayOptions: show },
];

export const runs = 'batch';

/**
 * The input positions go into their draft (all into one, unless Invoice differs per item); the
 * draft's note keeps each batch's reference, so a replay adds nothing twice.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const settings = readPositionSettings(this);
	return await writeInvoiceBatch(
		this,
		items,
		(itemIndex) => readId(this, 'invoiceId', 'Invoice', itemIndex),
		async (documentId, lines, reference, _itemIndex, entriesChanged) => await addPositionsToDraft(this, documentId, lines, reference, settings, entriesChanged),
	);
}
