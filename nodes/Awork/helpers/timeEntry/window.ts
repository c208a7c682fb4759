/** The time window of a time entry read: validated and normalised to UTC with luxon. */
import type { DateTime } from 'luxon';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { readDate } from '../../../shared/dates';

export interface TimeWindow {
	from?: DateTime;
	to?: DateTime;
}

/** Reads Start From (inclusive) and Start Before (exclusive); the window must not be empty. */
export function readTimeWindow(
	this: IExecuteFunctions,
	fromValue: unknown,
	toValue: unknown,
	itemIndex: number,
	labels: { from: string; to: string } = { from: 'Start From', to: 'Start Before' },
): TimeWindow {
	const from = readDate(this, fromValue, labels.from, itemIndex)?.toUTC();
	const to = readDate(this, toValue, labels.to, itemIndex)?.toUTC();
	if (from && to && from >= to) {
		throw new NodeOperationError(
			this.getNode(),
			`Start Before (${to.toISO()}) must be later than Start From (${from.toISO()})`,
			{ itemIndex, description: 'The window includes Start From and excludes Start Before, e.g. 2026-01-01 to 2026-02-01 for January.' },
		);
	}
	return { from, to };
}
