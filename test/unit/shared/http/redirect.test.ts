/**
 * Attack: the API host answers 302 to another origin. n8n follows redirects and resends every
 * header, so the awork key, the PSA's X-Integration-Key and the n8n API key reached the other
 * host. No transport follows a redirect now; the error names where it pointed, by origin.
 */
import { aworkRequest } from '../../../../nodes/Awork/transport';
import { callN8nApi } from '../../../../nodes/IdMapping/transport/n8nApi';
import { callPsa } from '../../../../nodes/OnePsa/transport';
import { HostileServer, json, runAworkProbe, runN8nApiProbe, runPsaProbe } from './hostile';

describe('a redirect to another origin', () => {
	let api: HostileServer;
	let elsewhere: HostileServer;
	beforeEach(async () => {
		elsewhere = await new HostileServer((_req, res) => json(res, 200, { stolen: true })).start();
		api = await new HostileServer((req, res) => {
			res.writeHead(302, { location: `${elsewhere.origin}/collect?from=${encodeURIComponent(req.path)}` });
			res.end();
		}).start();
	});
	afterEach(async () => {
		await api.stop();
		await elsewhere.stop();
	});

	it.each([
		[
			'awork',
			async () =>
				await runAworkProbe(`${api.origin}/api/v1`, async function () {
					return await aworkRequest.call(this, 'GET', '/projects');
				}),
			'awork answered GET /projects',
			'"Base URL" in the awork credential',
		],
		[
			'The One PSA',
			async () =>
				await runPsaProbe(api.origin, async function () {
					return await callPsa(this, { endpoint: 'getContract', pathParams: { contractId: 'ctr_1' } });
				}),
			'The One PSA answered GET /api/contracts/ctr_1',
			'"API URL" in the "The One PSA API" credential',
		],
		[
			'The n8n API',
			async () =>
				await runN8nApiProbe(`${api.origin}/api/v1`, async function () {
					return await callN8nApi(this, { method: 'GET', path: '/data-tables', repeatable: true });
				}),
			'The n8n API answered GET /data-tables',
			'"Base URL" in the "ID Mapping Data Table API" credential',
		],
	])('%s: not followed, no credential reaches the other host, the error names its origin', async (_api, run, what, setting) => {
		const result = await run();
		expect(result.error?.message).toBe(
			`${what} with a redirect (HTTP 302) to ${elsewhere.origin}; it was not followed, so no credentials were sent there`,
		);
		expect(result.error?.description).toContain(setting);
		expect(api.seen).toHaveLength(1);
		expect(elsewhere.seen).toHaveLength(0);
	});

	it('a redirect on the same server is not followed either, and says so', async () => {
		await api.stop();
		api = await new HostileServer((_req, res) => {
			res.writeHead(301, { location: '/api/v2/projects' });
			res.end();
		}).start();
		const result = await runAworkProbe(`${api.origin}/api/v1`, async function () {
			return await aworkRequest.call(this, 'GET', '/projects');
		});
		expect(result.error?.message).toMatch(/redirect \(HTTP 301\) to another path on the same server/);
		expect(api.seen).toHaveLength(1);
	});
});
