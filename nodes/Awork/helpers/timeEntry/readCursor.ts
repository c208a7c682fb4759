/**
 * Get Many's "Read After": where a capped read stopped, so the next run goes on from there
 * instead of reading the same oldest entries again (entries the PSA refuses run after run would
 * otherwise fill every run). A cursor is `<startDateUtc>|<id>` of the last entry read, in the
 * read order (startDateUtc as awork serves it, then ID); `start` or empty means from the start.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { isGuid } from '../../transport';
import { utcInstantMs } from './startInstant';

export const CURSOR_AT_START = 'start';

export interface ReadCursor {
	/** startDateUtc of the last entry read, as an instant. */
	startMs: number;
	id: string;
}

/** startDateUtc as awork serves it (either reading), as an instant. */
function servedStartMs(value: unknown): number | undefined {
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? utcInstantMs(value) : undefined;
}

export function readCursorOption(this: IExecuteFunctions, value: unknown, itemIndex: number): ReadCursor | undefined {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value);
	if (text === '' || text === CURSOR_AT_START) return undefined;
	const [start, id] = text.split('|');
	const startMs = servedStartMs(start);
	if (startMs === undefined || !id || !isGuid(id)) {
		throw new NodeOperationError(this.getNode(), `Read After: "${text}" is not a read position`, {
			itemIndex,
			description: `Give "${CURSOR_AT_START}" or <startDateUtc>|<time entry ID> of the last entry read, e.g. 2026-11-30T09:00:00Z|123e4567-e89b-12d3-a456-426614174000.`,
		});
	}
	return { startMs, id: id.toLowerCase() };
}

/** Whether an entry comes after the cursor in the read order. */
export function isAfterCursor(entry: IDataObject, cursor: ReadCursor): boolean {
	const startMs = servedStartMs(entry.startDateUtc);
	if (startMs === undefined) return false;
	if (startMs !== cursor.startMs) return startMs > cursor.startMs;
	return String(entry.id ?? '').toLowerCase() > cursor.id;
}
