import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { SevDeskOperations } from '../node.type';
import * as get from './get';
import * as search from './search';

export const operations: SevDeskOperations['contact'] = { get, search };

export const description: INodeProperties[] = [
	operationSelector('contact', 'search', [
		{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Get one contact (customer) by ID' },
		{ name: 'Get Many', value: 'search', action: 'Get many contacts', description: 'Find contacts (customers) by name or customer number' },
	]),
	...get.description,
	...search.description,
];
