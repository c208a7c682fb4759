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
		{
			name: 'Change Status',
			value: 'changeStatus',
			action: 'Change the status of a project',
			description: 'Move a project to another of the workspace’s project statuses',
		},
		{ name: 'Create', value: 'create', action: 'Create a project', description: 'Create a project from scratch or from a project template' },
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a project',
			description: 'Delete a project and its tasks, optionally with its time entries (never billed ones); outputs deleted: true and its ID',
		},
		{ name: 'Get', value: 'get', action: 'Get a project', description: 'Retrieve one project' },
		{
			// Moved to Company > Get Health; shown here only where a workflow already uses it.
			name: 'Get Client Health (Moved to Company)',
			value: 'getClientHealth',
			action: 'Get the health of clients (moved to Company)',
			description: 'The same as Company > Get Health, kept here for workflows that use it',
			displayOptions: { show: { operation: ['getClientHealth'] } },
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many projects', description: 'List projects, filtered by status type, company or name' },
		{
			name: 'Get or Create',
			value: 'createIfMissing',
			action: 'Get or create a project by its key',
			description: 'Returns the project with this key if it exists (created: false), otherwise creates it (created: true)',
		},
		{
			name: 'Set Custom Fields',
			value: 'setCustomFields',
			action: 'Set custom fields of a project',
			description: 'Write values of the project’s custom fields, chosen by name or definition ID',
		},
		{ name: 'Update', value: 'update', action: 'Update a project', description: 'Change the fields you choose; the others keep their values' },
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
