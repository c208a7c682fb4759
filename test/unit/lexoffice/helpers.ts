/** Shared setup for the Lexoffice tests: the node, its credential, positions and a fake Lexoffice. */
import type { IDataObject, ILoadOptionsFunctions, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { LexofficePsaApi } from '../../../credentials/LexofficePsaApi.credentials';
import { Lexoffice } from '../../../nodes/Lexoffice/Lexoffice.node';
import { runNode, type RunNodeResult } from '../../../devkit/engine/runNode';
import { DEFAULT_LEXOFFICE_KEY, type RunningFakeLexoffice } from '../../../devkit/fakes/lexoffice';

export const APP_URL = 'https://app.example.test';

export interface RunLexofficeOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	/** The workflow's time zone setting; n8n's default otherwise. */
	timezone?: string;
}

export async function runLexoffice(fake: RunningFakeLexoffice, parameters: INodeParameters, options: RunLexofficeOptions = {}): Promise<RunNodeResult> {
	return await runNode({
		node: new Lexoffice(),
		parameters,
		credentials: { lexofficePsaApi: { apiKey: DEFAULT_LEXOFFICE_KEY, baseUrl: fake.baseUrl, appUrl: APP_URL, ...options.credentials } as never },
		credentialTypes: [new LexofficePsaApi()],
		input: options.input,
		continueOnFail: options.continueOnFail,
		timezone: options.timezone,
	});
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A position as To Invoice Positions outputs it. */
export function position(n: number, overrides: IDataObject = {}): IDataObject {
	return {
		positionId: `pos-${n}`,
		position: n,
		text: `Website relaunch ${n}`,
		quantity: 2.5,
		unit: 'hours',
		unitPrice: 100,
		amount: 250,
		timeEntryIds: [`te-${n}a`, `te-${n}b`],
		from: `2026-05-0${n}T08:00:00Z`,
		to: `2026-05-0${n}T10:30:00Z`,
		date: `2026-05-0${n}`,
		...overrides,
	};
}

export const items = (records: IDataObject[]): INodeExecutionData[] => records.map((json) => ({ json }));

/** Create Draft from Positions for one contact, net 19 % unless overridden. */
export const createDraft = (contactId: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'invoice',
	operation: 'createDraft',
	contactId: byId(contactId),
	voucherDate: '2026-06-01',
	taxType: 'net',
	taxRatePercentage: 19,
	...extra,
});

/** Enough of n8n's load-options context for the pickers (list search), sending with fetch. */
export function loadOptionsContext(fake: RunningFakeLexoffice): ILoadOptionsFunctions {
	return {
		getCredentials: async () => ({ apiKey: DEFAULT_LEXOFFICE_KEY, baseUrl: fake.baseUrl }),
		getNode: () => ({ name: 'Lexoffice', type: 'lexoffice', typeVersion: 1, position: [0, 0], parameters: {} }),
		helpers: {
			httpRequest: async (options: { url: string; qs?: IDataObject; headers?: Record<string, string>; method?: string }) => {
				const url = new URL(options.url);
				for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
				const answer = await fetch(url, { method: options.method, headers: options.headers });
				return { statusCode: answer.status, headers: {}, body: await answer.json() };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}
