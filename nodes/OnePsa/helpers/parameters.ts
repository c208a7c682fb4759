/** Parameter readers the PSA operations share, each failing with an error that names the parameter. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

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

/** A dateTime parameter as an ISO instant; an unreadable value is an error naming the parameter. */
export function readInstant(
	ctx: IExecuteFunctions,
	value: string | undefined,
	label: string,
	itemIndex: number,
): string | undefined {
	if (!value) return undefined;
	const at = new Date(value);
	if (Number.isNaN(at.getTime())) {
		throw new NodeOperationError(ctx.getNode(), `"${label}" is not a date: "${value}"`, {
			itemIndex,
			description: 'Use an ISO date such as 2024-05-31 or 2024-05-31T12:00:00Z.',
		});
	}
	return at.toISOString();
}
