/** The pure pieces: save planning, checkpoint order, filter chunking, base URL. */
import { compareCheckpoints, kindOf } from '../../../../nodes/IdMapping/helpers/checkpoint/checkpointOrder';
import { planSave } from '../../../../nodes/IdMapping/helpers/mapping/savePlan';
import { chunkForFilter, MAX_FILTER_URL_CHARS, MAX_KEYS_PER_FILTER } from '../../../../nodes/IdMapping/stores/dataTable/dataTableClient';
import { aworkKeyOf, externalKeyOf, type Mapping } from '../../../../nodes/IdMapping/stores/mappingStore';
import { normaliseBaseUrl } from '../../../../nodes/IdMapping/transport/n8nApi';

const m = (externalId: string, aworkId: string, namespace = 'project'): Mapping => ({
	namespace,
	externalId,
	aworkId,
	data: null,
	updatedAt: '2024-01-01T00:00:00.000Z',
});
const byExternal = (...mappings: Mapping[]) => new Map(mappings.map((x) => [externalKeyOf(x), x]));
const byAwork = (...mappings: Mapping[]) => new Map(mappings.map((x) => [aworkKeyOf(x), x]));

describe('planSave', () => {
	it('upserts new and changed mappings; the last item for one external ID wins', () => {
		const plan = planSave(
			[
				{ itemIndex: 0, mapping: m('P1', 'a1') },
				{ itemIndex: 1, mapping: m('P2', 'a2') },
				{ itemIndex: 2, mapping: m('P2', 'a3') },
			],
			new Map(),
			new Map(),
			false,
		);
		expect(plan.upserts.map((x) => `${x.externalId}->${x.aworkId}`)).toEqual(['P1->a1', 'P2->a3']);
		expect(plan.removals).toEqual([]);
	});

	it('refuses an awork ID held in the store or earlier in the batch', () => {
		const stored = m('P1', 'a1');
		const plan = planSave(
			[
				{ itemIndex: 0, mapping: m('P2', 'a1') },
				{ itemIndex: 1, mapping: m('P3', 'a3') },
				{ itemIndex: 2, mapping: m('P4', 'a3') },
			],
			byExternal(stored),
			byAwork(stored),
			false,
		);
		expect(plan.results.get(0)).toEqual({ conflict: 'awork ID "a1" is already mapped to external ID "P1" in namespace "project"' });
		expect(plan.results.get(2)).toEqual({ conflict: 'awork ID "a3" is already mapped to external ID "P3" in namespace "project"' });
		expect(plan.upserts.map((x) => x.externalId)).toEqual(['P3']);
	});

	it('frees an awork ID that its external ID moved away from earlier in the batch', () => {
		const stored = m('P1', 'a1');
		const plan = planSave(
			[
				{ itemIndex: 0, mapping: m('P1', 'a9') },
				{ itemIndex: 1, mapping: m('P2', 'a1') },
			],
			byExternal(stored),
			byAwork(stored),
			false,
		);
		expect([...plan.results.values()].every((r) => 'mapping' in r)).toBe(true);
		expect(plan.upserts.map((x) => `${x.externalId}->${x.aworkId}`)).toEqual(['P1->a9', 'P2->a1']);
	});

	it('with replace, removes the stored holder and reports it', () => {
		const stored = m('P1', 'a1');
		const plan = planSave([{ itemIndex: 0, mapping: m('P2', 'a1') }], new Map(), byAwork(stored), true);
		expect(plan.removals).toEqual([{ namespace: 'project', externalId: 'P1' }]);
		expect(plan.results.get(0)).toEqual({ mapping: m('P2', 'a1'), replaced: stored });
	});

	it('the same awork ID in two namespaces is no conflict', () => {
		const stored = m('P1', 'a1', 'project');
		const plan = planSave([{ itemIndex: 0, mapping: m('T1', 'a1', 'task') }], new Map(), byAwork(stored), false);
		expect(plan.upserts).toHaveLength(1);
	});
});

describe('checkpoint order', () => {
	it.each([
		['2024-03-01T00:00:00Z', '2024-02-29T23:30:00-01:00', -1],
		['2024-03-01', '2024-03-01T00:00:00.000Z', 0],
		['9', '10', -1],
		['b', 'a', 1],
		['abc', 'abc', 0],
	])('%s vs %s', (a, b, sign) => {
		expect(Math.sign(compareCheckpoints(a, b))).toBe(sign);
	});

	it('tells timestamps, numbers and strings apart', () => {
		expect([kindOf('2024-01-01T10:00:00+02:00'), kindOf('42'), kindOf('cursor-7'), kindOf('2024-13-45')]).toEqual([
			'timestamp',
			'number',
			'string',
			'string',
		]);
	});
});

describe('chunkForFilter', () => {
	it('keeps each chunk within the URL budget and the key limit, in order, without losing keys', () => {
		const keys = Array.from({ length: 1000 }, (_, i) => `project:${'k'.repeat(i % 300)}${i}`);
		const chunks = chunkForFilter('externalKey', keys);
		expect(chunks.flat()).toEqual(keys);
		for (const chunk of chunks) {
			expect(chunk.length).toBeLessThanOrEqual(MAX_KEYS_PER_FILTER);
			const encoded = encodeURIComponent(JSON.stringify({ type: 'or', filters: chunk.map((value) => ({ columnName: 'externalKey', condition: 'eq', value })) }));
			expect(encoded.length).toBeLessThan(MAX_FILTER_URL_CHARS + 100);
		}
	});
});

describe('normaliseBaseUrl', () => {
	it.each([
		['http://localhost:5678/api/v1', 'http://localhost:5678/api/v1'],
		['http://localhost:5678/api/v1/', 'http://localhost:5678/api/v1'],
		['http://localhost:5678', 'http://localhost:5678/api/v1'],
		[' https://n8n.example.com/ ', 'https://n8n.example.com/api/v1'],
	])('%s -> %s', (raw, expected) => expect(normaliseBaseUrl(raw)).toBe(expected));
});
