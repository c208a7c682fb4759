import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, idLocator } from '../../descriptions';
import { readId } from '../../helpers/parameters';

export const description = forOperation('company', 'get', [idLocator('companyId', 'Company', 'searchCompanies')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const companyId = readId.call(this, 'companyId', 'Company', itemIndex);
	return (await aworkRequest.call(this, 'GET', aworkPath`/companies/${companyId}`, { itemIndex })) as IDataObject;
}
