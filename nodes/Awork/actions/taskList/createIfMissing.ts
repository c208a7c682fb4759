/**
 * Task List > Create If Missing: a list of that name in the project is reused, so a workflow
 * that resumes after a crash or a replay does not add the list twice.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest, aworkRequestAllPages } from '../../transport';
import { eq, text } from '../../transport/filter';
import { forOperation } from '../../descriptions';
import { findOrCreate, oldest } from '../../helpers/findOrCreate';
import { readTaskListCreate, taskListCreateProperties } from '../../helpers/taskList/create';

export const description = forOperation('taskList', 'createIfMissing', taskListCreateProperties);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { projectId, body } = readTaskListCreate.call(this, itemIndex);
	const path = aworkPath`/projects/${projectId}/tasklists`;
	const find = async () =>
		oldest((await aworkRequestAllPages.call(this, path, { filter: eq('name', text(String(body.name))), itemIndex })) as IDataObject[]);
	const create = async () => (await aworkRequest.call(this, 'POST', path, { body, itemIndex })) as IDataObject;
	const list = await findOrCreate.call(this, find, create, itemIndex);
	return { ...list, projectId };
}
