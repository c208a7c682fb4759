import { LexofficePsaApi } from '../../../credentials/LexofficePsaApi.credentials';
import { DEFAULT_LEXOFFICE_KEY, startFakeLexoffice } from '../../../devkit/fakes/lexoffice';

describe('Lexoffice API credential', () => {
	const credential = new LexofficePsaApi();

	it('defaults to the post-rebrand hosts and sends the key as a Bearer token', () => {
		const defaults = Object.fromEntries(credential.properties.map((property) => [property.name, property.default]));
		expect(defaults).toEqual({ apiKey: '', baseUrl: 'https://api.lexware.io', appUrl: 'https://app.lexware.de' });
		expect(credential.authenticate.properties.headers).toEqual({ Authorization: '=Bearer {{$credentials.apiKey}}' });
	});

	it('its test request (GET /v1/profile, no redirects) passes against Lexoffice with a good key only', async () => {
		const lex = await startFakeLexoffice();
		try {
			expect(credential.test.request).toMatchObject({ url: '/v1/profile', method: 'GET', disableFollowRedirect: true });
			const send = async (key: string) => (await fetch(`${lex.baseUrl}${credential.test.request.url}`, { headers: { Authorization: `Bearer ${key}` } })).status;
			expect(await send(DEFAULT_LEXOFFICE_KEY)).toBe(200);
			expect(await send('wrong')).toBe(401);
		} finally {
			await lex.close();
		}
	});
});
