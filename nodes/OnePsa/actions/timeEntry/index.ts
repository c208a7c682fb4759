import type { INodeProperties } from 'n8n-workflow';
import type { OperationModule } from '../common';
import * as exportToContract from './exportToContract';
import * as getMany from './getMany';

export const operations: Record<string, OperationModule> = { exportToContract, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['timeEntry'] } },
		options: [
			{
				name: 'Export to Contract',
				value: 'exportToContract',
				action: 'Export time entries to a contract',
				description: 'Book awork time entries on PSA contracts, each exactly once',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many time entries',
				description: 'Read booked entries by contract, external ID or dates',
			},
		],
		default: 'exportToContract',
	},
	...exportToContract.description,
	...getMany.description,
];
