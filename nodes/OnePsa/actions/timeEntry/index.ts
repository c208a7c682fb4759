import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { OnePsaOperations } from '../node.type';
import * as exportToContract from './exportToContract';
import * as findByExternalId from './findByExternalId';
import * as getMany from './getMany';

export const operations: OnePsaOperations['timeEntry'] = { exportToContract, findByExternalId, getMany };

export const description: INodeProperties[] = [
	operationSelector('timeEntry', 'exportToContract', [
		{
			name: 'Export to Contract',
			value: 'exportToContract',
			action: 'Export time entries to a contract',
			description: 'Book awork time entries on PSA contracts, each exactly once',
		},
		{
			name: 'Find by External ID',
			value: 'findByExternalId',
			action: 'Find a time entry by external ID',
			description: 'Add the entry booked under an external ID (or null) to each item, e.g. to check a write landed',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many time entries',
			description: 'Read booked entries by contract, external ID or dates',
		},
	]),
	...exportToContract.description,
	...findByExternalId.description,
	...getMany.description,
];
