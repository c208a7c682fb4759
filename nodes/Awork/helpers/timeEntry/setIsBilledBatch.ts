/**
 * One POST /timeentries/batch/setIsBilled and what awork answered for each ID (207 multi-status).
 * awork documents no maximum batch size; a chunk it refuses as an invalid batch is halved.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { asOperationError } from '../../../shared/operations';
import { aworkFailureOf, aworkRequest } from '../../transport';

export const DEFAULT_CHUNK_SIZE = 1000;

/** awork's answers, and changedSinceRead for an entry Mark Billed left alone (changedSinceRead.ts). */
export type Outcome = 'ok' | 'notFound' | 'unauthorized' | 'badRequest' | 'unchanged' | 'error' | 'changedSinceRead';
export type OutcomeById = Map<string, { status: Outcome; error?: string }>;

/** The chunk size in use; lowered for the rest of the run once awork refuses a size. */
export interface ChunkSize {
	current: number;
}

const REPORTED: Outcome[] = ['ok', 'notFound', 'unauthorized', 'badRequest'];

type MultiStatus = Partial<Record<Outcome, { ids?: string[] | null }>>;

/** Sends one chunk and records each ID's outcome; halves the chunk when awork refuses it as invalid. */
export async function sendSetIsBilled(
	this: IExecuteFunctions,
	ids: string[],
	isBilled: boolean,
	requireAll: boolean,
	outcomes: OutcomeById,
	chunkSize: ChunkSize,
): Promise<void> {
	let answer: MultiStatus | undefined;
	try {
		answer = (await aworkRequest.call(this, 'POST', '/timeentries/batch/setIsBilled', {
			body: { timeEntryIds: ids, isBilled, ...(requireAll ? { requireAllTimeEntries: true } : {}) },
		})) as MultiStatus | undefined;
	} catch (error) {
		const failure = aworkFailureOf(error);
		if (failure?.code === 'invalid-batch-operation' && ids.length > 1) {
			const half = Math.ceil(ids.length / 2);
			chunkSize.current = Math.min(chunkSize.current, half);
			await sendSetIsBilled.call(this, ids.slice(0, half), isBilled, requireAll, outcomes, chunkSize);
			await sendSetIsBilled.call(this, ids.slice(half), isBilled, requireAll, outcomes, chunkSize);
			return;
		}
		if (!this.continueOnFail()) throw asOperationError(this.getNode(), error);
		for (const id of ids) outcomes.set(id, { status: 'error', error: (error as Error).message });
		return;
	}
	// 204 (or 200 without a body) means every entry was changed.
	const reported = new Map<string, Outcome>();
	for (const status of REPORTED) for (const id of answer?.[status]?.ids ?? []) reported.set(id.toLowerCase(), status);
	const noBody = !answer || typeof answer !== 'object' || Object.keys(answer).length === 0;
	for (const id of ids) outcomes.set(id, { status: reported.get(id) ?? (noBody ? 'ok' : 'unchanged') });
}

