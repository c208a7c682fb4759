/** Reading one task, for the task operations that need its current state. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { asOperationError } from '../../../shared/operations';
import { aworkFailureOf, aworkPath, aworkRequest } from '../../transport';

export async function readTask(this: IExecuteFunctions, taskId: string, itemIndex: number): Promise<IDataObject> {
	return (await aworkRequest.call(this, 'GET', aworkPath`/tasks/${taskId}`, { itemIndex })) as IDataObject;
}

/** The task, or undefined when awork answers 404 (for callers that report a missing task themselves). */
export async function readTaskIfFound(this: IExecuteFunctions, taskId: string, itemIndex: number): Promise<IDataObject | undefined> {
	try {
		return await readTask.call(this, taskId, itemIndex);
	} catch (error) {
		if (aworkFailureOf(error)?.status === 404) return undefined;
		throw asOperationError(this.getNode(), error, itemIndex);
	}
}
