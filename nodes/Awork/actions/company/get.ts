import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, idLocator, readId } from '../common';

export const description = forOperation('company', 'get', [idLocator('companyId', 'Company', 'searchCompanies')]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const companyId = readId.call(this, 'companyId', itemIndex, 'Company');
	return (await aworkRequest.call(this, 'GET', aworkPath`/companies/${companyId}`, { itemIndex })) as IDataObject;
}
