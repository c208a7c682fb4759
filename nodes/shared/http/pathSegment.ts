/**
 * A value from data placed into a request path. Encoding alone is not enough: `.` and `..` pass
 * encodeURIComponent unchanged, and `/api/contracts/../time-entries` is `/api/time-entries`
 * to every server.
 */
export class PathSegmentError extends Error {
	constructor(
		readonly field: string,
		readonly value: string,
		reason: string,
	) {
		super(`The ${field} ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)} cannot be used in a request path: ${reason}`);
		this.name = 'PathSegmentError';
	}
}

/** C0 and C1 control characters, and DEL (checked by code: a regex of them is its own lint error). */
function hasControlCharacter(value: string): boolean {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
	}
	return false;
}

/** Checks one value and returns it URL-encoded; throws a PathSegmentError naming `field`. */
export function pathSegment(field: string, raw: unknown): string {
	const value = raw === undefined || raw === null ? '' : String(raw);
	if (value.trim() === '') throw new PathSegmentError(field, value, 'it is empty');
	if (value.trim() === '.' || value.trim() === '..') {
		throw new PathSegmentError(field, value, 'it would point the request at another path');
	}
	if (hasControlCharacter(value)) throw new PathSegmentError(field, value, 'it contains control characters');
	return encodeURIComponent(value);
}
