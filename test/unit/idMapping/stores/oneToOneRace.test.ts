/**
 * One-to-one under concurrency: two executions that save different external IDs for the same
 * awork ID at the same moment must not both succeed, in either store. (Each checks the store
 * before it writes, and both find nothing; the store must catch it.)
 */
import type { IDataObject } from 'n8n-workflow';
import { clearDataTableCaches } from '../../../../nodes/IdMapping/stores/dataTableStore';
import type { RunNodeResult } from '../../../../devkit/engine/runNode';
import { persisted, runIdMapping, useFakeDataTables } from '../run';

const TABLE = 'awork_psa_id_mappings';
const tables = useFakeDataTables();

function save(store: 'dataTable' | 'staticData', executionId: string, ext: string, aw: string, staticData: IDataObject = {}, extra: IDataObject = {}) {
	return runIdMapping({
		parameters: { store, tableName: TABLE, resource: 'mapping', operation: 'save', namespace: 'ticket', externalId: ext, aworkId: aw, ...extra },
		n8nApi: store === 'dataTable' ? { baseUrl: tables.baseUrl, apiKey: 'key-1' } : undefined,
		executionId,
		staticData,
	});
}

const lookupByAwork = (store: 'dataTable' | 'staticData', aw: string, staticData: IDataObject = {}) =>
	runIdMapping({
		parameters: { store, tableName: TABLE, resource: 'mapping', operation: 'lookupByAworkId', namespace: 'ticket', aworkId: aw },
		n8nApi: store === 'dataTable' ? { baseUrl: tables.baseUrl, apiKey: 'key-1' } : undefined,
		staticData,
	});

const mappingRows = (aworkId: string) => (tables.fake.tableByName(TABLE)?.rows ?? []).filter((row) => row.namespace === 'ticket' && row.aworkId === aworkId);

describe.each(['dataTable', 'staticData'] as const)('ID Mapping one-to-one under concurrency (%s store)', (store) => {
	// Static data: a unique awork ID per case, since what one n8n process has saved is kept across cases.
	const aw = (suffix: string) => `task-${store}-${suffix}`;

	it('lets at most one of two executions that save different external IDs for one awork ID at once succeed', async () => {
		const id = aw('race');
		// Both start from what the workflow saved before, as n8n loads it for each execution.
		const before = await save(store, 'exec-0', 'tkt_0', aw('other'));
		expect(before.error).toBeUndefined();
		const saved = persisted(before.staticData);
		const runs: RunNodeResult[] = await Promise.all([
			save(store, 'exec-1', 'tkt_1', id, persisted(saved)),
			save(store, 'exec-2', 'tkt_2', id, persisted(saved)),
		]);
		const ok = runs.filter((run) => !run.error);
		expect(ok.length).toBeLessThanOrEqual(1);
		for (const failed of runs.filter((run) => run.error)) {
			expect(failed.error?.message).toMatch(/mappings were not saved: ticket:tkt_[12]/);
			expect(String((failed.error as { description?: string }).description)).toContain(`awork ID "${id}"`);
		}
		if (store === 'dataTable') {
			// What is left stands for the run that succeeded, or nothing when both gave way.
			expect(mappingRows(id).map((row) => row.externalId)).toEqual(ok.map((run) => (run.items[0].json.mapping as IDataObject).externalId));
		} else {
			expect(ok).toHaveLength(1);
			// The run that gave way leaves static data unchanged, so n8n does not save its copy over the winner's.
			const loser = runs.find((run) => run.error)!;
			expect(persisted(loser.staticData)).toEqual(saved);
			// n8n saves static data after a run only when its change flag is set.
			const changed = (data: IDataObject) => Boolean((data as IDataObject & { __dataChanged?: boolean }).__dataChanged);
			expect(changed(loser.staticData)).toBe(false);
			expect(changed(runs.find((run) => !run.error)!.staticData)).toBe(true);
		}
	});

	it('lets the same external ID be saved for one awork ID by two executions at once (a replayed event)', async () => {
		const id = aw('replay');
		const runs = await Promise.all([save(store, 'exec-3', 'tkt_3', id), save(store, 'exec-4', 'tkt_3', id)]);
		expect(runs.map((run) => run.error)).toEqual([undefined, undefined]);
		if (store === 'dataTable') expect(new Set(mappingRows(id).map((row) => row.externalId))).toEqual(new Set(['tkt_3']));
	});

	it('still lets a later save replace the holder on purpose, and moving a mapping frees its old awork ID', async () => {
		const id = aw('replace');
		const first = await save(store, 'exec-5', 'tkt_5', id);
		expect(first.error).toBeUndefined();
		const replaced = await save(store, 'exec-6', 'tkt_6', id, persisted(first.staticData), { saveOptions: { replaceConflicts: true } });
		expect(replaced.error).toBeUndefined();
		const moved = await save(store, 'exec-7', 'tkt_6', aw('moved'), persisted(replaced.staticData));
		expect(moved.error).toBeUndefined();
		const again = await save(store, 'exec-8', 'tkt_8', id, persisted(moved.staticData));
		expect(again.error).toBeUndefined();
		const found = await lookupByAwork(store, id, persisted(again.staticData));
		expect(found.items.map((item) => (item.json.mapping as IDataObject).externalId)).toEqual(['tkt_8']);
	});
});

describe('ID Mapping one-to-one under concurrency (dataTable store): the undo', () => {
	it('puts back the previous mapping when the save that moved it gave way', async () => {
		expect((await save('dataTable', 'exec-0', 'tkt_old', 'task-a')).error).toBeUndefined();
		clearDataTableCaches();
		// exec-1 moves tkt_old from task-a to task-x while exec-2 maps tkt_new to task-x.
		const runs = await Promise.all([save('dataTable', 'exec-1', 'tkt_old', 'task-x'), save('dataTable', 'exec-2', 'tkt_new', 'task-x')]);
		expect(runs.filter((run) => !run.error).length).toBeLessThanOrEqual(1);
		const holders = mappingRows('task-x').map((row) => row.externalId);
		expect(holders.length).toBeLessThanOrEqual(1);
		if (runs[0].error) expect(mappingRows('task-a').map((row) => row.externalId)).toEqual(['tkt_old']);
	});
});
