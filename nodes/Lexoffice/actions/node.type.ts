/** The resources and operations of the Lexoffice node: a misspelt name fails to compile. */
import type { OperationTable } from '../../shared/operations';

export type LexofficeOperationNames = {
	contact: 'get' | 'search';
	invoice: 'addPositionsToDraft' | 'createDraft' | 'get' | 'getMany';
};

export type LexofficeOperations = OperationTable<LexofficeOperationNames>;
