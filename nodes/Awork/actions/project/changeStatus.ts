import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation, projectLocator } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('project', 'changeStatus', [
	projectLocator,
	{
		displayName: 'Status Name or ID',
		name: 'projectStatusId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProjectStatuses', loadOptionsDependsOn: ['projectId.value'] },
		required: true,
		default: '',
		description:
			'The status to move the project to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
]);

/** Changes the status and answers the project as it is afterwards. */
export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const projectStatusId = readId.call(this, 'projectStatusId', 'Status', itemIndex);
	await aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/changestatus`, {
		body: { projectStatusId },
		itemIndex,
	});
	const project = (await aworkRequest.call(this, 'GET', aworkPath`/projects/${projectId}`, { itemIndex })) as IDataObject;
	return await withWebUrl.call(this, 'projects', project);
}
