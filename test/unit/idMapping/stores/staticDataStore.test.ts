/**
 * Every operation of the ID Mapping node with the workflow static data store, run in n8n's engine
 * as production runs do. Static data goes out of one run as JSON and into the next, like n8n
 * saves and loads it.
 */
import type { IDataObject } from 'n8n-workflow';
import { persisted, runIdMapping } from '../run';

const save = (extra: IDataObject = {}) => ({
	resource: 'mapping',
	operation: 'save',
	namespace: 'project',
	externalId: '={{ $json.ext }}',
	aworkId: '={{ $json.aw }}',
	...extra,
});
const lookupByExternal = (extra: IDataObject = {}) => ({
	resource: 'mapping',
	operation: 'lookupByExternalId',
	namespace: 'project',
	externalId: '={{ $json.ext }}',
	...extra,
});
const lookupByAwork = (extra: IDataObject = {}) => ({
	resource: 'mapping',
	operation: 'lookupByAworkId',
	namespace: 'project',
	aworkId: '={{ $json.aw }}',
	...extra,
});

async function saved(input: IDataObject[], staticData: IDataObject = {}, extra: IDataObject = {}) {
	const result = await runIdMapping({ parameters: save(extra), input, staticData });
	expect(result.error).toBeUndefined();
	return persisted(result.staticData);
}

describe('ID Mapping with workflow static data', () => {
	it('saves many mappings in one run, indexed both ways, and passes the input through', async () => {
		const result = await runIdMapping({
			parameters: save(),
			input: [
				{ ext: 'P1', aw: 'a1', title: 'One' },
				{ ext: 'P2', aw: 'a2', title: 'Two' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.title, (i.json.mapping as IDataObject).aworkId, i.pairedItem])).toEqual([
			['One', 'a1', { item: 0 }],
			['Two', 'a2', { item: 1 }],
		]);
		const layout = (result.staticData.global as IDataObject).idMapping as IDataObject;
		const project = (layout.namespaces as IDataObject).project as IDataObject;
		expect(project.toAwork).toEqual({ P1: 'a1', P2: 'a2' });
		expect(project.toExternal).toEqual({ a1: 'P1', a2: 'P2' });
	});

	it('finds in the next run what the previous run saved: Found and Not Found outputs, both directions', async () => {
		const staticData = await saved([
			{ ext: 'P1', aw: 'a1' },
			{ ext: 'P2', aw: 'a2' },
		]);
		const byExternal = await runIdMapping({
			parameters: lookupByExternal(),
			input: [{ ext: 'P2', n: 1 }, { ext: 'P9', n: 2 }, { ext: 'P1', n: 3 }],
			staticData,
		});
		expect(byExternal.error).toBeUndefined();
		expect(byExternal.outputs).toHaveLength(2);
		expect(byExternal.outputs[0].map((i) => [i.json.n, (i.json.mapping as IDataObject).aworkId, i.pairedItem])).toEqual([
			[1, 'a2', { item: 0 }],
			[3, 'a1', { item: 2 }],
		]);
		expect((byExternal.outputs[0][0].json.mapping as IDataObject).found).toBe(true);
		expect(byExternal.outputs[1].map((i) => [i.json, i.pairedItem])).toEqual([[{ ext: 'P9', n: 2 }, { item: 1 }]]);

		const byAwork = await runIdMapping({ parameters: lookupByAwork(), input: [{ aw: 'a1' }, { aw: 'zz' }], staticData });
		expect(byAwork.outputs[0].map((i) => (i.json.mapping as IDataObject).externalId)).toEqual(['P1']);
		expect(byAwork.outputs[1].map((i) => i.json.aw)).toEqual(['zz']);
	});

	it('sends not-found items to Found with an empty mapping when asked', async () => {
		const staticData = await saved([{ ext: 'P1', aw: 'a1' }]);
		const result = await runIdMapping({
			parameters: lookupByExternal({ lookupOptions: { notFoundToFound: true } }),
			input: [{ ext: 'P1' }, { ext: 'P2' }],
			staticData,
		});
		expect(result.outputs[1]).toEqual([]);
		expect(result.outputs[0].map((i) => i.json.mapping)).toEqual([
			expect.objectContaining({ found: true, aworkId: 'a1' }),
			{ found: false, namespace: 'project', externalId: 'P2', aworkId: null, data: null, updatedAt: null },
		]);
	});

	it('keeps namespaces apart and accepts custom namespaces', async () => {
		let staticData = await saved([{ ext: 'X1', aw: 'project-a' }]);
		staticData = await saved([{ ext: 'X1', aw: 'task-a' }], staticData, { namespace: 'task' });
		staticData = await saved([{ ext: 'X1', aw: 'company-a' }], staticData, { namespace: 'custom', customNamespace: 'company' });
		for (const [namespace, expected] of [['project', 'project-a'], ['task', 'task-a'], ['custom', 'company-a']]) {
			const result = await runIdMapping({
				parameters: lookupByExternal({ namespace, customNamespace: 'company' }),
				input: [{ ext: 'X1' }],
				staticData,
			});
			expect((result.outputs[0][0].json.mapping as IDataObject).aworkId).toBe(expected);
		}
	});

	it('saves and returns small extra data (URL, number, JSON)', async () => {
		const staticData = await saved([{ ext: 'P1', aw: 'a1' }], {}, {
			extraData: { url: 'https://app.awork.com/projects/a1', number: '={{ 1042 }}', json: '{"owner":"Jane"}' },
		});
		const result = await runIdMapping({ parameters: lookupByAwork(), input: [{ aw: 'a1' }], staticData });
		expect((result.outputs[0][0].json.mapping as IDataObject).data).toEqual({
			owner: 'Jane',
			url: 'https://app.awork.com/projects/a1',
			number: '1042',
		});
	});

	it('upserts: a new awork ID for an external ID replaces the old one in both directions', async () => {
		let staticData = await saved([{ ext: 'P1', aw: 'a1' }]);
		staticData = await saved([{ ext: 'P1', aw: 'a1-new' }], staticData);
		const old = await runIdMapping({ parameters: lookupByAwork(), input: [{ aw: 'a1' }, { aw: 'a1-new' }], staticData });
		expect(old.outputs[1].map((i) => i.json.aw)).toEqual(['a1']);
		expect(old.outputs[0].map((i) => (i.json.mapping as IDataObject).externalId)).toEqual(['P1']);
	});

	it('refuses an awork ID that another external ID holds, and saves nothing of the batch', async () => {
		const staticData = await saved([{ ext: 'P1', aw: 'a1' }]);
		const result = await runIdMapping({
			parameters: save(),
			input: [{ ext: 'P2', aw: 'a2' }, { ext: 'P3', aw: 'a1' }],
			staticData: persisted(staticData),
		});
		expect(result.error?.message).toContain('awork ID "a1" is already mapped to external ID "P1" in namespace "project"');
		expect(result.error?.message).toContain('nothing was saved');
		expect(persisted(result.staticData)).toEqual(staticData);
	});

	it('replaces the mapping that holds the awork ID when asked', async () => {
		const staticData = await saved([{ ext: 'P1', aw: 'a1' }]);
		const result = await runIdMapping({
			parameters: save({ saveOptions: { replaceConflicts: true } }),
			input: [{ ext: 'P3', aw: 'a1' }],
			staticData,
		});
		expect(result.error).toBeUndefined();
		expect(((result.items[0].json.mapping as IDataObject).replaced as IDataObject).externalId).toBe('P1');
		const lookup = await runIdMapping({
			parameters: lookupByExternal(),
			input: [{ ext: 'P1' }, { ext: 'P3' }],
			staticData: persisted(result.staticData),
		});
		expect(lookup.outputs[1].map((i) => i.json.ext)).toEqual(['P1']);
		expect(lookup.outputs[0].map((i) => (i.json.mapping as IDataObject).aworkId)).toEqual(['a1']);
	});

	it('an empty ID fails naming the field, and nothing of the batch is saved', async () => {
		const result = await runIdMapping({ parameters: save(), input: [{ ext: 'P1', aw: 'a1' }, { ext: 'P2', aw: '' }] });
		expect(result.error?.message).toBe('Awork ID is empty');
		expect((result.staticData.global as IDataObject | undefined)?.idMapping).toBeUndefined();
	});

	it('with Continue On Fail, bad items become error items and the others are saved', async () => {
		const result = await runIdMapping({
			parameters: save(),
			input: [{ ext: 'P1', aw: 'a1' }, { ext: '', aw: 'a2' }, { ext: 'P3', aw: 'a1' }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.error ?? (i.json.mapping as IDataObject).externalId)).toEqual([
			'P1',
			'External ID is empty',
			'awork ID "a1" is already mapped to external ID "P1" in namespace "project"',
		]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('a wrong namespace fails naming the field', async () => {
		const wrong = await runIdMapping({ parameters: lookupByExternal({ namespace: '={{ "projects" }}' }), input: [{ ext: 'P1' }] });
		expect(wrong.error?.message).toBe('Namespace "projects" is not one of project, task, contract, ticket, timeEntry');
		const badCustom = await runIdMapping({
			parameters: lookupByExternal({ namespace: 'custom', customNamespace: 'has:colon' }),
			input: [{ ext: 'P1' }],
		});
		expect(badCustom.error?.message).toBe('Custom Namespace "has:colon" is not a valid namespace');
	});

	it('deletes by external ID or by awork ID, and says whether something was deleted', async () => {
		const staticData = await saved([{ ext: 'P1', aw: 'a1' }, { ext: 'P2', aw: 'a2' }, { ext: 'P3', aw: 'a3' }]);
		const byExternal = await runIdMapping({
			parameters: { resource: 'mapping', operation: 'delete', namespace: 'project', deleteBy: 'externalId', externalId: '={{ $json.ext }}' },
			input: [{ ext: 'P1' }, { ext: 'nope' }],
			staticData,
		});
		expect(byExternal.items.map((i) => [i.json.deleted, (i.json.mapping as IDataObject | null)?.aworkId ?? null])).toEqual([
			[true, 'a1'],
			[false, null],
		]);
		const byAwork = await runIdMapping({
			parameters: { resource: 'mapping', operation: 'delete', namespace: 'project', deleteBy: 'aworkId', aworkId: '={{ $json.aw }}' },
			input: [{ aw: 'a2' }],
			staticData: persisted(byExternal.staticData),
		});
		expect(byAwork.items[0].json.deleted).toBe(true);
		const left = await runIdMapping({
			parameters: { resource: 'mapping', operation: 'list', allNamespaces: true, returnAll: true },
			staticData: persisted(byAwork.staticData),
		});
		expect(left.items.map((i) => i.json.externalId)).toEqual(['P3']);
		const reverse = await runIdMapping({ parameters: lookupByAwork(), input: [{ aw: 'a1' }, { aw: 'a2' }], staticData: persisted(byAwork.staticData) });
		expect(reverse.outputs[1]).toHaveLength(2);
	});

	it('lists all mappings, one namespace, or up to a limit', async () => {
		let staticData = await saved([{ ext: 'P1', aw: 'a1' }, { ext: 'P2', aw: 'a2' }]);
		staticData = await saved([{ ext: 'T1', aw: 't1' }], staticData, { namespace: 'task' });
		const list = (extra: IDataObject) =>
			runIdMapping({ parameters: { resource: 'mapping', operation: 'list', returnAll: true, ...extra }, staticData });
		expect((await list({ allNamespaces: true })).items.map((i) => `${i.json.namespace}:${i.json.externalId}`)).toEqual([
			'project:P1',
			'project:P2',
			'task:T1',
		]);
		expect((await list({ allNamespaces: false, namespace: 'task' })).items.map((i) => i.json.aworkId)).toEqual(['t1']);
		expect((await list({ allNamespaces: true, returnAll: false, limit: 2 })).items).toHaveLength(2);
	});
});

describe('Checkpoints with workflow static data', () => {
	const setCheckpoint = (value: string, extra: IDataObject = {}) => ({
		resource: 'checkpoint',
		operation: 'set',
		checkpointName: 'timeEntryExport',
		value,
		...extra,
	});
	const getCheckpoint = (extra: IDataObject = {}) => ({ resource: 'checkpoint', operation: 'get', checkpointName: 'timeEntryExport', ...extra });

	it('returns the default value until a checkpoint is set, then the saved one in the next run', async () => {
		const first = await runIdMapping({ parameters: getCheckpoint({ defaultValue: '2024-01-01T00:00:00Z' }) });
		expect(first.items[0].json.checkpoint).toEqual({
			name: 'timeEntryExport',
			found: false,
			value: '2024-01-01T00:00:00Z',
			updatedAt: null,
		});
		const set = await runIdMapping({ parameters: setCheckpoint('2024-03-01T00:00:00Z') });
		expect(set.items[0].json.checkpoint).toEqual(
			expect.objectContaining({ previousValue: null, value: '2024-03-01T00:00:00Z', moved: true, forced: false }),
		);
		const next = await runIdMapping({ parameters: getCheckpoint({ defaultValue: 'x' }), staticData: persisted(set.staticData) });
		expect(next.items[0].json.checkpoint).toEqual(expect.objectContaining({ found: true, value: '2024-03-01T00:00:00Z' }));
	});

	// Runs get copies of the saved static data: n8n mutates the object a run gets.
	it('moves only forward: a backward move fails unless forced, and can be kept quietly', async () => {
		const start = await runIdMapping({ parameters: setCheckpoint('2024-03-01T00:00:00Z') });
		const staticData = persisted(start.staticData);

		// 2024-02-29T23:30:00-01:00 is 00:30 UTC on March 1st: later, though it sorts earlier as text.
		const forward = await runIdMapping({ parameters: setCheckpoint('2024-02-29T23:30:00-01:00'), staticData: persisted(staticData) });
		expect(forward.items[0].json.checkpoint).toEqual(
			expect.objectContaining({ previousValue: '2024-03-01T00:00:00Z', value: '2024-02-29T23:30:00-01:00', moved: true }),
		);

		const backward = await runIdMapping({ parameters: setCheckpoint('2024-02-01T00:00:00Z'), staticData: persisted(staticData) });
		expect(backward.error?.message).toBe(
			'Checkpoint "timeEntryExport" was not moved back from "2024-03-01T00:00:00Z" to "2024-02-01T00:00:00Z"',
		);
		const unchanged = await runIdMapping({ parameters: getCheckpoint(), staticData: persisted(backward.staticData) });
		expect((unchanged.items[0].json.checkpoint as IDataObject).value).toBe('2024-03-01T00:00:00Z');

		const kept = await runIdMapping({
			parameters: setCheckpoint('2024-02-01T00:00:00Z', { onBackwardMove: 'keep' }),
			staticData: persisted(staticData),
		});
		expect(kept.items[0].json.checkpoint).toEqual(
			expect.objectContaining({ value: '2024-03-01T00:00:00Z', previousValue: '2024-03-01T00:00:00Z', moved: false, refused: true }),
		);

		const forced = await runIdMapping({ parameters: setCheckpoint('2024-02-01T00:00:00Z', { force: true }), staticData: persisted(staticData) });
		expect(forced.items[0].json.checkpoint).toEqual(
			expect.objectContaining({ previousValue: '2024-03-01T00:00:00Z', value: '2024-02-01T00:00:00Z', moved: true, forced: true }),
		);
		const after = await runIdMapping({ parameters: getCheckpoint(), staticData: persisted(forced.staticData) });
		expect((after.items[0].json.checkpoint as IDataObject).value).toBe('2024-02-01T00:00:00Z');
	});

	it('compares numbers as numbers and reports an unchanged value as not moved', async () => {
		const start = await runIdMapping({ parameters: setCheckpoint('9') });
		const staticData = persisted(start.staticData);
		const ten = await runIdMapping({ parameters: setCheckpoint('10'), staticData: persisted(staticData) });
		expect((ten.items[0].json.checkpoint as IDataObject).moved).toBe(true);
		const same = await runIdMapping({ parameters: setCheckpoint('9'), staticData: persisted(staticData) });
		expect(same.items[0].json.checkpoint).toEqual(expect.objectContaining({ moved: false, refused: false, value: '9' }));
	});

	it('an empty checkpoint name or value fails naming the field', async () => {
		expect((await runIdMapping({ parameters: setCheckpoint('1', { checkpointName: ' ' }) })).error?.message).toBe('Checkpoint Name is empty');
		expect((await runIdMapping({ parameters: setCheckpoint('={{ "" }}') })).error?.message).toBe('Value is empty');
	});
});
