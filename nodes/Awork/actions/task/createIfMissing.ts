/**
 * Task > Create If Missing: a task of that name in that task list (or project) is reused, so a
 * workflow that resumes after a crash or a replay does not add the same task twice.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest, aworkRequestAllPages } from '../../transport';
import { eq, text } from '../../transport/filter';
import { forOperation } from '../common';
import { findOrCreate, oldest } from '../shared/findOrCreate';
import { readTaskCreateBody, taskCreateProperties } from './create';

export const description = forOperation('task', 'createIfMissing', taskCreateProperties);

function inList(task: IDataObject, listId: string | undefined): boolean {
	if (!listId) return true;
	const lists = Array.isArray(task.lists) ? (task.lists as IDataObject[]) : [];
	return lists.some((list) => String(list.id ?? list.taskListId ?? '').toLowerCase() === listId);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readTaskCreateBody.call(this, itemIndex);
	const projectId = String(body.entityId);
	const listId = (body.lists as Array<{ id: string }> | undefined)?.[0]?.id;
	const find = async () => {
		const named = (await aworkRequestAllPages.call(this, aworkPath`/projects/${projectId}/projecttasks`, {
			filter: eq('name', text(String(body.name))),
			itemIndex,
		})) as IDataObject[];
		return oldest(named.filter((task) => inList(task, listId)));
	};
	const create = async () => (await aworkRequest.call(this, 'POST', '/tasks', { body, itemIndex })) as IDataObject;
	return await findOrCreate.call(this, find, create, itemIndex);
}
