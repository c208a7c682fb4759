/**
 * POST /tasks/batch/{operation} for one task. awork answers 207 with the task's ID under ok,
 * notFound, unauthorized or badRequest. The operations used here (addtags skips tags the task has,
 * unassignusers, movetotasklist, delete) leave the same state when sent twice, so the transport
 * may repeat them after a lost answer.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { aworkPath, aworkRequestFull, type AworkResponse } from '../../transport';

type Outcome = 'ok' | 'notFound' | 'unauthorized' | 'badRequest';
type MultiStatus = Partial<Record<Outcome, { ids?: string[] | null } | null>>;

export interface TaskBatchResult {
	outcome: 'ok' | 'notFound';
	/** An earlier attempt's answer was lost: it may already have done this (e.g. deleted the task). */
	earlierAttemptMayHaveLanded: boolean;
}

const REFUSED: Record<'unauthorized' | 'badRequest', string> = {
	unauthorized: 'The credential’s user lacks write permission on the task or what the change touches.',
	badRequest: 'awork refused the change for this task, e.g. a task list of another project.',
};

export async function taskBatch(
	this: IExecuteFunctions,
	operation: 'addtags' | 'unassignusers' | 'movetotasklist' | 'delete',
	taskId: string,
	form: IDataObject,
	itemIndex: number,
): Promise<TaskBatchResult> {
	const response = (await aworkRequestFull.call(this, 'POST', aworkPath`/tasks/batch/${operation}`, {
		body: { taskIds: [taskId], ...form },
		itemIndex,
		retrySafe: true,
	})) as AworkResponse<MultiStatus | undefined>;
	const listed = (outcome: Outcome) => Boolean(response.body?.[outcome]?.ids?.some((id) => String(id).toLowerCase() === taskId));
	const earlierAttemptMayHaveLanded = Boolean(response.earlierAttemptMayHaveLanded);
	for (const refused of ['unauthorized', 'badRequest'] as const) {
		if (listed(refused)) {
			throw new NodeOperationError(this.getNode(), `awork did not ${operation === 'delete' ? 'delete' : 'change'} task ${taskId} (${refused})`, {
				itemIndex,
				description: REFUSED[refused],
			});
		}
	}
	return { outcome: listed('notFound') ? 'notFound' : 'ok', earlierAttemptMayHaveLanded };
}

/** Fails naming the task when the batch did not find it. */
export function requireFound(this: IExecuteFunctions, result: TaskBatchResult, taskId: string, itemIndex: number): void {
	if (result.outcome === 'ok') return;
	throw new NodeOperationError(this.getNode(), `Task ${taskId} was not found in awork`, {
		itemIndex,
		description: 'Check the task; it may have been deleted, or the credential cannot see it.',
	});
}
