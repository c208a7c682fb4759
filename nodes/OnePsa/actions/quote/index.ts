import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { OnePsaOperations } from '../node.type';
import * as readApproval from './readApproval';

export const operations: OnePsaOperations['quote'] = { readApproval };

export const description: INodeProperties[] = [
	operationSelector('quote', 'readApproval', [
		{
			name: 'Read Approval',
			value: 'readApproval',
			action: 'Read a quote approval',
			description: 'Check a quote.approved webhook field by field and output its quote, company, project key and lines',
		},
	]),
	...readApproval.description,
];
