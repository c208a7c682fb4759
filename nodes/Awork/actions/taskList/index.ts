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
		{ name: 'Create', value: 'create', action: 'Create a task list', description: 'Create a task list in a project' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a task list',
			description: 'Delete a task list, optionally with its tasks; outputs deleted: true and its ID',
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many task lists of a project', description: 'List the task lists of a project' },
		{
			name: 'Get or Create',
			value: 'createIfMissing',
			action: 'Get or create a task list by name',
			description: 'Returns the project’s task list of this name if there is one (created: false), otherwise creates it (created: true)',
		},
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
