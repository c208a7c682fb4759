/**
 * The part of HQ's OData-like filter [docs: developer page] the node sends: `field eq value`
 * joined by `and`; values 'text' (quotes doubled inside), numbers, true/false. Anything else is
 * refused, so a filter the node was not meant to send fails a test.
 */
export type Condition = { field: string; value: string | number | boolean };

export function parseFilter(filter: string): Condition[] {
	const conditions: Condition[] = [];
	let rest = filter.trim();
	while (rest) {
		const match = /^([A-Za-z][\w/]*)\s+eq\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false)(?:\s+and\s+|\s*$)/.exec(rest);
		if (!match) throw new Error(`Cannot read the filter at: ${rest}`);
		const raw = match[2];
		const value = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw === 'true' ? true : raw === 'false' ? false : Number(raw);
		conditions.push({ field: match[1], value });
		rest = rest.slice(match[0].length);
	}
	return conditions;
}

export function matches(record: Record<string, unknown>, conditions: Condition[]): boolean {
	return conditions.every(({ field, value }) => {
		const actual = field.split('/').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), record);
		return actual === value || (typeof value === 'string' && String(actual) === value && typeof actual !== 'object');
	});
}
