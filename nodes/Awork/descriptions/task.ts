/** Task parameters several task operations share. */
import type { INodeProperties } from 'n8n-workflow';
import { taskLocator } from './index';

/** The task picker (From List, By URL, By ID); a plain ID saved by older versions still runs. */
export const taskIdProperty: INodeProperties = taskLocator;

export const TASK_STATUS_TYPES = [
	{ name: 'Done', value: 'done' },
	{ name: 'In Progress', value: 'progress' },
	{ name: 'In Review', value: 'review' },
	{ name: 'Stuck', value: 'stuck' },
	{ name: 'To Do', value: 'todo' },
];
