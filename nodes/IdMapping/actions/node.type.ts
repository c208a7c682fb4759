/** The resources and operations of the ID Mapping node: a misspelt name fails to compile. */
import type { OperationTable } from '../../shared/operations';

export type IdMappingOperationNames = {
	mapping: 'delete' | 'list' | 'lookupByAworkId' | 'lookupByExternalId' | 'save';
	checkpoint: 'get' | 'set';
	claim: 'take';
};

export type IdMappingOperations = OperationTable<IdMappingOperationNames>;
