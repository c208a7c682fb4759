/**
 * Match Key: a key of the user's (e.g. the ID of a PSA line or time entry) written into a text
 * field of what an operation creates, as "[match key: …]", so a repeated run finds that record
 * again instead of creating a second one. awork has no external-ID field on tasks or time entries.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

const MATCH_KEY = /^[A-Za-z0-9_.:#/-]{1,200}$/;

/** The Match Key parameter; `describe` says what it identifies and where it is written. */
export function matchKeyProperty(description: string, placeholder: string): INodeProperties {
	return { displayName: 'Match Key', name: 'matchKey', type: 'string', default: '', placeholder, description };
}

/** The text a record carries for its match key. */
export function matchKeyMarker(key: string): string {
	return `[match key: ${key}]`;
}

/** Appends the key's marker to a text (a description or note), on its own paragraph. */
export function withMatchKey(text: unknown, key: string): string {
	const marker = matchKeyMarker(key);
	return text ? `${String(text)}\n\n${marker}` : marker;
}

/** The Match Key parameter, checked; undefined when empty. */
export function readMatchKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const raw = this.getNodeParameter('matchKey', itemIndex, '') as unknown;
	const key = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!key) return undefined;
	if (!MATCH_KEY.test(key)) {
		throw new NodeOperationError(this.getNode(), `Match Key: "${key.slice(0, 60)}" is not a valid match key`, {
			itemIndex,
			description: 'Use 1-200 letters, digits or _ . : # / -, e.g. psa-line-L-17 (hash IDs that hold other characters).',
		});
	}
	return key;
}
