/** The parameters and POST /tasks body of a new task: Create and Create If Missing share them. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { optionalIdLocator, projectLocator } from '../../descriptions';
import { compact, optionalGuid, readId, readOptionalId } from '../parameters';
import { readTaskFields, taskFields } from './fields';

/** The fields of a new task; Create If Missing uses them too. */
export const taskCreateProperties: INodeProperties[] = [
	projectLocator,
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Create first homepage draft' },
	taskFields('additionalFields', 'Additional Fields', [
		{ displayName: 'Order in List', name: 'listOrder', type: 'number', default: 0, description: 'Position of the task in the task list' },
		optionalIdLocator('parentId', 'Parent Task', 'searchTasks', 'Makes the task a subtask of this task (same project)', { byUrl: true }),
		optionalIdLocator('taskListId', 'Task List', 'searchTaskLists', 'The list of the project the task is placed in'),
		{
			displayName: 'Task Status Name or ID',
			name: 'taskStatusId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTaskStatuses', loadOptionsDependsOn: ['projectId.value'] },
			default: '',
			description: 'Defaults to the first to-do status of the project. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Type of Work Name or ID',
			name: 'typeOfWorkId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTypesOfWork' },
			default: '',
			description: 'Defaults to the first type of work. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

/** The POST /tasks body for a project task (baseType projecttask; entityId is the project). */
export function readTaskCreateBody(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex) ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Name: a task needs a name', { itemIndex });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = compact({
		name,
		baseType: 'projecttask',
		entityId: projectId,
		...readTaskFields.call(this, fields, itemIndex),
		taskStatusId: optionalGuid.call(this, fields.taskStatusId, 'Task Status', itemIndex),
		typeOfWorkId: optionalGuid.call(this, fields.typeOfWorkId, 'Type of Work', itemIndex),
		// Read by path: n8n takes the ID out of a pasted task link only for the locator itself.
		parentId: readOptionalId.call(this, 'additionalFields.parentId', 'Parent Task', itemIndex),
	});
	// A new task has no planned effort anyway: 0 minutes is not sent.
	if (body.plannedDuration === 0) delete body.plannedDuration;
	const taskListId = optionalGuid.call(this, fields.taskListId, 'Task List', itemIndex);
	if (taskListId) body.lists = [compact({ id: taskListId, order: fields.listOrder as number | undefined })];
	return body;
}
