/** Task parameters several task operations share. */
import type { INodeProperties } from 'n8n-workflow';

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 123e4567-e89b-12d3-a456-426614174000',
};

export const TASK_STATUS_TYPES = [
	{ name: 'Done', value: 'done' },
	{ name: 'In Progress', value: 'progress' },
	{ name: 'In Review', value: 'review' },
	{ name: 'Stuck', value: 'stuck' },
	{ name: 'To Do', value: 'todo' },
];
