/**
 * Builds awork `filterby` expressions from typed, escaped literals. A value can only enter a
 * filter through one of the literal functions below, each of which either produces a
 * well-formed token or throws, so no user value can change the structure of a filter.
 */
import { DateTime } from 'luxon';

export class AworkFilterError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AworkFilterError';
	}
}

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROPERTY_PATTERN = /^[A-Za-z][A-Za-z0-9/]*$/;

export function isGuid(value: unknown): value is string {
	return typeof value === 'string' && GUID_PATTERN.test(value);
}

/** One escaped literal token. Only the functions in this module can make one. */
export class FilterLiteral {
	private constructor(readonly token: string) {}

	/** @internal */
	static of(token: string): FilterLiteral {
		return new FilterLiteral(token);
	}
}

/** A complete filter expression. `compound` marks and/or groups that need parentheses inside others. */
export class AworkFilter {
	private constructor(
		readonly expression: string,
		readonly compound: boolean,
	) {}

	/** @internal */
	static of(expression: string, compound = false): AworkFilter {
		return new AworkFilter(expression, compound);
	}

	get isEmpty(): boolean {
		return this.expression === '';
	}

	toString(): string {
		return this.expression;
	}
}

export function text(value: string): FilterLiteral {
	if (typeof value !== 'string') throw new AworkFilterError(`Expected text for a filter value, got ${typeof value}`);
	return FilterLiteral.of(`'${value.replace(/'/g, "''")}'`);
}

export function guid(value: string): FilterLiteral {
	if (!isGuid(value)) {
		throw new AworkFilterError(
			`"${String(value)}" is not an awork ID; expected a GUID like 123e4567-e89b-12d3-a456-426614174000`,
		);
	}
	return FilterLiteral.of(`guid'${value.toLowerCase()}'`);
}

/** Parses an ISO 8601 date or date-time (or a JS Date); values without an offset are read as UTC. */
export function parseIsoDate(value: string | Date): DateTime {
	const parsed =
		value instanceof Date
			? DateTime.fromJSDate(value, { zone: 'utc' })
			: typeof value === 'string'
				? DateTime.fromISO(value.trim(), { zone: 'utc', setZone: true })
				: DateTime.invalid('not a string');
	if (!parsed.isValid) {
		throw new AworkFilterError(
			`"${String(value)}" is not a valid ISO 8601 date, e.g. 2026-01-31 or 2026-01-31T12:00:00Z`,
		);
	}
	return parsed.toUTC();
}

/** A point in time, normalised to UTC, e.g. datetime'2026-01-31T12:00:00Z'. */
export function datetime(value: string | Date): FilterLiteral {
	return FilterLiteral.of(`datetime'${parseIsoDate(value).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'")}'`);
}

export function number(value: number): FilterLiteral {
	const token = typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
	if (!/^-?\d+(\.\d+)?$/.test(token)) {
		throw new AworkFilterError(`${String(value)} is not a finite number a filter can hold`);
	}
	return FilterLiteral.of(token);
}

export function bool(value: boolean): FilterLiteral {
	if (typeof value !== 'boolean') throw new AworkFilterError(`Expected true or false, got ${String(value)}`);
	return FilterLiteral.of(value ? 'true' : 'false');
}

export const nullValue = FilterLiteral.of('null');

function property(name: string): string {
	if (typeof name !== 'string' || !PROPERTY_PATTERN.test(name)) {
		throw new AworkFilterError(`"${String(name)}" is not a valid awork property name for a filter`);
	}
	return name;
}

function literal(value: FilterLiteral): string {
	if (!(value instanceof FilterLiteral)) {
		throw new AworkFilterError('Filter values must be built with text(), guid(), datetime(), number() or bool()');
	}
	return value.token;
}

function comparison(operator: string) {
	return (name: string, value: FilterLiteral) => AworkFilter.of(`${property(name)} ${operator} ${literal(value)}`);
}

export const eq = comparison('eq');
export const ne = comparison('ne');
export const gt = comparison('gt');
export const ge = comparison('ge');
export const lt = comparison('lt');
export const le = comparison('le');

/** Items whose `name` property contains `value` (awork's argument order: value first). */
export function substringOf(value: FilterLiteral, name: string): AworkFilter {
	return AworkFilter.of(`substringof(${literal(value)},${property(name)})`);
}

export function startsWith(name: string, value: FilterLiteral): AworkFilter {
	return AworkFilter.of(`startswith(${property(name)},${literal(value)})`);
}

export function endsWith(name: string, value: FilterLiteral): AworkFilter {
	return AworkFilter.of(`endswith(${property(name)},${literal(value)})`);
}

type FilterPart = AworkFilter | undefined | null | false;

function join(operator: 'and' | 'or', parts: FilterPart[]): AworkFilter {
	const present = parts.filter((part): part is AworkFilter => part instanceof AworkFilter && !part.isEmpty);
	if (present.length === 0) return AworkFilter.of('');
	if (present.length === 1) return present[0];
	const expression = present.map((part) => (part.compound ? `(${part.expression})` : part.expression)).join(` ${operator} `);
	return AworkFilter.of(expression, true);
}

/** Joins the given conditions with `and`; missing (undefined/false) conditions are skipped. */
export function and(...parts: FilterPart[]): AworkFilter {
	return join('and', parts);
}

export function or(...parts: FilterPart[]): AworkFilter {
	return join('or', parts);
}

export function not(part: AworkFilter): AworkFilter {
	if (part.isEmpty) throw new AworkFilterError('Cannot negate an empty filter');
	return AworkFilter.of(`not (${part.expression})`, true);
}

/**
 * An expert's hand-written filter, kept in its own parentheses. It is checked so it cannot close
 * those parentheses early or leave a string open, which would change the conditions it is ANDed with.
 */
export function raw(expression: string): AworkFilter {
	const trimmed = (expression ?? '').trim();
	if (trimmed === '') return AworkFilter.of('');
	let depth = 0;
	let inString = false;
	for (const char of trimmed) {
		if (char === "'") inString = !inString;
		else if (!inString && char === '(') depth++;
		else if (!inString && char === ')') {
			depth--;
			if (depth < 0) throw new AworkFilterError(`The filter "${trimmed}" closes a parenthesis it never opened`);
		}
	}
	if (inString) throw new AworkFilterError(`The filter "${trimmed}" leaves a quoted text open`);
	if (depth !== 0) throw new AworkFilterError(`The filter "${trimmed}" leaves a parenthesis open`);
	return AworkFilter.of(`(${trimmed})`);
}

/** The expression to send as `filterby`, or undefined when there is nothing to filter. */
export function filterExpression(filter: AworkFilter | string | undefined): string | undefined {
	if (filter === undefined) return undefined;
	const built = typeof filter === 'string' ? raw(filter) : filter;
	return built.isEmpty ? undefined : built.expression;
}
