import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ICredentialType, IExecuteFunctions, INodeType } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { runNode } from '../../../../devkit/engine/runNode';

// A minimal node that proves the harness wires credentials, HTTP helpers, static data and
// continueOnFail through n8n's engine.
const probeCredential: ICredentialType = {
	name: 'probeApi',
	displayName: 'Probe',
	properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
	authenticate: { type: 'generic', properties: { headers: { 'X-Key': '={{$credentials.key}}' } } },
};

const probeNode: INodeType = {
	description: {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'probe',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'probeApi', required: true }],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	},
	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		const out = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const url = this.getNodeParameter('url', i) as string;
				if (!url) throw new NodeOperationError(this.getNode(), 'URL is empty', { itemIndex: i });
				const body = await this.helpers.httpRequestWithAuthentication.call(this, 'probeApi', { url, json: true });
				const staticData = this.getWorkflowStaticData('node');
				staticData.calls = ((staticData.calls as number) ?? 0) + 1;
				out.push({ json: body, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	},
};

describe('runNode (n8n-core engine harness)', () => {
	let server: http.Server;
	let base: string;
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ key: req.headers['x-key'] ?? null }));
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise((r) => server.close(r)));

	it('resolves expressions and generic credential auth, and keeps static data', async () => {
		const result = await runNode({
			node: probeNode,
			parameters: { url: '={{ $json.target }}' },
			credentials: { probeApi: { key: 'secret-1' } },
			credentialTypes: [probeCredential],
			input: [{ json: { target: `${base}/a` } }, { json: { target: `${base}/b` } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.key)).toEqual(['secret-1', 'secret-1']);
		expect((result.staticData['node:Node'] as { calls: number }).calls).toBe(2);
	});

	it('reports a node error, or continues on fail when asked', async () => {
		const failing = await runNode({
			node: probeNode,
			parameters: { url: '' },
			credentials: { probeApi: { key: 'k' } },
			credentialTypes: [probeCredential],
		});
		expect(failing.error?.message).toBe('URL is empty');
		const continued = await runNode({
			node: probeNode,
			parameters: { url: '' },
			credentials: { probeApi: { key: 'k' } },
			credentialTypes: [probeCredential],
			continueOnFail: true,
		});
		expect(continued.items[0].json).toEqual({ error: 'URL is empty' });
	});
});
