import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { SevDeskOperations } from '../node.type';
import * as addPositions from './addPositions';
import * as createDraft from './createDraft';
import * as get from './get';
import * as getMany from './getMany';

export const operations: SevDeskOperations['invoice'] = { addPositions, createDraft, get, getMany };

export const description: INodeProperties[] = [
	operationSelector('invoice', 'createDraft', [
		{ name: 'Add Positions to Draft', value: 'addPositions', action: 'Add positions to a draft invoice', description: 'Add the input positions to an existing draft invoice' },
		{ name: 'Create Draft From Positions', value: 'createDraft', action: 'Create a draft invoice from positions', description: 'Create one draft invoice from the input positions (replays find it instead)' },
		{ name: 'Get', value: 'get', action: 'Get an invoice', description: 'Get one invoice with its positions' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many invoices', description: 'List invoices, drafts by default' },
	]),
	...addPositions.description,
	...createDraft.description,
	...get.description,
	...getMany.description,
];
