import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { OnePsaOperations } from '../node.type';
import * as get from './get';
import * as getMany from './getMany';

export const operations: OnePsaOperations['contract'] = { get, getMany };

export const description: INodeProperties[] = [
	operationSelector('contract', 'getMany', [
		{ name: 'Get', value: 'get', action: 'Get a contract', description: 'Read one contract' },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many contracts',
			description: 'List or search contracts by company, text and status',
		},
	]),
	...get.description,
	...getMany.description,
];
