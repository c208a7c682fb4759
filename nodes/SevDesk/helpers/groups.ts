/**
 * A batch operation's items, grouped by the sevDesk record they go to (a contact for a new draft,
 * an invoice for added positions): one invoice per group, its output paired with all its items.
 */
import { type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { asOperationError, errorItem } from '../../shared/operations';
import type { InvoiceLine } from '../../shared/billing/invoiceLine';
import { lineOf } from './positions';

export interface Group {
	key: string;
	itemIndexes: number[];
	lines: InvoiceLine[];
}

/** Reads the key and line of every item; a failed item fails the run, or becomes its error item under Continue On Fail. */
export function groupItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	keyOf: (itemIndex: number) => string,
): { groups: Group[]; failed: INodeExecutionData[] } {
	const groups = new Map<string, Group>();
	const failed: INodeExecutionData[] = [];
	items.forEach((item, itemIndex) => {
		try {
			const key = keyOf(itemIndex);
			const line = lineOf(ctx, item, itemIndex);
			const group = groups.get(key) ?? { key, itemIndexes: [], lines: [] };
			group.itemIndexes.push(itemIndex);
			group.lines.push(line);
			groups.set(key, group);
		} catch (error) {
			if (!ctx.continueOnFail()) throw asOperationError(ctx.getNode(), error, itemIndex);
			failed.push(errorItem(error, itemIndex, item));
		}
	});
	return { groups: [...groups.values()], failed };
}

/** Runs `write` per group; its result is one item paired with the group's items. */
export async function eachGroup(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	groups: Group[],
	write: (group: Group) => Promise<IDataObject>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (const group of groups) {
		try {
			output.push({ json: await write(group), pairedItem: group.itemIndexes.map((item) => ({ item })) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asOperationError(ctx.getNode(), error, group.itemIndexes[0]);
			for (const itemIndex of group.itemIndexes) output.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	return output;
}
