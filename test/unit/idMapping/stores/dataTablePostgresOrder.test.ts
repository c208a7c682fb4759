/**
 * Two things Postgres does that SQLite never shows, replayed on the fake data-table API:
 * - a row ID is drawn when an insert starts, not when it commits: a taker can read the claim rows
 *   while a lower ID is still uncommitted, and that row shows up a moment later;
 * - two upserts of a missing key at once both insert, so a new mapping can exist twice.
 * (test/queue/dataTablePostgres.test.ts runs the same races against n8n on Postgres itself.)
 */
import type { IDataObject } from 'n8n-workflow';
import type { FakeHandler, FakeRequest } from '../../../../devkit/fakes/shared/fakeServer';
import { runIdMapping, useFakeDataTables, wrapFakeRoute } from '../run';

const TABLE = 'awork_psa_id_mappings';
const tables = useFakeDataTables();

const wrapRoute = (method: string, path: string, wrap: (original: FakeHandler) => FakeHandler) => wrapFakeRoute(tables.fake, method, path, wrap);

const n8nApi = () => ({ baseUrl: tables.baseUrl, apiKey: 'key-1' });
const take = (executionId: string) =>
	runIdMapping({
		parameters: { store: 'dataTable', tableName: TABLE, resource: 'claim', operation: 'take', claimName: 'quote:q-1', leaseSeconds: 60 },
		n8nApi: n8nApi(),
		executionId,
	});
const save = (executionId: string, ext: string, aw: string) =>
	runIdMapping({
		parameters: { store: 'dataTable', tableName: TABLE, resource: 'mapping', operation: 'save', namespace: 'project', externalId: ext, aworkId: aw },
		n8nApi: n8nApi(),
		executionId,
	});
const claimOf = (result: Awaited<ReturnType<typeof take>>, output: 0 | 1) => (result.outputs[output] ?? [])[0]?.json.claim as IDataObject | undefined;
const rowsOf = (key: string) => (tables.fake.tableByName(TABLE)?.rows ?? []).filter((row) => row.externalKey === key);

describe('Data Table store: orderings Postgres allows', () => {
	it('gives a claim to one taker when the other drew the lower row ID but committed after the first had read', async () => {
		expect((await save('exec-setup', 'setup', 'setup')).error).toBeUndefined();
		const table = tables.fake.tableByName(TABLE)!;
		let releaseSlow!: () => void;
		const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
		let slowHasDrawn!: () => void;
		const slowDrawn = new Promise<void>((resolve) => (slowHasDrawn = resolve));
		const restore = wrapRoute('POST', 'api/v1/data-tables/:dataTableId/rows', (original) => async (req: FakeRequest) => {
			const row = ((req.body as IDataObject).data as IDataObject[])[0];
			if (row.aworkId !== 'execution:exec-slow') return await original(req);
			// Postgres: the ID is drawn now, the row becomes visible when the transaction commits.
			const drawn = table.nextRowId++;
			slowHasDrawn();
			await slowMayCommit;
			const answer = await original(req);
			table.rows[table.rows.length - 1].id = drawn;
			table.rows.sort((a, b) => a.id - b.id);
			return answer;
		});
		try {
			const slow = take('exec-slow');
			// Wait until the slow insert has drawn its ID, then let the fast taker run to its end.
			await slowDrawn;
			const fast = await take('exec-fast');
			releaseSlow();
			const late = await slow;
			expect(claimOf(fast, 0)).toMatchObject({ claimed: true, holder: 'execution:exec-fast' });
			// Before, the slow taker saw its own lower ID first and held the claim as well.
			expect(claimOf(late, 0)).toBeUndefined();
			expect(claimOf(late, 1)).toMatchObject({ claimed: false, holder: 'execution:exec-fast' });
		} finally {
			restore();
		}
		expect(rowsOf('_claim:quote:q-1').map((row) => row.aworkId)).toEqual(['execution:exec-fast']);
	});

	it('keeps one row when another execution inserted the same new mapping at the same time', async () => {
		expect((await save('exec-setup', 'setup', 'setup')).error).toBeUndefined();
		const table = tables.fake.tableByName(TABLE)!;
		const restore = wrapRoute('POST', 'api/v1/data-tables/:dataTableId/rows/upsert', (original) => async (req: FakeRequest) => {
			const answer = await original(req);
			// The other execution's upsert found nothing either, and inserted its own row.
			const mine = table.rows[table.rows.length - 1];
			table.rows.push({ ...mine, id: table.nextRowId++ });
			return answer;
		});
		try {
			expect((await save('exec-1', 'Q-1', 'project-1')).error).toBeUndefined();
		} finally {
			restore();
		}
		const rows = rowsOf('project:Q-1');
		expect(rows.map((row) => row.aworkId)).toEqual(['project-1']);
		// The row with the highest ID stays: the one a writer that reads later cannot have removed.
		expect(rows[0].id).toBe(table.nextRowId - 1);
	});

	it('keeps one checkpoint row when two executions set a new checkpoint at the same time', async () => {
		expect((await save('exec-setup', 'setup', 'setup')).error).toBeUndefined();
		const table = tables.fake.tableByName(TABLE)!;
		const restore = wrapRoute('POST', 'api/v1/data-tables/:dataTableId/rows/upsert', (original) => async (req: FakeRequest) => {
			const answer = await original(req);
			table.rows.push({ ...table.rows[table.rows.length - 1], id: table.nextRowId++ });
			return answer;
		});
		try {
			const set = await runIdMapping({
				parameters: { store: 'dataTable', tableName: TABLE, resource: 'checkpoint', operation: 'set', checkpointName: 'export', value: '2024-06-01T00:00:00Z' },
				n8nApi: n8nApi(),
			});
			expect(set.error).toBeUndefined();
		} finally {
			restore();
		}
		expect(rowsOf('_checkpoint:export')).toHaveLength(1);
	});
});
