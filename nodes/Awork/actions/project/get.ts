import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, idLocator, readId } from '../common';

export const projectLocator = idLocator('projectId', 'Project', 'searchProjects');

export const description = forOperation('project', 'get', [projectLocator]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', itemIndex, 'Project');
	return (await aworkRequest.call(this, 'GET', aworkPath`/projects/${projectId}`, { itemIndex })) as IDataObject;
}
