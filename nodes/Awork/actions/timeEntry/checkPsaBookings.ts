/**
 * Time Entry > Check PSA Bookings: reconciliation. The input items are bookings read back from The
 * One PSA (its Time Entry > Get Many: externalId, id, contractId, date, hours). Each booking whose
 * externalId is an awork time entry ID is compared with that entry as awork has it now. Output: one
 * item per booking a person must look at: the entry was deleted, made non-billable, or changed
 * after it was billed. Entries still unbilled are the export's to settle (it compares them with
 * the PSA's booking itself), and externalIds that are not awork IDs (invoice positions) are skipped.
 * A booking's hours include its correction entries (`<ID>:correction:<n>`).
 * Costs one paged read of the bookings' days (a day more on each side, for time zones), plus one
 * request per 40 bookings not found there (deleted, or moved to another day).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { aworkRequestAllPages, isGuid } from '../../transport';
import { and, datetime, eq, ge, guid, lt, or } from '../../transport/filter';
import { forOperation } from '../../descriptions';
import { correctedExternalId } from '../../../shared/correctionId';
import { roundTo } from '../../../shared/billing/fields';
import { entryNow } from '../../helpers/timeEntry/entryNow';

/** IDs per read: `id eq guid'…'` 40 times keeps the URL near 2 KB. */
export const IDS_PER_READ = 40;

/** Bookings spread over more days than this are read by ID only: a read of every day would be larger. */
export const MAX_DAYS_READ_BY_DATE = 31;

const DAY_MS = 86_400_000;

export type BookingProblem = 'deletedInAwork' | 'notBillableInAwork' | 'changedAfterBilling';

export const description = forOperation('timeEntry', 'checkPsaBookings', [
	{
		displayName: 'Hours Decimals',
		name: 'hoursDecimals',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 4 },
		default: 2,
		description: 'Decimals the PSA booked hours with (as set in The One PSA\'s Export to Contract): hours that differ by less than half of the last decimal match',
	},
]);

interface Booking {
	itemIndex: number;
	externalId: string;
	json: IDataObject;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

/** The awork entries of these bookings: by their days first, the rest by ID. */
async function readEntries(this: IExecuteFunctions, bookings: Booking[]): Promise<Map<string, IDataObject>> {
	const wanted = new Set(bookings.map((booking) => booking.externalId));
	const found = new Map<string, IDataObject>();
	const days = bookings.map((booking) => Date.parse(`${text(booking.json.date)?.slice(0, 10) ?? ''}T00:00:00Z`)).filter((ms) => !Number.isNaN(ms));
	if (days.length) {
		const first = Math.min(...days);
		const last = Math.max(...days);
		if ((last - first) / DAY_MS <= MAX_DAYS_READ_BY_DATE) {
			// The PSA's date is the local day; a day more on each side covers every time zone.
			const entries = (await aworkRequestAllPages.call(this, '/timeentries', {
				filter: and(ge('startDateUtc', datetime(new Date(first - DAY_MS))), lt('startDateUtc', datetime(new Date(last + 2 * DAY_MS)))),
				orderBy: 'startDateUtc,id',
				keep: (entry) => wanted.has(String((entry as IDataObject).id ?? '').toLowerCase()),
			})) as IDataObject[];
			for (const entry of entries) found.set(String(entry.id).toLowerCase(), entry);
		}
	}
	const missing = [...wanted].filter((id) => !found.has(id));
	for (let start = 0; start < missing.length; start += IDS_PER_READ) {
		const chunk = missing.slice(start, start + IDS_PER_READ);
		const entries = (await aworkRequestAllPages.call(this, '/timeentries', {
			filter: or(...chunk.map((id) => eq('id', guid(id)))),
		})) as IDataObject[];
		for (const entry of entries) found.set(String(entry.id).toLowerCase(), entry);
	}
	return found;
}

function describeProblem(booking: Booking, entry: IDataObject | undefined, decimals: number): { problem: BookingProblem; now: IDataObject | null } | undefined {
	if (!entry) return { problem: 'deletedInAwork', now: null };
	const seconds = Number(entry.duration);
	const now = { ...entryNow(entry, decimals), isBilled: entry.isBilled === true };
	if (!now.isBillable) return { problem: 'notBillableInAwork', now };
	// Unbilled: the export posts it, finds this booking as a duplicate and compares it then.
	if (!now.isBilled) return undefined;
	const booked = Number(booking.json.hours);
	const unit = 1 / 10 ** decimals;
	// An entry under the PSA's precision is booked as its smallest unit.
	const hoursMatch = Math.abs(booked - seconds / 3600) < unit / 2 + 1e-9 || (booked === unit && seconds > 0 && seconds / 3600 < unit);
	const dateMatch = text(booking.json.date)?.slice(0, 10) === now.date;
	return hoursMatch && dateMatch ? undefined : { problem: 'changedAfterBilling', now };
}

const ADVICE: Record<BookingProblem, string> = {
	deletedInAwork: 'the awork time entry was deleted: remove the booking in The One PSA, or track the time again in awork',
	notBillableInAwork: 'the awork time entry is not billable now: remove the booking in The One PSA, or make the entry billable again',
	changedAfterBilling: 'the awork time entry was changed after it was billed: correct the booking in The One PSA or the entry in awork',
};

export const runs = 'batch';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const decimals = Math.max(0, Math.min(4, Math.floor(Number(this.getNodeParameter('hoursDecimals', 0, 2)))));
	const bookings: Booking[] = [];
	// Correction entries (Export to Contract's "Post a Correction") add to their booking's hours.
	const correctionHours = new Map<string, number>();
	items.forEach((item, itemIndex) => {
		const externalId = text(item.json.externalId)?.trim().toLowerCase();
		const corrected = externalId ? correctedExternalId(externalId) : undefined;
		if (corrected && isGuid(corrected)) {
			correctionHours.set(corrected, (correctionHours.get(corrected) ?? 0) + (Number(item.json.hours) || 0));
		} else if (externalId && isGuid(externalId)) bookings.push({ itemIndex, externalId, json: item.json });
	});
	for (const booking of bookings) {
		const extra = correctionHours.get(booking.externalId);
		if (extra) booking.json = { ...booking.json, hours: roundTo(Number(booking.json.hours) + extra, decimals) };
	}
	const entries = await readEntries.call(this, bookings);
	const output: INodeExecutionData[] = [];
	for (const booking of bookings) {
		const found = describeProblem(booking, entries.get(booking.externalId), decimals);
		if (!found) continue;
		const booked = { psaTimeEntryId: text(booking.json.id), contractId: text(booking.json.contractId), date: text(booking.json.date)?.slice(0, 10) ?? null, hours: Number(booking.json.hours) };
		output.push({
			json: {
				timeEntryId: booking.externalId,
				problem: found.problem,
				booked,
				now: found.now,
				reason: `The One PSA holds ${booked.hours} h on ${booked.date ?? '?'} (contract ${booked.contractId ?? '?'}, entry ${booked.psaTimeEntryId ?? '?'}), but ${ADVICE[found.problem]}.`,
			},
			pairedItem: { item: booking.itemIndex },
		});
	}
	return [output];
}
