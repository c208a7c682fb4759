import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as addComment from './addComment';
import * as changeStatus from './changeStatus';
import * as create from './create';
import * as createIfMissing from './createIfMissing';
import * as get from './get';
import * as getMany from './getMany';
import * as setCustomFields from './setCustomFields';
import * as update from './update';

export const operations: AworkOperations['task'] = { addComment, create, createIfMissing, get, getMany, update, changeStatus, setCustomFields };

export const description: INodeProperties[] = [
	operationSelector('task', 'create', [
		{ name: 'Add Comment', value: 'addComment', action: 'Add a comment to a task' },
		{ name: 'Change Status', value: 'changeStatus', action: 'Change the status of a task' },
		{ name: 'Create', value: 'create', action: 'Create a project task' },
		{ name: 'Create If Missing', value: 'createIfMissing', action: 'Create a project task unless the list has one of that name' },
		{ name: 'Get', value: 'get', action: 'Get a task' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many tasks of a project' },
		{ name: 'Set Custom Fields', value: 'setCustomFields', action: 'Set custom fields of a task' },
		{ name: 'Update', value: 'update', action: 'Update a task' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
