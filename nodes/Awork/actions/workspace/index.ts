import type { INodeProperties } from 'n8n-workflow';
import { operations, WORKSPACE_LISTS } from '../../helpers/workspaceLists';

export { operations };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workspace'] } },
		options: [...WORKSPACE_LISTS]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((list) => ({ name: `Get ${list.name}`, value: list.operation, action: `Get ${list.name.toLowerCase()}` })),
		default: 'getUsers',
	},
	...Object.values(operations).flatMap((operation) => operation.description),
];
