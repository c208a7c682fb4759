import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as deleteProject from './delete';
import * as changeStatus from './changeStatus';
import * as create from './create';
import * as createIfMissing from './createIfMissing';
import * as get from './get';
import * as getClientHealth from './getClientHealth';
import * as getMany from './getMany';
import * as setCustomFields from './setCustomFields';
import * as update from './update';

export const operations: AworkOperations['project'] = {
	create,
	createIfMissing,
	get,
	getMany,
	getClientHealth,
	update,
	changeStatus,
	setCustomFields,
	delete: deleteProject,
};

export const description: INodeProperties[] = [
	operationSelector('project', 'get', [
		{ name: 'Change Status', value: 'changeStatus', action: 'Change the status of a project' },
		{ name: 'Create', value: 'create', action: 'Create a project' },
		{
			name: 'Create If Missing',
			value: 'createIfMissing',
			action: 'Create a project unless its key exists',
			description: 'Returns the project with this key if it exists (created: false), otherwise creates it (created: true)',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a project',
			description: 'Delete a project and its tasks, optionally with its time entries (never billed ones); outputs deleted: true and its ID',
		},
		{ name: 'Get', value: 'get', action: 'Get a project' },
		{
			name: 'Get Client Health',
			value: 'getClientHealth',
			action: 'Get the health of clients',
			description: 'Open, overdue and at-risk projects, progress, overdue milestones and recent activity per client (company)',
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many projects' },
		{ name: 'Set Custom Fields', value: 'setCustomFields', action: 'Set custom fields of a project' },
		{ name: 'Update', value: 'update', action: 'Update a project' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
