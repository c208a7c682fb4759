import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { customFieldsProperty, linkDefinitionsToProject, readCustomFieldValues } from '../../helpers/customFields';
import { readTask } from '../../helpers/task/read';
import { taskIdProperty } from '../../descriptions/task';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('task', 'setCustomFields', [
	taskIdProperty,
	customFieldsProperty('task'),
	{
		displayName: 'Link Fields to Project',
		name: 'linkToProject',
		type: 'boolean',
		default: true,
		description: "Whether to first link the fields to the task's project; awork only takes task field values for linked fields",
	},
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task ID', itemIndex);
	const values = await readCustomFieldValues.call(this, 'task', itemIndex);
	if (this.getNodeParameter('linkToProject', itemIndex, true) as boolean) {
		const task = await readTask.call(this, taskId, itemIndex);
		if (task.projectId) {
			const ids = values.map((value) => String(value.customFieldDefinitionId));
			await linkDefinitionsToProject.call(this, String(task.projectId), ids, itemIndex);
		}
	}
	await aworkRequest.call(this, 'POST', aworkPath`/tasks/${taskId}/setcustomfields`, { body: values, itemIndex });
	return await withWebUrl.call(this, 'tasks', await readTask.call(this, taskId, itemIndex));
}
