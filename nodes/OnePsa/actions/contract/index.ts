import type { INodeProperties } from 'n8n-workflow';
import type { OnePsaOperations } from '../node.type';
import * as get from './get';
import * as getMany from './getMany';

export const operations: OnePsaOperations['contract'] = { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contract'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a contract', description: 'Read one contract' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many contracts',
				description: 'List or search contracts by company, text and status',
			},
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
