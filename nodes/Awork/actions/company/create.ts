import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkRequest } from '../../transport';
import { collection, forOperation } from '../../descriptions';
import { compact } from '../../helpers/parameters';

export const description = forOperation('company', 'create', [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. ACME GmbH' },
	collection('additionalFields', 'Additional Fields', 'Add Field', [
		{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{ displayName: 'Industry', name: 'industry', type: 'string', default: '' },
	]),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = String(this.getNodeParameter('name', itemIndex) ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Name: a company needs a name', { itemIndex });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = compact({ name, description: fields.description, industry: fields.industry });
	return (await aworkRequest.call(this, 'POST', '/companies', { body, itemIndex })) as IDataObject;
}
