/** The harness's own pure parts (no n8n started): output parsing and workflow rewriting. */
import { nodeOutput, parseLastJsonObject, runError } from '../../devkit/n8n';
import { withCredentials, withPlaceholders, type WorkflowJson } from '../../devkit/n8n/workflows';

const workflow: WorkflowJson = {
	name: 'wf',
	nodes: [
		{ name: 'A', type: 'x.a', typeVersion: 1, position: [0, 0], parameters: { url: '__BASE__/items' }, credentials: { aworkPsaApi: { id: '', name: '' } } },
		{ name: 'B', type: 'x.b', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { onePsaApi: { id: 'old', name: 'old' } } },
		{ name: 'C', type: 'x.c', typeVersion: 1, position: [0, 0], parameters: {} },
	],
	connections: {},
};

describe('e2e harness helpers', () => {
	it('reads the run n8n execute prints after its own log lines', () => {
		const stdout = [
			'Loading package...',
			'{',
			'  "data": {',
			'    "resultData": { "runData": { "A": [ { "data": { "main": [ [ { "json": { "id": 1 } } ] ] } } ] } }',
			'  },',
			'  "status": "success"',
			'}',
			'',
		].join('\n');
		const run = parseLastJsonObject(stdout) as Parameters<typeof nodeOutput>[0];
		expect(nodeOutput(run, 'A')).toEqual([{ id: 1 }]);
		expect(nodeOutput(run, 'missing')).toEqual([]);
		expect(runError(run)).toBeUndefined();
	});

	it('returns undefined when the output holds no run', () => {
		expect(parseLastJsonObject('Error executing workflow.\n{ not json\n}\n')).toBeUndefined();
	});

	it('points credential references of the given types at real ids and leaves others alone', () => {
		const rewritten = withCredentials(workflow, { aworkPsaApi: { id: '7', name: 'awork' } });
		expect(rewritten.nodes[0].credentials).toEqual({ aworkPsaApi: { id: '7', name: 'awork' } });
		expect(rewritten.nodes[1].credentials).toEqual({ onePsaApi: { id: 'old', name: 'old' } });
		expect(rewritten.nodes[2].credentials).toBeUndefined();
		expect(workflow.nodes[0].credentials).toEqual({ aworkPsaApi: { id: '', name: '' } });
	});

	it('fills __KEY__ placeholders, escaping for JSON', () => {
		const filled = withPlaceholders(workflow, { BASE: 'http://127.0.0.1:1/"q"' });
		expect(filled.nodes[0].parameters.url).toBe('http://127.0.0.1:1/"q"/items');
	});
});
