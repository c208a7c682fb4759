/**
 * What a report says of a time entry as awork has it now, next to what The One PSA booked:
 * hours (at the PSA's decimals), local day, project and whether it is billable.
 */
import type { IDataObject } from 'n8n-workflow';
import { readTimeEntry } from '../../../shared/billing/billingRecord';
import { roundHours } from '../../../shared/billing/fields';

export interface EntryNow extends IDataObject {
	hours: number | null;
	date: string | null;
	projectId: string | null;
	isBillable: boolean;
}

export function entryNow(entry: IDataObject, decimals = 2): EntryNow {
	const record = readTimeEntry(entry);
	return {
		hours: record.seconds === null ? null : roundHours(record.seconds, decimals),
		date: record.date,
		projectId: record.projectId,
		isBillable: entry.isBillable === true,
	};
}
