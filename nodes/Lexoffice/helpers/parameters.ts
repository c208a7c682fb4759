/** Parameter readers the Lexoffice operations share, each failing with an error that names the parameter. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { dayIn, readDay as readDayOf, todayFor } from '../../shared/dates';

export { readLocator } from '../../shared/operations';

/** Where Lexware keeps its books and dates what it records (createdDate). */
const LEXWARE_ZONE = 'Europe/Berlin';

/** The day (YYYY-MM-DD) an instant falls on in Germany; by default today there. */
export const germanDay = (at = new Date()) => dayIn(LEXWARE_ZONE, at);

/** A date parameter as the day it names (YYYY-MM-DD, nodes/shared/dates); empty is today in the workflow's time zone. */
export function readDay(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	return readDayOf(ctx, value, label, itemIndex) ?? todayFor(ctx, label, itemIndex);
}

/** A day as Lexware's timestamp (exactly three millisecond digits): midnight UTC is the same day in Germany. */
export const lexofficeTimestamp = (day: string) => `${day}T00:00:00.000Z`;

/** Lexware's search strings: `&`, `<`, `>` HTML-encoded before URL encoding [docs]. */
export const searchText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
