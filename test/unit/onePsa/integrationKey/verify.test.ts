import { verifyIntegrationKey } from '../../../../nodes/OnePsa/actions/integrationKey/verify';
import { DEFAULT_TENANT } from '../../../../devkit/fakes/onepsa';
import { runNode } from '../../../../devkit/engine/runNode';
import { OnePsa } from '../../../../nodes/OnePsa/OnePsa.node';
import { OnePsaApi } from '../../../../credentials/OnePsaApi.credentials';
import { psaCredentials } from '../helpers';

const run = (keyToCheck: unknown, input = [{ json: { headers: { 'x-integration-key': 'ignored' } } }], extra = {}) =>
	runNode({
		node: new OnePsa(),
		parameters: { resource: 'integrationKey', operation: 'verify', keyToCheck: keyToCheck as string },
		// No request is made: the credential only supplies the integration key.
		credentials: { onePsaApi: psaCredentials('http://127.0.0.1:9', extra) as never },
		credentialTypes: [new OnePsaApi()],
		input,
	});

describe('The One PSA node: Integration Key > Verify', () => {
	it('says whether the key equals the credential’s integration key, keeping the input fields', async () => {
		const result = await run(DEFAULT_TENANT.integrationKey, [{ json: { params: { projectId: 'p1' } } }] as never);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ params: { projectId: 'p1' }, integrationKeyValid: true }]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('reads the X-Integration-Key header by default', async () => {
		const result = await run('={{ $json.headers["x-integration-key"] }}', [
			{ json: { headers: { 'x-integration-key': DEFAULT_TENANT.integrationKey } } },
			{ json: { headers: { 'x-integration-key': `${DEFAULT_TENANT.integrationKey}x` } } },
			{ json: { headers: {} } },
		] as never);
		expect(result.items.map((item) => [item.json.integrationKeyValid, item.json.integrationKeyProblem])).toEqual([
			[true, undefined],
			[false, 'mismatch'],
			[false, 'missing'],
		]);
	});

	it('never accepts anything when the credential has no integration key', async () => {
		const result = await run('', undefined, { integrationKey: '' });
		expect(result.items[0].json).toMatchObject({ integrationKeyValid: false, integrationKeyProblem: 'notConfigured' });
	});

	it('compares whole keys of any length and type', () => {
		expect(verifyIntegrationKey('abc', 'abc')).toBe('valid');
		expect(verifyIntegrationKey('abcd', 'abc')).toBe('mismatch');
		expect(verifyIntegrationKey('ab', 'abc')).toBe('mismatch');
		expect(verifyIntegrationKey('ABC', 'abc')).toBe('mismatch');
		expect(verifyIntegrationKey(['abc'], 'abc')).toBe('missing');
		expect(verifyIntegrationKey(undefined, 'abc')).toBe('missing');
		expect(verifyIntegrationKey('', '')).toBe('notConfigured');
	});
});
