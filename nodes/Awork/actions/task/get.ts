import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { forOperation, simplifyOption } from '../../descriptions';
import { simplifiedOne } from '../../helpers/simplify';
import { readId } from '../../helpers/parameters';
import { customFieldsByNameOptions, withCustomFieldsByName } from '../../helpers/customFieldsByName';
import { readTask } from '../../helpers/task/read';
import { taskIdProperty } from '../../descriptions/task';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('task', 'get', [
	taskIdProperty,
	simplifyOption('task'),
	customFieldsByNameOptions(
		'Whether to add customFieldsByName: the custom field values keyed by field name, e.g. {"PSA Ticket": "T-1042"} (reads the field definitions once per run)',
	),
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const task = await readTask.call(this, readId.call(this, 'taskId', 'Task ID', itemIndex), itemIndex);
	const [withNames] = await withCustomFieldsByName.call(this, [task], itemIndex);
	return simplifiedOne.call(this, 'task', await withWebUrl.call(this, 'tasks', withNames), itemIndex);
}
