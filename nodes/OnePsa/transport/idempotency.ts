import { createHash } from 'crypto';

/** JSON with object keys sorted, so equal content always gives equal text. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * An Idempotency-Key derived from what a request does: the same content gives the same key, so
 * a retry, or a re-run within the PSA's 24 hours, is answered from its cache instead of repeated.
 */
export function idempotencyKeyFor(purpose: string, content: unknown): string {
	const digest = createHash('sha256').update(`${purpose}\n${stableJson(content)}`).digest('hex');
	return `n8n-${purpose}-${digest.slice(0, 48)}`;
}
