/** Shared setup for the HQ tests: the node, its credential, a fake HQ and positions as To Invoice Positions outputs them. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { HqPsaApi } from '../../../credentials/HqPsaApi.credentials';
import { Hq } from '../../../nodes/Hq/Hq.node';
import { runNode, type RunNodeResult } from '../../../devkit/engine/runNode';
import { HQ_TOKEN, type RunningFakeHq } from '../../../devkit/fakes/hq';

export interface RunHqOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	/** The workflow's time zone setting; n8n's default otherwise. */
	timezone?: string;
}

export async function runHq(hq: RunningFakeHq, parameters: INodeParameters, options: RunHqOptions = {}): Promise<RunNodeResult> {
	return await runNode({
		node: new Hq(),
		parameters,
		credentials: { hqPsaApi: { apiToken: HQ_TOKEN, baseUrl: hq.baseUrl, webUrl: '', ...options.credentials } as never },
		credentialTypes: [new HqPsaApi()],
		input: options.input,
		continueOnFail: options.continueOnFail,
		timezone: options.timezone,
	});
}

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** A position as To Invoice Positions outputs it. */
export function position(n: number, overrides: IDataObject = {}): IDataObject {
	return {
		positionId: `pos-${n}`,
		position: n,
		text: `Website relaunch · Design ${n}`,
		quantity: 2.5,
		unit: 'hours',
		unitPrice: 100,
		amount: 250,
		timeEntryIds: [`te-${n}a`, `te-${n}b`],
		from: `2026-11-0${n}T08:00:00Z`,
		to: `2026-11-0${n}T10:30:00Z`,
		...overrides,
	};
}

export const items = (records: IDataObject[]): INodeExecutionData[] => records.map((json) => ({ json }));

export const ACME = { id: 501, name: 'Acme GmbH', debitorNumber: 10001 };
export const GLOBEX = { id: 502, name: 'Globex Ltd', debitorNumber: 10002 };

export const createDraft = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'invoice',
	operation: 'createDraft',
	contactId: byId(ACME.id),
	documentTemplateId: byId(1),
	currency: 'EUR',
	invoiceDate: '2026-12-01',
	validDays: 14,
	...extra,
});

/**
 * A proxy in front of the fake that cuts the connection after the fake has handled the requests
 * `cut` picks: the write lands in HQ, the node never sees the answer (a crash mid-write).
 */
export async function cuttingProxy(target: string, cut: (method: string, path: string) => boolean): Promise<{ baseUrl: string; close: () => Promise<void> }> {
	const http = await import('node:http');
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const headers: Record<string, string> = {};
				for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string' && key !== 'host' && key !== 'content-length') headers[key] = value;
				const answer = await fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
				const body = Buffer.from(await answer.arrayBuffer());
				if (cut(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname)) {
					req.socket.destroy();
					return;
				}
				const out: Record<string, string> = {};
				answer.headers.forEach((value, key) => {
					if (key !== 'content-length' && key !== 'transfer-encoding' && key !== 'connection') out[key] = value;
				});
				res.writeHead(answer.status, out);
				res.end(body);
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
