import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { OnePsaOperations } from '../node.type';
import * as search from './search';

export const operations: OnePsaOperations['company'] = { search };

export const description: INodeProperties[] = [
	operationSelector('company', 'search', [{ name: 'Get Many', value: 'search', action: 'Get many companies', description: 'Find clients (companies) by name' }]),
	...search.description,
];
