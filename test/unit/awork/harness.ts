/**
 * Runs the awork node in n8n's engine (runNode) against the fake awork, and gives tests the
 * fake's request log and state to assert on.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { AworkPsaApi } from '../../../credentials/AworkPsaApi.credentials';
import { Awork } from '../../../nodes/Awork/Awork.node';
import { runNode, type RunNodeOptions, type RunNodeResult } from '../../../devkit/engine/runNode';
import { startFakeAwork, type RunningFakeAwork } from '../../../devkit/fakes/awork';
import type { FakeHandler, RequestLogEntry } from '../../../devkit/fakes/shared/fakeServer';

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The credential's Web Address in these tests, so outputs' `url` needs no GET /me. */
export const WEB_URL = 'https://acme.awork.com';

export interface RunAworkOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	onError?: RunNodeOptions['onError'];
	/** Changes to the API key credential (e.g. `{ webUrl: '' }`). */
	credential?: IDataObject;
	/** The node version the workflow saved (default 1). */
	typeVersion?: number;
	/** The workflow's time zone setting. */
	timezone?: string;
}

export class AworkTestBed {
	awork!: RunningFakeAwork;

	async start(): Promise<this> {
		this.awork = await startFakeAwork();
		return this;
	}

	async stop(): Promise<void> {
		await this.awork.close();
	}

	get fake() {
		return this.awork.fake;
	}

	get store() {
		return this.awork.fake.store;
	}

	/** Empties the workspace (keeping the defaults) and the request log. */
	reset(): void {
		this.fake.reset();
	}

	seed(input: Parameters<RunningFakeAwork['fake']['seed']>[0]): Record<string, IDataObject[]> {
		return this.fake.seed(input) as Record<string, IDataObject[]>;
	}

	/** API requests the fake received (control requests are not logged). */
	get requests(): RequestLogEntry[] {
		return this.fake.server.log;
	}

	requestsTo(method: string, pathPattern: RegExp): RequestLogEntry[] {
		return this.requests.filter((entry) => entry.method === method && pathPattern.test(entry.path));
	}

	/**
	 * Swaps the handler of one fake route for the duration of a test (restored by the returned
	 * function). FakeHttpServer keeps routes private; tests reach in rather than grow its API.
	 */
	wrapRoute(method: string, path: string, wrap: (original: FakeHandler) => FakeHandler): () => void {
		const segments = path.split('/').filter(Boolean);
		const routes = (this.fake.server as unknown as { routes: Array<{ method: string; segments: string[]; handler: FakeHandler }> }).routes;
		const route = routes.find((r) => r.method === method && r.segments.join('/') === segments.join('/'));
		if (!route) throw new Error(`no fake route ${method} ${path}`);
		const original = route.handler;
		route.handler = wrap(original);
		return () => {
			route.handler = original;
		};
	}

	/** Arms a fault switch from inside a handler: it applies from the next request on. */
	setFaults(patch: Partial<RunningFakeAwork['fake']['server']['faults']>): void {
		this.fake.server.faults = { ...this.fake.server.faults, ...patch };
	}

	clearLog(): void {
		this.fake.server.log.length = 0;
	}

	async run(parameters: INodeParameters, options: RunAworkOptions = {}): Promise<RunNodeResult> {
		return await runNode({
			node: new Awork(),
			parameters: { authentication: 'apiKey', ...parameters },
			credentials: { aworkPsaApi: { apiKey: this.fake.apiKey, baseUrl: this.awork.baseUrl, webUrl: WEB_URL, ...options.credential } },
			credentialTypes: [new AworkPsaApi()],
			input: options.input ?? [{ json: {} }],
			continueOnFail: options.continueOnFail,
			onError: options.onError,
			typeVersion: options.typeVersion,
			timezone: options.timezone,
		});
	}
}

export const json = (result: RunNodeResult) => result.items.map((item) => item.json);
export const paired = (result: RunNodeResult) =>
	result.items.map((item) => (item.pairedItem as { item: number } | undefined)?.item);
