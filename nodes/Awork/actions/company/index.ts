import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as deleteCompany from './delete';
import * as create from './create';
import * as get from './get';
import * as getHealth from './getHealth';
import * as getMany from './getMany';

export const operations: AworkOperations['company'] = { create, get, getHealth, getMany, delete: deleteCompany };

export const description: INodeProperties[] = [
	operationSelector('company', 'get', [
		{ name: 'Create', value: 'create', action: 'Create a company', description: 'Create a company (a client) with a name and optional details' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a company',
			description: 'Delete a company; its projects stay without company or move to another; outputs deleted: true and its ID',
		},
		{ name: 'Get', value: 'get', action: 'Get a company', description: 'Retrieve one company' },
		{
			name: 'Get Health',
			value: 'getHealth',
			action: 'Get the health of clients',
			description: 'Open, overdue and at-risk projects, progress, overdue milestones and recent activity per client (company)',
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many companies', description: 'List companies, optionally filtered by name' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
