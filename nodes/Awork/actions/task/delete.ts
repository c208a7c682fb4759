/**
 * Task > Delete: deletes the task and its subtasks; their time entries stay, without task and
 * project, unless "Delete Time Entries" is on, which refuses when any of them is billed. Outputs { deleted, id }.
 * A 404 after a lost answer means this run deleted it; otherwise a missing task fails naming it,
 * or with "Ignore If Already Deleted" outputs deleted: false.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath } from '../../transport';
import { forOperation } from '../../descriptions';
import { taskIdProperty } from '../../descriptions/task';
import { ignoreMissingProperty, missingOutcome } from '../../helpers/deletes';
import { readId } from '../../helpers/parameters';
import { taskBatch } from '../../helpers/task/batch';
import { readTaskIfFound } from '../../helpers/task/read';
import { withSubtaskIds } from '../../helpers/task/subtasks';
import { deleteTimeEntriesProperty, refuseBilledEntriesUnder } from '../../helpers/timeEntry/billedGuard';

export const description = forOperation('task', 'delete', [
	taskIdProperty,
	deleteTimeEntriesProperty('task'),
	ignoreMissingProperty('task'),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task', itemIndex);
	const deleteTimeTrackings = this.getNodeParameter('deleteTimeEntries', itemIndex, false) as boolean;
	if (deleteTimeTrackings) {
		// awork deletes the subtasks (and their time) with the task, so their billed entries count too.
		const task = await readTaskIfFound.call(this, taskId, itemIndex);
		for (const id of task ? await withSubtaskIds.call(this, task, itemIndex) : []) {
			await refuseBilledEntriesUnder.call(this, aworkPath`/tasks/${id}/timeentries`, id === taskId ? `Task ${taskId}` : `Subtask ${id} of task ${taskId}`, itemIndex);
		}
	}
	const result = await taskBatch.call(this, 'delete', taskId, { deleteTimeTrackings }, itemIndex);
	if (result.outcome === 'ok') return { deleted: true, id: taskId };
	return missingOutcome.call(this, { label: 'Task', id: taskId }, result.earlierAttemptMayHaveLanded, itemIndex);
}
