import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as create from './create';
import * as get from './get';
import * as getMany from './getMany';

export const operations: AworkOperations['company'] = { create, get, getMany };

export const description: INodeProperties[] = [
	operationSelector('company', 'get', [
		{ name: 'Create', value: 'create', action: 'Create a company' },
		{ name: 'Get', value: 'get', action: 'Get a company' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many companies' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
