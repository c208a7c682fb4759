/** The resources and operations of the sevDesk node: a misspelt name fails to compile. */
import type { OperationTable } from '../../shared/operations';

export type SevDeskOperationNames = {
	contact: 'get' | 'search';
	invoice: 'addPositions' | 'createDraft' | 'get' | 'getMany';
};

export type SevDeskOperations = OperationTable<SevDeskOperationNames>;
