import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, idLocator, simplifyOption } from '../../descriptions';
import { simplifiedOne } from '../../helpers/simplify';
import { readId } from '../../helpers/parameters';

export const description = forOperation('company', 'get', [
	idLocator('companyId', 'Company', 'searchCompanies'),
	simplifyOption('company'),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const companyId = readId.call(this, 'companyId', 'Company', itemIndex);
	const company = (await aworkRequest.call(this, 'GET', aworkPath`/companies/${companyId}`, { itemIndex })) as IDataObject;
	return simplifiedOne.call(this, 'company', company, itemIndex);
}
