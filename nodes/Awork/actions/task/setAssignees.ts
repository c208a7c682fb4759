/**
 * Task > Set Assignees: the task's assignees become exactly the chosen users (awork replaces the
 * list), so a repeated run gives the same result. Outputs the task.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { taskIdProperty } from '../../descriptions/task';
import { readId } from '../../helpers/parameters';
import { readUserIds, usersProperty } from '../../helpers/task/assignees';
import { readTask } from '../../helpers/task/read';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('task', 'setAssignees', [
	taskIdProperty,
	usersProperty('The users assigned to the task afterwards; assignees not listed are removed'),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task', itemIndex);
	const userIds = readUserIds.call(this, itemIndex);
	if (userIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Users: choose at least one user', {
			itemIndex,
			description: 'To take users off the task, use Remove Assignees (with Remove All Assignees to clear it).',
		});
	}
	// Sets a state, so repeating it after a lost answer is harmless.
	await aworkRequest.call(this, 'POST', aworkPath`/tasks/${taskId}/setassignees`, { body: userIds, itemIndex, retrySafe: true });
	return await withWebUrl.call(this, 'tasks', await readTask.call(this, taskId, itemIndex));
}
