/**
 * How two checkpoint values compare: as instants when both are ISO 8601 timestamps, as numbers
 * when both are numbers, otherwise as plain strings. Returns <0, 0 or >0 like a sort comparator.
 */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

export type CheckpointKind = 'timestamp' | 'number' | 'string';

export function kindOf(value: string): CheckpointKind {
	if (ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) return 'timestamp';
	if (NUMBER.test(value)) return 'number';
	return 'string';
}

export function compareCheckpoints(a: string, b: string): number {
	const kind = kindOf(a);
	if (kind === kindOf(b)) {
		if (kind === 'timestamp') return Date.parse(a) - Date.parse(b);
		if (kind === 'number') return Number(a) - Number(b);
	}
	return a < b ? -1 : a > b ? 1 : 0;
}
