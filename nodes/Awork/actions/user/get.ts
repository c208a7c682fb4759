import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, idLocator, simplifyOption } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { simplifiedOne } from '../../helpers/simplify';

export const description = forOperation('user', 'get', [idLocator('userId', 'User', 'searchUsers'), simplifyOption('user')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = readId.call(this, 'userId', 'User', itemIndex);
	const user = (await aworkRequest.call(this, 'GET', aworkPath`/users/${userId}`, { itemIndex })) as IDataObject;
	return simplifiedOne.call(this, 'user', user, itemIndex);
}
