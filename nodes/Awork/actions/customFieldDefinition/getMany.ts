import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { forOperation } from '../../descriptions';
import { customFieldDefinitions } from '../../helpers/customFields';

export const description = forOperation('customFieldDefinition', 'getMany', [
	{
		displayName: 'Entity',
		name: 'entity',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Project', value: 'project' },
			{ name: 'Task', value: 'task' },
		],
		default: 'all',
		description: 'Which custom fields to return: those for projects, for tasks, or both',
	},
]);

/** awork answers all definitions in one response (the endpoint is not paged). */
export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const entity = this.getNodeParameter('entity', itemIndex, 'all') as string;
	const definitions = await customFieldDefinitions.call(this);
	return definitions.filter((definition) => entity === 'all' || definition.entity === entity) as unknown as IDataObject[];
}
