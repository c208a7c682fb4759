import { type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { taskCreateProperties, readTaskCreateBody } from '../../helpers/task/create';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('task', 'create', taskCreateProperties);

/** Creates a project task. */
export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readTaskCreateBody.call(this, itemIndex);
	const task = (await aworkRequest.call(this, 'POST', '/tasks', { body, itemIndex })) as IDataObject;
	return await withWebUrl.call(this, 'tasks', task);
}
