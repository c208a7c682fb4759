/** A required text parameter, trimmed; empty or longer than awork takes is an error naming the parameter. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

export function requiredText(this: IExecuteFunctions, parameter: string, label: string, maxLength: number, itemIndex: number): string {
	const value = String(this.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (!value) throw new NodeOperationError(this.getNode(), `${label}: awork needs a value here`, { itemIndex });
	if (value.length > maxLength) {
		throw new NodeOperationError(this.getNode(), `${label}: ${value.length} characters is more than awork takes (${maxLength})`, { itemIndex });
	}
	return value;
}
