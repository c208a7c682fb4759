import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { IdMappingOperations } from '../node.type';
import * as deleteMappings from './delete';
import * as list from './list';
import * as lookupByAworkId from './lookupByAworkId';
import * as lookupByExternalId from './lookupByExternalId';
import * as save from './save';

export const operations: IdMappingOperations['mapping'] = { save, lookupByExternalId, lookupByAworkId, delete: deleteMappings, list };

export const description: INodeProperties[] = [
	operationSelector('mapping', 'lookupByExternalId', [
		{ name: 'Delete', value: 'delete', action: 'Delete mappings', description: 'Remove mappings' },
		{ name: 'Get Many', value: 'list', action: 'Get many mappings', description: 'List all mappings, or those of one namespace' },
		{
			name: 'Look Up by Awork ID',
			value: 'lookupByAworkId',
			action: 'Look up by awork ID',
			description: 'Find the external ID for awork IDs; items leave through Found or Not Found',
		},
		{
			name: 'Look Up by External ID',
			value: 'lookupByExternalId',
			action: 'Look up by external ID',
			description: 'Find the awork ID for external IDs; items leave through Found or Not Found',
		},
		{ name: 'Save', value: 'save', action: 'Save mappings', description: 'Create or update mappings (upsert)' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
