/**
 * What deleting tasks, task lists, projects and companies does to the rest of the workspace, as
 * awork's delete forms describe it: time entries are deleted only when asked; otherwise they stay
 * and lose the task and project reference (TasksDeleteForm, ProjectDeleteForm).
 */
import type { Rec } from '../store';
import type { AworkContext } from './http';

/** Deletes the tasks (and their subtasks); their time entries are deleted or lose task and project. */
export function removeTasks(ctx: AworkContext, taskIds: Iterable<string>, deleteTimeEntries: boolean): Rec[] {
	const { store } = ctx;
	const doomed = new Set<string>();
	const add = (id: string) => {
		if (doomed.has(id)) return;
		doomed.add(id);
		for (const task of store.tasks.values()) if (task.parentId === id) add(task.id);
	};
	for (const id of taskIds) if (store.tasks.has(id)) add(id);
	for (const entry of [...store.timeEntries.values()]) {
		if (!entry.taskId || !doomed.has(entry.taskId)) continue;
		if (deleteTimeEntries) store.remove('timeEntries', entry.id);
		else {
			entry.taskId = null;
			entry.projectId = null;
			store.touch(entry);
		}
	}
	const removed: Rec[] = [];
	for (const id of doomed) {
		const task = store.tasks.get(id)!;
		store.remove('tasks', id);
		removed.push(task);
	}
	return removed;
}

/** Deletes a project with its tasks, lists, statuses and milestones; its other time entries as removeTasks does. */
export function removeProject(ctx: AworkContext, projectId: string, deleteTimeEntries: boolean): void {
	const { store } = ctx;
	removeTasks(ctx, [...store.tasks.values()].filter((task) => task.projectId === projectId).map((task) => task.id), deleteTimeEntries);
	for (const entry of [...store.timeEntries.values()]) {
		if (entry.projectId !== projectId) continue;
		if (deleteTimeEntries) store.remove('timeEntries', entry.id);
		else {
			entry.projectId = null;
			entry.taskId = null;
			store.touch(entry);
		}
	}
	for (const collection of ['taskLists', 'taskStatuses', 'milestones'] as const) {
		for (const rec of [...store.collections[collection].values()]) if (rec.projectId === projectId) store.remove(collection, rec.id);
	}
	store.customFieldLinks.delete(projectId);
	store.remove('projects', projectId);
}
