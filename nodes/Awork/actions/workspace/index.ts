import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import { operations as listOperations, WORKSPACE_LISTS } from '../../helpers/workspaceLists';
import type { AworkOperations } from '../node.type';
import * as createProjectStatus from './createProjectStatus';
import * as createTaskStatus from './createTaskStatus';
import * as createTypeOfWork from './createTypeOfWork';

export const operations: AworkOperations['workspace'] = { ...listOperations, createProjectStatus, createTaskStatus, createTypeOfWork };

const CREATES = [
	{
		name: 'Create Project Status',
		value: 'createProjectStatus' as const,
		action: 'Create a project status',
		description: 'Add a project status to one project; returns the new status',
	},
	{
		name: 'Create Task Status',
		value: 'createTaskStatus' as const,
		action: 'Create a task status',
		description: 'Add a task status to one project; returns the new status',
	},
	{
		name: 'Create Type of Work',
		value: 'createTypeOfWork' as const,
		action: 'Create a type of work',
		description: 'Add a type of work that time can be tracked on; returns it',
	},
];

export const description: INodeProperties[] = [
	operationSelector(
		'workspace',
		'getUsers',
		[
			...CREATES,
			...WORKSPACE_LISTS.map((list) => ({
				name: `Get Many ${list.name}`,
				value: list.operation,
				action: `Get many ${list.name.toLowerCase()}`,
				description: list.description,
			})),
		].sort((a, b) => a.name.localeCompare(b.name)),
	),
	...Object.values(operations).flatMap((operation) => operation.description),
];
