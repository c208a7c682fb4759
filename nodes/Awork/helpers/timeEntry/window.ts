/** The time window of a time entry read: validated and normalised to UTC with luxon. */
import { DateTime } from 'luxon';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export interface TimeWindow {
	from?: DateTime;
	to?: DateTime;
}

function parse(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed =
		value instanceof Date
			? DateTime.fromJSDate(value)
			: DateTime.isDateTime(value)
				? value
				: DateTime.fromISO(String(value).trim(), { zone: 'utc', setZone: true });
	if (!parsed.isValid) {
		throw new NodeOperationError(this.getNode(), `${field}: "${String(value)}" is not a valid date`, {
			itemIndex,
			description: 'Use an ISO 8601 date such as 2026-01-31 or 2026-01-31T00:00:00Z; dates without an offset are read as UTC.',
		});
	}
	return parsed.toUTC();
}

/** Reads Start From (inclusive) and Start Before (exclusive); the window must not be empty. */
export function readTimeWindow(
	this: IExecuteFunctions,
	fromValue: unknown,
	toValue: unknown,
	itemIndex: number,
	labels: { from: string; to: string } = { from: 'Start From', to: 'Start Before' },
): TimeWindow {
	const from = parse.call(this, fromValue, labels.from, itemIndex);
	const to = parse.call(this, toValue, labels.to, itemIndex);
	if (from && to && from >= to) {
		throw new NodeOperationError(
			this.getNode(),
			`Start Before (${to.toISO()}) must be later than Start From (${from.toISO()})`,
			{ itemIndex, description: 'The window includes Start From and excludes Start Before, e.g. 2026-01-01 to 2026-02-01 for January.' },
		);
	}
	return { from, to };
}
