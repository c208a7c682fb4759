import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { readId } from '../../helpers/parameters';

export const description = forOperation('timeEntry', 'get', [
	{
		displayName: 'Time Entry ID',
		name: 'timeEntryId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
	},
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const timeEntryId = readId.call(this, 'timeEntryId', 'Time Entry ID', itemIndex);
	return (await aworkRequest.call(this, 'GET', aworkPath`/timeentries/${timeEntryId}`, { itemIndex })) as IDataObject;
}
