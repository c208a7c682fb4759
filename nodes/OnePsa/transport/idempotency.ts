import { createHash } from 'crypto';

/**
 * JSON with object keys sorted, so equal content always gives equal text. Built with plain
 * loops: it runs over every booking of a batch (10k entries per run).
 */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) {
		let text = '[';
		for (let i = 0; i < value.length; i++) text += (i ? ',' : '') + stableJson(value[i]);
		return `${text}]`;
	}
	if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		let text = '{';
		for (const key of Object.keys(record).sort()) {
			if (record[key] === undefined) continue;
			text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${stableJson(record[key])}`;
		}
		return `${text}}`;
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
