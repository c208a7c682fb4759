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
}

export async function runHq(hq: RunningFakeHq, parameters: INodeParameters, options: RunHqOptions = {}): Promise<RunNodeResult> {
	return await runNode({
		node: new Hq(),
		parameters,
		credentials: { hqPsaApi: { apiToken: HQ_TOKEN, baseUrl: hq.baseUrl, webUrl: '', ...options.credentials } as never },
		credentialTypes: [new HqPsaApi()],
		input: options.input,
		continueOnFail: options.continueOnFail,
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
