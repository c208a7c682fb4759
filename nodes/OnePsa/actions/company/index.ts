import type { INodeProperties } from 'n8n-workflow';
import type { OnePsaOperations } from '../node.type';
import * as search from './search';

export const operations: OnePsaOperations['company'] = { search };

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
