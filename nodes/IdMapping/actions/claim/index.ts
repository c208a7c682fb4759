import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { IdMappingOperations } from '../node.type';
import * as take from './take';

export const operations: IdMappingOperations['claim'] = { take };

export const description: INodeProperties[] = [
	operationSelector('claim', 'take', [
		{
			name: 'Take',
			value: 'take',
			action: 'Take a claim',
			description: 'Claim a named piece of work; items leave through Claimed or Held Elsewhere',
		},
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
