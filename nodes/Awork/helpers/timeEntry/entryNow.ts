/**
 * What a report says of a time entry as awork has it now, next to what The One PSA booked:
 * hours (at the PSA's decimals), local day, project and whether it is billable.
 */
import type { IDataObject } from 'n8n-workflow';

export interface EntryNow extends IDataObject {
	hours: number | null;
	date: string | null;
	projectId: string | null;
	isBillable: boolean;
}

export function entryNow(entry: IDataObject, decimals = 2): EntryNow {
	const seconds = Number(entry.duration);
	const start = [entry.startDateLocal, entry.startDateUtc].find((value): value is string => typeof value === 'string' && value !== '');
	return {
		hours: Number.isFinite(seconds) ? Math.round((seconds / 3600) * 10 ** decimals) / 10 ** decimals : null,
		date: start ? start.slice(0, 10) : null,
		projectId: typeof entry.projectId === 'string' && entry.projectId !== '' ? entry.projectId : null,
		isBillable: entry.isBillable === true,
	};
}
