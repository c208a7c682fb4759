/** Shared setup for the OnePsa tests: the node, its credential and a fake PSA. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { OnePsaApi } from '../../../credentials/OnePsaApi.credentials';
import { OnePsa } from '../../../nodes/OnePsa/OnePsa.node';
import { runNode, type RunNodeResult } from '../../../devkit/engine/runNode';
import { DEFAULT_TENANT, type RunningFakeOnePsa } from '../../../devkit/fakes/onepsa';

export function psaCredentials(baseUrl: string, extra: IDataObject = {}): IDataObject {
	return {
		tenantId: DEFAULT_TENANT.tenantId,
		apiUrl: baseUrl,
		integrationKey: DEFAULT_TENANT.integrationKey,
		apiKey: '',
		webhookSecret: '',
		...extra,
	};
}

export interface RunOnePsaOptions {
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
	/** The workflow's time zone setting. */
	timezone?: string;
}

export async function runOnePsa(
	psa: RunningFakeOnePsa,
	parameters: INodeParameters,
	options: RunOnePsaOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		node: new OnePsa(),
		parameters,
		credentials: { onePsaApi: psaCredentials(psa.baseUrl, options.credentials) as never },
		credentialTypes: [new OnePsaApi()],
		input: options.input,
		continueOnFail: options.continueOnFail,
		timezone: options.timezone,
	});
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** An awork time entry as the Awork node outputs it (GET /timeentries). */
export function aworkTimeEntry(n: number, overrides: IDataObject = {}): IDataObject {
	const day = String((n % 28) + 1).padStart(2, '0');
	return {
		id: `aw-te-${n}`,
		duration: 1800 + (n % 8) * 900,
		startDateUtc: `2024-05-${day}T08:00:00Z`,
		startDateLocal: `2024-05-${day}`,
		note: `Work item ${n}`,
		isBillable: true,
		user: { id: 'u1', firstName: 'Ada', lastName: 'Lovelace' },
		project: { id: 'p1', name: 'Website relaunch' },
		...overrides,
	};
}

export const items = (records: IDataObject[]): INodeExecutionData[] => records.map((json) => ({ json }));
