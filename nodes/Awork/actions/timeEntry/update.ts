/**
 * Time Entry > Update: changes the given fields and keeps the rest. awork's PUT replaces the whole
 * entry, so the current entry is read first; a billed entry is left alone (an error naming it)
 * unless "Allow Billed Entry" is on. Repeating the same update gives the same entry.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { collection, forOperation, optionalIdLocator, timeEntryLocator } from '../../descriptions';
import { optionalGuid, readId } from '../../helpers/parameters';
import { allowBilledProperty, refuseBilledEntry } from '../../helpers/timeEntry/billedGuard';
import { entryStartMs } from '../../helpers/timeEntry/startInstant';

import { durationProperty, entryFieldOptions, readDurationSeconds, readEntryFields, readStart, startProperty, typeOfWorkProperty } from '../../helpers/timeEntry/write';

export const description = forOperation('timeEntry', 'update', [
	timeEntryLocator,
	collection('updateFields', 'Update Fields', 'Add Field', [
		...entryFieldOptions,
		durationProperty,
		startProperty,
		typeOfWorkProperty,
		optionalIdLocator('userId', 'User', 'searchUsers', 'Whose time this is'),
	]),
	allowBilledProperty('change'),
]);

export const runs = 'perItem';

/** The fields of the current entry a PUT must repeat to keep them (TimeTrackingPutForm). */
function currentForm(entry: IDataObject): IDataObject {
	const startMs = entryStartMs(entry);
	const form: IDataObject = {
		isBillable: entry.isBillable,
		isBilled: entry.isBilled,
		taskId: entry.taskId ?? null,
		projectId: entry.projectId ?? null,
		note: entry.note ?? null,
		timezone: entry.timezone,
		duration: entry.duration,
		typeOfWorkId: entry.typeOfWorkId,
		userId: entry.userId ?? null,
	};
	// Sent as one instant: awork serves the start either as an instant or as a UTC date plus a time.
	if (startMs !== undefined) form.startDateUtc = new Date(startMs).toISOString().replace('.000Z', 'Z');
	return form;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const timeEntryId = readId.call(this, 'timeEntryId', 'Time Entry', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const changes = readEntryFields.call(this, fields, itemIndex);
	if (fields.start !== undefined && fields.start !== '') changes.startDateUtc = readStart.call(this, fields.start, itemIndex);
	if (fields.durationMinutes !== undefined) changes.duration = readDurationSeconds.call(this, fields.durationMinutes, itemIndex);
	const typeOfWorkId = optionalGuid.call(this, fields.typeOfWorkId, 'Type of Work', itemIndex);
	if (typeOfWorkId) changes.typeOfWorkId = typeOfWorkId;
	const userId = optionalGuid.call(this, fields.userId, 'User', itemIndex);
	if (userId) changes.userId = userId;
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: choose at least one field to change', { itemIndex });
	}
	const current = (await aworkRequest.call(this, 'GET', aworkPath`/timeentries/${timeEntryId}`, { itemIndex })) as IDataObject;
	refuseBilledEntry.call(this, current, 'change', this.getNodeParameter('allowBilled', itemIndex, false) as boolean, itemIndex);
	const body = { ...currentForm(current), ...changes };
	// A new task brings its own project; a new project without a task drops the old project's task.
	if (changes.taskId && !changes.projectId) body.projectId = null;
	if (changes.projectId && !changes.taskId && changes.projectId !== String(current.projectId ?? '').toLowerCase()) body.taskId = null;
	return (await aworkRequest.call(this, 'PUT', aworkPath`/timeentries/${timeEntryId}`, { body, itemIndex })) as IDataObject;
}
