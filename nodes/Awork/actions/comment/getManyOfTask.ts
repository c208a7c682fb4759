import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath } from '../../transport';
import { forOperation, returnAllOrLimit, taskLocator } from '../../descriptions';
import { listComments } from '../../helpers/comments';
import { readId } from '../../helpers/parameters';

export const description = forOperation('comment', 'getManyOfTask', [taskLocator, ...returnAllOrLimit()]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const taskId = readId.call(this, 'taskId', 'Task', itemIndex);
	return await listComments.call(this, aworkPath`/tasks/${taskId}/comments`, itemIndex);
}
