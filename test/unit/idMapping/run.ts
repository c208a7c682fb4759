/** Runs the ID Mapping node in n8n's engine, as a production (trigger) execution by default. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';
import { IdMappingN8nApi } from '../../../credentials/IdMappingN8nApi.credentials';
import { IdMapping } from '../../../nodes/IdMapping/IdMapping.node';
import { runNode, type RunNodeResult } from '../../../devkit/engine/runNode';
import { FakeN8nDataTables } from '../../../devkit/fakes/n8nDataTables/fakeN8nDataTables';
import type { FakeHandler } from '../../../devkit/fakes/shared/fakeServer';
import { clearDataTableCaches } from '../../../nodes/IdMapping/stores/dataTableStore';

export interface RunIdMappingOptions {
	parameters: INodeParameters;
	input?: IDataObject[];
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	continueOnFail?: boolean;
	/** Data Table store: the credential data (baseUrl, apiKey). */
	n8nApi?: ICredentialDataDecryptedObject;
	executionId?: string;
}

export async function runIdMapping(options: RunIdMappingOptions): Promise<RunNodeResult> {
	const input: INodeExecutionData[] = (options.input ?? [{}]).map((json) => ({ json }));
	return await runNode({
		node: new IdMapping(),
		parameters: options.parameters,
		input,
		staticData: options.staticData ?? {},
		mode: options.mode ?? 'trigger',
		continueOnFail: options.continueOnFail,
		credentials: options.n8nApi ? { idMappingN8nApi: options.n8nApi } : undefined,
		credentialTypes: [new IdMappingN8nApi()],
		executionId: options.executionId,
	});
}

/** Copies static data as n8n would store it (JSON), so the next run starts from saved state. */
export function persisted(staticData: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(staticData)) as IDataObject;
}

/**
 * A fake n8n data-table API for one test file: started before its tests, emptied (tables, request
 * log, the node's table cache) before each, closed after. Read `fake` and `baseUrl` inside tests.
 */
export function useFakeDataTables(apiKey = 'key-1'): { fake: FakeN8nDataTables; baseUrl: string } {
	const bed = {} as { fake: FakeN8nDataTables; baseUrl: string };
	beforeAll(async () => {
		bed.fake = new FakeN8nDataTables(apiKey);
		bed.baseUrl = bed.fake.baseUrl(await bed.fake.listen());
	});
	afterAll(async () => await bed.fake.close());
	beforeEach(() => {
		bed.fake.tables.clear();
		bed.fake.server.log.length = 0;
		clearDataTableCaches();
	});
	return bed;
}


/** Swaps the handler of one route of the fake (e.g. 'api/v1/data-tables/:dataTableId/rows') for one test; returns the undo. */
export function wrapFakeRoute(fake: FakeN8nDataTables, method: string, path: string, wrap: (original: FakeHandler) => FakeHandler): () => void {
	// FakeHttpServer keeps its routes private.
	const routes = (fake.server as unknown as { routes: Array<{ method: string; segments: string[]; handler: FakeHandler }> }).routes;
	const route = routes.find((r) => r.method === method && r.segments.join('/') === path);
	if (!route) throw new Error(`The fake has no route ${method} ${path}`);
	const original = route.handler;
	route.handler = wrap(original);
	return () => {
		route.handler = original;
	};
}
