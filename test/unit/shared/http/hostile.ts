/**
 * Hostile servers on 127.0.0.1 and probe nodes that call each transport (awork, The One PSA,
 * n8n's API) inside n8n's engine, for the attack tests in this folder.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { AworkPsaApi } from '../../../../credentials/AworkPsaApi.credentials';
import { IdMappingN8nApi } from '../../../../credentials/IdMappingN8nApi.credentials';
import { OnePsaApi } from '../../../../credentials/OnePsaApi.credentials';
import { runNode, type RunNodeResult } from '../../../../devkit/engine/runNode';

export interface HostileRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
}

export type HostileHandler = (req: HostileRequest, res: http.ServerResponse, index: number) => void;

export class HostileServer {
	readonly seen: HostileRequest[] = [];

	/** Connections the client closed before the answer ended (an abort). */
	closedEarly = 0;

	origin = '';

	private readonly server: http.Server;

	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(handler: HostileHandler) {
		this.server = http.createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
			const url = new URL(req.url ?? '/', 'http://local');
			const seen = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers };
			this.seen.push(seen);
			res.on('close', () => {
				if (!res.writableEnded) this.closedEarly++;
			});
			req.resume();
			req.on('end', () => handler(seen, res, this.seen.length - 1));
		});
	}

	/** setInterval that stop() clears. */
	every(ms: number, fn: () => void): NodeJS.Timeout {
		const timer = setInterval(fn, ms);
		this.timers.add(timer);
		return timer;
	}

	async start(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		for (const timer of this.timers) clearInterval(timer);
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

/** Answers 200 and then one byte every `everyMs`, never finishing. */
export function trickle(server: HostileServer, res: http.ServerResponse, everyMs = 500): void {
	res.writeHead(200, { 'content-type': 'application/json' });
	res.write('[');
	const timer = server.every(everyMs, () => {
		if (res.writableEnded || res.destroyed) return clearInterval(timer);
		res.write(' ');
	});
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

type Probe = (this: IExecuteFunctions) => Promise<unknown>;

function probeNode(credential: string, fn: Probe): INodeType {
	return {
		description: {
			displayName: 'HTTP Probe',
			name: 'httpProbe',
			group: ['transform'],
			version: 1,
			description: 'Calls one transport',
			defaults: { name: 'HTTP Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credential, required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const result = await fn.call(this);
			const out: INodeExecutionData[] = [{ json: { result: result as IDataObject } }];
			return [out];
		},
	};
}

export async function runAworkProbe(baseUrl: string, fn: Probe): Promise<RunNodeResult> {
	return await runNode({
		node: probeNode('aworkPsaApi', fn),
		parameters: {},
		credentials: { aworkPsaApi: { apiKey: 'awork-secret-key', baseUrl } },
		credentialTypes: [new AworkPsaApi()],
	});
}

export async function runPsaProbe(apiUrl: string, fn: Probe): Promise<RunNodeResult> {
	return await runNode({
		node: probeNode('onePsaApi', fn),
		parameters: {},
		credentials: {
			onePsaApi: { tenantId: 'tenant-h', apiUrl, integrationKey: 'psa-integration-secret', apiKey: 'psa-bearer-secret', webhookSecret: '' },
		},
		credentialTypes: [new OnePsaApi()],
	});
}

export async function runN8nApiProbe(baseUrl: string, fn: Probe): Promise<RunNodeResult> {
	return await runNode({
		node: probeNode('idMappingN8nApi', fn),
		parameters: {},
		credentials: { idMappingN8nApi: { baseUrl, apiKey: 'n8n-api-secret' } },
		credentialTypes: [new IdMappingN8nApi()],
	});
}

/** Every text of an error a user or the execution data could see. */
export function errorText(result: RunNodeResult): string {
	const error = result.error;
	return JSON.stringify({ message: error?.message, description: error?.description, context: error?.context });
}
