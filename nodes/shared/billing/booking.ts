/**
 * A booking: what Export to Contract says of one billing record it sent to The One PSA, and what
 * Mark Billed's report reads back from those items. One type for both ends, so the report does
 * not guess at field names. The JSON keeps the field names saved workflows already read.
 */
import type { IDataObject } from 'n8n-workflow';
import { textOrNull } from './fields';

export type BookingStatus = 'created' | 'duplicate' | 'failed';

export interface Booking {
	status: BookingStatus;
	/** An invoice position stands for several entries; its hours are not compared with the PSA's. */
	kind: 'timeEntry' | 'position';
	reason?: string;
	externalId: string | null;
	contractId: string;
	projectId: string | null;
	projectName: string | null;
	/** Seconds of the record (0 when it has none). */
	seconds: number;
	/** The awork time entries the record stands for, booked or not. */
	coveredAworkTimeEntryIds: string[];
	date?: string;
	hours?: number;
	roundedUpFromSeconds?: number;
	psaTimeEntryId?: string;
	changedAfterBooking?: IDataObject;
	correction?: IDataObject;
}

/** The item Export to Contract outputs; `aworkTimeEntryIds` (what Mark Billed bills) only once the PSA holds the record. */
export function bookingJson(booking: Booking): IDataObject {
	const { status, reason, changedAfterBooking, correction, psaTimeEntryId, projectName, ...described } = booking;
	const json: IDataObject = { status, ...described };
	if (projectName !== null) json.projectName = projectName;
	if (psaTimeEntryId !== undefined) json.psaTimeEntryId = psaTimeEntryId;
	if (reason !== undefined) json.reason = reason;
	if (changedAfterBooking !== undefined) json.changedAfterBooking = changedAfterBooking;
	if (correction !== undefined) json.correction = correction;
	json.aworkTimeEntryIds = status === 'created' || status === 'duplicate' ? booking.coveredAworkTimeEntryIds : [];
	return json;
}

/** What the report needs of an input item of Mark Billed (a booking, or any item listing IDs). */
export interface BookingRead {
	status: string | null;
	isPosition: boolean;
	reason: string | null;
	projectId: string | null;
	projectName: string | null;
	contractId: string | null;
	date: string | null;
	seconds: number;
	/** null when the item does not say (the report then takes the IDs it asked to bill). */
	coveredAworkTimeEntryIds: string[] | null;
	changedAfterBooking: IDataObject | null;
	corrected: boolean;
}

const objectOrNull = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : null);

export function readBooking(json: IDataObject): BookingRead {
	return {
		status: textOrNull(json.status),
		isPosition: json.kind === 'position',
		reason: textOrNull(json.reason),
		projectId: textOrNull(json.projectId),
		projectName: textOrNull(json.projectName),
		contractId: textOrNull(json.contractId),
		date: textOrNull(json.date),
		seconds: Number(json.seconds) || 0,
		coveredAworkTimeEntryIds: Array.isArray(json.coveredAworkTimeEntryIds) ? json.coveredAworkTimeEntryIds.map(String) : null,
		changedAfterBooking: objectOrNull(json.changedAfterBooking),
		corrected: objectOrNull(json.correction) !== null,
	};
}
