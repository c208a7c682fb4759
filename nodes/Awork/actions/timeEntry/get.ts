import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, timeEntryLocator } from '../../descriptions';
import { readId } from '../../helpers/parameters';

export const description = forOperation('timeEntry', 'get', [timeEntryLocator]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const timeEntryId = readId.call(this, 'timeEntryId', 'Time Entry ID', itemIndex);
	return (await aworkRequest.call(this, 'GET', aworkPath`/timeentries/${timeEntryId}`, { itemIndex })) as IDataObject;
}
