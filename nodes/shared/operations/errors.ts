/** How any failure of an operation reaches n8n, and the item it becomes under Continue On Fail. */
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
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

/** Items made by errorItem, so the router can shape them for n8n's error output. */
const ERROR_ITEMS = new WeakSet<INodeExecutionData>();

/**
 * The item a failed input item becomes when "Continue On Fail" is on: the input as it was plus
 * `error`, so the next node still sees what failed. (For On Error = "Continue (using error
 * output)" the router keeps only `error`, see forErrorOutput.)
 */
export function errorItem(error: unknown, itemIndex: number, input?: INodeExecutionData): INodeExecutionData {
	const item: INodeExecutionData = {
		json: { ...(input?.json ?? {}), error: error instanceof Error ? error.message : String(error) },
		pairedItem: { item: itemIndex },
	};
	ERROR_ITEMS.add(item);
	return item;
}

/**
 * n8n sends an item to a node's error output only when its json holds nothing but `error`
 * (`message`, `details`), and then adds the input's json itself. So with that setting error items
 * keep only `error`; the item on the error output is again the input plus `error`.
 */
export function forErrorOutput(context: IExecuteFunctions, outputs: INodeExecutionData[][]): INodeExecutionData[][] {
	if (context.getNode().onError !== 'continueErrorOutput') return outputs;
	return outputs.map((items) =>
		items.map((item) => (ERROR_ITEMS.has(item) ? { ...item, json: { error: item.json.error } } : item)),
	);
}
