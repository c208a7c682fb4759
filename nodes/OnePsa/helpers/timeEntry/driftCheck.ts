/**
 * A `duplicate` answer only says the PSA holds *something* under an externalId. Before such an
 * entry may be marked billed, what the PSA holds (hours, date, contract) is compared with what
 * would be booked now: an entry edited, moved or re-dated after its booking must not be billed
 * at its new value while the PSA invoices the old one. A mismatch leaves the entry unbilled and
 * says both values. Costs one listing per contract (its dates only), plus one lookup per entry
 * the listing did not show (e.g. booked on another contract). Invoice positions are not checked:
 * the positions export keeps its own plan of what each position covers.
 *
 * Opt-in (postCorrections): when only the hours differ, a correction entry books the difference
 * under `<externalId>:correction:<n>` on the same contract and day. The hours the PSA holds are
 * the booking plus its corrections, so a retry finds the correction and posts nothing, and a
 * second one posted at the same time gets the same externalId and is refused as a duplicate.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { fetchAll, filterQuery } from '../../transport';
import type { ExportJob, ExportResult } from './exporter';
import { postSingle } from './postEntry';
import { correctedExternalId, correctionExternalId } from '../../../shared/correctionId';
import { roundTo } from '../../../shared/billing/fields';

/** externalId of the n-th correction of a booking. */

export interface DriftCheckSettings {
	postCorrections: boolean;
	hoursDecimals: number;
}

interface Booked {
	externalId?: unknown;
	id?: unknown;
	contractId?: unknown;
	date?: unknown;
	hours?: unknown;
}

export interface BookingDrift extends IDataObject {
	/** hours: the booking's plus its corrections'. */
	booked: { hours: number | null; date: string | null; contractId: string | null; psaTimeEntryId: string | null; corrections?: number };
	now: { hours: number; date: string; contractId: string };
}

const HOURS_TOLERANCE = 1e-9;

function describeDrift(job: ExportJob, booked: Booked, corrections: Booked[], decimals: number): BookingDrift | undefined {
	const own = typeof booked.hours === 'number' ? booked.hours : Number(booked.hours);
	const hours = roundTo(own + corrections.reduce((sum, correction) => sum + Number(correction.hours), 0), decimals);
	const date = typeof booked.date === 'string' ? booked.date.slice(0, 10) : null;
	const contractId = booked.contractId === undefined || booked.contractId === null ? null : String(booked.contractId);
	const same =
		Number.isFinite(hours) && Math.abs(hours - job.entry.hours) < HOURS_TOLERANCE && date === job.entry.date && contractId === job.contractId;
	if (same) return undefined;
	return {
		booked: {
			hours: Number.isFinite(hours) ? hours : null,
			date,
			contractId,
			psaTimeEntryId: booked.id === undefined ? null : String(booked.id),
			...(corrections.length ? { corrections: corrections.length } : {}),
		},
		now: { hours: job.entry.hours, date: job.entry.date, contractId: job.contractId },
	};
}

function driftReason(externalId: string, drift: BookingDrift): string {
	const { booked, now } = drift;
	return (
		`Changed after booking: The One PSA holds ${booked.hours ?? '?'} h on ${booked.date ?? '?'} (contract ${booked.contractId ?? '?'}) ` +
		`under ${externalId}, awork now has ${now.hours} h on ${now.date} (contract ${now.contractId}). Left unbilled: correct the ` +
		'PSA entry or the awork entry so that they agree, and the next run bills it.'
	);
}

/** Checks every `duplicate` result that is not a replay of this very request; rewrites mismatches as failed. */
export async function checkDuplicatesAgainstPsa(
	ctx: IExecuteFunctions,
	jobs: ExportJob[],
	results: Map<number, ExportResult>,
	settings: DriftCheckSettings = { postCorrections: false, hoursDecimals: 2 },
): Promise<void> {
	const toCheck = jobs.filter((job) => {
		const result = results.get(job.itemIndex);
		return result?.status === 'duplicate' && !result.sameAsRequested && !job.isPosition;
	});
	if (toCheck.length === 0) return;

	const byContract = new Map<string, ExportJob[]>();
	for (const job of toCheck) byContract.set(job.contractId, [...(byContract.get(job.contractId) ?? []), job]);

	for (const [contractId, contractJobs] of byContract) {
		const dates = contractJobs.map((job) => job.entry.date).sort();
		const listed = await fetchAll<Booked>(ctx, {
			endpoint: 'listTimeEntries',
			query: filterQuery('listTimeEntries', { contractId, from: dates[0], to: dates[dates.length - 1] }),
			itemIndex: contractJobs[0].itemIndex,
		});
		const heldHere = new Map<string, Booked>();
		const correctionsOf = new Map<string, Booked[]>();
		for (const booked of listed) {
			if (booked.contractId !== contractId || typeof booked.externalId !== 'string') continue;
			heldHere.set(booked.externalId, booked);
			const corrected = correctedExternalId(booked.externalId);
			if (corrected) correctionsOf.set(corrected, [...(correctionsOf.get(corrected) ?? []), booked]);
		}
		for (const job of contractJobs) {
			const externalId = job.entry.externalId;
			let booked = heldHere.get(externalId);
			if (!booked) {
				// Not on this contract on these dates: moved, re-dated, or the listing is incomplete.
				const found = await fetchAll<Booked>(ctx, { endpoint: 'listTimeEntries', query: filterQuery('listTimeEntries', { externalId }), itemIndex: job.itemIndex }, 2);
				booked = found.find((entry) => entry.externalId === externalId);
			}
			if (!booked) {
				results.set(job.itemIndex, {
					status: 'failed',
					reason: `The One PSA answered that ${externalId} is booked, but does not show that booking; left unbilled until it does`,
				});
				continue;
			}
			const corrections = booked.contractId === contractId ? (correctionsOf.get(externalId) ?? []) : [];
			const drift = describeDrift(job, booked, corrections, settings.hoursDecimals);
			if (!drift) continue;
			const onlyHours = drift.booked.date === drift.now.date && drift.booked.contractId === drift.now.contractId && drift.booked.hours !== null;
			if (settings.postCorrections && onlyHours) {
				results.set(job.itemIndex, await postCorrection(ctx, job, drift, corrections.length + 1, settings.hoursDecimals, results.get(job.itemIndex)!));
				continue;
			}
			results.set(job.itemIndex, { status: 'failed', reason: driftReason(externalId, drift), changedAfterBooking: drift });
		}
	}
}

/** Books the difference as its own entry; the booking then counts as settled at awork's hours. */
async function postCorrection(
	ctx: IExecuteFunctions,
	job: ExportJob,
	drift: BookingDrift,
	n: number,
	decimals: number,
	duplicate: ExportResult,
): Promise<ExportResult> {
	const difference = roundTo(drift.now.hours - drift.booked.hours!, decimals);
	const externalId = correctionExternalId(job.entry.externalId, n);
	const entry = {
		...job.entry,
		externalId,
		hours: difference,
		description: `Correction of ${job.entry.externalId}: awork now has ${drift.now.hours} h, The One PSA had ${drift.booked.hours} h`,
	};
	const answer = await postSingle(ctx, { ...job, entry });
	if (answer.status === 'failed') {
		return {
			status: 'failed',
			reason: `${driftReason(job.entry.externalId, drift)} The correction of ${difference} h (${externalId}) was refused: ${answer.reason ?? 'no reason given'}`,
			changedAfterBooking: drift,
		};
	}
	return {
		...duplicate,
		correction: { externalId, hours: difference, psaTimeEntryId: answer.psaTimeEntryId ?? null, status: answer.status, bookedBefore: drift.booked.hours },
	};
}

