/**
 * Task List > Delete: deletes the list. Its tasks stay in the project (out of the list) unless
 * "Delete Tasks" is on; their time entries are never deleted here. Outputs { deleted, id }; a
 * missing list fails naming it, or with "Ignore If Already Deleted" outputs deleted: false.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, idLocator, projectLocator } from '../../descriptions';
import { deleteOnce, ignoreMissingProperty } from '../../helpers/deletes';
import { readId } from '../../helpers/parameters';

export const description = forOperation('taskList', 'delete', [
	projectLocator,
	idLocator('taskListId', 'Task List', 'searchTaskLists'),
	{
		displayName: 'Delete Tasks',
		name: 'deleteTasks',
		type: 'boolean',
		default: false,
		description: 'Whether to delete the tasks in the list too (their time entries stay, without task). Off: the tasks stay in the project.',
	},
	ignoreMissingProperty('task list'),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const taskListId = readId.call(this, 'taskListId', 'Task List', itemIndex);
	const deleteTasks = this.getNodeParameter('deleteTasks', itemIndex, false) as boolean;
	const body = { deleteTasks, deleteTimes: false };
	const send = () =>
		aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/tasklists/${taskListId}/delete`, { body, itemIndex, retrySafe: true });
	return await deleteOnce.call(this, { label: 'Task list', id: taskListId }, send, itemIndex);
}
