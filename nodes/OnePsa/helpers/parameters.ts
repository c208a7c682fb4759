/** Parameter readers the PSA operations share, each failing with an error that names the parameter. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { readDate } from '../../shared/dates';

export { readLocator } from '../../shared/operations';

/** A text parameter that must not be empty. */
export function readRequiredText(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is empty`, {
			itemIndex,
			description: `Enter a value for "${label}".`,
		});
	}
	return value;
}

/** A dateTime parameter as a UTC ISO instant; without an offset it is read in the workflow's time zone. */
export function readInstant(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string | undefined {
	return readDate(ctx, value, label, itemIndex)?.toUTC().toISO() ?? undefined;
}
