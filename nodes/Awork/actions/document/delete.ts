/**
 * Delete: moves a document to awork's trash (awork can restore it from there). Outputs
 * `{ deleted: true, id }`. A document awork does not know is an error naming the ID, unless
 * "Ignore If Already Deleted" is on (then `deleted: false, alreadyDeleted: true`).
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { documentLocator } from '../../descriptions/document';
import { deleteOnce, ignoreMissingProperty, type DeleteOutcome } from '../../helpers/deletes';
import { readId } from '../../helpers/parameters';

export const description = forOperation('document', 'delete', [
	documentLocator,
	{
		displayName: 'Also Delete Child Documents',
		name: 'alsoDeleteChildren',
		type: 'boolean',
		default: true,
		description: 'Whether to move the documents nested under this one to the trash too. If off, they move up to its parent.',
	},
	ignoreMissingProperty('document'),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<DeleteOutcome> {
	const documentId = readId.call(this, 'documentId', 'Document', itemIndex);
	const alsoDeleteChildren = this.getNodeParameter('alsoDeleteChildren', itemIndex, true) as boolean;
	return await deleteOnce.call(
		this,
		{ label: 'Document', id: documentId },
		async () => await aworkRequest.call(this, 'DELETE', aworkPath`/documents/${documentId}`, { qs: { alsoDeleteChildren }, itemIndex }),
		itemIndex,
	);
}
