import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as create from './create';
import * as createIfMissing from './createIfMissing';
import * as getMany from './getMany';

export const operations: AworkOperations['taskList'] = { create, createIfMissing, getMany };

export const description: INodeProperties[] = [
	operationSelector('taskList', 'create', [
		{ name: 'Create', value: 'create', action: 'Create a task list' },
		{ name: 'Create If Missing', value: 'createIfMissing', action: 'Create a task list unless the project has one of that name' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many task lists of a project' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
