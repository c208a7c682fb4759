import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule } from '../common';
import * as search from './search';

export const operations: Record<string, OperationModule> = { search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [{ name: 'Search', value: 'search', action: 'Search companies', description: 'Find clients by name' }],
		default: 'search',
	},
	...search.description,
];
