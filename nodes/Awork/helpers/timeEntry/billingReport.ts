/**
 * Mark Billed's report: one item that says, per project and in total, what the export booked and
 * billed, and every time entry left unbilled with its reason. It is built here, in the node,
 * because an expression that reads thousands of items costs n8n's expression sandbox hundreds of
 * milliseconds per run.
 *
 * The input items are bookings as The One PSA's Export to Contract outputs them, read with the
 * one booking reader (nodes/shared/billing/booking.ts). Other items count as bookings of the IDs
 * read from them. Totals carry the names a run's summary uses (`entriesFound`, `positions`), and
 * projects and failures the project's name, so the workflow only passes them on.
 */
import type { IDataObject } from 'n8n-workflow';
import { readBooking, type BookingRead } from '../../../shared/billing/booking';
import { roundHours } from '../../../shared/billing/fields';
import { describeChangedEntry } from './changedSinceRead';
import type { OutcomeById } from './setIsBilledBatch';

export interface Booking {
	json: IDataObject;
	/** The IDs this item asked to mark billed (lower case). */
	requestedIds: ReadonlySet<string>;
}

interface ProjectTotals {
	projectId: string | null;
	/** The project's name, where the bookings carry it. */
	project: string | null;
	contractId: string | null;
	entries: number;
	seconds: number;
	exported: number;
	alreadyInPsa: number;
	billed: number;
	failed: number;
	withoutContract: number;
	changedAfterBooking: number;
}

/** The booking's side of an entry awork changed while it was exported. */
function bookedSide(booking: BookingRead, coveredCount: number): IDataObject {
	return {
		hours: coveredCount === 1 ? roundHours(booking.seconds) : null,
		date: booking.date,
		projectId: booking.projectId,
		contractId: booking.contractId,
	};
}

function changedWhileExportedReason(status: string | null, drift: IDataObject): string {
	const booked = drift.booked as IDataObject;
	const now = drift.now as IDataObject;
	const inPsa = status === 'created' || status === 'duplicate';
	return (
		`Changed in awork at ${String(now.changedAt ?? '?')}, after this run read it${inPsa ? ` and The One PSA booked ${String(booked.hours ?? '?')} h on ${String(booked.date ?? '?')}` : ''}; ` +
		`awork now has ${String(now.hours ?? '?')} h on ${String(now.date ?? '?')}${now.isBillable ? '' : ', not billable'}. Left unbilled: ` +
		(now.isBillable
			? 'the next run compares it with the PSA\'s booking and bills it if they agree.'
			: 'remove the booking in The One PSA, or make the entry billable again.')
	);
}

export function buildBillingReport(bookings: Booking[], outcomes: OutcomeById, changedEntries: ReadonlyMap<string, IDataObject> = new Map()): IDataObject {
	const projects = new Map<string, ProjectTotals>();
	const failures: IDataObject[] = [];
	const totals = { bookings: bookings.length, positions: 0, timeEntries: 0, exported: 0, alreadyInPsa: 0, markedBilled: 0, failed: 0, withoutContract: 0, changedAfterBooking: 0, corrected: 0 };
	for (const { json, requestedIds } of bookings) {
		const booking = readBooking(json);
		const { status, projectId, contractId, seconds } = booking;
		const covered = booking.coveredAworkTimeEntryIds ?? [...requestedIds];
		if (booking.isPosition) totals.positions += 1;
		const key = projectId ?? 'none';
		let project = projects.get(key);
		if (!project) {
			project = { projectId, project: null, contractId, entries: 0, seconds: 0, exported: 0, alreadyInPsa: 0, billed: 0, failed: 0, withoutContract: 0, changedAfterBooking: 0 };
			projects.set(key, project);
		}
		project.contractId ??= contractId;
		project.project ??= booking.projectName;
		project.entries += covered.length;
		project.seconds += seconds;
		totals.timeEntries += covered.length;
		if (status === 'created') {
			totals.exported += 1;
			project.exported += covered.length;
		}
		if (status === 'duplicate') {
			totals.alreadyInPsa += 1;
			project.alreadyInPsa += covered.length;
			// Booked with other hours, then brought to awork's by a correction entry.
			if (booking.corrected) totals.corrected += 1;
		}
		for (const id of covered) {
			const billing = outcomes.get(id.toLowerCase());
			if (billing?.status === 'ok' && requestedIds.has(id.toLowerCase())) {
				project.billed += 1;
				totals.markedBilled += 1;
				continue;
			}
			const changedEntry = billing?.status === 'changedSinceRead' ? changedEntries.get(id.toLowerCase()) : undefined;
			const drift = changedEntry
				? { booked: bookedSide(booking, covered.length), now: describeChangedEntry(changedEntry) }
				: booking.changedAfterBooking ?? undefined;
			if (drift) {
				project.changedAfterBooking += 1;
				totals.changedAfterBooking += 1;
			}
			if (contractId) {
				project.failed += 1;
				totals.failed += 1;
			} else {
				project.withoutContract += 1;
				totals.withoutContract += 1;
			}
			const notBilled = billing
				? `${billing.status}${billing.error ? ` - ${billing.error}` : ''}`
				: 'not sent';
			failures.push({
				timeEntryId: id,
				projectId,
				...(booking.projectName !== null ? { project: booking.projectName } : {}),
				date: booking.date,
				// A position's hours are not split among its entries.
				hours: covered.length === 1 ? roundHours(seconds) : null,
				reason: changedEntry
					? changedWhileExportedReason(status, drift as IDataObject)
					: status === 'failed' || status === null
						? (booking.reason ?? 'Not exported')
						: billing?.status === 'notFound'
							? `Booked in The One PSA (${status}) but the entry is gone from awork (deleted after it was read?): remove the booking in The One PSA`
							: `Booked in The One PSA (${status}) but awork did not mark it billed: ${notBilled}`,
				...(drift ? { changedAfterBooking: drift } : {}),
			});
		}
	}
	return {
		...totals,
		// The name a run's summary gives the time entries found.
		entriesFound: totals.timeEntries,
		projects: [...projects.values()].map(({ seconds, project: name, projectId, ...project }) => ({
			projectId,
			...(name !== null ? { project: name } : {}),
			...project,
			hours: roundHours(seconds),
		})),
		failures,
	};
}
