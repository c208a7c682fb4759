/**
 * Attack: a 100,000-character filter value ("Name Contains"). The server answered an opaque 431
 * naming no field; the transports refuse it before sending, naming the query parameter and the
 * limit.
 */
import { aworkRequestAllPages } from '../../../../nodes/Awork/transport';
import { and, substringOf, text } from '../../../../nodes/Awork/transport/filter';
import { callN8nApi } from '../../../../nodes/IdMapping/transport/n8nApi';
import { fetchAll, filterQuery } from '../../../../nodes/OnePsa/transport';
import { httpLimits } from '../../../../nodes/shared/http';
import { HostileServer, json, runAworkProbe, runN8nApiProbe, runPsaProbe } from './hostile';

const huge = 'x'.repeat(100_000);

describe('a filter value too long for a URL', () => {
	let server: HostileServer;
	beforeEach(async () => {
		server = await new HostileServer((_req, res) => json(res, 200, [])).start();
	});
	afterEach(async () => await server.stop());

	it('awork: refused before sending, naming filterby and the limit', async () => {
		const result = await runAworkProbe(`${server.origin}/api/v1`, async function () {
			return await aworkRequestAllPages.call(this, '/projects', { filter: and(substringOf(text(huge), 'name')) });
		});
		expect(result.error?.message).toMatch(
			/^The request GET \/projects to awork was not sent: the query parameter "filterby" is 100,0\d\d characters long, making the URL 100,\d{3} characters, over the limit of 8,192$/,
		);
		expect(result.error?.description).toMatch(/Name Contains/);
		expect(server.seen).toHaveLength(0);
	});

	it('The One PSA: refused before sending, naming search', async () => {
		const result = await runPsaProbe(server.origin, async function () {
			return await fetchAll(this, { endpoint: 'listContracts', query: filterQuery('listContracts', { search: huge }) });
		});
		expect(result.error?.message).toMatch(/^The request GET \/api\/contracts to The One PSA was not sent: the query parameter "search" is 100,000 characters long/);
		expect(server.seen).toHaveLength(0);
	});

	it('The n8n API: refused before sending, naming filter', async () => {
		const result = await runN8nApiProbe(`${server.origin}/api/v1`, async function () {
			return await callN8nApi(this, { method: 'GET', path: '/data-tables/t/rows', qs: { filter: huge }, repeatable: true });
		});
		expect(result.error?.message).toMatch(/the query parameter "filter" is 100,000 characters long/);
		expect(server.seen).toHaveLength(0);
	});

	it('a value that fits is still sent, and the limit is the shared one', async () => {
		const fits = 'y'.repeat(httpLimits.maxUrlLength - 200);
		const result = await runPsaProbe(server.origin, async function () {
			return await fetchAll(this, { endpoint: 'listContracts', query: { search: fits } });
		});
		expect(result.error).toBeUndefined();
		expect(server.seen[0].query.search).toBe(fits);
	});
});
