import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, readId } from '../common';

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
};

export const description = forOperation('task', 'get', [taskIdProperty]);

export async function readTask(this: IExecuteFunctions, taskId: string, itemIndex: number): Promise<IDataObject> {
	return (await aworkRequest.call(this, 'GET', aworkPath`/tasks/${taskId}`, { itemIndex })) as IDataObject;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await readTask.call(this, readId.call(this, 'taskId', itemIndex, 'Task ID'), itemIndex);
}
