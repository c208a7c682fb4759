import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as get from './get';
import * as searchByEmail from './searchByEmail';

export const operations: AworkOperations['user'] = { get, searchByEmail };

export const description: INodeProperties[] = [
	operationSelector('user', 'get', [
		{ name: 'Get', value: 'get', action: 'Get a user', description: 'Get one user of the workspace, with contact infos, tags and teams' },
		{
			name: 'Search by Email',
			value: 'searchByEmail',
			action: 'Search users by email',
			description: 'Find the users with this email address (ignoring case); returns no item when none has it',
		},
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
