import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as deleteCompany from './delete';
import * as create from './create';
import * as get from './get';
import * as getMany from './getMany';

export const operations: AworkOperations['company'] = { create, get, getMany, delete: deleteCompany };

export const description: INodeProperties[] = [
	operationSelector('company', 'get', [
		{ name: 'Create', value: 'create', action: 'Create a company' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a company',
			description: 'Delete a company; its projects stay without company or move to another; outputs deleted: true and its ID',
		},
		{ name: 'Get', value: 'get', action: 'Get a company' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many companies' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
