import type { IHttpRequestOptions } from 'n8n-workflow';
import { OnePsaApi } from '../../../credentials/OnePsaApi.credentials';
import { startFakeOnePsa } from '../../../devkit/fakes/onepsa';

describe('The One PSA API credential', () => {
	const credential = new OnePsaApi();
	const base = { tenantId: 'tenant-1', apiUrl: 'https://api.theonepsa.app', integrationKey: 'ik', apiKey: '', webhookSecret: '' };

	it('sends integration key and tenant, and a Bearer key only when one is set', async () => {
		const withoutKey = await credential.authenticate(base, { url: '/x', headers: { Accept: 'application/json' } });
		expect(withoutKey.headers).toEqual({ Accept: 'application/json', 'X-Integration-Key': 'ik', 'X-Tenant-Id': 'tenant-1' });
		const withKey = await credential.authenticate({ ...base, apiKey: 'tos_abc' }, { url: '/x' });
		expect(withKey.headers).toMatchObject({ Authorization: 'Bearer tos_abc', 'X-Integration-Key': 'ik' });
	});

	it('its test request (GET /api/contracts?pageSize=1) passes against the PSA with good keys only', async () => {
		const psa = await startFakeOnePsa();
		try {
			const request = credential.test.request;
			expect(request).toMatchObject({ url: '/api/contracts', qs: { pageSize: 1 } });
			const send = async (integrationKey: string) => {
				const options = (await credential.authenticate({ ...base, apiUrl: psa.baseUrl, integrationKey }, { url: request.url! })) as IHttpRequestOptions;
				const response = await fetch(`${psa.baseUrl}${request.url}?pageSize=${String((request.qs as { pageSize: number }).pageSize)}`, {
					headers: options.headers as Record<string, string>,
				});
				return response.status;
			};
			expect(await send('psa-integration-key')).toBe(200);
			expect(await send('wrong')).toBe(401);
		} finally {
			await psa.close();
		}
	});
});
