/** The parameters and POST body of a new task list: Create and Create If Missing share them. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { compact, readId } from '../parameters';
import { collection, projectLocator } from '../../descriptions';

/** The fields of a new task list; Create If Missing uses them too. */
export const taskListCreateProperties: INodeProperties[] = [
	projectLocator,
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Concept & Design' },
	collection('additionalFields', 'Additional Fields', 'Add Field', [
		{
			displayName: 'Hidden for Connect Users',
			name: 'isHiddenForConnectUsers',
			type: 'boolean',
			default: false,
			description: 'Whether tasks in this list are hidden from external (connect) users',
		},
		{ displayName: 'Order', name: 'order', type: 'number', default: 0, description: 'Position of the list on the board' },
	]),
];

/** The project and the POST body of a new task list. */
export function readTaskListCreate(this: IExecuteFunctions, itemIndex: number): { projectId: string; body: IDataObject } {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const name = String(this.getNodeParameter('name', itemIndex) ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Name: a task list needs a name', { itemIndex });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return { projectId, body: compact({ name, order: fields.order, isHiddenForConnectUsers: fields.isHiddenForConnectUsers }) };
}
