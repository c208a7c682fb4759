/** Reading the parameters of every item before a batch operation sends anything. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { asOperationError } from './errors';

export interface ItemReads<T> {
	ok: Array<{ itemIndex: number; value: T }>;
	failed: Array<{ itemIndex: number; error: Error }>;
}

/** Reads every item, collecting errors per item; throws the first one unless Continue On Fail is on. */
export function readEveryItem<T>(context: IExecuteFunctions, items: INodeExecutionData[], read: (itemIndex: number) => T): ItemReads<T> {
	const reads: ItemReads<T> = { ok: [], failed: [] };
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			reads.ok.push({ itemIndex, value: read(itemIndex) });
		} catch (error) {
			if (!context.continueOnFail()) throw asOperationError(context.getNode(), error, itemIndex);
			reads.failed.push({ itemIndex, error: error as Error });
		}
	}
	return reads;
}
