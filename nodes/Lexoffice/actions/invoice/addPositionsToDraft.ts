/**
 * Lexware's API cannot change an invoice: there is no update endpoint (PUT answers 404) [docs,
 * sdk]. So this operation adds nothing and fails with what to do instead. Creating a second draft
 * with the old draft's positions copied (the reference's other fallback) is not done: the old
 * draft would stay (the API cannot delete it either) and its positions would be billed twice
 * once both are finalized.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { draftLocator, showFor } from '../../descriptions';
import { readLocator } from '../../helpers/parameters';
import { appLink, lexofficeConnection } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName:
			'Lexoffice cannot add positions to an existing invoice: its API has no way to change an invoice. This operation always fails with a link to the draft. Use Create Draft from Positions for a new draft instead.',
		name: 'noUpdateNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('invoice', 'addPositionsToDraft'),
	},
	draftLocator('invoiceId', {
		required: true,
		description: 'The draft the positions were meant for; the error links to it',
		displayOptions: showFor('invoice', 'addPositionsToDraft'),
	}),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const invoiceId = readLocator(this, 'invoiceId', 'Draft Invoice', itemIndex, { required: false });
	const { appUrl } = await lexofficeConnection(this);
	const where = invoiceId ? ` Open the draft at ${appLink(appUrl, 'invoiceEdit', invoiceId)} to add them by hand.` : '';
	throw new NodeOperationError(this.getNode(), 'Lexoffice cannot add positions to an existing draft: its API has no way to change an invoice', {
		itemIndex,
		description: `Nothing was sent to Lexoffice and no time entry was billed. Use "Create Draft from Positions" to put these positions on a new draft instead.${where}`,
	});
}
