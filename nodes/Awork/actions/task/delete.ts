/**
 * Task > Delete: deletes the task; its time entries stay, without task and project, unless
 * "Delete Time Entries" is on, which refuses when any of them is billed. Outputs { deleted, id }.
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
	if (deleteTimeTrackings) await refuseBilledEntriesUnder.call(this, aworkPath`/tasks/${taskId}/timeentries`, `Task ${taskId}`, itemIndex);
	const result = await taskBatch.call(this, 'delete', taskId, { deleteTimeTrackings }, itemIndex);
	if (result.outcome === 'ok') return { deleted: true, id: taskId };
	return missingOutcome.call(this, { label: 'Task', id: taskId }, result.earlierAttemptMayHaveLanded, itemIndex);
}
