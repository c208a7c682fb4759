import { SevDeskPsaApi } from '../../../credentials/SevDeskPsaApi.credentials';
import { DEFAULT_SEVDESK_TOKEN, startFakeSevDesk } from '../../../devkit/fakes/sevdesk';

describe('sevDesk API credential', () => {
	const credential = new SevDeskPsaApi();

	it('sends the token as it is in Authorization, never with "Bearer"', async () => {
		const plain = await credential.authenticate({ apiToken: ' abc ', baseUrl: '' }, { url: '/x', headers: { Accept: 'application/json' } });
		expect(plain.headers).toEqual({ Accept: 'application/json', Authorization: 'abc' });
		const pasted = await credential.authenticate({ apiToken: 'Bearer abc', baseUrl: '' }, { url: '/x' });
		expect(pasted.headers).toEqual({ Authorization: 'abc' });
	});

	it('its test request (GET /Tools/bookkeepingSystemVersion, no redirects) passes with a good token only', async () => {
		const sevDesk = await startFakeSevDesk();
		try {
			const request = credential.test.request;
			expect(request).toMatchObject({ url: '/Tools/bookkeepingSystemVersion', disableFollowRedirect: true });
			const send = async (apiToken: string) => {
				const options = await credential.authenticate({ apiToken, baseUrl: sevDesk.baseUrl }, { url: request.url! });
				return (await fetch(`${sevDesk.baseUrl}${request.url}`, { headers: options.headers as Record<string, string> })).status;
			};
			expect(await send(DEFAULT_SEVDESK_TOKEN)).toBe(200);
			expect(await send('wrong')).toBe(401);
		} finally {
			await sevDesk.close();
		}
	});
});
