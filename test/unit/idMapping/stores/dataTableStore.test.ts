/**
 * The ID Mapping node with the n8n Data Table store, against a fake of n8n's public data-table
 * API (devkit/fakes/n8nDataTables). The tests assert what the fake saw: table setup, batched
 * lookups, bulk inserts, and what lands when writes fail.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';
import { clearDataTableCaches } from '../../../../nodes/IdMapping/stores/dataTableStore';
import { FakeN8nDataTables } from '../../../../devkit/fakes/n8nDataTables/fakeN8nDataTables';
import { runIdMapping, type RunIdMappingOptions } from '../run';

const TABLE = 'awork_psa_id_mappings';
let fake: FakeN8nDataTables;
let baseUrl: string;

beforeAll(async () => {
	fake = new FakeN8nDataTables('key-1');
	baseUrl = fake.baseUrl(await fake.listen());
});
afterAll(async () => await fake.close());
beforeEach(() => {
	fake.tables.clear();
	fake.server.log.length = 0;
	fake.writeFaults = { failWhen: { column: 'externalKey', values: new Set() }, commitThenFail: 0 };
	clearDataTableCaches();
});

function run(parameters: IDataObject, options: Partial<RunIdMappingOptions> = {}) {
	return runIdMapping({
		parameters: { store: 'dataTable', tableName: TABLE, ...parameters },
		n8nApi: { baseUrl, apiKey: 'key-1' },
		...options,
	});
}

const save = (extra: IDataObject = {}) => ({
	resource: 'mapping',
	operation: 'save',
	namespace: 'project',
	externalId: '={{ $json.ext }}',
	aworkId: '={{ $json.aw }}',
	...extra,
});
const lookup = (extra: IDataObject = {}) => ({
	resource: 'mapping',
	operation: 'lookupByExternalId',
	namespace: 'project',
	externalId: '={{ $json.ext }}',
	...extra,
});
const many = (n: number, prefix = 'P') => Array.from({ length: n }, (_, i) => ({ ext: `${prefix}${i}`, aw: `aw-${prefix}${i}` }));
const rowsPath = (path: string) => /\/rows$/.test(path);

describe('ID Mapping with the n8n Data Table store', () => {
	it('creates the table with its columns on first use, then reuses it', async () => {
		const first = await run(save(), { input: [{ ext: 'P1', aw: 'a1' }] });
		expect(first.error).toBeUndefined();
		const table = fake.tableByName(TABLE)!;
		expect(table.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
			'namespace:string',
			'externalId:string',
			'aworkId:string',
			'externalKey:string',
			'aworkKey:string',
			'data:string',
		]);
		expect(table.rows).toEqual([
			expect.objectContaining({ namespace: 'project', externalId: 'P1', aworkId: 'a1', externalKey: 'project:P1', aworkKey: 'project:a1', data: null }),
		]);
		expect(fake.requests('POST').filter((r) => r.path === '/api/v1/data-tables')).toHaveLength(1);
		expect(fake.requests().every((r) => r.headers['x-n8n-api-key'] === 'key-1')).toBe(true);

		clearDataTableCaches();
		await run(save(), { input: [{ ext: 'P2', aw: 'a2' }] });
		expect(fake.requests('POST').filter((r) => r.path === '/api/v1/data-tables')).toHaveLength(1);
		expect(fake.tables.size).toBe(1);
	});

	it('adds missing columns to an existing table', async () => {
		await fake.server.log.splice(0);
		const created = await run({ resource: 'checkpoint', operation: 'get', checkpointName: 'x' }, { input: [{}] });
		expect(created.error).toBeUndefined();
		const table = fake.tableByName(TABLE)!;
		table.columns = table.columns.filter((c) => c.name !== 'data');
		clearDataTableCaches();
		const result = await run(save(), { input: [{ ext: 'P1', aw: 'a1' }] });
		expect(result.error).toBeUndefined();
		expect(fake.requests('POST').filter((r) => r.path.endsWith('/columns')).map((r) => r.body)).toEqual([{ name: 'data', type: 'string' }]);
	});

	it('fails naming the table and the option when the table is missing and creation is off', async () => {
		const result = await run(save({ createTableIfMissing: false }), { input: [{ ext: 'P1', aw: 'a1' }] });
		expect(result.error?.message).toBe(`Data table "${TABLE}" does not exist`);
		expect(result.error?.description).toContain('"Create Table If Missing"');
		expect(fake.requests('POST')).toHaveLength(0);
	});

	it('names the missing columns when creation is off', async () => {
		await run({ resource: 'checkpoint', operation: 'get', checkpointName: 'x' });
		const table = fake.tableByName(TABLE)!;
		table.columns = table.columns.filter((c) => c.name !== 'aworkKey' && c.name !== 'data');
		clearDataTableCaches();
		const result = await run(save({ createTableIfMissing: false }), { input: [{ ext: 'P1', aw: 'a1' }] });
		expect(result.error?.message).toBe(`Data table "${TABLE}" lacks the columns aworkKey, data`);
	});

	it('creates the table in the project set under Table Options, and asks for one when the name is ambiguous', async () => {
		const inTeam = await run(save({ tableOptions: { projectId: 'TeamProject001' } }), { input: [{ ext: 'P1', aw: 'a1' }] });
		expect(inTeam.error).toBeUndefined();
		expect(fake.tableByName(TABLE)!.projectId).toBe('TeamProject001');
		clearDataTableCaches();
		await run(save(), { input: [{ ext: 'P2', aw: 'a2' }] });
		// Found in no project filter: the team table. A second one in the personal project makes it ambiguous.
		expect(fake.tables.size).toBe(1);
		const personal = await run(save({ tableName: TABLE, tableOptions: { projectId: 'PersonalProj01' } }), { input: [{ ext: 'P3', aw: 'a3' }] });
		expect(personal.error).toBeUndefined();
		clearDataTableCaches();
		const ambiguous = await run(lookup(), { input: [{ ext: 'P1' }] });
		expect(ambiguous.error?.message).toBe(`Several data tables are named "${TABLE}"`);
		expect(ambiguous.error?.description).toContain('"Project ID"');
	});

	it('does not take a table whose name only contains the wanted name (n8n filters names by part)', async () => {
		await run(save({ tableName: `${TABLE}_old` }), { input: [{ ext: 'OLD', aw: 'old' }] });
		clearDataTableCaches();
		await run(save(), { input: [{ ext: 'P1', aw: 'a1' }] });
		expect(fake.tableByName(TABLE)!.rows.map((r) => r.externalId)).toEqual(['P1']);
		expect(fake.tableByName(`${TABLE}_old`)!.rows.map((r) => r.externalId)).toEqual(['OLD']);
	});

	it('a mapping saved by one workflow is found by another (shared table, separate static data)', async () => {
		const workflowA = await run(save(), { input: [{ ext: 'P1', aw: 'a1' }], staticData: {} });
		expect(workflowA.error).toBeUndefined();
		clearDataTableCaches();
		const workflowB = await run(lookup(), { input: [{ ext: 'P1' }, { ext: 'P2' }], staticData: {} });
		expect(workflowB.outputs[0].map((i) => (i.json.mapping as IDataObject).aworkId)).toEqual(['a1']);
		expect(workflowB.outputs[1].map((i) => i.json.ext)).toEqual(['P2']);
		expect(workflowB.staticData).toEqual({});
	});

	it('saves 300 mappings with 2 bulk inserts and batched lookups, and looks up 300 keys in a few requests', async () => {
		const result = await run(save(), { input: many(300) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(300);
		expect(fake.tableByName(TABLE)!.rows).toHaveLength(300);
		const inserts = fake.requests('POST').filter((r) => rowsPath(r.path));
		expect(inserts.map((r) => ((r.body as IDataObject).data as unknown[]).length)).toEqual([250, 50]);
		const reads = fake.requests('GET').filter((r) => rowsPath(r.path));
		// One OR filter per up to 100 keys (fewer when the URL would grow too long), both directions,
		// then after the write the new external IDs (duplicates check) and the awork IDs (one-to-one check).
		const keysPerRead = reads.map((r) => JSON.parse(r.query.filter).filters.length);
		expect(keysPerRead.reduce((a, b) => a + b, 0)).toBe(1200);
		expect(reads.length).toBeLessThanOrEqual(16);
		expect(JSON.parse(reads[0].query.filter).type).toBe('or');

		clearDataTableCaches();
		fake.server.log.length = 0;
		const found = await run(lookup(), { input: [...many(300), { ext: 'missing' }] });
		expect(found.outputs[0]).toHaveLength(300);
		expect(found.outputs[1]).toHaveLength(1);
		expect(fake.requests('GET').filter((r) => rowsPath(r.path)).length).toBeLessThanOrEqual(4);

		fake.server.log.length = 0;
		const listed = await run({ resource: 'mapping', operation: 'list', allNamespaces: true, returnAll: true });
		expect(listed.items).toHaveLength(300);
		// Pages of at most 250 rows (n8n's limit), the filter sent again with the cursor.
		const pages = fake.requests('GET').filter((r) => rowsPath(r.path));
		expect(pages.map((r) => [r.query.limit, Boolean(r.query.cursor), Boolean(r.query.filter)])).toEqual([
			['250', false, true],
			[undefined, true, true],
		]);
	});

	it('stops a listing whose cursor goes round in circles, naming the endpoint, instead of reading forever', async () => {
		expect((await run(save(), { input: many(300) })).error).toBeUndefined();
		fake.server.log.length = 0;
		fake.ignoreCursor = true;
		try {
			const listed = await run({ resource: 'mapping', operation: 'list', allNamespaces: true, returnAll: true });
			expect(listed.error?.message).toBe("n8n's API answered GET /data-tables/{id}/rows with a page cursor it had given before; reading stopped");
			// The first page, then its cursor, which answers the first page and the same cursor again: no more.
			expect(fake.requests('GET').filter((r) => rowsPath(r.path)).map((r) => r.query.cursor !== undefined)).toEqual([false, true]);
		} finally {
			fake.ignoreCursor = false;
		}
	});

	it('keeps every lookup URL below the 16 KB header limit of n8n with long IDs', async () => {
		const long = (i: number) => `${'x'.repeat(180)}-${i}`;
		const input = Array.from({ length: 120 }, (_, i) => ({ ext: long(i), aw: `a${i}` }));
		expect((await run(save(), { input })).error).toBeUndefined();
		clearDataTableCaches();
		fake.server.log.length = 0;
		const found = await run(lookup(), { input });
		expect(found.outputs[0]).toHaveLength(120);
		const urls = fake.requests('GET').map((r) => r.path + '?' + new URLSearchParams(r.query).toString());
		expect(Math.max(...urls.map((u) => u.length))).toBeLessThan(12000);
		expect(urls.length).toBeGreaterThan(2);
	});

	it('caches lookups for the rest of the execution', async () => {
		await run(save(), { input: [{ ext: 'P1', aw: 'a1' }] });
		fake.server.log.length = 0;
		// runNode gives every run the same execution ID, so this is "later in the same execution".
		const again = await run(lookup(), { input: [{ ext: 'P1' }] });
		expect(again.outputs[0]).toHaveLength(1);
		expect(fake.requests('GET')).toHaveLength(0);
	});

	it('writes a changed mapping with one upsert and leaves an unchanged one alone', async () => {
		await run(save(), { input: [{ ext: 'P1', aw: 'a1' }, { ext: 'P2', aw: 'a2' }] });
		clearDataTableCaches();
		fake.server.log.length = 0;
		const result = await run(save(), { input: [{ ext: 'P1', aw: 'a1' }, { ext: 'P2', aw: 'a2-new' }] });
		expect(result.error).toBeUndefined();
		const writes = fake.requests().filter((r) => r.method !== 'GET');
		expect(writes.map((r) => [r.method, r.path.split('/').slice(-2).join('/')])).toEqual([['POST', 'rows/upsert']]);
		expect(fake.tableByName(TABLE)!.rows.map((r) => `${r.externalId}->${r.aworkId}`)).toEqual(['P1->a1', 'P2->a2-new']);
		clearDataTableCaches();
		const reverse = await run({ resource: 'mapping', operation: 'lookupByAworkId', namespace: 'project', aworkId: '={{ $json.aw }}' }, {
			input: [{ aw: 'a2' }, { aw: 'a2-new' }],
		});
		expect(reverse.outputs[1].map((i) => i.json.aw)).toEqual(['a2']);
	});

	it('deletes with one filtered request and lists by namespace without checkpoints', async () => {
		await run(save(), { input: many(3) });
		await run(save({ namespace: 'task' }), { input: [{ ext: 'T1', aw: 't1' }] });
		await run({ resource: 'checkpoint', operation: 'set', checkpointName: 'sync', value: '5' });
		fake.server.log.length = 0;
		const deleted = await run(
			{ resource: 'mapping', operation: 'delete', namespace: 'project', deleteBy: 'externalId', externalId: '={{ $json.ext }}' },
			{ input: [{ ext: 'P0' }, { ext: 'P1' }, { ext: 'nope' }] },
		);
		expect(deleted.items.map((i) => i.json.deleted)).toEqual([true, true, false]);
		const deletes = fake.requests('DELETE');
		expect(deletes).toHaveLength(1);
		expect(JSON.parse(deletes[0].query.filter).filters.map((f: IDataObject) => f.value)).toEqual(['project:P0', 'project:P1']);

		clearDataTableCaches();
		const all = await run({ resource: 'mapping', operation: 'list', allNamespaces: true, returnAll: true });
		expect(all.items.map((i) => `${i.json.namespace}:${i.json.externalId}`)).toEqual(['project:P2', 'task:T1']);
		const tasks = await run({ resource: 'mapping', operation: 'list', allNamespaces: false, namespace: 'task', returnAll: true });
		expect(tasks.items.map((i) => i.json.aworkId)).toEqual(['t1']);
	});

	it('refuses an awork ID held by another external ID, and replaces it when asked', async () => {
		await run(save(), { input: [{ ext: 'P1', aw: 'a1' }] });
		const refused = await run(save(), { input: [{ ext: 'P2', aw: 'a1' }] });
		expect(refused.error?.message).toContain('awork ID "a1" is already mapped to external ID "P1"');
		const replaced = await run(save({ saveOptions: { replaceConflicts: true } }), { input: [{ ext: 'P2', aw: 'a1' }] });
		expect(replaced.error).toBeUndefined();
		expect(fake.tableByName(TABLE)!.rows.map((r) => `${r.externalId}->${r.aworkId}`)).toEqual(['P2->a1']);
	});

	it('reads the newest row when concurrent writers left duplicates', async () => {
		await run(save(), { input: [{ ext: 'P1', aw: 'a1' }] });
		const table = fake.tableByName(TABLE)!;
		table.rows.push({ ...table.rows[0], id: 99, aworkId: 'a1-later', aworkKey: 'project:a1-later', updatedAt: '2999-01-01T00:00:00.000Z' });
		clearDataTableCaches();
		const found = await run(lookup(), { input: [{ ext: 'P1' }] });
		expect((found.outputs[0][0].json.mapping as IDataObject).aworkId).toBe('a1-later');
	});

	it('checkpoints: set, read in the next run, backward refused unless forced', async () => {
		const set = await run({ resource: 'checkpoint', operation: 'set', checkpointName: 'export', value: '2024-05-01T00:00:00Z' });
		expect(set.items[0].json.checkpoint).toEqual(expect.objectContaining({ previousValue: null, moved: true }));
		clearDataTableCaches();
		const get = await run({ resource: 'checkpoint', operation: 'get', checkpointName: 'export' });
		expect(get.items[0].json.checkpoint).toEqual(expect.objectContaining({ found: true, value: '2024-05-01T00:00:00Z' }));
		const back = await run({ resource: 'checkpoint', operation: 'set', checkpointName: 'export', value: '2024-04-01T00:00:00Z' });
		expect(back.error?.message).toContain('was not moved back');
		const forced = await run({ resource: 'checkpoint', operation: 'set', checkpointName: 'export', value: '2024-04-01T00:00:00Z', force: true });
		expect(forced.items[0].json.checkpoint).toEqual(expect.objectContaining({ previousValue: '2024-05-01T00:00:00Z', moved: true }));
		const rows = fake.tableByName(TABLE)!.rows.filter((r) => r.namespace === '_checkpoint');
		expect(rows.map((r) => [r.externalId, r.data])).toEqual([['export', '{"value":"2024-04-01T00:00:00Z"}']]);
	});
});

describe('Data Table store: failures', () => {
	it('reports exactly which mappings did not land when one bulk insert fails', async () => {
		fake.writeFaults.failWhen.values.add('project:P260');
		const result = await run(save(), { input: many(300) });
		expect(result.error?.message).toMatch(/^50 of 300 mappings were not saved: project:P250 \(item 250\), project:P251 \(item 251\)/);
		expect(result.error?.description).toContain('All other mappings were saved');
		expect(fake.tableByName(TABLE)!.rows).toHaveLength(250);
		// Inserts are not repeated blindly: one attempt per chunk.
		expect(fake.requests('POST').filter((r) => rowsPath(r.path))).toHaveLength(2);

		clearDataTableCaches();
		const continued = await run(save(), { input: many(300), continueOnFail: true });
		const errors = continued.items.filter((i) => i.json.error);
		expect(errors).toHaveLength(50);
		expect(errors[0].pairedItem).toEqual({ item: 250 });
		expect(continued.items.filter((i) => i.json.mapping)).toHaveLength(250);
	});

	it('finds that an insert landed although its answer was an error', async () => {
		fake.writeFaults.commitThenFail = 1;
		const result = await run(save(), { input: many(10) });
		expect(result.error).toBeUndefined();
		expect(result.items.every((i) => i.json.mapping)).toBe(true);
		expect(fake.tableByName(TABLE)!.rows).toHaveLength(10);
	});

	it('an unknown API key fails naming the credential field', async () => {
		const result = await runIdMapping({
			parameters: { store: 'dataTable', tableName: TABLE, ...lookup() },
			n8nApi: { baseUrl, apiKey: 'wrong' },
			input: [{ ext: 'P1' }],
		});
		expect(result.error?.message).toBe('The n8n API did not accept the API key: unauthorized');
		expect(result.error?.description).toContain('"API Key"');
	});

	it('a key without data table scopes fails saying which scopes it needs', async () => {
		fake.apiKeys.set('read-only', ['dataTable:list', 'dataTableRow:read']);
		const result = await runIdMapping({
			parameters: { store: 'dataTable', tableName: TABLE, ...save() },
			n8nApi: { baseUrl, apiKey: 'read-only' },
			input: [{ ext: 'P1', aw: 'a1' }],
		});
		expect(result.error?.message).toBe('The n8n API key may not do POST /data-tables: Forbidden');
		expect(result.error?.description).toContain('dataTable:list/read/create');
	});

	it('an unreachable n8n fails naming the base URL', async () => {
		const closed = http.createServer();
		await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((r) => closed.close(r));
		const result = await runIdMapping({
			parameters: { store: 'dataTable', tableName: TABLE, ...lookup() },
			n8nApi: { baseUrl: `http://127.0.0.1:${port}/api/v1`, apiKey: 'key-1' },
			input: [{ ext: 'P1' }],
		});
		expect(result.error?.message).toBe(`Could not reach the n8n API at http://127.0.0.1:${port}/api/v1 (connection refused)`);
		expect(result.error?.description).toContain('"Base URL"');
	}, 20000);

	it('a base URL that answers with a web page fails saying it is not the public API', async () => {
		const page = http.createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<!DOCTYPE html><html><body>n8n</body></html>');
		});
		await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
		const origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
		try {
			const result = await runIdMapping({
				parameters: { store: 'dataTable', tableName: TABLE, ...lookup() },
				n8nApi: { baseUrl: `${origin}/api/v2`, apiKey: 'key-1' },
				input: [{ ext: 'P1' }],
			});
			expect(result.error?.message).toBe(`${origin}/api/v2 is not n8n's public API (it answered with a web page)`);
		} finally {
			await new Promise((r) => page.close(r));
		}
	});
});
