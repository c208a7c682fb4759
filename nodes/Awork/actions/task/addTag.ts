/**
 * Task > Add Tag: adds a tag the task does not have yet (awork's batch addtags skips a tag the task
 * already has), so a repeated run changes nothing. Outputs the task with its tags.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { forOperation } from '../../descriptions';
import { taskIdProperty } from '../../descriptions/task';
import { readId } from '../../helpers/parameters';
import { requiredText } from '../../helpers/requiredText';
import { requireFound, taskBatch } from '../../helpers/task/batch';
import { readTask } from '../../helpers/task/read';
import { withWebUrl } from '../../helpers/webUrl';

const TAG_COLORS = ['arctic', 'azure', 'blue', 'coral', 'green', 'purple', 'red', 'teal', 'violet', 'yellow'];
/** TagForm: name up to 255 characters. */
const TAG_NAME_MAX_LENGTH = 255;

export const description = forOperation('task', 'addTag', [
	taskIdProperty,
	{ displayName: 'Tag Name', name: 'tagName', type: 'string', required: true, default: '', placeholder: 'e.g. PSA Ticket' },
	{
		displayName: 'Color',
		name: 'tagColor',
		type: 'options',
		options: [{ name: 'Default', value: '' }, ...TAG_COLORS.map((color) => ({ name: color.charAt(0).toUpperCase() + color.slice(1), value: color }))],
		default: '',
		description: 'The color of a tag new to the workspace; a tag awork already has keeps its color',
	},
]);

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task', itemIndex);
	const name = requiredText.call(this, 'tagName', 'Tag Name', TAG_NAME_MAX_LENGTH, itemIndex);
	const color = String(this.getNodeParameter('tagColor', itemIndex, '') ?? '');
	const tag: IDataObject = color ? { name, color } : { name };
	requireFound.call(this, await taskBatch.call(this, 'addtags', taskId, { tags: [tag] }, itemIndex), taskId, itemIndex);
	return await withWebUrl.call(this, 'tasks', await readTask.call(this, taskId, itemIndex));
}
