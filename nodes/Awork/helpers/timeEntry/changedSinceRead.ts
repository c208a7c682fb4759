/**
 * Mark Billed's option "Leave Unbilled If Changed Since": an entry awork changed after the export
 * read it may no longer match what the PSA booked (hours corrected, re-dated, moved, made
 * non-billable). Such an entry is left unbilled in this run; the next run finds the PSA's booking
 * as a duplicate and compares it with the entry as it is then. Costs one filtered read of the
 * entries changed since the run started (normally one page).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { aworkRequestAllPages } from '../../transport';
import { datetime, ge } from '../../transport/filter';
import { readDate } from '../../../shared/dates';
import { entryNow } from './entryNow';

/** awork stamps updatedOn with its own clock; this much difference from n8n's is allowed for. */
export const CLOCK_ALLOWANCE_MS = 60_000;

/** The option's instant, less the clock allowance; undefined when the option is empty. */
export function readChangedSince(this: IExecuteFunctions, value: unknown): Date | undefined {
	const since = readDate(this, value, 'Leave Unbilled If Changed Since');
	return since ? new Date(since.toMillis() - CLOCK_ALLOWANCE_MS) : undefined;
}

/** The entries among `ids` (lower case) that awork changed at or after `since`, as awork has them now. */
export async function findChangedSince(this: IExecuteFunctions, ids: readonly string[], since: Date): Promise<Map<string, IDataObject>> {
	const wanted = new Set(ids);
	const changed = (await aworkRequestAllPages.call(this, '/timeentries', {
		filter: ge('updatedOn', datetime(since)),
		orderBy: 'updatedOn,id',
		keep: (entry) => wanted.has(String((entry as IDataObject).id ?? '').toLowerCase()),
	})) as IDataObject[];
	return new Map(changed.map((entry) => [String(entry.id).toLowerCase(), entry]));
}

/** What the report says about an entry left unbilled because it changed while it was exported. */
export function describeChangedEntry(entry: IDataObject): IDataObject {
	return { ...entryNow(entry), changedAt: typeof entry.updatedOn === 'string' ? entry.updatedOn : null };
}
