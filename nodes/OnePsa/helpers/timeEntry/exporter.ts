/**
 * Books time entries on contracts: in batches where a contract offers them, one by one where
 * not. Every request carries an Idempotency-Key derived from its content and every entry its
 * externalId, so neither a retry nor a re-run books anything twice.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import {
	BATCH_UNAVAILABLE_STATUSES,
	callPsa,
	idempotencyKeyFor,
	MAX_BATCH_ENTRIES,
	asPsaErrorBody,
	psaErrorText,
} from '../../transport';
import { checkDuplicatesAgainstPsa } from './driftCheck';
import type { PsaTimeEntry } from './mapping';
import { ENTRY_LEVEL_STATUSES, postSingle } from './postEntry';

export interface ExportJob {
	itemIndex: number;
	contractId: string;
	entry: PsaTimeEntry;
	/**
	 * The item is an invoice position (it lists `timeEntryIds`). A position posted again may stand
	 * for only the entries still unbilled, so its hours are not comparable with the booking.
	 */
	isPosition?: boolean;
}

export type ExportStatus = 'created' | 'duplicate' | 'failed';

export interface ExportResult {
	status: ExportStatus;
	psaTimeEntryId?: string;
	reason?: string;
	/** A `duplicate` that is the PSA's stored answer to this very request: booked as it is now. */
	sameAsRequested?: boolean;
	/** Set when the PSA holds other hours, date or contract than would be booked now (driftCheck). */
	changedAfterBooking?: IDataObject;
	/** Set when a correction entry made the PSA's hours equal awork's (option Entry Changed After Booking). */
	correction?: IDataObject;
}

export interface ExportSettings {
	useBatch: boolean;
	batchSize: number;
	/** What a `duplicate` whose booking has other hours gets: left unbilled, or a correction entry. */
	onChangedHours?: 'leaveUnbilled' | 'postCorrection';
	hoursDecimals?: number;
}

interface BatchAnswer {
	created?: Array<{ externalId: string; id: string }>;
	duplicates?: Array<{ externalId: string; id: string }>;
	failed?: Array<{ externalId: string; error?: string }>;
}


/** Answers to a whole batch that may be caused by a single entry in it (a duplicate, an invalid field). */
const WHOLE_BATCH_REFUSALS = [400, 409, 422];
/** Refusals about the contract itself: posting each entry alone would only repeat them. */
const CONTRACT_LEVEL_CODES = ['contract_not_active'];

/**
 * Contracts exported at the same time. The pacer still spaces every request under the tenant's
 * budget; overlapping them hides each request's round trip when the budget allows more.
 */
export const CONTRACTS_IN_PARALLEL = 4;

/** Fills `results` (keyed by item index) as it goes, so a caller can tell what was done if it throws. */
export async function exportTimeEntries(
	ctx: IExecuteFunctions,
	jobs: ExportJob[],
	settings: ExportSettings,
	results: Map<number, ExportResult>,
): Promise<void> {
	const byContract = new Map<string, ExportJob[]>();
	for (const job of jobs) {
		const list = byContract.get(job.contractId);
		if (list) list.push(job);
		else byContract.set(job.contractId, [job]);
	}
	const batchSize = Math.min(Math.max(1, Math.floor(settings.batchSize)), MAX_BATCH_ENTRIES);

	// A few workers take one contract at a time; after a failure they take no new contract.
	const queue = [...byContract.entries()];
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		for (let next = queue.shift(); next && !failure; next = queue.shift()) {
			try {
				await exportContract(ctx, next[0], next[1], batchSize, settings.useBatch, results);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONTRACTS_IN_PARALLEL, queue.length) }, worker));
	if (!failure) {
		await checkDuplicatesAgainstPsa(ctx, jobs, results, {
			postCorrections: settings.onChangedHours === 'postCorrection',
			hoursDecimals: settings.hoursDecimals ?? 2,
		}).catch((error: unknown) => {
			failure = { error };
		});
	}
	if (failure) {
		// A duplicate nobody compared with the PSA's booking must not be billed.
		const why = failure.error instanceof Error ? failure.error.message : String(failure.error);
		for (const job of jobs) {
			const result = results.get(job.itemIndex);
			if (result?.status === 'duplicate' && !result.sameAsRequested) {
				results.set(job.itemIndex, { status: 'failed', reason: `Already in The One PSA, but not compared with its booking: ${why}` });
			}
		}
		throw failure.error;
	}
}

async function exportContract(
	ctx: IExecuteFunctions,
	contractId: string,
	contractJobs: ExportJob[],
	batchSize: number,
	useBatch: boolean,
	results: Map<number, ExportResult>,
): Promise<void> {
	let batchAvailable = useBatch;
	for (let start = 0; start < contractJobs.length; start += batchSize) {
		const chunk = contractJobs.slice(start, start + batchSize);
		if (batchAvailable) {
			const outcome = await postBatch(ctx, contractId, chunk, results);
			if (outcome === 'done') continue;
			if (outcome === 'refusedWhole') {
				// One entry can make a PSA refuse a whole batch; posted alone, each entry gets its own answer.
				for (const job of chunk) results.set(job.itemIndex, await postSingle(ctx, job));
				continue;
			}
			if (outcome === 'contractMissing') {
				const reason = `Contract ${contractId} does not exist in The One PSA; check the contract mapping of this project`;
				for (const job of contractJobs.slice(start)) results.set(job.itemIndex, { status: 'failed', reason });
				return;
			}
			batchAvailable = false;
		}
		for (const job of chunk) results.set(job.itemIndex, await postSingle(ctx, job));
	}
}

async function postBatch(
	ctx: IExecuteFunctions,
	contractId: string,
	chunk: ExportJob[],
	results: Map<number, ExportResult>,
): Promise<'done' | 'batchUnavailable' | 'contractMissing' | 'refusedWhole'> {
	const entries = chunk.map((job) => job.entry);
	const answer = await callPsa<BatchAnswer>(ctx, {
		endpoint: 'createTimeEntriesBatch',
		pathParams: { contractId },
		body: { entries },
		idempotencyKey: idempotencyKeyFor('time-entries-batch', { contractId, entries }),
		accept: [...BATCH_UNAVAILABLE_STATUSES, ...ENTRY_LEVEL_STATUSES],
		itemIndex: chunk[0].itemIndex,
	});
	if (BATCH_UNAVAILABLE_STATUSES.includes(answer.status)) {
		if (answer.status === 404 && !(await contractExists(ctx, contractId, chunk[0].itemIndex))) return 'contractMissing';
		return 'batchUnavailable';
	}
	const refusal = asPsaErrorBody(answer.body).code;
	if (WHOLE_BATCH_REFUSALS.includes(answer.status) && chunk.length > 1 && !CONTRACT_LEVEL_CODES.includes(String(refusal))) return 'refusedWhole';
	if (answer.status >= 400) {
		const reason = psaErrorText(answer.status, answer.body);
		for (const job of chunk) results.set(job.itemIndex, { status: 'failed', reason });
		return 'done';
	}

	// Several input items may carry the same externalId; hand out the PSA's outcomes in order.
	const outcomes = new Map<string, ExportResult[]>();
	const add = (externalId: string, result: ExportResult) =>
		outcomes.set(externalId, [...(outcomes.get(externalId) ?? []), result]);
	const body = answer.body ?? {};
	// A repeated answer to an earlier run's request: those entries were booked back then.
	const createdNow: ExportResult['status'] = answer.replayedFromEarlierRequest ? 'duplicate' : 'created';
	for (const { externalId, id } of body.created ?? []) {
		add(externalId, { status: createdNow, psaTimeEntryId: id, ...(answer.replayedFromEarlierRequest ? { sameAsRequested: true } : {}) });
	}
	for (const { externalId, id } of body.duplicates ?? []) add(externalId, { status: 'duplicate', psaTimeEntryId: id });
	for (const { externalId, error } of body.failed ?? []) {
		add(externalId, { status: 'failed', reason: error ?? 'The PSA refused this entry without a reason' });
	}
	for (const job of chunk) {
		const result = outcomes.get(job.entry.externalId)?.shift();
		results.set(
			job.itemIndex,
			result ?? { status: 'failed', reason: 'The PSA answered the batch without mentioning this entry' },
		);
	}
	return 'done';
}

async function contractExists(ctx: IExecuteFunctions, contractId: string, itemIndex: number): Promise<boolean> {
	const answer = await callPsa(ctx, { endpoint: 'getContract', pathParams: { contractId }, accept: [404], itemIndex });
	return answer.status !== 404;
}
