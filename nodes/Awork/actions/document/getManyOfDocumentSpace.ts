import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath } from '../../transport';
import { forOperation, returnAllOrLimit, simplifyOption } from '../../descriptions';
import { documentFilters, documentListOptions, documentSpaceLocator } from '../../descriptions/document';
import { listDocuments } from '../../helpers/document/listDocuments';
import { readId } from '../../helpers/parameters';

export const description = forOperation('document', 'getManyOfDocumentSpace', [documentSpaceLocator, ...returnAllOrLimit(), documentFilters(), documentListOptions, simplifyOption('document')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const documentSpaceId = readId.call(this, 'documentSpaceId', 'Document Space', itemIndex);
	return await listDocuments.call(this, aworkPath`/documentspaces/${documentSpaceId}/documents`, itemIndex);
}
