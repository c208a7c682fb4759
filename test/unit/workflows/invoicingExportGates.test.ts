/**
 * The two gates of workflows/invoicing-export.json ("Export Time?" and "Export Due?"), with their
 * expressions as shipped, run in n8n's real execution engine (n8n-core's WorkflowExecute), which
 * sets `$execution.mode` from the execution mode as n8n does ('manual' -> 'test', else
 * 'production'). The nodes before and between the gates are small stand-ins (n8n-nodes-base is
 * not installed here): triggers pass one item on, Set nodes emit their assignments (expressions
 * resolved by n8n), Read Checkpoint emits the checkpoint the test gives, IF nodes route on their
 * one condition as resolved by n8n.
 *
 * n8n's editor runs "Execute workflow" from one chosen trigger: the Schedule Trigger outranks the
 * Manual Trigger in its automatic choice. Both must export (mode 'manual'); the schedule
 * (mode 'trigger') and `n8n execute` from the Schedule Trigger (mode 'cli') must still stop
 * outside the export hour; `n8n execute` through *Run Export Now* (mode 'cli') exports.
 */
import fs from 'node:fs';
import path from 'node:path';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type IConnections,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

const FILE = path.resolve(__dirname, '../../../workflows/invoicing-export.json');
const GATE_PART = ['Run Export Now', 'Every Hour', 'Settings', 'Export Time?', 'Closed Days', 'Read Checkpoint', 'Export Due?'];

interface ShippedWorkflow {
	nodes: INode[];
	connections: IConnections;
}

const shipped = JSON.parse(fs.readFileSync(FILE, 'utf8')) as ShippedWorkflow;

/** A node type that runs `execute`; `parameter` is kept as n8n loads it (undeclared ones are dropped). */
function stub(name: string, outputs: number, execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>, parameter?: string): INodeType {
	return {
		description: {
			displayName: name,
			name,
			group: ['transform'],
			version: [1, 1.2, 2.2, 3.4],
			description: 'stand-in',
			defaults: { name },
			inputs: ['main'],
			outputs: Array(outputs).fill('main'),
			properties: parameter ? [{ displayName: parameter, name: parameter, type: 'json', default: {} }] : [],
		},
		execute,
	} as unknown as INodeType;
}

/** The gate part of the shipped workflow, with `settings` overriding Settings' values. */
function gatePart(settings: Record<string, unknown>): { nodes: INode[]; connections: IConnections } {
	const copy = JSON.parse(JSON.stringify(shipped)) as ShippedWorkflow;
	const nodes = copy.nodes.filter((node) => GATE_PART.includes(node.name));
	const assignments = (nodes.find((node) => node.name === 'Settings')!.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> })
		.assignments;
	for (const assignment of assignments) if (assignment.name in settings) assignment.value = settings[assignment.name];
	const connections: IConnections = {};
	for (const [from, byType] of Object.entries(copy.connections)) {
		if (!GATE_PART.includes(from)) continue;
		connections[from] = {
			main: (byType.main ?? []).map((targets) => (targets ?? []).filter((target) => GATE_PART.includes(target.node))),
		};
	}
	return { nodes, connections };
}

function nodeTypes(checkpoint: string | null): INodeTypes {
	const passOn = stub('trigger', 1, async function () {
		return [this.getInputData()];
	});
	const set = stub('set', 1, async function () {
		return [
			this.getInputData().map((_, index) => {
				const assignments = this.getNodeParameter('assignments.assignments', index) as Array<{ name: string; value: IDataObject[string] }>;
				return { json: Object.fromEntries(assignments.map((assignment) => [assignment.name, assignment.value])) };
			}),
		];
	}, 'assignments');
	const gate = stub('if', 2, async function () {
		const passed: INodeExecutionData[] = [];
		const stopped: INodeExecutionData[] = [];
		this.getInputData().forEach((item, index) => {
			const [condition] = this.getNodeParameter('conditions.conditions', index) as Array<{ leftValue: unknown }>;
			if (typeof condition.leftValue !== 'boolean') throw new Error(`${this.getNode().name}: the condition resolved to ${JSON.stringify(condition.leftValue)}`);
			(condition.leftValue ? passed : stopped).push(item);
		});
		return [passed, stopped];
	}, 'conditions');
	const readCheckpoint = stub('idMapping', 1, async function () {
		return [this.getInputData().map(() => ({ json: { checkpoint: { name: 'invoicingExport', value: checkpoint } } }))];
	});
	const byType: Record<string, INodeType> = {
		'n8n-nodes-base.manualTrigger': passOn,
		'n8n-nodes-base.scheduleTrigger': passOn,
		'n8n-nodes-base.set': set,
		'n8n-nodes-base.if': gate,
		'n8n-nodes-awork-psa.idMapping': readCheckpoint,
	};
	const get = (type: string) => {
		if (!byType[type]) throw new Error(`no stand-in for ${type}`);
		return byType[type];
	};
	return { getByName: get, getByNameAndVersion: get, getKnownTypes: () => ({}) };
}

interface GateRun {
	/** Nodes that ran, in the workflow's order. */
	ran: string[];
	/** True when an item left "Export Due?" on its true output: the export would run. */
	exports: boolean;
	/** What Closed Days computed (end of the closed days, as an ISO instant), if it ran. */
	closedBefore?: unknown;
}

/** Runs the gate part from `trigger` in `mode`, as n8n's engine would. */
async function runGates(trigger: string, mode: WorkflowExecuteMode, settings: Record<string, unknown>, checkpoint: string | null = null): Promise<GateRun> {
	const { nodes, connections } = gatePart(settings);
	const workflow = new Workflow({ id: 'gates', name: 'gates', nodes, connections, active: false, nodeTypes: nodeTypes(checkpoint), staticData: {} });
	const hooks = new ExecutionLifecycleHooks(mode, 'gates-execution', { id: 'gates', name: 'gates', nodes, connections } as never);
	let done!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (done = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => done(run));
	const additionalData = {
		hooks,
		executionId: 'gates-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		userId: 'test-user',
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const start = nodes.find((node) => node.name === trigger)!;
	const execution = new WorkflowExecute(
		additionalData,
		mode,
		createRunExecutionData({ executionData: { nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }] } }),
	);
	await execution.processRunExecutionData(workflow);
	const run = await finished;
	const { runData, error } = run.data.resultData;
	if (error) throw new Error(`the run failed: ${error.message}`);
	for (const [name, tasks] of Object.entries(runData)) {
		if (tasks[0]?.error) throw new Error(`${name} failed: ${tasks[0].error.message}`);
	}
	return {
		ran: GATE_PART.filter((name) => name in runData),
		exports: (runData['Export Due?']?.[0]?.data?.main?.[0] ?? []).length > 0,
		closedBefore: runData['Closed Days']?.[0]?.data?.main?.[0]?.[0]?.json.closedBefore,
	};
}

const hourNow = () => new Date().getUTCHours();
/** A time zone and export hour half a day away from now: a scheduled run must stop at "Export Time?". */
const otherHour = () => ({ timezone: 'UTC', exportHour: (hourNow() + 12) % 24, catchUpHours: 6 });
/** Already exported up to today 00:00 (UTC): only an export-hour or manual run goes on at "Export Due?". */
const exportedToday = () => new Date(new Date().setUTCHours(0, 0, 0, 0)).toISOString();

describe('workflows/invoicing-export.json: the export gates', () => {
	it('lets a run started by the editor\'s Execute workflow through from either trigger (mode manual), outside the export hour and after today\'s export', async () => {
		for (const trigger of ['Every Hour', 'Run Export Now']) {
			const run = await runGates(trigger, 'manual', otherHour(), exportedToday());
			expect({ trigger, ran: run.ran, exports: run.exports }).toEqual({ trigger, ran: [trigger, ...GATE_PART.slice(2)], exports: true });
		}
	});

	it('stops the hourly schedule (mode trigger) outside the export hour and its catch-up hours, after Settings and Export Time?', async () => {
		expect(await runGates('Every Hour', 'trigger', otherHour())).toEqual({ ran: ['Every Hour', 'Settings', 'Export Time?'], exports: false });
	});

	it('lets the hourly schedule through in the export hour', async () => {
		const run = await runGates('Every Hour', 'trigger', { timezone: 'UTC', exportHour: hourNow(), catchUpHours: 6 });
		expect(run.exports).toBe(true);
	});

	it('keeps a catch-up hour after a complete run stopped at Export Due?', async () => {
		// One hour after the export hour (within catchUpHours), the checkpoint already at today.
		const run = await runGates('Every Hour', 'trigger', { timezone: 'UTC', exportHour: (hourNow() + 23) % 24, catchUpHours: 6 }, exportedToday());
		expect({ ran: run.ran, exports: run.exports }).toEqual({ ran: GATE_PART.slice(1), exports: false });
	});

	it.each([30, -1, 2.5, 'two'])('names the setting when the export hour is %p, also for a run started by hand', async (exportHour) => {
		for (const trigger of ['Every Hour', 'Run Export Now']) {
			const failure = await runGates(trigger, 'cli', { timezone: 'UTC', exportHour, catchUpHours: 6 }).then(
				() => 'no error',
				(error: Error) => error.message,
			);
			expect(failure).toMatch(/exportHour .* is not an hour of the day \(0-23\)/);
		}
	});

	it('treats `n8n execute` (mode cli) like the schedule from Every Hour, and exports through Run Export Now', async () => {
		expect(await runGates('Every Hour', 'cli', otherHour())).toEqual({ ran: ['Every Hour', 'Settings', 'Export Time?'], exports: false });
		expect((await runGates('Run Export Now', 'cli', otherHour(), exportedToday())).exports).toBe(true);
	});
});

/**
 * Closed Days as shipped, on the days the Settings zone changes its clocks (n8n's $now set by
 * mocking Date.now, which luxon reads): the closed days end at that day's local midnight, whose
 * offset is the one before the change.
 */
describe('workflows/invoicing-export.json: Closed Days on clock-change days', () => {
	afterEach(() => jest.restoreAllMocks());

	it.each([
		['Europe/Berlin', '2026-03-29T10:00:00Z', '2026-03-28T23:00:00.000Z'],
		['Europe/Berlin', '2026-10-25T10:00:00Z', '2026-10-24T22:00:00.000Z'],
		['America/New_York', '2026-03-08T15:00:00Z', '2026-03-08T05:00:00.000Z'],
		['America/New_York', '2026-11-01T15:00:00Z', '2026-11-01T04:00:00.000Z'],
		['Pacific/Auckland', '2026-04-05T01:00:00Z', '2026-04-04T11:00:00.000Z'],
		['Pacific/Auckland', '2026-09-27T01:00:00Z', '2026-09-26T12:00:00.000Z'],
		['UTC', '2026-12-02T00:30:00Z', '2026-12-02T00:00:00.000Z'],
	])('in %s at %s, the closed days end at %s', async (timezone, now, closedBefore) => {
		jest.spyOn(Date, 'now').mockReturnValue(Date.parse(now));
		const run = await runGates('Run Export Now', 'cli', { timezone, exportHour: 2, catchUpHours: 6 });
		expect(run.closedBefore).toBe(closedBefore);
	});

	it('names the setting when the time zone is not one', async () => {
		const run = await runGates('Run Export Now', 'cli', { timezone: 'Mars/Olympus', exportHour: 2, catchUpHours: 6 }).catch((error: Error) => error);
		expect(run instanceof Error ? run.message : (run as GateRun).closedBefore).toMatch(/Mars\/Olympus/);
	});
});

