/**
 * Integration Key > Verify: checks the key a caller sent (e.g. the X-Integration-Key header of a
 * Webhook request from The One PSA) against the credential's integration key, in constant time,
 * so a workflow serving the PSA never holds a copy of the key.
 */
import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { oncePerNodeRun } from '../../../shared/perNodeRun';
import { showFor } from '../../descriptions';

export const description: INodeProperties[] = [
	{
		displayName: 'Key to Check',
		name: 'keyToCheck',
		type: 'string',
		default: '={{ $json.headers["x-integration-key"] }}',
		description:
			'The key the caller sent, usually the X-Integration-Key header of the Webhook request. The output says whether it equals the credential’s integration key (integrationKeyValid).',
		displayOptions: showFor('integrationKey', 'verify'),
	},
];

export type KeyVerdict = 'valid' | 'missing' | 'mismatch' | 'notConfigured';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares in time independent of where the keys differ (equal-length digests, timingSafeEqual). */
export function verifyIntegrationKey(sent: unknown, configured: unknown): KeyVerdict {
	const expected = typeof configured === 'string' ? configured : '';
	const given = typeof sent === 'string' ? sent : '';
	const equal = timingSafeEqual(digest(given), digest(expected));
	if (expected === '') return 'notConfigured';
	if (given === '') return 'missing';
	return equal ? 'valid' : 'mismatch';
}

const credentialsOfRun = oncePerNodeRun(async (context: IExecuteFunctions) => await context.getCredentials('onePsaApi'));

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<IDataObject> {
	const credentials = await credentialsOfRun(this);
	const verdict = verifyIntegrationKey(this.getNodeParameter('keyToCheck', itemIndex, ''), credentials.integrationKey);
	const result: IDataObject = { ...item.json, integrationKeyValid: verdict === 'valid' };
	if (verdict !== 'valid') result.integrationKeyProblem = verdict;
	return result;
}
