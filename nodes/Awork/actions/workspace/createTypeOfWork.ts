import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkRequest } from '../../transport';
import { collection, forOperation } from '../../descriptions';
import { compact, AWORK_NAME_MAX_LENGTH } from '../../helpers/parameters';
import { requiredText } from '../../helpers/requiredText';

export const description = forOperation('workspace', 'createTypeOfWork', [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Consulting' },
	collection('additionalFields', 'Additional Fields', 'Add Field', [
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'e.g. Workshops and advice for clients',
			description: 'A short description (awork shows up to 140 characters)',
		},
		{
			displayName: 'Icon',
			name: 'icon',
			type: 'string',
			default: '',
			placeholder: 'e.g. work',
			description: "The name of one of awork's type of work icons",
		},
	]),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requiredText.call(this, 'name', 'Name', AWORK_NAME_MAX_LENGTH, itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = compact({ name, description: String(extra.description ?? '').trim(), icon: String(extra.icon ?? '').trim() });
	return (await aworkRequest.call(this, 'POST', '/typeofwork', { body, itemIndex })) as IDataObject;
}
