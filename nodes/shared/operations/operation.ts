/**
 * The one shape of an operation of an action node (Awork, The One PSA, ID Mapping): its
 * parameters plus `execute`, declared to run per item or for all items at once.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** Runs once per input item; what it returns becomes that item's output items. */
export interface ItemOperation {
	description: INodeProperties[];
	runs: 'perItem';
	execute: (this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData) => Promise<IDataObject | IDataObject[]>;
}

/**
 * Runs once for all input items (it batches across them, or routes them to several outputs);
 * it sets pairedItem and handles Continue On Fail itself, with `errorItem`.
 */
export interface BatchOperation {
	description: INodeProperties[];
	runs: 'batch';
	execute: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[][]>;
}

export type Operation = ItemOperation | BatchOperation;

/**
 * Which operations each resource has, e.g. `{ project: 'create' | 'get' }`: the node's own type
 * of names, so a misspelt resource or operation fails to compile.
 */
export type OperationNames = Record<string, string>;

/** Every operation module of a node, keyed by resource and operation, as its names demand. */
export type OperationTable<Names extends OperationNames> = {
	[Resource in keyof Names]: { [Name in Names[Resource]]: Operation };
};
