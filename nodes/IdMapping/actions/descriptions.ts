import type { INodeProperties } from 'n8n-workflow';
import * as takeClaim from './claim/take';
import * as getCheckpoint from './checkpoint/get';
import * as setCheckpoint from './checkpoint/set';
import * as deleteMapping from './mapping/delete';
import * as listMappings from './mapping/list';
import * as lookupByAworkId from './mapping/lookupByAworkId';
import * as lookupByExternalId from './mapping/lookupByExternalId';
import * as saveMappings from './mapping/save';
import { storeFields } from './storeFields';

export const properties: INodeProperties[] = [
	...storeFields,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'mapping',
		options: [
			{ name: 'Mapping', value: 'mapping', description: 'Two-way links between external IDs and awork IDs' },
			{ name: 'Checkpoint', value: 'checkpoint', description: 'Named cursors that say how far a sync has gone' },
			{ name: 'Claim', value: 'claim', description: 'Lets one of several executions running at once go on with a piece of work' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'lookupByExternalId',
		displayOptions: { show: { resource: ['mapping'] } },
		options: [
			{ name: 'Delete', value: 'delete', action: 'Delete mappings', description: 'Remove mappings' },
			{ name: 'List', value: 'list', action: 'List mappings', description: 'List all mappings, or those of one namespace' },
			{
				name: 'Lookup by Awork ID',
				value: 'lookupByAworkId',
				action: 'Look up by awork ID',
				description: 'Find the external ID for awork IDs; items leave through Found or Not Found',
			},
			{
				name: 'Lookup by External ID',
				value: 'lookupByExternalId',
				action: 'Look up by external ID',
				description: 'Find the awork ID for external IDs; items leave through Found or Not Found',
			},
			{ name: 'Save', value: 'save', action: 'Save mappings', description: 'Create or update mappings (upsert)' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'get',
		displayOptions: { show: { resource: ['checkpoint'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a checkpoint', description: 'Read where a sync stands' },
			{ name: 'Set', value: 'set', action: 'Set a checkpoint', description: 'Move a checkpoint forward (or back, with Force)' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'take',
		displayOptions: { show: { resource: ['claim'] } },
		options: [
			{
				name: 'Take',
				value: 'take',
				action: 'Take a claim',
				description: 'Claim a named piece of work; items leave through Claimed or Held Elsewhere',
			},
		],
	},
	...saveMappings.description,
	...lookupByExternalId.description,
	...lookupByAworkId.description,
	...deleteMapping.description,
	...listMappings.description,
	...getCheckpoint.description,
	...setCheckpoint.description,
	...takeClaim.description,
];
