/** The resources and operations of The One PSA node: a misspelt name fails to compile. */
import type { OperationTable } from '../../shared/operations';

export type OnePsaOperationNames = {
	company: 'search';
	contract: 'get' | 'getMany';
	integrationKey: 'verify';
	quote: 'readApproval';
	ticket: 'addLink' | 'create' | 'get' | 'removeLink' | 'search' | 'update';
	timeEntry: 'exportToContract' | 'findByExternalId' | 'getMany';
};

export type OnePsaOperations = OperationTable<OnePsaOperationNames>;
