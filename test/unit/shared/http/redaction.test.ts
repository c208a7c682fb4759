/**
 * Attack: a key pasted into a URL field of a credential (as the whole value, as user:password@,
 * in the query or the path). Error messages echoed the URL verbatim into execution data; now
 * they show the origin, and the path only when it is the one the API expects.
 */
import { aworkRequest } from '../../../../nodes/Awork/transport';
import { callN8nApi } from '../../../../nodes/IdMapping/transport/n8nApi';
import { callPsa } from '../../../../nodes/OnePsa/transport';
import { urlForMessages } from '../../../../nodes/shared/http';
import { closedPort, errorText, runAworkProbe, runN8nApiProbe, runPsaProbe } from './hostile';

const SECRET = 'sk_live_PASTEDKEY123';

describe('credential URLs in error messages', () => {
	it('urlForMessages keeps the origin and an expected path, nothing else', () => {
		expect(urlForMessages(`https://user:${SECRET}@api.example.com/api/v1?key=${SECRET}#x`, /^\/api\/v1$/)).toBe('https://api.example.com/api/v1');
		expect(urlForMessages(`https://api.example.com/${SECRET}/api/v1`, /^\/api\/v1$/)).toBe('https://api.example.com/…');
		expect(urlForMessages(`https://api.example.com/?token=${SECRET}`)).toBe('https://api.example.com');
		expect(urlForMessages(SECRET)).toBe('(not a URL)');
	});

	describe.each([
		['awork', (url: string) => runAworkProbe(url, async function () {
			return await aworkRequest.call(this, 'POST', '/projects', { body: { name: 'x' } });
		})],
		['The One PSA', (url: string) => runPsaProbe(url, async function () {
			return await callPsa(this, { endpoint: 'createTicket', body: { subject: 'x' } });
		})],
		['The n8n API', (url: string) => runN8nApiProbe(url, async function () {
			return await callN8nApi(this, { method: 'POST', path: '/data-tables', body: {}, repeatable: false });
		})],
	])('%s', (_api, run) => {
		it('a network error shows neither user:password nor a query nor an unexpected path', async () => {
			const port = await closedPort();
			for (const url of [
				`http://admin:${SECRET}@127.0.0.1:${port}/api/v1`,
				`http://127.0.0.1:${port}/api/v1?apiKey=${SECRET}`,
				`http://127.0.0.1:${port}/${SECRET}`,
			]) {
				const result = await run(url);
				expect(result.error).toBeDefined();
				expect(errorText(result)).toContain(`127.0.0.1:${port}`);
				expect(errorText(result)).not.toContain(SECRET);
			}
		});

		it('a key pasted as the whole URL is not echoed', async () => {
			const result = await run(SECRET);
			expect(result.error?.message).toMatch(/not an http\(s\) URL/);
			expect(errorText(result)).not.toContain(SECRET);
		});
	});
});
