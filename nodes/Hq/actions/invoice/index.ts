import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { HqOperations } from '../node.type';
import * as addPositions from './addPositions';
import * as createDraft from './createDraft';
import * as get from './get';
import * as getMany from './getMany';

export const operations: HqOperations['invoice'] = { addPositions, createDraft, get, getMany };

export const description: INodeProperties[] = [
	operationSelector('invoice', 'createDraft', [
		{ name: 'Add Positions to Draft', value: 'addPositions', action: 'Add positions to a draft invoice', description: 'Add the input positions to an existing draft invoice' },
		{ name: 'Create Draft From Positions', value: 'createDraft', action: 'Create a draft invoice from positions', description: 'Create one draft invoice from all input positions, or find the one a previous run created' },
		{ name: 'Get', value: 'get', action: 'Get an invoice', description: 'Read one invoice and its positions' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many invoices', description: 'List invoices, by default drafts only' },
	]),
	...addPositions.description,
	...createDraft.description,
	...get.description,
	...getMany.description,
];
