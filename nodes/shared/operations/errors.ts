/** How any failure of an operation reaches n8n, and the item it becomes under Continue On Fail. */
import {
	NodeApiError,
	NodeOperationError,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

/** Keeps n8n's own node errors (adding the item they concern); anything else becomes a NodeOperationError. */
export function asOperationError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

/**
 * The item a failed input item becomes when "Continue On Fail" is on: the input as it was plus
 * `error`, as n8n's own nodes do, so the next node still sees what failed.
 */
export function errorItem(error: unknown, itemIndex: number, input?: INodeExecutionData): INodeExecutionData {
	return {
		json: { ...(input?.json ?? {}), error: error instanceof Error ? error.message : String(error) },
		pairedItem: { item: itemIndex },
	};
}
