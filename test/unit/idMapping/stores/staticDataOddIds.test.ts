/**
 * Static data ID Mapping with external and awork IDs that are names of Object.prototype members:
 * they must be stored and found like any other ID, never read from the prototype.
 */
import type { IDataObject } from 'n8n-workflow';
import { persisted, runIdMapping } from '../run';

const ODD_IDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

function run(operation: string, input: IDataObject[], staticData: IDataObject, extra: IDataObject = {}) {
	return runIdMapping({
		parameters: { resource: 'mapping', operation, namespace: 'project', externalId: '={{ $json.ext }}', aworkId: '={{ $json.aw }}', ...extra },
		input,
		staticData,
	});
}

describe('ID Mapping with workflow static data: IDs named like prototype members', () => {
	it.each(ODD_IDS)('finds nothing for "%s" before it is saved, instead of crashing', async (id) => {
		const other = await run('save', [{ ext: 'P1', aw: 'a1' }], {});
		const staticData = persisted(other.staticData);
		const byExternal = await run('lookupByExternalId', [{ ext: id }], staticData);
		expect(byExternal.error).toBeUndefined();
		expect((byExternal.outputs as unknown[][])[1]).toHaveLength(1);
		const byAwork = await run('lookupByAworkId', [{ aw: id }], staticData);
		expect(byAwork.error).toBeUndefined();
		expect((byAwork.outputs as unknown[][])[1]).toHaveLength(1);
	});

	it.each(ODD_IDS)('saves "%s" both ways and finds it in the next run', async (id) => {
		const saved = await run('save', [{ ext: id, aw: `aw-${id}` }, { ext: `ext-${id}`, aw: id }], {});
		expect(saved.error).toBeUndefined();
		const staticData = persisted(saved.staticData);
		const byExternal = await run('lookupByExternalId', [{ ext: id }], staticData);
		expect(byExternal.error).toBeUndefined();
		expect(byExternal.items.map((item) => (item.json.mapping as IDataObject).aworkId)).toEqual([`aw-${id}`]);
		const byAwork = await run('lookupByAworkId', [{ aw: id }], staticData);
		expect(byAwork.items.map((item) => (item.json.mapping as IDataObject).externalId)).toEqual([`ext-${id}`]);
		const listed = await run('list', [{}], staticData, { returnAll: true });
		expect(listed.items.map((item) => item.json.externalId).sort()).toEqual([id, `ext-${id}`].sort());

		const deleted = await run('delete', [{ ext: id }], staticData);
		expect(deleted.error).toBeUndefined();
		const gone = await run('lookupByExternalId', [{ ext: id }], persisted(deleted.staticData));
		expect(gone.error).toBeUndefined();
		expect((gone.outputs as unknown[][])[1]).toHaveLength(1);
	});

	it('keeps a checkpoint named __proto__', async () => {
		const set = await runIdMapping({ parameters: { resource: 'checkpoint', operation: 'set', checkpointName: '__proto__', value: '2026-01-01' }, staticData: {} });
		expect(set.error).toBeUndefined();
		const got = await runIdMapping({ parameters: { resource: 'checkpoint', operation: 'get', checkpointName: '__proto__' }, staticData: persisted(set.staticData) });
		expect(got.error).toBeUndefined();
		expect(JSON.stringify(got.items[0].json)).toContain('2026-01-01');
	});

	it('keeps a namespace named like a prototype member apart', async () => {
		const saved = await runIdMapping({
			parameters: { resource: 'mapping', operation: 'save', namespace: 'custom', customNamespace: 'constructor', externalId: 'x', aworkId: 'y' },
			staticData: {},
		});
		expect(saved.error).toBeUndefined();
		const found = await runIdMapping({
			parameters: { resource: 'mapping', operation: 'lookupByExternalId', namespace: 'custom', customNamespace: 'constructor', externalId: 'x' },
			staticData: persisted(saved.staticData),
		});
		expect(found.items.map((item) => (item.json.mapping as IDataObject).aworkId)).toEqual(['y']);
	});
});
