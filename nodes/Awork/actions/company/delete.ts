/**
 * Company > Delete: deletes the company. Its projects stay (without company) or move to another
 * company; deleting them, or their time entries, is left to awork's app, where billed time is in
 * view. Outputs { deleted, id }; a missing company fails naming it, or with "Ignore If Already
 * Deleted" outputs deleted: false.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, idLocator } from '../../descriptions';
import { deleteOnce, ignoreMissingProperty } from '../../helpers/deletes';
import { readId } from '../../helpers/parameters';

export const description = forOperation('company', 'delete', [
	idLocator('companyId', 'Company', 'searchCompanies'),
	{
		displayName: 'Its Projects',
		name: 'projects',
		type: 'options',
		options: [
			{ name: 'Keep Without Company', value: 'delete-only-company', description: 'The projects stay, without a company' },
			{ name: 'Move to Another Company', value: 'move', description: 'The projects and tasks go to the company chosen below' },
		],
		default: 'delete-only-company',
	},
	{ ...idLocator('moveToCompanyId', 'Move to Company', 'searchCompanies'), displayOptions: { show: { projects: ['move'] } } },
	ignoreMissingProperty('company'),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const companyId = readId.call(this, 'companyId', 'Company', itemIndex);
	const deleteOperation = this.getNodeParameter('projects', itemIndex, 'delete-only-company') as string;
	const body: IDataObject = { deleteOperation };
	if (deleteOperation === 'move') {
		body.moveToCompany = readId.call(this, 'moveToCompanyId', 'Move to Company', itemIndex);
		if (body.moveToCompany === companyId) {
			throw new NodeOperationError(this.getNode(), 'Move to Company: the projects cannot move to the company being deleted', { itemIndex });
		}
	}
	const send = () => aworkRequest.call(this, 'POST', aworkPath`/companies/${companyId}/delete`, { body, itemIndex, retrySafe: true });
	return await deleteOnce.call(this, { label: 'Company', id: companyId }, send, itemIndex);
}
