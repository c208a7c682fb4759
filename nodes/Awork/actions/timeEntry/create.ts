/**
 * Time Entry > Create: books time for a user (e.g. time logged on a PSA ticket, brought over to the
 * linked awork task). With a Match Key the entry is created once: the key is written into the note,
 * a repeated run finds that entry (created: false), and a create whose answer was lost is looked up
 * before anything is sent again. Without a key every run creates another entry.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkRequest, aworkRequestAllPages } from '../../transport';
import { and, eq, guid, substringOf, text } from '../../transport/filter';
import { collection, forOperation, idLocator } from '../../descriptions';
import { findOrCreate, oldest } from '../../helpers/findOrCreate';
import { matchKeyMarker, matchKeyProperty, readMatchKey, withMatchKey } from '../../helpers/matchKey';
import { readId } from '../../helpers/parameters';
import { durationProperty, entryFieldOptions, readDurationSeconds, readEntryFields, readStart, startProperty, typeOfWorkProperty } from '../../helpers/timeEntry/write';

export const description = forOperation('timeEntry', 'create', [
	idLocator('userId', 'User', 'searchUsers', { description: 'Whose time this is' }),
	{ ...typeOfWorkProperty, required: true },
	{ ...startProperty, required: true },
	{ ...durationProperty, required: true },
	matchKeyProperty(
		'Makes Create safe to repeat: the ID of what this entry stands for, e.g. the PSA time entry. Written at the end of the note as [match key: …]; when the user already has an entry with this key, it is returned (created: false) and nothing is created. 1-200 letters, digits or _ . : # / -. Empty: every run creates an entry.',
		'e.g. psa-time:TE-5521',
	),
	collection('additionalFields', 'Additional Fields', 'Add Field', entryFieldOptions),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = readId.call(this, 'userId', 'User', itemIndex);
	const fields = readEntryFields.call(this, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject, itemIndex);
	const body: IDataObject = {
		userId,
		typeOfWorkId: readId.call(this, 'typeOfWorkId', 'Type of Work', itemIndex),
		startDateUtc: readStart.call(this, this.getNodeParameter('start', itemIndex, ''), itemIndex),
		duration: readDurationSeconds.call(this, this.getNodeParameter('durationMinutes', itemIndex, undefined), itemIndex),
		timezone: this.getTimezone(),
		...fields,
	};
	const create = async () => (await aworkRequest.call(this, 'POST', '/timeentries', { body, itemIndex })) as IDataObject;
	const matchKey = readMatchKey.call(this, itemIndex);
	if (!matchKey) return { ...(await create()), created: true };
	body.note = withMatchKey(body.note, matchKey);
	const find = async () =>
		oldest(
			(await aworkRequestAllPages.call(this, '/timeentries', {
				filter: and(eq('userId', guid(userId)), substringOf(text(matchKeyMarker(matchKey)), 'note')),
				itemIndex,
			})) as IDataObject[],
		);
	return await findOrCreate.call(this, find, create, itemIndex);
}
