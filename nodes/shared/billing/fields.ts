/** How the billing records read loose JSON: one reading of text, nested objects and hours for all of them. */
import type { IDataObject } from 'n8n-workflow';

/** Trimmed text of a string or finite number; null when empty or anything else. */
export function textOrNull(value: unknown): string | null {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

/** The object under `key`, or an empty one when it is missing or not an object. */
export function nested(source: IDataObject, key: string): IDataObject {
	const value = source[key];
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/** A number rounded half up to `decimals` places: hours as the PSA books them (2 by default). */
export function roundTo(value: number, decimals = 2): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}

/** Seconds as hours, rounded half up to `decimals` places (the PSA books 2). */
export function roundHours(seconds: number, decimals = 2): number {
	return roundTo(seconds / 3600, decimals);
}

/** The YYYY-MM-DD day a date or date-time text starts with, or null. */
export function dayOf(value: string | null): string | null {
	return value ? value.slice(0, 10) : null;
}
