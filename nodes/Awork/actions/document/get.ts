import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { documentLocator } from '../../descriptions/document';
import { readId } from '../../helpers/parameters';

export const description = forOperation('document', 'get', [documentLocator]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const documentId = readId.call(this, 'documentId', 'Document', itemIndex);
	return (await aworkRequest.call(this, 'GET', aworkPath`/documents/${documentId}`, { itemIndex })) as IDataObject;
}
