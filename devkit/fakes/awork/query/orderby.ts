/**
 * awork's `orderby`: `Prop[ asc|desc]` items separated by `,` with no spaces around the commas,
 * nested properties with `/`. Sorting reads each key once per record, then sorts (stable).
 */
import type { Rec } from '../store';
import { parseInstant } from './filter';
import { compilePath, QueryError, type Getter, type ListSpec, type SpecRegistry } from './paths';

const ITEM = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?$/i;

export interface OrderKey {
	get: Getter;
	descending: boolean;
}

export function compileOrderBy(registry: SpecRegistry, spec: ListSpec, input: string): OrderKey[] {
	if (!input.trim()) throw new QueryError('The order expression is empty');
	return input.split(',').map((item) => {
		if (item !== item.trim()) throw new QueryError(`No spaces are allowed around ',' in orderby ('${item}')`);
		const match = ITEM.exec(item);
		if (!match) throw new QueryError(`Invalid order statement '${item}'`);
		return { get: compilePath(registry, spec, match[1].split('/')), descending: (match[2] ?? 'asc').toLowerCase() === 'desc' };
	});
}

/** A comparable form: instants for ISO dates, lower case text (awork's collation ignores case). */
function sortable(raw: unknown): number | string | null {
	if (raw === null || raw === undefined) return null;
	if (typeof raw === 'number') return raw;
	if (typeof raw === 'boolean') return raw ? 1 : 0;
	if (typeof raw === 'string') {
		const instant = /^\d{4}-\d{2}-\d{2}/.test(raw) ? parseInstant(raw) : undefined;
		return instant ?? raw.toLowerCase();
	}
	throw new QueryError('Only simple properties can be used in orderby');
}

function compareSortable(a: number | string | null, b: number | string | null): number {
	if (a === b) return 0;
	if (a === null) return -1; // nulls first, like SQL ascending
	if (b === null) return 1;
	if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
	return a < b ? -1 : 1;
}

export function sortRecords(records: Rec[], keys: OrderKey[]): Rec[] {
	const rows = records.map((rec) => ({ rec, values: keys.map((k) => sortable(k.get(rec))) }));
	rows.sort((x, y) => {
		for (let i = 0; i < keys.length; i++) {
			const c = compareSortable(x.values[i], y.values[i]);
			if (c !== 0) return keys[i].descending ? -c : c;
		}
		return 0;
	});
	return rows.map((row) => row.rec);
}
