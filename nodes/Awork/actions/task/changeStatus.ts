import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequest, aworkRequestAllPages } from '../../transport';
import { forOperation, idLocator } from '../../descriptions';
import { readId } from '../../helpers/parameters';
import { readTask } from '../../helpers/task/read';
import { TASK_STATUS_TYPES, taskIdProperty } from '../../descriptions/task';
import { withWebUrl } from '../../helpers/webUrl';

export const description = forOperation('task', 'changeStatus', [
	taskIdProperty,
	{
		// The status is picked by type (and name). Picking it by ID is kept for the workflows that
		// do: this shows only where it is set to ID, so new nodes have one way.
		displayName: 'Status By',
		name: 'statusBy',
		type: 'options',
		options: [
			{ name: 'Type', value: 'type', description: "The first status of this type in the task's project" },
			{ name: 'ID', value: 'id', description: 'A task status ID of the task’s project' },
		],
		default: 'type',
		displayOptions: { show: { statusBy: ['id'] } },
	},
	{
		displayName: 'Status Type',
		name: 'statusType',
		type: 'options',
		options: TASK_STATUS_TYPES,
		default: 'done',
		description: "Moves the task to the first status of this type in its project (awork's statuses are per project)",
		displayOptions: { show: { statusBy: ['type'] } },
	},
	{
		displayName: 'Status Name',
		name: 'statusName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Resolved in PSA',
		description:
			"Optional: the status with this name (any case) when the task's project has one; otherwise the first status of the type above. Leave empty to always use the type.",
		displayOptions: { show: { statusBy: ['type'] } },
	},
	{ ...idLocator('taskStatusId', 'Task Status', 'searchTaskStatuses'), displayOptions: { show: { statusBy: ['id'] } } },
]);

type MultiStatus = Partial<Record<'notFound' | 'unauthorized' | 'badRequest', { ids?: string[] }>>;

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = readId.call(this, 'taskId', 'Task ID', itemIndex);
	let statusId: string;
	if (this.getNodeParameter('statusBy', itemIndex, 'type') === 'id') {
		statusId = readId.call(this, 'taskStatusId', 'Task Status ID', itemIndex);
	} else {
		const type = this.getNodeParameter('statusType', itemIndex) as string;
		const task = await readTask.call(this, taskId, itemIndex);
		const statuses = (await aworkRequestAllPages.call(this, aworkPath`/projects/${String(task.projectId)}/taskstatuses`, {
			orderBy: 'order',
			itemIndex,
		})) as IDataObject[];
		const preferred = String(this.getNodeParameter('statusName', itemIndex, '') ?? '').trim().toLowerCase();
		const named = preferred ? statuses.find((status) => String(status.name ?? '').trim().toLowerCase() === preferred) : undefined;
		const match = named ?? statuses.find((status) => status.type === type);
		if (!match) {
			throw new NodeOperationError(this.getNode(), `Status Type: the task's project has no status of type "${type}"`, { itemIndex });
		}
		statusId = String(match.id);
	}
	const answer = (await aworkRequest.call(this, 'POST', '/tasks/changestatuses', {
		body: [{ taskId, statusId }],
		itemIndex,
	})) as MultiStatus | undefined;
	// 204 when all changed; 207 lists the tasks that could not be changed.
	for (const outcome of ['notFound', 'unauthorized', 'badRequest'] as const) {
		if (answer?.[outcome]?.ids?.some((id) => id.toLowerCase() === taskId)) {
			throw new NodeOperationError(this.getNode(), `awork did not change the status of task ${taskId} (${outcome})`, {
				itemIndex,
				description: outcome === 'badRequest' ? "The status must belong to the task's project." : undefined,
			});
		}
	}
	return await withWebUrl.call(this, 'tasks', await readTask.call(this, taskId, itemIndex));
}
