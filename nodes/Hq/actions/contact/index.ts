import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { HqOperations } from '../node.type';
import * as get from './get';
import * as search from './search';

export const operations: HqOperations['contact'] = { get, search };

export const description: INodeProperties[] = [
	operationSelector('contact', 'search', [
		{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Read one HQ company' },
		{ name: 'Get Many', value: 'search', action: 'Get many contacts', description: 'Find HQ companies by name' },
	]),
	...get.description,
	...search.description,
];
