import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { IdMappingOperations } from '../node.type';
import * as get from './get';
import * as set from './set';

export const operations: IdMappingOperations['checkpoint'] = { get, set };

export const description: INodeProperties[] = [
	operationSelector('checkpoint', 'get', [
		{ name: 'Get', value: 'get', action: 'Get a checkpoint', description: 'Read where a sync stands' },
		{ name: 'Set', value: 'set', action: 'Set a checkpoint', description: 'Move a checkpoint forward (or back, with Force)' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
