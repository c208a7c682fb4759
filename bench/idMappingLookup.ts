/**
 * ID Mapping, workflow static data store: save 100k mappings, then bulk-look up 10k items by
 * external ID and by awork ID, each a run of the node in n8n's engine (production mode).
 * Static data travels between runs as JSON, as n8n stores it. Prints wall time and memory.
 * Most of a run is n8n resolving the {{ $json... }} expressions of each item (~0.1 ms each);
 * the same lookups against an empty store show that share.
 *
 * Run: npm run build:test && node build/bench/idMappingLookup.js [mappings] [lookups]
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { IdMapping } from '../nodes/IdMapping/IdMapping.node';
import { runNode } from '../devkit/engine/runNode';

export interface IdMappingBenchResult {
	name: string;
	mappings: number;
	lookups: number;
	saveMs: number;
	lookupByExternalMs: number;
	lookupByAworkMs: number;
	/** The same 10k lookups against an empty store: n8n's own cost per item (expressions, engine). */
	lookupEmptyStoreMs: number;
	staticDataBytes: number;
	heapUsedMb: number;
	rssMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = process.hrtime.bigint();
	const value = await work();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

export async function runIdMappingLookupBench(mappings = 100_000, lookups = 10_000): Promise<IdMappingBenchResult> {
	const node = new IdMapping();
	const saveInput: INodeExecutionData[] = Array.from({ length: mappings }, (_, i) => ({
		json: { ext: `PSA-${i}`, aw: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
	}));
	const saved = await timed(() =>
		runNode({
			node,
			mode: 'trigger',
			parameters: { resource: 'mapping', operation: 'save', namespace: 'project', externalId: '={{ $json.ext }}', aworkId: '={{ $json.aw }}' },
			input: saveInput,
		}),
	);
	if (saved.value.error) throw saved.value.error;
	const storedJson = JSON.stringify(saved.value.staticData);

	// Every 10th mapping, plus a few that do not exist.
	const step = Math.max(1, Math.floor(mappings / lookups));
	const wanted = Array.from({ length: lookups }, (_, i) => i * step + (i % 100 === 0 ? mappings : 0));
	const byExternal = await timed(() =>
		runNode({
			node,
			mode: 'trigger',
			parameters: { resource: 'mapping', operation: 'lookupByExternalId', namespace: 'project', externalId: '={{ $json.ext }}' },
			input: wanted.map((i) => ({ json: { ext: `PSA-${i}` } })),
			staticData: JSON.parse(storedJson) as IDataObject,
		}),
	);
	if (byExternal.value.error) throw byExternal.value.error;
	const byAwork = await timed(() =>
		runNode({
			node,
			mode: 'trigger',
			parameters: { resource: 'mapping', operation: 'lookupByAworkId', namespace: 'project', aworkId: '={{ $json.aw }}' },
			input: wanted.map((i) => ({ json: { aw: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` } })),
			staticData: JSON.parse(storedJson) as IDataObject,
		}),
	);
	if (byAwork.value.error) throw byAwork.value.error;
	const baseline = await timed(() =>
		runNode({
			node,
			mode: 'trigger',
			parameters: { resource: 'mapping', operation: 'lookupByExternalId', namespace: 'project', externalId: '={{ $json.ext }}' },
			input: wanted.map((i) => ({ json: { ext: `PSA-${i}` } })),
			staticData: {},
		}),
	);
	if (baseline.value.error) throw baseline.value.error;
	const found = byExternal.value.outputs[0].length;
	const missing = byExternal.value.outputs[1].length;
	if (found + missing !== lookups || byAwork.value.outputs[0].length !== found) {
		throw new Error(`lookup results do not add up: ${found} found, ${missing} not found, ${byAwork.value.outputs[0].length} by awork ID`);
	}

	const memory = process.memoryUsage();
	return {
		name: 'idMapping static data: save 100k, look up 10k',
		mappings,
		lookups,
		saveMs: Math.round(saved.ms),
		lookupByExternalMs: Math.round(byExternal.ms),
		lookupByAworkMs: Math.round(byAwork.ms),
		lookupEmptyStoreMs: Math.round(baseline.ms),
		staticDataBytes: storedJson.length,
		heapUsedMb: mb(memory.heapUsed),
		rssMb: mb(memory.rss),
	};
}

if (require.main === module) {
	const [mappings, lookups] = process.argv.slice(2).map(Number);
	runIdMappingLookupBench(mappings || undefined, lookups || undefined)
		.then((result) => {
			process.stdout.write(
				`${result.name}\n` +
					`  save ${result.mappings} mappings (one run):      ${result.saveMs} ms\n` +
					`  look up ${result.lookups} by external ID (one run): ${result.lookupByExternalMs} ms\n` +
					`  look up ${result.lookups} by awork ID (one run):    ${result.lookupByAworkMs} ms\n` +
					`  same lookups, empty store (n8n's own cost):  ${result.lookupEmptyStoreMs} ms\n` +
					`  static data as stored: ${mb(result.staticDataBytes)} MB; heap used ${result.heapUsedMb} MB, rss ${result.rssMb} MB\n`,
			);
		})
		.catch((error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exitCode = 1;
		});
}
