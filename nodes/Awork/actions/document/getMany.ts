import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { forOperation, returnAllOrLimit, simplifyOption } from '../../descriptions';
import { documentFilters, documentListOptions } from '../../descriptions/document';
import { listDocuments } from '../../helpers/document/listDocuments';

export const description = forOperation('document', 'getMany', [...returnAllOrLimit(), documentFilters({ trashed: true }), documentListOptions, simplifyOption('document')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listDocuments.call(this, '/documents', itemIndex);
}
