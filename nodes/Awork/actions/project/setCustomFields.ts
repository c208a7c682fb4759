import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, projectLocator } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { customFieldsProperty, readCustomFieldValues } from '../../helpers/customFields';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('project', 'setCustomFields', [projectLocator, customFieldsProperty('project')]);

/** Project custom fields apply to every project once defined, so no linking is needed. */
export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const values = await readCustomFieldValues.call(this, 'project', itemIndex);
	await aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/setcustomfields`, { body: values, itemIndex });
	const project = (await aworkRequest.call(this, 'GET', aworkPath`/projects/${projectId}`, { itemIndex })) as IDataObject;
	return await withWebUrl.call(this, 'projects', project);
}
