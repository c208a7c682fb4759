/**
 * The one rule for dates a user gives any node of this package: a date or time without an offset
 * is read in the workflow's time zone (the zone n8n's date picker assumes); one with an offset or
 * Z keeps it. Every node reads user-given dates through here, so the rule cannot drift.
 */
import { DateTime } from 'luxon';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** What a value was, when it is not a date; the node error puts the field's name in front. */
export class DateValueError extends Error {}

/** The part of an execution context the readers need (execute and load-options contexts have it). */
export type DateContext = Pick<IExecuteFunctions, 'getNode' | 'getTimezone'>;

export const DATE_EXAMPLES = '2026-03-29, 2026-03-29T14:30 or 2026-03-29T14:30:00+02:00';

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function checkZone(zone: string): void {
	if (!DateTime.local({ zone }).isValid) throw new DateValueError(`the workflow's time zone "${zone}" is not a known time zone`);
}

/** Text in the forms people and n8n write: ISO 8601 first, then SQL style and RFC 2822 / HTTP dates. */
function parseText(text: string, zone: string): DateTime {
	const options = { zone, setZone: true };
	const iso = DateTime.fromISO(text, options);
	if (iso.isValid) return iso;
	const others = [() => DateTime.fromSQL(text, options), () => DateTime.fromRFC2822(text, options), () => DateTime.fromHTTP(text, options)];
	for (const parse of others) {
		const parsed = parse();
		if (parsed.isValid) return parsed;
	}
	// A well-formed date naming a day or time that does not exist (2026-02-30, 25:00) says which part.
	if (iso.invalidReason === 'unit out of range' && iso.invalidExplanation) throw new DateValueError(iso.invalidExplanation);
	throw new DateValueError(`expected an ISO 8601 date such as ${DATE_EXAMPLES}`);
}

/**
 * The instant a user-given value names, or undefined when it is empty. Takes ISO 8601 text (a
 * date, a date and time, with or without an offset), "2026-03-29 14:30", RFC 2822 text, a JS Date
 * or a luxon DateTime (n8n's `$now`). Text without an offset is read in `zone`; text with one keeps
 * its offset (the result's zone is that offset). Throws DateValueError saying what was wrong.
 */
export function parseDate(value: unknown, zone: string): DateTime | undefined {
	if (isEmpty(value)) return undefined;
	checkZone(zone);
	if (DateTime.isDateTime(value)) {
		// n8n's own luxon may be another copy: go through its ISO text, which keeps the offset.
		const own = value.isValid ? DateTime.fromISO(String(value.toISO()), { setZone: true }) : undefined;
		if (!own?.isValid) throw new DateValueError(`is an invalid luxon DateTime (${value.invalidReason ?? 'unknown reason'})`);
		return own;
	}
	if (Object.prototype.toString.call(value) === '[object Date]') {
		const ms = (value as Date).getTime();
		if (Number.isNaN(ms)) throw new DateValueError('is an invalid JavaScript Date');
		// A JS Date is an instant with no zone of its own: show it in the workflow's zone.
		return DateTime.fromMillis(ms, { zone });
	}
	if (typeof value === 'string') return parseText(value.trim(), zone);
	if (typeof value === 'number') throw new DateValueError(`is a number, not a date; give ISO 8601 text such as ${DATE_EXAMPLES}`);
	throw new DateValueError(`is ${Array.isArray(value) ? 'a list' : `of type ${typeof value}`}, not a date; give ISO 8601 text such as ${DATE_EXAMPLES}`);
}

/** The calendar day (YYYY-MM-DD) a value names: as written, in its own offset, or in `zone` when it has none. */
export function parseDay(value: unknown, zone: string): string | undefined {
	return parseDate(value, zone)?.toISODate() ?? undefined;
}

function shown(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (DateTime.isDateTime(value)) return String(value.toISO() ?? value.invalidReason);
	if (Object.prototype.toString.call(value) === '[object Date]') return String(value);
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

/** parseDate in the workflow's time zone; a bad value is a node error naming the field and what was wrong. */
export function readDate(ctx: DateContext, value: unknown, field: string, itemIndex?: number): DateTime | undefined {
	const zone = ctx.getTimezone();
	try {
		return parseDate(value, zone);
	} catch (error) {
		// parseDate only throws DateValueError.
		throw new NodeOperationError(ctx.getNode(), `${field}: ${shown(value)} is not a date: ${(error as Error).message}`, {
			itemIndex,
			description: `Use ISO 8601, e.g. ${DATE_EXAMPLES}. Without an offset it is read in the workflow's time zone (${zone}).`,
		});
	}
}

/**
 * The calendar day (YYYY-MM-DD) the instant `at` falls on in `zone`; by default today, the day an
 * empty date field means. An unknown zone throws DateValueError, as in parseDate, rather than
 * silently giving the day somewhere else.
 */
export function dayIn(zone: string, at: Date = new Date()): string {
	checkZone(zone);
	const day = DateTime.fromJSDate(at, { zone }).toISODate();
	if (!day) throw new DateValueError('the instant is an invalid JavaScript Date');
	return day;
}

/** Today (YYYY-MM-DD) in the workflow's time zone, for a date field left empty; an unknown zone is a node error naming the field. */
export function todayFor(ctx: DateContext, field: string, itemIndex?: number): string {
	const zone = ctx.getTimezone();
	try {
		return dayIn(zone);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${field}: empty means today, but ${(error as Error).message}`, {
			itemIndex,
			description: 'Set the time zone in the workflow settings (or n8n\'s GENERIC_TIMEZONE), or give the date.',
		});
	}
}

/** parseDay in the workflow's time zone, failing like readDate. */
export function readDay(ctx: DateContext, value: unknown, field: string, itemIndex?: number): string | undefined {
	return readDate(ctx, value, field, itemIndex)?.toISODate() ?? undefined;
}

/** An instant as UTC ISO text without milliseconds, e.g. 2026-03-29T00:30:00Z. */
export const utcIso = (at: DateTime) => at.toUTC().toISO({ suppressMilliseconds: true }) as string;
