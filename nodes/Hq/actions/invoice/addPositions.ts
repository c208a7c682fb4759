import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { invoiceLocator, positionSettings, readId, readPositionSettings, showFor } from '../../descriptions';
import { addPositionsToDraft, writeInvoiceBatch } from '../../helpers/writeInvoice';

const show = showFor('invoice', 'addPositions');

export const description: INodeProperties[] = [
	invoiceLocator({ required: true, description: 'The draft invoice the positions are added to', displayOptions: show }),
	{ ...positionSettings, displayOptions: show },
];

export const runs = 'batch';

/** All input positions go into the one draft; its note keeps the batch's reference, so a replay adds nothing twice. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const documentId = readId(this, 'invoiceId', 'Invoice', 0);
	const settings = readPositionSettings(this);
	return await writeInvoiceBatch(this, items, async (lines, reference) => await addPositionsToDraft(this, documentId, lines, reference, settings));
}
