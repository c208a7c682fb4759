import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as getMany from './getMany';
import * as getOrCreate from './getOrCreate';

export const operations: AworkOperations['customFieldDefinition'] = { getMany, getOrCreate };

export const description: INodeProperties[] = [
	operationSelector('customFieldDefinition', 'getOrCreate', [
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many custom field definitions',
			description: 'List the custom fields defined for projects, for tasks, or both',
		},
		{
			name: 'Get or Create',
			value: 'getOrCreate',
			action: 'Get or create a custom field definition',
			description: 'Returns the field with this name and entity (created: false), or creates it (created: true)',
		},
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
