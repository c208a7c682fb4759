/**
 * On Error, as n8n's engine routes it, for an operation that fails on one item of three:
 * "Continue (using error output)" puts the failed item on the node's error output (n8n does that
 * only for an item whose json holds nothing but `error`, and then adds the input's json itself);
 * "Continue" keeps it on the main output, as the input plus `error`. Either way the next node sees
 * what failed and why.
 */
import { AworkTestBed } from '../awork/harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const MISSING = '0b1e8c3a-6a0f-4f59-9d2c-5d6c1e0f9a11';

async function getProjects(onError: 'continueErrorOutput' | 'continueRegularOutput') {
	const [project] = bed.seed({ projects: [{ name: 'Client' }] }).projects;
	const input = [String(project.id), MISSING, String(project.id)].map((id, n) => ({ json: { projectId: id, row: n } }));
	return await bed.run(
		{ resource: 'project', operation: 'get', projectId: { __rl: true, mode: 'id', value: '={{ $json.projectId }}' } },
		{ input, onError },
	);
}

describe('action nodes: a failed item under n8n\'s On Error settings', () => {
	it('"Continue (using error output)": the failed item is on the error output, with the error', async () => {
		const result = await getProjects('continueErrorOutput');
		expect(result.error).toBeUndefined();
		expect(result.outputs[0].map((item) => item.json.name)).toEqual(['Client', 'Client']);
		expect(result.outputs[1]).toHaveLength(1);
		// n8n adds the input's json when the item came from a node before (test/e2e/psaContextWorkflows.test.ts:
		// the 404 answers); here the node runs alone, so only what routed it is left.
		expect(result.outputs[1][0].json).toEqual({ error: expect.stringContaining('404') });
		expect(result.outputs[1][0].pairedItem).toEqual({ item: 1 });
	});

	it('"Continue": the failed item stays on the main output as its input plus the error', async () => {
		const result = await getProjects('continueRegularOutput');
		expect(result.outputs).toHaveLength(1);
		expect(result.outputs[0].map((item) => item.json.name ?? item.json.error)).toEqual(['Client', expect.stringContaining('404'), 'Client']);
		expect(result.outputs[0][1].json).toMatchObject({ projectId: MISSING, row: 1 });
	});
});
