/**
 * Time Entry > Delete: reads the entry first, so a billed one is left alone (an error naming it)
 * unless "Allow Billed Entry" is on. Outputs { deleted: true, id }. A repeated run finds the entry
 * gone: an error naming it, or deleted: false with "Ignore If Already Deleted".
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkFailureOf, aworkPath, aworkRequest } from '../../transport';
import { asOperationError } from '../../../shared/operations';
import { forOperation, timeEntryLocator } from '../../descriptions';
import { deleteOnce, ignoreMissingProperty, missingOutcome } from '../../helpers/deletes';
import { readId } from '../../helpers/parameters';
import { allowBilledProperty, refuseBilledEntry } from '../../helpers/timeEntry/billedGuard';


export const description = forOperation('timeEntry', 'delete', [timeEntryLocator, allowBilledProperty('delete'), ignoreMissingProperty('time entry')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId.call(this, 'timeEntryId', 'Time Entry', itemIndex);
	const what = { label: 'Time entry', id };
	let entry: IDataObject;
	try {
		entry = (await aworkRequest.call(this, 'GET', aworkPath`/timeentries/${id}`, { itemIndex })) as IDataObject;
	} catch (error) {
		if (aworkFailureOf(error)?.status !== 404) throw asOperationError(this.getNode(), error, itemIndex);
		return missingOutcome.call(this, what, false, itemIndex);
	}
	refuseBilledEntry.call(this, entry, 'delete', this.getNodeParameter('allowBilled', itemIndex, false) as boolean, itemIndex);
	return await deleteOnce.call(this, what, () => aworkRequest.call(this, 'DELETE', aworkPath`/timeentries/${id}`, { itemIndex }), itemIndex);
}
