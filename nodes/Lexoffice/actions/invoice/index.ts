import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { LexofficeOperations } from '../node.type';
import * as addPositionsToDraft from './addPositionsToDraft';
import * as createDraft from './createDraft';
import * as get from './get';
import * as getMany from './getMany';

export const operations: LexofficeOperations['invoice'] = { addPositionsToDraft, createDraft, get, getMany };

export const description: INodeProperties[] = [
	operationSelector('invoice', 'createDraft', [
		{
			name: 'Add Positions to Draft',
			value: 'addPositionsToDraft',
			action: 'Add positions to a draft',
			description: 'Not possible in Lexoffice (its API cannot change an invoice): fails with a link to the draft',
		},
		{
			name: 'Create Draft From Positions',
			value: 'createDraft',
			action: 'Create a draft from positions',
			description: 'Make one draft invoice per contact from the positions To Invoice Positions outputs; a replay finds it',
		},
		{ name: 'Get', value: 'get', action: 'Get an invoice', description: 'Read one invoice with its positions' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many invoices', description: 'List invoices, drafts by default' },
	]),
	...addPositionsToDraft.description,
	...createDraft.description,
	...get.description,
	...getMany.description,
];
