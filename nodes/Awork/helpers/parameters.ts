/**
 * Parameter readers shared by the awork operations: IDs, dates, filters and numbers, each
 * failing with an error that names the parameter.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';
import { asOperationError, locatorValue } from '../../shared/operations';
import { DATE_EXAMPLES, readDate, utcIso } from '../../shared/dates';
import { AworkFilterError, isGuid, raw, substringOf, text, type AworkFilter } from '../transport/filter';

/** An optional GUID from a collection value; empty means not set, anything else must be a GUID. */
export function optionalGuid(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string | undefined {
	const id = locatorValue(value);
	if (id === undefined || id === null || (typeof id === 'string' && id.trim() === '')) return undefined;
	if (!isGuid(typeof id === 'string' ? id.trim() : id)) {
		throw new NodeOperationError(this.getNode(), `${field}: "${String(id)}" is not an awork ID`, {
			itemIndex,
			description: 'Use a GUID like 123e4567-e89b-12d3-a456-426614174000, or pick from the list.',
		});
	}
	return (id as string).trim().toLowerCase();
}

/** Reads an ID parameter (resource locator or plain string) and checks it is an awork GUID. */
export function readId(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = typeof value === 'string' ? value.trim() : '';
	if (!isGuid(id)) {
		throw new NodeOperationError(
			this.getNode(),
			`${label}: "${typeof value === 'string' ? value : JSON.stringify(value)}" is not an awork ID`,
			{ itemIndex, description: `Pick the ${label.toLowerCase()} from the list or enter its ID, a GUID like 123e4567-e89b-12d3-a456-426614174000.` },
		);
	}
	return id.toLowerCase();
}

/** Like readId, but an empty value means "not set". */
export function readOptionalId(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string | undefined {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	return readId.call(this, name, label, itemIndex);
}

/** Wraps an expert's raw filter, turning a malformed one into an error that names the option. */
export function readRawFilter(this: IExecuteFunctions, value: unknown, itemIndex: number): AworkFilter | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	try {
		return raw(value);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Raw Filter (Expert): ${(error as Error).message}`, { itemIndex });
	}
}

/** Turns filter-literal errors (bad GUID, bad date) into node errors that name the field. */
export function filterValue<T>(this: IExecuteFunctions, field: string, itemIndex: number, build: () => T): T {
	try {
		return build();
	} catch (error) {
		if (error instanceof AworkFilterError) {
			throw new NodeOperationError(this.getNode(), `${field}: ${error.message}`, { itemIndex });
		}
		throw asOperationError(this.getNode(), error, itemIndex);
	}
}

/** A date parameter as UTC ISO for awork; without an offset it is read in the workflow's time zone. */
export function toAworkDate(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string {
	const parsed = readDate(this, value, field, itemIndex);
	if (!parsed) throw new NodeOperationError(this.getNode(), `${field}: no date given`, { itemIndex, description: `Give a date such as ${DATE_EXAMPLES}.` });
	return utcIso(parsed);
}

/** Drops unset values (undefined, empty text) so awork keeps its defaults for them. */
export function compact(body: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === null || value === '') continue;
		out[key] = value;
	}
	return out;
}

/** Durations: the UI speaks hours or minutes, awork stores seconds. */
export const hoursToSeconds = (hours: number) => Math.round(hours * 3600);
export const minutesToSeconds = (minutes: number) => Math.round(minutes * 60);

export function positiveNumber(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): number {
	const parsed = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(parsed) || parsed < 0) {
		throw new NodeOperationError(this.getNode(), `${field}: "${String(value)}" is not a number of zero or more`, { itemIndex });
	}
	return parsed;
}

/** awork names (projects, tasks, lists, companies) are at most this long. */
export const AWORK_NAME_MAX_LENGTH = 1000;

/** The filter of option "Name Contains"; a text longer than any awork name fails naming the option. */
export function nameContainsFilter(this: IExecuteFunctions, value: unknown, itemIndex: number): AworkFilter | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const wanted = String(value);
	if (wanted.length > AWORK_NAME_MAX_LENGTH) {
		throw new NodeOperationError(this.getNode(), `Name Contains: ${wanted.length.toLocaleString('en')} characters is longer than any awork name can be (${AWORK_NAME_MAX_LENGTH.toLocaleString('en')})`, {
			itemIndex,
			description: 'Search for a shorter part of the name.',
		});
	}
	return substringOf(text(wanted), 'name');
}

