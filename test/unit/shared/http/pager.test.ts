/**
 * Attack: a list endpoint that ignores `page` and sends no `total`. The PSA pager read it
 * forever (3,258 requests and 651k rows in 10 s); it must stop on the repeated page with an
 * error naming the endpoint. awork's pager already stopped there.
 */
import { fetchAll } from '../../../../nodes/OnePsa/transport';
import { HostileServer, json, runPsaProbe } from './hostile';

const fullPage = Array.from({ length: 200 }, (_, i) => ({ id: `ctr_${i}`, name: `Contract ${i}` }));

describe('The One PSA pager and a server that ignores paging', () => {
	let server: HostileServer;
	afterEach(async () => await server.stop());

	it('stops at the second request with an error naming the endpoint', async () => {
		server = await new HostileServer((_req, res) => json(res, 200, { data: fullPage, page: 1, pageSize: 200 })).start();
		const result = await runPsaProbe(server.origin, async function () {
			return (await fetchAll(this, { endpoint: 'listContracts' })).length;
		});
		expect(result.error?.message).toBe(
			'The One PSA answered page 2 of GET /api/contracts with the same records as page 1; it seems to ignore paging, so reading stopped',
		);
		expect(server.seen.map((req) => req.query.page)).toEqual(['1', '2']);
	});

	it('still reads a server that pages honestly without a total, to its short last page', async () => {
		server = await new HostileServer((req, res) => {
			const page = Number(req.query.page);
			const rows = page < 3 ? fullPage.map((row) => ({ ...row, id: `${row.id}-p${page}` })) : fullPage.slice(0, 5);
			json(res, 200, { data: rows, page, pageSize: 200 });
		}).start();
		const result = await runPsaProbe(server.origin, async function () {
			return (await fetchAll(this, { endpoint: 'listContracts' })).length;
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.result).toBe(405);
		expect(server.seen).toHaveLength(3);
	});
});
