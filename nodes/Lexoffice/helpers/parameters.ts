/** Parameter readers the Lexoffice operations share, each failing with an error that names the parameter. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { readDay as readDayOf } from '../../shared/dates';

export { readLocator } from '../../shared/operations';

const GERMAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) an instant falls on in Germany, where Lexware keeps its books. */
export const germanDay = (at: Date) => GERMAN_DAY.format(at);

/** Today as YYYY-MM-DD, in Germany. */
export const today = (now = new Date()) => germanDay(now);

/** A date parameter as the day it names (YYYY-MM-DD, nodes/shared/dates); empty gives `fallback`. */
export function readDay(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number, fallback: string): string {
	return readDayOf(ctx, value, label, itemIndex) ?? fallback;
}

/** A day as Lexware's timestamp (exactly three millisecond digits): midnight UTC is the same day in Germany. */
export const lexofficeTimestamp = (day: string) => `${day}T00:00:00.000Z`;

/** Lexware's search strings: `&`, `<`, `>` HTML-encoded before URL encoding [docs]. */
export const searchText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
