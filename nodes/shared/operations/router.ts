/**
 * The one router of the action nodes: finds the operation the node is set to and runs it. A
 * per-item operation runs in the item loop here, which owns pairedItem, Continue On Fail and
 * error wrapping; a batch operation gets all items and returns its outputs.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { asOperationError, errorItem, forErrorOutput } from './errors';
import type { ItemOperation, Operation, OperationNames, OperationTable } from './operation';

/** Runs a per-item operation for every input item. */
export async function runPerItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute.call(this, itemIndex, items[itemIndex]);
			for (const json of Array.isArray(result) ? result : [result]) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw asOperationError(this.getNode(), error, itemIndex);
			output.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	return output;
}

export async function routeOperation<Names extends OperationNames>(
	this: IExecuteFunctions,
	operations: OperationTable<Names>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const name = this.getNodeParameter('operation', 0) as string;
	const ofResource = (operations as Record<string, Record<string, Operation> | undefined>)[resource];
	const operation = ofResource && Object.prototype.hasOwnProperty.call(ofResource, name) ? ofResource[name] : undefined;
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${name}" of "${resource}" is not supported`);
	}
	if (operation.runs === 'batch') return forErrorOutput(this, await operation.execute.call(this, items));
	return forErrorOutput(this, [await runPerItem.call(this, operation, items)]);
}
