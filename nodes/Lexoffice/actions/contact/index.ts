import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { LexofficeOperations } from '../node.type';
import * as get from './get';
import * as search from './search';

export const operations: LexofficeOperations['contact'] = { get, search };

export const description: INodeProperties[] = [
	operationSelector('contact', 'search', [
		{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Read one contact by ID' },
		{ name: 'Get Many', value: 'search', action: 'Get many contacts', description: 'Find contacts by name, email or customer number' },
	]),
	...get.description,
	...search.description,
];
