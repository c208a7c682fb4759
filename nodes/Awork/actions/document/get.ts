import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, simplifyOption } from '../../descriptions';
import { documentLocator } from '../../descriptions/document';
import { readId } from '../../helpers/parameters';
import { simplifiedOne } from '../../helpers/simplify';

export const description = forOperation('document', 'get', [documentLocator, simplifyOption('document')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const documentId = readId.call(this, 'documentId', 'Document', itemIndex);
	const document = (await aworkRequest.call(this, 'GET', aworkPath`/documents/${documentId}`, { itemIndex })) as IDataObject;
	return simplifiedOne.call(this, 'document', document, itemIndex);
}
