import { type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { projectCreateProperties, readProjectCreateBody } from '../../helpers/project/create';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('project', 'create', projectCreateProperties(false));

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readProjectCreateBody.call(this, itemIndex);
	const project = (await aworkRequest.call(this, 'POST', '/projects', { body, itemIndex })) as IDataObject;
	return await withWebUrl.call(this, 'projects', project);
}
