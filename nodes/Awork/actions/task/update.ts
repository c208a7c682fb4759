import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { minutesToSeconds, positiveNumber, readId, toAworkDate } from '../../helpers/parameters';
import { readTask } from '../../helpers/task/read';
import { taskIdProperty } from '../../descriptions/task';
import { withWebUrl } from '../../helpers/webUrl';

/** What PUT /tasks/{id} accepts (GeneralTaskForm); awork resets what a PUT leaves out. */
const PUT_FIELDS = ['name', 'description', 'isPrio', 'startOn', 'dueOn', 'laneOrder', 'plannedDuration'];

export const description = forOperation('task', 'update', [
	taskIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
			{ displayName: 'Due On', name: 'dueOn', type: 'dateTime', default: '' },
			{ displayName: 'Is Priority', name: 'isPrio', type: 'boolean', default: false, description: 'Whether the task is marked as priority' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Planned Duration (Minutes)',
				name: 'plannedDurationMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Planned effort in minutes; awork stores it in seconds (minutes x 60)',
			},
			{ displayName: 'Start On', name: 'startOn', type: 'dateTime', default: '' },
		],
	},
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes: IDataObject = {};
	if (typeof fields.name === 'string' && fields.name.trim()) changes.name = fields.name.trim();
	if (fields.description !== undefined) changes.description = fields.description;
	if (fields.isPrio !== undefined) changes.isPrio = fields.isPrio;
	if (fields.dueOn) changes.dueOn = toAworkDate.call(this, fields.dueOn, 'Due On', itemIndex);
	if (fields.startOn) changes.startOn = toAworkDate.call(this, fields.startOn, 'Start On', itemIndex);
	if (fields.plannedDurationMinutes !== undefined) {
		changes.plannedDuration = minutesToSeconds(positiveNumber.call(this, fields.plannedDurationMinutes, 'Planned Duration (Minutes)', itemIndex));
	}
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
