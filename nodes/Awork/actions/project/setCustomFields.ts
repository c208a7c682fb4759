import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, readId } from '../common';
import { customFieldsProperty, readCustomFieldValues } from '../shared/customFields';
import { projectLocator } from './get';

export const description = forOperation('project', 'setCustomFields', [projectLocator, customFieldsProperty('project')]);

/** Project custom fields apply to every project once defined, so no linking is needed. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', itemIndex, 'Project');
	const values = await readCustomFieldValues.call(this, 'project', itemIndex);
	await aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/setcustomfields`, { body: values, itemIndex });
	return (await aworkRequest.call(this, 'GET', aworkPath`/projects/${projectId}`, { itemIndex })) as IDataObject;
}
