/**
 * Two executions that use a missing mapping table at the same moment both try to create it. n8n
 * 2.41 answers the loser with 500 (its unique name constraint), not 409: the node must then use
 * the table the other execution created instead of failing.
 */
import type { IDataObject } from 'n8n-workflow';
import type { FakeHandler } from '../../../../devkit/fakes/shared/fakeServer';
import { runIdMapping, useFakeDataTables, wrapFakeRoute } from '../run';

const TABLE = 'awork_psa_id_mappings';
const tables = useFakeDataTables();

const wrapCreateTable = (wrap: (original: FakeHandler) => FakeHandler) => wrapFakeRoute(tables.fake, 'POST', 'api/v1/data-tables', wrap);

const save = (ext: string, aw: string) =>
	runIdMapping({
		parameters: { store: 'dataTable', tableName: TABLE, resource: 'mapping', operation: 'save', namespace: 'ticket', externalId: ext, aworkId: aw },
		n8nApi: { baseUrl: tables.baseUrl, apiKey: 'key-1' },
		input: [{}],
	});

describe('Data Table store: table created by a parallel execution', () => {
	it('uses the table when its own create is answered 500 because the other one won', async () => {
		// The other execution's create lands first; ours is refused with a server error.
		const restore = wrapCreateTable((original) => async (req) => {
			await original(req);
			return { status: 500, body: { message: 'Internal server error' } };
		});
		try {
			const result = await save('tkt_1', 'task-1');
			expect(result.error).toBeUndefined();
			expect((result.items[0].json.mapping as IDataObject).externalId).toBe('tkt_1');
		} finally {
			restore();
		}
		expect(tables.fake.tables.size).toBe(1);
		expect(tables.fake.tableByName(TABLE)!.rows.map((row) => [row.externalId, row.aworkId])).toEqual([['tkt_1', 'task-1']]);
	});

	it('still fails with the server error when no table appeared', async () => {
		const restore = wrapCreateTable(() => () => ({ status: 500, body: { message: 'Internal server error' } }));
		try {
			const result = await save('tkt_2', 'task-2');
			expect(result.error?.message).toBe(`Data table "${TABLE}" could not be created: the n8n API had a server error (HTTP 500)`);
		} finally {
			restore();
		}
		expect(tables.fake.tables.size).toBe(0);
	});
});
