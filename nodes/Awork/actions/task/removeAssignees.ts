/**
 * Task > Remove Assignees: takes the chosen users (or everyone) off the task; users not assigned
 * are ignored, so a repeated run changes nothing. Outputs the task.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { forOperation } from '../../descriptions';
import { taskIdProperty } from '../../descriptions/task';
import { readId } from '../../helpers/parameters';
import { readUserIds, usersProperty } from '../../helpers/task/assignees';
import { requireFound, taskBatch } from '../../helpers/task/batch';
import { readTask } from '../../helpers/task/read';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('task', 'removeAssignees', [
	taskIdProperty,
	{
		displayName: 'Remove All Assignees',
		name: 'removeAll',
		type: 'boolean',
		default: false,
		description: 'Whether to take every user off the task',
	},
	{ ...usersProperty('The users to take off the task'), displayOptions: { show: { removeAll: [false] } } },
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task', itemIndex);
	const removeAll = this.getNodeParameter('removeAll', itemIndex, false) as boolean;
	const userIds = removeAll ? [] : readUserIds.call(this, itemIndex);
	if (!removeAll && userIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Users: choose at least one user', {
			itemIndex,
			description: 'Or turn on Remove All Assignees.',
		});
	}
	// Without userIds awork unassigns everyone.
	const form = removeAll ? {} : { userIds };
	requireFound.call(this, await taskBatch.call(this, 'unassignusers', taskId, form, itemIndex), taskId, itemIndex);
	return await withWebUrl.call(this, 'tasks', await readTask.call(this, taskId, itemIndex));
}
