import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath } from '../../transport';
import { forOperation, projectLocator, returnAllOrLimit, simplifyOption } from '../../descriptions';
import { documentFilters, documentListOptions } from '../../descriptions/document';
import { listDocuments } from '../../helpers/document/listDocuments';
import { readId } from '../../helpers/parameters';

export const description = forOperation('document', 'getManyOfProject', [projectLocator, ...returnAllOrLimit(), documentFilters(), documentListOptions, simplifyOption('document')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	return await listDocuments.call(this, aworkPath`/projects/${projectId}/documents`, itemIndex);
}
