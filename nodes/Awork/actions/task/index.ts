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
		{
			name: 'Add Comment',
			value: 'addComment',
			action: 'Add a comment to a task',
			description: 'Post a comment on a task, optionally only when the task has no comment with that text yet',
		},
		{
			name: 'Add Tag',
			value: 'addTag',
			action: 'Add a tag to a task',
			description: 'Add a tag to a task unless it has it already; outputs the task',
		},
		{
			name: 'Change Status',
			value: 'changeStatus',
			action: 'Change the status of a task',
			description: 'Move a task to the status of a type (e.g. Done) in its project, optionally one with a given name',
		},
		{ name: 'Create', value: 'create', action: 'Create a project task', description: 'Create a task in a task list of a project' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a task',
			description: 'Delete a task, optionally with its time entries (never billed ones); outputs deleted: true and its ID',
		},
		{ name: 'Get', value: 'get', action: 'Get a task', description: 'Retrieve one task, optionally with its custom fields by name' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many tasks of a project', description: 'List the tasks of a project' },
		{
			name: 'Get or Create',
			value: 'createIfMissing',
			action: 'Get or create a project task by name',
			description:
				'Returns the task of this name (or match key) in the task list if there is one (created: false), otherwise creates it (created: true)',
		},
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
		{
			name: 'Set Custom Fields',
			value: 'setCustomFields',
			action: 'Set custom fields of a task',
			description: 'Write values of the task’s custom fields, chosen by name or definition ID',
		},
		{ name: 'Update', value: 'update', action: 'Update a task', description: 'Change the fields you choose; the others keep their values' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
