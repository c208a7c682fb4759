/**
 * When a time entry really started or ended. awork's docs give `startDateUtc` two readings: a full
 * instant (time-tracking guide) or the UTC date at midnight with the time apart in `startTimeUtc`
 * (OpenAPI). The date part of `startDateUtc` plus `startTimeUtc` is right under both; without
 * `startTimeUtc`, `startDateUtc` is taken as the instant. The same holds for `endDateUtc` and `endTimeUtc`.
 */
import type { IDataObject } from 'n8n-workflow';

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/** Milliseconds since the epoch of an entry's start or end, or undefined when it cannot be read. */
export function entryInstantMs(entry: IDataObject, which: 'start' | 'end'): number | undefined {
	const dateValue = entry[`${which}DateUtc`];
	const timeValue = entry[`${which}TimeUtc`];
	const date = typeof dateValue === 'string' ? dateValue.trim() : '';
	if (!date) return undefined;
	const time = typeof timeValue === 'string' ? TIME_OF_DAY.exec(timeValue.trim()) : null;
	if (time && /^\d{4}-\d{2}-\d{2}/.test(date)) {
		const ms = Date.parse(`${date.slice(0, 10)}T${time[1]}:${time[2]}:${time[3] ?? '00'}${time[4] ?? ''}Z`);
		if (!Number.isNaN(ms)) return ms;
	}
	return utcInstantMs(date);
}

/** A date or date-time as awork serves its *Utc fields; one without an offset is UTC, as the name says. */
export function utcInstantMs(value: string): number | undefined {
	const ms = Date.parse(/^\d{4}-\d{2}-\d{2}T[^Z+-]*$/.test(value) ? `${value}Z` : value);
	return Number.isNaN(ms) ? undefined : ms;
}
