import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import { operations, WORKSPACE_LISTS } from '../../helpers/workspaceLists';

export { operations };

export const description: INodeProperties[] = [
	operationSelector(
		'workspace',
		'getUsers',
		[...WORKSPACE_LISTS]
			.sort((a, b) => a.name.localeCompare(b.name))
			.map((list) => ({ name: `Get ${list.name}`, value: list.operation, action: `Get ${list.name.toLowerCase()}` })),
	),
	...Object.values(operations).flatMap((operation) => operation.description),
];
