import type { INodeProperties } from 'n8n-workflow';
import type { IdMappingOperations } from '../node.type';
import * as get from './get';
import * as set from './set';

export const operations: IdMappingOperations['checkpoint'] = { get, set };

export const description: INodeProperties[] = [
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
	...Object.values(operations).flatMap((operation) => operation.description),
];
