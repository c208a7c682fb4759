import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { collection, forOperation, projectLocator } from '../../descriptions';
import { TASK_STATUS_TYPES } from '../../descriptions/task';
import { readId } from '../../helpers/parameters';
import { requiredText } from '../../helpers/requiredText';

/** TaskStatusForm: name of 1 to 30 characters. */
const NAME_MAX_LENGTH = 30;

export const description = forOperation('workspace', 'createTaskStatus', [
	projectLocator,
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Client Review' },
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'progress',
		options: TASK_STATUS_TYPES,
		description: 'The general kind of the status, e.g. whether tasks in it count as done',
	},
	collection('additionalFields', 'Additional Fields', 'Add Field', [
		{
			displayName: 'Icon',
			name: 'icon',
			type: 'string',
			default: '',
			placeholder: 'e.g. rate_review',
			description: "The name of one of awork's status icons",
		},
		{
			displayName: 'Order',
			name: 'order',
			type: 'number',
			default: 0,
			description: 'Where the status goes among the project\'s statuses; without it, it comes last',
		},
	]),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const projectId = readId.call(this, 'projectId', 'Project', itemIndex);
	const name = requiredText.call(this, 'name', 'Name', NAME_MAX_LENGTH, itemIndex);
	const type = this.getNodeParameter('type', itemIndex, 'progress') as string;
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name, type };
	if (typeof extra.icon === 'string' && extra.icon.trim()) body.icon = extra.icon.trim();
	if (typeof extra.order === 'number') body.order = extra.order;
	return (await aworkRequest.call(this, 'POST', aworkPath`/projects/${projectId}/taskstatuses`, { body, itemIndex })) as IDataObject;
}
