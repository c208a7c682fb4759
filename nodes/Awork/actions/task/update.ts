import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { readTaskFields, taskFields } from '../../helpers/task/fields';
import { readTask } from '../../helpers/task/read';
import { taskIdProperty } from '../../descriptions/task';
import { withWebUrl } from '../../helpers/webUrl';

/** What PUT /tasks/{id} accepts (GeneralTaskForm); awork resets what a PUT leaves out. */
const PUT_FIELDS = ['name', 'description', 'isPrio', 'startOn', 'dueOn', 'laneOrder', 'plannedDuration'];

export const description = forOperation('task', 'update', [
	taskIdProperty,
	taskFields('updateFields', 'Update Fields', [{ displayName: 'Name', name: 'name', type: 'string', default: '' }]),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = readTaskFields.call(this, fields, itemIndex);
	if (typeof fields.name === 'string' && fields.name.trim()) changes.name = fields.name.trim();
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: choose at least one field to change', { itemIndex });
	}
	// A PUT replaces the whole form, so start from the current values to keep what is not changed.
	const current = await readTask.call(this, taskId, itemIndex);
	const body: IDataObject = {};
	for (const field of PUT_FIELDS) if (current[field] !== undefined && current[field] !== null) body[field] = current[field];
	Object.assign(body, changes);
	const task = (await aworkRequest.call(this, 'PUT', aworkPath`/tasks/${taskId}`, { body, itemIndex })) as IDataObject;
	return await withWebUrl.call(this, 'tasks', task);
}
