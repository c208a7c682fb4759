import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, projectLocator, simplifyOption } from '../../descriptions';
import { simplifiedOne } from '../../helpers/simplify';
import { readId } from '../../helpers/parameters';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('project', 'get', [projectLocator, simplifyOption('project')]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const project = (await aworkRequest.call(this, 'GET', aworkPath`/projects/${projectId}`, { itemIndex })) as IDataObject;
	return simplifiedOne.call(this, 'project', await withWebUrl.call(this, 'projects', project), itemIndex);
}
