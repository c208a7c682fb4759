/**
 * Task > Create If Missing: a task of that name in that task list (or project) is reused, so a
 * workflow that resumes after a crash or a replay does not add the same task twice. With a Match
 * Key, the key (written into the task's description) tells tasks apart, not the name: two quote
 * lines with one title become two tasks, and each is found again by its own key.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest, aworkRequestAllPages } from '../../transport';
import { eq, text } from '../../transport/filter';
import { forOperation } from '../../descriptions';
import { findOrCreate, oldest } from '../../helpers/findOrCreate';
import { matchKeyMarker, matchKeyProperty, readMatchKey, withMatchKey } from '../../helpers/matchKey';
import { readTaskCreateBody, taskCreateProperties } from '../../helpers/task/create';
import { withWebUrl } from '../../helpers/webUrl';

const matchKeyDescription =
	'Identifies the task instead of its name, e.g. the ID of the quote line it stands for. Written at the end of the description as [match key: …]; only a task of this name with this key is reused. 1-200 letters, digits or _ . : # / -. Empty: the name alone decides.';

export const description = forOperation('task', 'createIfMissing', [...taskCreateProperties, matchKeyProperty(matchKeyDescription, 'e.g. psa-line:L-17')]);

function inList(task: IDataObject, listId: string | undefined): boolean {
	if (!listId) return true;
	const lists = Array.isArray(task.lists) ? (task.lists as IDataObject[]) : [];
	return lists.some((list) => String(list.id ?? list.taskListId ?? '').toLowerCase() === listId);
}

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readTaskCreateBody.call(this, itemIndex);
	const matchKey = readMatchKey.call(this, itemIndex);
	const marker = matchKey && matchKeyMarker(matchKey);
	if (matchKey) body.description = withMatchKey(body.description, matchKey);
	const projectId = String(body.entityId);
	const listId = (body.lists as Array<{ id: string }> | undefined)?.[0]?.id;
	const find = async () => {
		const named = (await aworkRequestAllPages.call(this, aworkPath`/projects/${projectId}/projecttasks`, {
			filter: eq('name', text(String(body.name))),
			itemIndex,
		})) as IDataObject[];
		const matching = named.filter((task) => inList(task, listId) && (!marker || String(task.description ?? '').includes(marker)));
		return oldest(matching);
	};
	const create = async () => (await aworkRequest.call(this, 'POST', '/tasks', { body, itemIndex })) as IDataObject;
	return await withWebUrl.call(this, 'tasks', await findOrCreate.call(this, find, create, itemIndex));
}
