import { HqPsaApi } from '../../../credentials/HqPsaApi.credentials';
import { HQ_TOKEN, startFakeHq } from '../../../devkit/fakes/hq';

describe('HQ API credential', () => {
	const credential = new HqPsaApi();

	it('signs with a bearer token and tests with GET /v2/Users?top=1, without following redirects', async () => {
		expect(credential.authenticate.properties.headers).toEqual({ Authorization: '=Bearer {{$credentials.apiToken}}' });
		expect(credential.test.request).toMatchObject({ url: '/v2/Users', qs: { top: 1 }, disableFollowRedirect: true });
		const hq = await startFakeHq();
		try {
			const send = async (token: string) => (await fetch(`${hq.baseUrl}/v2/Users?top=1`, { headers: { Authorization: `Bearer ${token}` } })).status;
			expect(await send(HQ_TOKEN)).toBe(200);
			expect(await send('wrong')).toBe(401);
		} finally {
			await hq.close();
		}
	});
});
