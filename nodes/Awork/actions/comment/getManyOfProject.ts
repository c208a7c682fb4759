import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath } from '../../transport';
import { forOperation, projectLocator, returnAllOrLimit } from '../../descriptions';
import { listComments } from '../../helpers/comments';
import { readId } from '../../helpers/parameters';

export const description = forOperation('comment', 'getManyOfProject', [projectLocator, ...returnAllOrLimit()]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	return await listComments.call(this, aworkPath`/projects/${projectId}/comments`, itemIndex);
}
