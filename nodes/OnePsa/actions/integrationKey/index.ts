import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { OnePsaOperations } from '../node.type';
import * as verify from './verify';

export const operations: OnePsaOperations['integrationKey'] = { verify };

export const description: INodeProperties[] = [
	operationSelector('integrationKey', 'verify', [
		{
			name: 'Verify',
			value: 'verify',
			action: 'Verify an integration key',
			description: 'Check a key a caller sent against the credential’s integration key (constant time); adds integrationKeyValid',
		},
	]),
	...verify.description,
];
