import { type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { taskListCreateProperties, readTaskListCreate } from '../../helpers/taskList/create';

export const description = forOperation('taskList', 'create', taskListCreateProperties);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { projectId, body } = readTaskListCreate.call(this, itemIndex);
	const list = (await aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/tasklists`, { body, itemIndex })) as IDataObject;
	return { ...list, projectId };
}
