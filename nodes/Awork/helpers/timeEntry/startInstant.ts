/** When a time entry started, and the UTC day of an instant (the readings of awork's *Utc fields: shared/billing/instants.ts). */
import type { IDataObject } from 'n8n-workflow';
import { entryInstantMs, utcInstantMs } from '../../../shared/billing/instants';

// Read by the billing record too, so they live beside it.
export { entryInstantMs, utcInstantMs };

/** When an entry started (see above), or undefined when it has no readable start. */
export function entryStartMs(entry: IDataObject): number | undefined {
	return entryInstantMs(entry, 'start');
}

/** The UTC midnight that starts the day of an instant: the earliest `startDateUtc` under either reading. */
export function startOfUtcDay(ms: number): number {
	return Math.floor(ms / 86_400_000) * 86_400_000;
}
