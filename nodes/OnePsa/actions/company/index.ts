import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { OnePsaOperations } from '../node.type';
import * as search from './search';

export const operations: OnePsaOperations['company'] = { search };

export const description: INodeProperties[] = [
	operationSelector('company', 'search', [{ name: 'Search', value: 'search', action: 'Search companies', description: 'Find clients by name' }]),
	...search.description,
];
