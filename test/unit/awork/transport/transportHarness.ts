/**
 * Runs transport calls inside n8n's real engine (runNode), so they get a real execution context
 * with httpRequestWithAuthentication, and a tiny local HTTP server scripted per test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { AworkPsaApi } from '../../../../credentials/AworkPsaApi.credentials';
import { runNode, type RunNodeResult } from '../../../../devkit/engine/runNode';

export interface SeenRequest {
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: unknown;
}

export interface ScriptedAnswer {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Destroy the socket instead of answering. */
	reset?: boolean;
}

export class ScriptedServer {
	readonly seen: SeenRequest[] = [];

	baseUrl = '';

	private server?: http.Server;

	constructor(private readonly answer: (req: SeenRequest, index: number) => ScriptedAnswer | Promise<ScriptedAnswer>) {}

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', async () => {
				const url = new URL(req.url ?? '/', 'http://local');
				const raw = Buffer.concat(chunks).toString('utf8');
				const seen: SeenRequest = {
					at: Date.now(),
					method: req.method ?? 'GET',
					path: url.pathname,
					query: Object.fromEntries(url.searchParams),
					headers: req.headers,
					body: raw ? JSON.parse(raw) : undefined,
				};
				this.seen.push(seen);
				const answer = await this.answer(seen, this.seen.length - 1);
				if (answer.reset) {
					req.socket.destroy();
					return;
				}
				res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
				res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`;
		return this;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}
}

export type ProbeFn = (this: IExecuteFunctions, itemIndex: number) => Promise<unknown>;

/** A node whose execute runs `fn` once per item and outputs what it returned. */
export function probeNode(fn: ProbeFn): INodeType {
	return {
		description: {
			displayName: 'awork Probe',
			name: 'aworkProbe',
			group: ['transform'],
			version: 1,
			description: 'Calls the awork transport',
			defaults: { name: 'awork Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'aworkPsaApi', required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const out: INodeExecutionData[] = [];
			const items = this.getInputData();
			for (let i = 0; i < items.length; i++) {
				const result = await fn.call(this, i);
				out.push({ json: { result: result as IDataObject }, pairedItem: { item: i } });
			}
			return [out];
		},
	};
}

export async function runProbe(
	baseUrl: string,
	fn: ProbeFn,
	options: { items?: number; apiKey?: string } = {},
): Promise<RunNodeResult> {
	return await runNode({
		node: probeNode(fn),
		parameters: {},
		credentials: { aworkPsaApi: { apiKey: options.apiKey ?? 'test-key', baseUrl } },
		credentialTypes: [new AworkPsaApi()],
		input: Array.from({ length: options.items ?? 1 }, (_, i) => ({ json: { i } })),
	});
}
