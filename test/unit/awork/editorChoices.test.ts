/**
 * Four awork operations the editor made confusing, as n8n resolves their parameters (editor and
 * engine use the same NodeHelpers), and the values older workflows saved, run in the engine:
 * - To Invoice Positions asks for no credential and runs without one;
 * - Task > Change Status offers one way (status type, optionally a name); "Status By: ID" shows
 *   only where a workflow set it, and still runs;
 * - Mark Billed no longer offers Chunk Size and Continue on Partial Failure (n8n's On Error does
 *   the latter); where a workflow set them they show and apply;
 * - client health sits under Company > Get Health; Project > Get Client Health shows only where a
 *   workflow uses it, and gives the same figures.
 */
import {
	NodeHelpers,
	getGlobalState,
	setGlobalState,
	type IDataObject,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { Awork } from '../../../nodes/Awork/Awork.node';
import { runNode } from '../../../devkit/engine/runNode';
import { ENTRIES } from './timeEntry/fixtures/invoicePositions';
import { IDS, REFERENCE_TIME, TIME_ZONE, clientHealthSeed } from './project/fixtures/clientHealth';
import { AworkTestBed, byId, json } from './harness';

const description = new Awork().description;
const nodeWith = (parameters: INodeParameters): INode => ({ id: 'n', name: 'awork', type: 'awork', typeVersion: 1, position: [0, 0], parameters });

/** The parameters n8n keeps for a node set up like this: the shown ones, with defaults. */
const resolved = (parameters: INodeParameters): INodeParameters =>
	NodeHelpers.getNodeParameters(description.properties, parameters, true, false, nodeWith(parameters), description)!;

/** The credentials the editor asks for on such a node. */
const askedCredentials = (parameters: INodeParameters): string[] => {
	const values = resolved(parameters);
	return (description.credentials ?? []).filter((credential) => NodeHelpers.displayParameter(values, credential, nodeWith(values), description)).map((c) => c.name);
};

/** The values of the operation picker of a resource that the editor lists for such a node. */
const listedOperations = (parameters: INodeParameters & { resource: string }): string[] => {
	const values = resolved(parameters);
	const picker = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(parameters.resource))!;
	return (picker.options as INodePropertyOptions[]).filter((option) => NodeHelpers.displayParameter(values, option, nodeWith(values), description)).map((o) => String(o.value));
};

/** The options of Mark Billed's Options collection the editor offers under "Add Option", given what is set. */
const offeredMarkBilledOptions = (options: IDataObject): string[] => {
	const collection = description.properties.find(
		(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('markBilled'),
	)!.options as INodeProperties[];
	const root = resolved({ resource: 'timeEntry', operation: 'markBilled', options } as INodeParameters);
	return collection.filter((option) => NodeHelpers.displayParameter(options as INodeParameters, option, nodeWith(root), description, root)).map((o) => o.name);
};

const bed = new AworkTestBed();
const globalState = getGlobalState();
beforeAll(async () => {
	setGlobalState({ ...globalState, defaultTimezone: TIME_ZONE });
	await bed.start();
});
afterAll(async () => {
	setGlobalState(globalState);
	await bed.stop();
});
beforeEach(() => bed.reset());

describe('awork node: To Invoice Positions needs no credential', () => {
	it('asks for no credential and hides Authentication there, but not for operations that call awork', () => {
		expect(askedCredentials({ resource: 'timeEntry', operation: 'toInvoicePositions' })).toEqual([]);
		expect(askedCredentials({ resource: 'timeEntry', operation: 'toInvoicePositions', authentication: 'oAuth2' })).toEqual([]);
		expect(resolved({ resource: 'timeEntry', operation: 'toInvoicePositions', authentication: 'apiKey' })).not.toHaveProperty('authentication');
		expect(askedCredentials({ resource: 'timeEntry', operation: 'getMany' })).toEqual(['aworkPsaApi']);
		expect(askedCredentials({ resource: 'timeEntry', operation: 'getMany', authentication: 'oAuth2' })).toEqual(['aworkPsaOAuth2Api']);
	});

	it('runs in the engine with no credential at all, as saved workflows (Authentication: API Key) do too', async () => {
		for (const saved of [{}, { authentication: 'apiKey' }]) {
			const result = await runNode({
				node: new Awork(),
				parameters: { resource: 'timeEntry', operation: 'toInvoicePositions', positionLevel: 'project', positionText: 'project', positionUnit: 'hours', defaultRate: 100, ...saved },
				input: ENTRIES.map((entry) => ({ json: entry })),
			});
			expect(result.error).toBeUndefined();
			expect(result.items.length).toBeGreaterThan(0);
			// Every billable entry (the one non-billable entry is left out by default) in a position.
			const billable = ENTRIES.filter((entry) => entry.isBillable !== false).map((entry) => String(entry.id));
			expect(billable).toHaveLength(ENTRIES.length - 1);
			expect(result.items.flatMap((item) => item.json.timeEntryIds as string[]).sort()).toEqual(billable.sort());
		}
	});
});

describe('awork node: Task > Change Status offers one way', () => {
	it('shows Status Type and Status Name, and Status By only where a workflow set it to ID', () => {
		const fresh = resolved({ resource: 'task', operation: 'changeStatus' });
		expect(fresh).toMatchObject({ statusType: 'done', statusName: '' });
		expect(fresh).not.toHaveProperty('statusBy');
		expect(fresh).not.toHaveProperty('taskStatusId');
		const byIdSaved = resolved({ resource: 'task', operation: 'changeStatus', statusBy: 'id', taskStatusId: 'x' });
		expect(byIdSaved).toMatchObject({ statusBy: 'id', taskStatusId: 'x' });
		expect(byIdSaved).not.toHaveProperty('statusType');
	});

	function seedTask() {
		const [project] = bed.seed({ projects: [{ name: 'Support' }] }).projects;
		const projectId = String(project.id);
		const [task] = bed.seed({ tasks: [{ name: 'Printer offline', baseType: 'projecttask', projectId, entityId: projectId }] }).tasks;
		const statuses = [...bed.store.taskStatuses.values()].filter((status) => status.projectId === projectId);
		return { taskId: String(task.id), statuses };
	}

	it('moves the task by type, with or without the saved "Status By: Type" of older workflows', async () => {
		for (const saved of [{}, { statusBy: 'type' }]) {
			const { taskId, statuses } = seedTask();
			const result = await bed.run({ resource: 'task', operation: 'changeStatus', taskId, statusType: 'review', ...saved });
			expect(result.error).toBeUndefined();
			expect(json(result)[0].taskStatusId).toBe(statuses.find((status) => status.type === 'review')!.id);
		}
	});

	it('still moves the task to a status given by ID, as a saved string or a picked locator', async () => {
		for (const value of [(id: string) => id, byId]) {
			const { taskId, statuses } = seedTask();
			const done = statuses.find((status) => status.type === 'done')!;
			const result = await bed.run({ resource: 'task', operation: 'changeStatus', taskId, statusBy: 'id', taskStatusId: value(String(done.id)) as never });
			expect(result.error).toBeUndefined();
			expect(bed.store.tasks.get(taskId)!.taskStatusId).toBe(done.id);
		}
	});
});

describe('awork node: Mark Billed options', () => {
	it('offers Continue on Partial Failure, and Chunk Size only where a saved workflow set it', () => {
		expect(offeredMarkBilledOptions({})).toEqual(['addReport', 'changedSince', 'requireAll', 'continueOnPartialFailure']);
		expect(offeredMarkBilledOptions({ chunkSize: 500, continueOnPartialFailure: true })).toEqual([
			'addReport',
			'changedSince',
			'requireAll',
			'continueOnPartialFailure',
			'chunkSize',
		]);
		// The engine keeps the saved values (they would be dropped if they were not shown).
		expect(resolved({ resource: 'timeEntry', operation: 'markBilled', options: { chunkSize: 2, continueOnPartialFailure: true } }).options).toEqual({
			chunkSize: 2,
			continueOnPartialFailure: true,
		});
	});

	it("gives the per-ID results with Continue on Partial Failure, as n8n's On Error does", async () => {
		const [project] = bed.seed({ projects: [{ name: 'Billing' }] }).projects;
		const entries = bed.seed({
			timeEntries: [0, 1].map((index) => ({ projectId: project.id, isBillable: true, isBilled: false, startDateUtc: `2026-03-0${index + 2}T09:00:00Z`, duration: 3600, userId: bed.store.meUserId })),
		}).timeEntries;
		const ids = entries.map((entry) => String(entry.id));
		const missing = '00000000-0000-0000-0000-000000000001';
		const params = { resource: 'timeEntry', operation: 'markBilled', timeEntryIds: `${ids[0]},${missing}` };
		const byOnError = await bed.run(params, { onError: 'continueRegularOutput', continueOnFail: true });
		bed.store.timeEntries.get(ids[0])!.isBilled = false;
		const bySavedOption = await bed.run({ ...params, options: { continueOnPartialFailure: true } });
		for (const result of [byOnError, bySavedOption]) {
			expect(result.error).toBeUndefined();
			expect(json(result).map((entry) => [entry.id, entry.status])).toEqual([
				[ids[0], 'ok'],
				[missing, 'notFound'],
			]);
		}
		expect(bed.store.timeEntries.get(ids[0])!.isBilled).toBe(true);
		// Without either, it fails naming the ID, and points to the option.
		bed.store.timeEntries.get(ids[0])!.isBilled = false;
		const failed = await bed.run(params);
		expect(failed.error?.message).toContain(`notFound: ${missing}`);
		expect(failed.error?.description).toContain('Continue on Partial Failure');
	});

	it("still fails when a request fails as a whole with Continue on Partial Failure, where On Error goes on", async () => {
		const [project] = bed.seed({ projects: [{ name: 'Billing' }] }).projects;
		const [entry] = bed.seed({
			timeEntries: [{ projectId: project.id, isBillable: true, isBilled: false, startDateUtc: '2026-03-02T09:00:00Z', duration: 3600, userId: bed.store.meUserId }],
		}).timeEntries;
		const params = { resource: 'timeEntry', operation: 'markBilled', timeEntryIds: String(entry.id) };
		bed.setFaults({ errorRate: 1, errorStatus: 403 });
		try {
			const byOption = await bed.run({ ...params, options: { continueOnPartialFailure: true } });
			expect(byOption.error?.message).toMatch(/403|access|forbidden/i);
			const byOnError = await bed.run(params, { onError: 'continueRegularOutput', continueOnFail: true });
			expect(byOnError.error).toBeUndefined();
			expect(json(byOnError)).toHaveLength(1);
			expect(json(byOnError)[0].error).toBeDefined();
		} finally {
			bed.setFaults({ errorRate: 0 });
		}
		expect(bed.store.timeEntries.get(String(entry.id))!.isBilled).toBe(false);
	});
});

describe('awork node: client health under Company', () => {
	it('lists Get Health under Company; Project lists Get Client Health only where a workflow uses it', () => {
		expect(listedOperations({ resource: 'company', operation: 'get' })).toContain('getHealth');
		expect(listedOperations({ resource: 'project', operation: 'get' })).not.toContain('getClientHealth');
		expect(listedOperations({ resource: 'project', operation: 'getClientHealth' })).toContain('getClientHealth');
		// Its parameters keep their names in both places, so a saved node shows what it had.
		const saved = { healthScope: 'company', companyId: byId(IDS.acme) };
		expect(resolved({ resource: 'project', operation: 'getClientHealth', ...saved })).toMatchObject(saved);
		expect(resolved({ resource: 'company', operation: 'getHealth', ...saved })).toMatchObject(saved);
	});

	it('Company > Get Health gives the figures Project > Get Client Health gives', async () => {
		const outputs: IDataObject[][] = [];
		for (const [resource, operation] of [
			['company', 'getHealth'],
			['project', 'getClientHealth'],
		]) {
			bed.reset();
			bed.seed(clientHealthSeed());
			const result = await bed.run({ resource, operation, healthScope: 'all', healthOptions: { referenceTime: REFERENCE_TIME } });
			expect(result.error).toBeUndefined();
			outputs.push(json(result));
		}
		expect(outputs[0].length).toBe(2);
		expect(outputs[0]).toEqual(outputs[1]);
	});
});
