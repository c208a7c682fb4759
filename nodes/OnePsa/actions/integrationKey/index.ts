import type { INodeProperties } from 'n8n-workflow';
import type { OnePsaOperations } from '../node.type';
import * as verify from './verify';

export const operations: OnePsaOperations['integrationKey'] = { verify };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['integrationKey'] } },
		options: [
			{
				name: 'Verify',
				value: 'verify',
				action: 'Verify an integration key',
				description: 'Check a key a caller sent against the credential’s integration key (constant time); adds integrationKeyValid',
			},
		],
		default: 'verify',
	},
	...verify.description,
];
