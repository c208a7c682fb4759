import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, idLocator } from '../../descriptions';
import { readId } from '../../helpers/parameters';

export const description = forOperation('user', 'get', [idLocator('userId', 'User', 'searchUsers')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = readId.call(this, 'userId', 'User', itemIndex);
	return (await aworkRequest.call(this, 'GET', aworkPath`/users/${userId}`, { itemIndex })) as IDataObject;
}
