/**
 * Project > Delete: deletes the project and its tasks. Its time entries stay, without project and
 * task, unless "Delete Time Entries" is on, which refuses when any of them is billed. Outputs
 * { deleted, id }; a missing project fails naming it, or with "Ignore If Already Deleted" outputs
 * deleted: false.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, projectLocator } from '../../descriptions';
import { deleteOnce, ignoreMissingProperty } from '../../helpers/deletes';
import { readId } from '../../helpers/parameters';
import { deleteTimeEntriesProperty, refuseBilledEntriesUnder } from '../../helpers/timeEntry/billedGuard';

export const description = forOperation('project', 'delete', [
	projectLocator,
	deleteTimeEntriesProperty('project'),
	ignoreMissingProperty('project'),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const deleteTimeTrackings = this.getNodeParameter('deleteTimeEntries', itemIndex, false) as boolean;
	if (deleteTimeTrackings) {
		await refuseBilledEntriesUnder.call(this, aworkPath`/projects/${projectId}/timeentries`, `Project ${projectId}`, itemIndex);
	}
	// Deleting twice leaves the same state; a repeat after a lost answer finds it gone (see deleteOnce).
	const send = () => aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/delete`, { body: { deleteTimeTrackings }, itemIndex, retrySafe: true });
	return await deleteOnce.call(this, { label: 'Project', id: projectId }, send, itemIndex);
}
