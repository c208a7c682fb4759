/** The resources and operations of the HQ node: a misspelt name fails to compile. */
import type { OperationTable } from '../../shared/operations';

export type HqOperationNames = {
	contact: 'get' | 'search';
	invoice: 'addPositions' | 'createDraft' | 'get' | 'getMany';
};

export type HqOperations = OperationTable<HqOperationNames>;
