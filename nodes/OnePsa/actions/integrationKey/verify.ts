/**
 * Integration Key > Verify: checks the key a caller sent (e.g. the X-Integration-Key header of a
 * Webhook request from The One PSA) against the credential's integration key, in constant time,
 * so a workflow serving the PSA never holds a copy of the key.
 */
import { createHash, timingSafeEqual } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { forEachItem, showFor } from '../common';

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

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const credentials = await this.getCredentials('onePsaApi');
	return await forEachItem(this, items, async (itemIndex) => {
		const verdict = verifyIntegrationKey(this.getNodeParameter('keyToCheck', itemIndex, ''), credentials.integrationKey);
		const result: IDataObject = { ...items[itemIndex].json, integrationKeyValid: verdict === 'valid' };
		if (verdict !== 'valid') result.integrationKeyProblem = verdict;
		return result;
	});
}
