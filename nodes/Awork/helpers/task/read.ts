/** Reading one task, for the task operations that need its current state. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';

export async function readTask(this: IExecuteFunctions, taskId: string, itemIndex: number): Promise<IDataObject> {
	return (await aworkRequest.call(this, 'GET', aworkPath`/tasks/${taskId}`, { itemIndex })) as IDataObject;
}
