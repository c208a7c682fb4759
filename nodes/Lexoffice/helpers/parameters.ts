/** Parameter readers the Lexoffice operations share, each failing with an error that names the parameter. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export { readLocator } from '../../shared/operations';

const GERMAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) an instant falls on in Germany, where Lexware keeps its books. */
export const germanDay = (at: Date) => GERMAN_DAY.format(at);

/** Today as YYYY-MM-DD, in Germany. */
export const today = (now = new Date()) => germanDay(now);

/** A date parameter as the day it names (YYYY-MM-DD); empty gives `fallback`. */
export function readDay(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number, fallback: string): string {
	const text = String(value ?? '').trim();
	if (!text) return fallback;
	// The day as the user wrote it: converting to UTC first could move it to the day before.
	const day = /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0];
	if (!day || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is not a date: ${JSON.stringify(text)}`, {
			itemIndex,
			description: 'Use a date such as 2026-06-01.',
		});
	}
	return day;
}

/** A day as Lexware's timestamp (exactly three millisecond digits): midnight UTC is the same day in Germany. */
export const lexofficeTimestamp = (day: string) => `${day}T00:00:00.000Z`;

/** Lexware's search strings: `&`, `<`, `>` HTML-encoded before URL encoding [docs]. */
export const searchText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
