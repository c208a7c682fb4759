import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as getManyOfProject from './getManyOfProject';
import * as getManyOfTask from './getManyOfTask';

export const operations: AworkOperations['comment'] = { getManyOfProject, getManyOfTask };

export const description: INodeProperties[] = [
	operationSelector('comment', 'getManyOfTask', [
		{
			name: 'Get Many of a Project',
			value: 'getManyOfProject',
			action: 'Get many comments of a project',
			description: 'List the comments on one project, oldest first',
		},
		{
			name: 'Get Many of a Task',
			value: 'getManyOfTask',
			action: 'Get many comments of a task',
			description: 'List the comments on one task, oldest first (to post one, use Task > Add Comment)',
		},
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
