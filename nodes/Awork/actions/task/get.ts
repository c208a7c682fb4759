import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { aworkPath, aworkRequest } from '../../transport';
import { forOperation } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { customFieldDefinitions } from '../../helpers/customFields';
import { customFieldsByName } from '../../helpers/customFieldsByName';

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
};

export const description = forOperation('task', 'get', [
	taskIdProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Custom Fields by Name',
				name: 'customFieldsByName',
				type: 'boolean',
				default: false,
				description:
					'Whether to add customFieldsByName: the custom field values keyed by field name, e.g. {"PSA Ticket": "T-1042"} (reads the field definitions once per run)',
			},
		],
	},
]);

export async function readTask(this: IExecuteFunctions, taskId: string, itemIndex: number): Promise<IDataObject> {
	return (await aworkRequest.call(this, 'GET', aworkPath`/tasks/${taskId}`, { itemIndex })) as IDataObject;
}

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const task = await readTask.call(this, readId.call(this, 'taskId', itemIndex, 'Task ID'), itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (!options.customFieldsByName) return task;
	const definitions = await customFieldDefinitions.call(this);
	return { ...task, customFieldsByName: customFieldsByName(task.customFields, definitions) };
}
