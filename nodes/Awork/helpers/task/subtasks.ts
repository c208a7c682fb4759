/** A task and the subtasks under it, which awork deletes together with it. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequestAllPages } from '../../transport';
import { eq, guid } from '../../transport/filter';

/** The task's ID followed by its subtasks' (at any depth), read from the project's task list by parentId. */
export async function withSubtaskIds(this: IExecuteFunctions, task: IDataObject, itemIndex: number): Promise<string[]> {
	const taskId = String(task.id).toLowerCase();
	const projectId = typeof task.projectId === 'string' ? task.projectId : undefined;
	if (!projectId || !task.numberOfSubtasks) return [taskId];
	const ids = [taskId];
	for (let next = 0; next < ids.length; next++) {
		const children = (await aworkRequestAllPages.call(this, aworkPath`/projects/${projectId}/projecttasks`, {
			filter: eq('parentId', guid(ids[next])),
			itemIndex,
		})) as IDataObject[];
		for (const child of children) {
			const id = String(child.id).toLowerCase();
			if (!ids.includes(id)) ids.push(id);
		}
	}
	return ids;
}
