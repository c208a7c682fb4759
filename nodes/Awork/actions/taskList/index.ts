import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as deleteTaskList from './delete';
import * as create from './create';
import * as createIfMissing from './createIfMissing';
import * as getMany from './getMany';

export const operations: AworkOperations['taskList'] = { create, createIfMissing, getMany, delete: deleteTaskList };

export const description: INodeProperties[] = [
	operationSelector('taskList', 'create', [
		{ name: 'Create', value: 'create', action: 'Create a task list' },
		{ name: 'Create If Missing', value: 'createIfMissing', action: 'Create a task list unless the project has one of that name' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a task list',
			description: 'Delete a task list, optionally with its tasks; outputs deleted: true and its ID',
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many task lists of a project' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
