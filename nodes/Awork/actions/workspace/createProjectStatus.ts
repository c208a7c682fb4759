import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, projectLocator, PROJECT_STATUS_TYPES } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { requiredText } from '../../helpers/requiredText';

/** ProjectStatusForm: name up to 255 characters. */
const NAME_MAX_LENGTH = 255;

export const description = forOperation('workspace', 'createProjectStatus', [
	projectLocator,
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Waiting for Client' },
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'progress',
		options: PROJECT_STATUS_TYPES,
		description: 'The general kind of the status, which awork uses in reports and filters',
	},
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const name = requiredText.call(this, 'name', 'Name', NAME_MAX_LENGTH, itemIndex);
	const type = this.getNodeParameter('type', itemIndex, 'progress') as string;
	return (await aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/projectstatuses`, { body: { name, type }, itemIndex })) as IDataObject;
}
