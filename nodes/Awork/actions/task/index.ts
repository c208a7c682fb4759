import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as addTag from './addTag';
import * as deleteTask from './delete';
import * as moveToList from './moveToList';
import * as removeAssignees from './removeAssignees';
import * as setAssignees from './setAssignees';
import * as addComment from './addComment';
import * as changeStatus from './changeStatus';
import * as create from './create';
import * as createIfMissing from './createIfMissing';
import * as get from './get';
import * as getMany from './getMany';
import * as setCustomFields from './setCustomFields';
import * as update from './update';

export const operations: AworkOperations['task'] = { addComment, create, createIfMissing, get, getMany, update, changeStatus, setCustomFields, addTag, setAssignees, removeAssignees, moveToList, delete: deleteTask };

export const description: INodeProperties[] = [
	operationSelector('task', 'create', [
		{ name: 'Add Comment', value: 'addComment', action: 'Add a comment to a task' },
		{
			name: 'Add Tag',
			value: 'addTag',
			action: 'Add a tag to a task',
			description: 'Add a tag to a task unless it has it already; outputs the task',
		},
		{ name: 'Change Status', value: 'changeStatus', action: 'Change the status of a task' },
		{ name: 'Create', value: 'create', action: 'Create a project task' },
		{ name: 'Create If Missing', value: 'createIfMissing', action: 'Create a project task unless the list has one of that name' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a task',
			description: 'Delete a task, optionally with its time entries (never billed ones); outputs deleted: true and its ID',
		},
		{ name: 'Get', value: 'get', action: 'Get a task' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many tasks of a project' },
		{
			name: 'Move to Another Task List',
			value: 'moveToList',
			action: 'Move a task to another task list',
			description: 'Put a task into another list of its project, by default taking it out of its other lists; outputs the task',
		},
		{
			name: 'Remove Assignees',
			value: 'removeAssignees',
			action: 'Remove assignees from a task',
			description: 'Take the chosen users, or everyone, off a task; outputs the task',
		},
		{
			name: 'Set Assignees',
			value: 'setAssignees',
			action: 'Set the assignees of a task',
			description: 'Make the chosen users the task’s only assignees; outputs the task',
		},
		{ name: 'Set Custom Fields', value: 'setCustomFields', action: 'Set custom fields of a task' },
		{ name: 'Update', value: 'update', action: 'Update a task' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
