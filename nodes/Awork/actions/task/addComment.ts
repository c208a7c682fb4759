/**
 * Add Comment: posts a comment on a task. With "Skip If Already Posted" a comment whose text is
 * already on the task is not posted again, so a workflow that reports a problem on every event
 * (or a replayed webhook) does not flood the task with copies.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest, aworkRequestAllPages } from '../../transport';
import { forOperation } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { taskIdProperty } from '../../descriptions/task';

export const description = forOperation('task', 'addComment', [
	taskIdProperty,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. The PSA ticket T-1042 was not found',
	},
	{
		displayName: 'Skip If Already Posted',
		name: 'skipIfPosted',
		type: 'boolean',
		default: false,
		description: 'Whether to leave the task alone when one of its comments already has exactly this text',
	},
]);

const plainText = (comment: IDataObject) => String(comment.plainFormattedMessage ?? comment.message ?? '').trim();

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task ID', itemIndex);
	const message = String(this.getNodeParameter('message', itemIndex, '') ?? '').trim();
	if (!message) throw new NodeOperationError(this.getNode(), 'Message: the comment needs a text', { itemIndex });
	if (this.getNodeParameter('skipIfPosted', itemIndex, false) as boolean) {
		const comments = (await aworkRequestAllPages.call(this, aworkPath`/tasks/${taskId}/comments`, { itemIndex })) as IDataObject[];
		const posted = comments.find((comment) => plainText(comment) === message || String(comment.message ?? '').trim() === message);
		if (posted) return { ...posted, created: false };
	}
	const comment = (await aworkRequest.call(this, 'POST', aworkPath`/tasks/${taskId}/comments`, {
		body: { message },
		itemIndex,
	})) as IDataObject;
	return { ...comment, created: true };
}
