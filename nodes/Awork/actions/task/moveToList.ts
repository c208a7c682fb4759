/**
 * Task > Move to Another Task List: puts the task into a list of its project, by default taking it
 * out of its other lists. A repeated run leaves it where it is. Outputs the task.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { forOperation, idLocator } from '../../descriptions';
import { taskIdProperty } from '../../descriptions/task';
import { readId } from '../../helpers/parameters';
import { requireFound, taskBatch } from '../../helpers/task/batch';
import { readTask } from '../../helpers/task/read';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('task', 'moveToList', [
	taskIdProperty,
	idLocator('taskListId', 'Task List', 'searchTaskListsOfTask', { description: 'A list of the task’s project' }),
	{
		displayName: 'Keep in Other Lists',
		name: 'keepInOtherLists',
		type: 'boolean',
		default: false,
		description: 'Whether the task stays in the lists it is in now as well (awork tasks can be in several lists)',
	},
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task', itemIndex);
	const taskListId = readId.call(this, 'taskListId', 'Task List', itemIndex);
	const removeFromCurrentList = !(this.getNodeParameter('keepInOtherLists', itemIndex, false) as boolean);
	const result = await taskBatch.call(this, 'movetotasklist', taskId, { newTaskListId: taskListId, removeFromCurrentList }, itemIndex);
	requireFound.call(this, result, taskId, itemIndex);
	return await withWebUrl.call(this, 'tasks', await readTask.call(this, taskId, itemIndex));
}
