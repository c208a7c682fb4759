/**
 * One time entry posted on its own, with an Idempotency-Key derived from its content: the answer
 * as created, duplicate (the externalId is booked already) or failed (the PSA refused it).
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { asPsaErrorBody, callPsa, DUPLICATE_EXTERNAL_ID_CODE, idempotencyKeyFor, psaErrorText } from '../../transport';
import type { ExportJob, ExportResult } from './exporter';

/** Error answers that concern the entries, not the connection; they become `failed` results. */
export const ENTRY_LEVEL_STATUSES = [400, 404, 409, 422, 500, 502, 503, 504];

export async function postSingle(ctx: IExecuteFunctions, job: ExportJob): Promise<ExportResult> {
	const answer = await callPsa<{ id?: string }>(ctx, {
		endpoint: 'createTimeEntry',
		pathParams: { contractId: job.contractId },
		body: job.entry,
		idempotencyKey: idempotencyKeyFor('time-entry', { contractId: job.contractId, entry: job.entry }),
		accept: ENTRY_LEVEL_STATUSES,
		itemIndex: job.itemIndex,
	});
	if (answer.status < 300) {
		return answer.replayedFromEarlierRequest
			? { status: 'duplicate', psaTimeEntryId: answer.body?.id, sameAsRequested: true }
			: { status: 'created', psaTimeEntryId: answer.body?.id };
	}
	const error = asPsaErrorBody(answer.body);
	if (answer.status === 409 && error.code === DUPLICATE_EXTERNAL_ID_CODE) {
		return { status: 'duplicate', psaTimeEntryId: error.details?.id as string | undefined };
	}
	return { status: 'failed', reason: psaErrorText(answer.status, answer.body) };
}
