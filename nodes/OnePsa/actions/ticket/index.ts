import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { OnePsaOperations } from '../node.type';
import * as addLink from './addLink';
import * as create from './create';
import * as get from './get';
import * as removeLink from './removeLink';
import * as search from './search';
import * as update from './update';

export const operations: OnePsaOperations['ticket'] = { addLink, create, get, removeLink, search, update };

export const description: INodeProperties[] = [
	operationSelector('ticket', 'search', [
		{ name: 'Add Link', value: 'addLink', action: 'Add a link to a ticket', description: 'Link a ticket to a record in another system, e.g. an awork task' },
		{ name: 'Create', value: 'create', action: 'Create a ticket', description: 'Escalate work into a new ticket, linked back to its awork task' },
		{ name: 'Get', value: 'get', action: 'Get a ticket', description: 'Read one ticket' },
		{ name: 'Remove Link', value: 'removeLink', action: 'Remove a link from a ticket', description: 'Remove a link to a record in another system' },
		{ name: 'Get Many', value: 'search', action: 'Get many tickets', description: 'Find tickets by number or by title' },
		{ name: 'Update', value: 'update', action: 'Update a ticket', description: 'Change subject, status or priority' },
	]),
	...addLink.description,
	...create.description,
	...get.description,
	...removeLink.description,
	...search.description,
	...update.description,
];
