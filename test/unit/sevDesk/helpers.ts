/** Shared setup for the sevDesk tests: the node, its credential, a fake sevDesk and position items. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { SevDeskPsaApi } from '../../../credentials/SevDeskPsaApi.credentials';
import { SevDesk } from '../../../nodes/SevDesk/SevDesk.node';
import { runNode, type RunNodeResult } from '../../../devkit/engine/runNode';
import { DEFAULT_SEVDESK_TOKEN, startFakeSevDesk, type FakeSevDeskOptions, type RunningFakeSevDesk } from '../../../devkit/fakes/sevdesk';

export const ACME = 501;
export const GLOBEX = 502;

/** A fake sevDesk with two customers and no rate limit (tests of pacing turn it on). */
export async function startSevDesk(options: FakeSevDeskOptions = {}): Promise<RunningFakeSevDesk> {
	const sevDesk = await startFakeSevDesk({ rateLimit: null, ...options });
	sevDesk.fake.seed({ contacts: [{ id: ACME, name: 'Acme GmbH', customerNumber: '1001' }, { id: GLOBEX, name: 'Globex Ltd', customerNumber: '1002' }] });
	return sevDesk;
}

export interface RunSevDeskOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	executionId?: string;
	/** The workflow's time zone setting; n8n's default otherwise. */
	timezone?: string;
}

export async function runSevDesk(sevDesk: RunningFakeSevDesk, parameters: INodeParameters, options: RunSevDeskOptions = {}): Promise<RunNodeResult> {
	return await runNode({
		node: new SevDesk(),
		parameters,
		credentials: { sevDeskPsaApi: { apiToken: DEFAULT_SEVDESK_TOKEN, baseUrl: sevDesk.baseUrl, ...options.credentials } as never },
		credentialTypes: [new SevDeskPsaApi()],
		input: options.input,
		continueOnFail: options.continueOnFail,
		executionId: options.executionId,
		timezone: options.timezone,
	});
}

export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

/** A position as To Invoice Positions outputs it. */
export function position(n: number, overrides: IDataObject = {}): IDataObject {
	return {
		positionId: `pos-${n}`,
		position: n,
		text: `Website relaunch: task ${n}`,
		quantity: 1.5 * n,
		unit: 'hours',
		unitPrice: 100,
		amount: 150 * n,
		timeEntryIds: [`te-${n}a`, `te-${n}b`],
		timeEntryCount: 2,
		level: 'task',
		...overrides,
	};
}

export const items = (records: IDataObject[]): INodeExecutionData[] => records.map((json) => ({ json }));

export const createDraft = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'invoice',
	operation: 'createDraft',
	contactId: byId(ACME),
	taxRule: '1',
	taxRate: 19,
	options: { invoiceDate: '2026-12-04' },
	...extra,
});

export const addPositions = (invoiceId: string | number, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'invoice',
	operation: 'addPositions',
	invoiceId: byId(invoiceId),
	taxRate: 19,
	options: {},
	...extra,
});

/** What a list search method gets from n8n, sending through fetch to the fake. */
export function loadOptionsContext(sevDesk: RunningFakeSevDesk): never {
	return {
		getNode: () => ({ name: 'sevDesk', type: 'sevDesk', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => ({ apiToken: DEFAULT_SEVDESK_TOKEN, baseUrl: sevDesk.baseUrl }),
		helpers: {
			httpRequest: async (options: { url: string; qs?: Record<string, unknown>; headers?: Record<string, string> }) => {
				const url = new URL(options.url);
				for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, { headers: options.headers });
				return { statusCode: response.status, headers: {}, body: await response.json() };
			},
		},
	} as never;
}
