/**
 * workflows/invoicing-export.json in real n8n (`n8n execute`, through its Manual Trigger) against
 * the fake awork and the fake One PSA, with 1,000 seeded time entries: billable and not,
 * billed and not, backdated by months, some of today (an open day), some on a project without a
 * contract, on a contract the PSA does not know, without duration, or that awork refuses to bill.
 * The first run books exactly the right entries (hours, dates, contracts) and bills exactly those
 * the PSA confirmed; the summary reports every other entry with its reason. A second run books
 * nothing new and bills nothing else. The hourly schedule runs it only in the export hour; the
 * editor's "Execute workflow" (a manual run, started here as the editor starts it, through n8n's
 * REST API) runs it from either trigger at any hour. Around midnight, in four zones and under both
 * readings of awork's startDateUtc, only entries that started before local midnight are booked.
 */
import { createHash } from 'crypto';

import { DateTime } from 'luxon';

import { httpRequest, nodeOutput, runError, waitFor, type Execution, type N8nInstance } from '../../devkit/n8n';
import { aworkState, mappingRows, saveMappings, shippedWorkflowPath, startWorkflowSandbox, type WorkflowSandbox } from '../../devkit/sandbox';

const FILE = 'invoicing-export.json';
const ZONE = 'Europe/Berlin';
const ENTRIES = 1000;

interface SeededEntry {
	id: string;
	projectId: string;
	startDateUtc: string;
	duration: number;
	isBillable: boolean;
	isBilled: boolean;
}

type ProjectKey = 'relaunch' | 'intranet' | 'internal' | 'support' | 'legacy';

/** Which project each contract comes from, and how. */
const PROJECTS: Record<ProjectKey, { name: string; contractField?: string; mappedContract?: string; psaContract?: string }> = {
	relaunch: { name: 'Website relaunch', contractField: 'ctr_relaunch', psaContract: 'ctr_relaunch' },
	intranet: { name: 'Intranet', mappedContract: 'ctr_intranet', psaContract: 'ctr_intranet' },
	internal: { name: 'Internal tooling' },
	support: { name: 'Support hours', contractField: 'ctr_support', psaContract: 'ctr_support' },
	legacy: { name: 'Legacy shop', contractField: 'ctr_gone' },
};

/**
 * What the editor's "Execute workflow" does: POST /rest/workflows/:id/run from the trigger the
 * button has selected (n8n picks the Schedule Trigger over the Manual Trigger by default; the
 * user can pick the other). Resolves with the finished execution (mode 'manual').
 */
async function executeFromEditor(n8n: N8nInstance, workflowId: string, trigger: string): Promise<Execution> {
	const { executionId } = await n8n.restRequest<{ executionId: string }>('POST', `/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } });
	return await waitFor(
		async () => {
			const execution = await n8n.getExecution(executionId);
			return ['new', 'running', 'waiting'].includes(execution.status) ? undefined : execution;
		},
		{ timeoutMs: 300_000, intervalMs: 1000, describe: () => `manual execution ${executionId} of workflow ${workflowId} (from "${trigger}") to finish` },
	);
}

describe('workflow "invoicing export" in real n8n', () => {
	let sandbox: WorkflowSandbox;
	let workflowId: string;
	let closedBefore: DateTime;
	const projectIds = {} as Record<ProjectKey, string>;
	const projectOf = new Map<string, ProjectKey>();
	let seeded: SeededEntry[] = [];
	const unauthorized: string[] = [];
	const prebooked: string[] = [];
	let changedAfterBooking = '';

	const psaEntries = () => sandbox.onePsa.fake.state().timeEntries;
	const billedIds = async () =>
		new Set((await aworkState(sandbox.awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled).map((entry) => entry.id as string));
	const hoursOf = (entry: SeededEntry) => Math.round((entry.duration / 3600) * 100) / 100;
	const dayOf = (entry: SeededEntry) => DateTime.fromISO(entry.startDateUtc, { zone: 'utc' }).setZone(ZONE).toISODate();

	/** Entries the export must look at: billable, unbilled, started before today 00:00 in ZONE. */
	const inScope = () => seeded.filter((e) => e.isBillable && !e.isBilled && DateTime.fromISO(e.startDateUtc) < closedBefore);
	/** Of those, what the PSA must hold afterwards. */
	const bookable = () => inScope().filter((e) => PROJECTS[projectOf.get(e.projectId)!].psaContract && e.duration > 0);

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'invoicing-export' });
		const { awork, onePsa } = sandbox;
		onePsa.fake.seed({
			contracts: [
				{ id: 'ctr_relaunch', number: 'C-2001', name: 'Relaunch' },
				{ id: 'ctr_intranet', number: 'C-2002', name: 'Intranet' },
				{ id: 'ctr_support', number: 'C-2003', name: 'Support (no batch import)', supportsBatch: false },
			],
		});

		const [contractField] = awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Contract', type: 'text', entity: 'project', order: 1 }] })
			.customFieldDefinitions as Array<{ id: string }>;
		for (const [key, project] of Object.entries(PROJECTS) as Array<[ProjectKey, (typeof PROJECTS)[ProjectKey]]>) {
			const [created] = awork.fake.seed({
				projects: [
					{
						name: project.name,
						customFields: project.contractField ? [{ customFieldDefinitionId: contractField.id, textValue: project.contractField }] : [],
					},
				],
			}).projects as Array<{ id: string }>;
			projectIds[key] = created.id;
			projectOf.set(created.id, key);
		}

		// Today 00:00 in ZONE, as the workflow computes it; the seed straddles it.
		const now = DateTime.now().setZone(ZONE);
		closedBefore = now.startOf('day');
		const openDaySpan = Math.max(1, now.diff(closedBefore, 'seconds').seconds - 5);
		const entries: Array<Record<string, unknown>> = [];
		for (let i = 0; i < ENTRIES; i++) {
			let project: ProjectKey;
			if (i < 8) project = 'support';
			else if (i < 20) project = 'legacy';
			else project = (['relaunch', 'relaunch', 'relaunch', 'relaunch', 'intranet', 'intranet', 'internal'] as const)[i % 7];
			let start: DateTime;
			if (i % 10 === 2) start = closedBefore.plus({ seconds: Math.floor(((i * 7919) % 1000) / 1000 * openDaySpan) }); // today: open day
			else if (i % 10 === 3) start = closedBefore.minus({ days: 60 + ((i * 31) % 240), minutes: (i * 13) % 600 }); // backdated by months
			else if (i === 24) start = closedBefore.minus({ minutes: 1 }); // last minute of yesterday
			else start = closedBefore.minus({ days: 1 + ((i * 17) % 30), minutes: (i * 37) % 900 });
			entries.push({
				projectId: projectIds[project],
				startDateUtc: start.toUTC().toISO(),
				duration: i === 44 || i === 45 ? 0 : 900 + ((i * 1373) % 27000),
				isBillable: i % 10 !== 0,
				isBilled: i % 10 === 1,
				timezone: ZONE,
				note: `Work item ${i}`,
			});
		}
		seeded = (awork.fake.seed({ timeEntries: entries }).timeEntries as SeededEntry[]).map((entry) => ({ ...entry }));

		// Two entries awork refuses to bill; three the PSA already holds (an earlier run booked them, then failed).
		const candidates = bookable().filter((entry) => projectOf.get(entry.projectId) === 'relaunch');
		unauthorized.push(candidates[0].id, candidates[1].id);
		await httpRequest('POST', `${awork.controlUrl}/unauthorized`, { body: { ids: unauthorized } });
		// The third was changed in awork after that booking (one hour more): it must stay unbilled.
		prebooked.push(candidates[2].id, candidates[3].id, candidates[4].id);
		changedAfterBooking = candidates[4].id;
		onePsa.fake.seed({
			timeEntries: [candidates[2], candidates[3], candidates[4]].map((entry) => ({
				contractId: 'ctr_relaunch',
				externalId: entry.id,
				date: dayOf(entry) ?? '',
				hours: entry.id === changedAfterBooking ? hoursOf(entry) + 1 : hoursOf(entry),
				description: 'booked before',
			})),
		});

		await saveMappings(sandbox, [{ namespace: 'contract', externalId: 'ctr_intranet', aworkId: projectIds.intranet }]);
		workflowId = await sandbox.importShipped(FILE, { settings: { timezone: ZONE } });
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	let summary: Record<string, any>;

	it('books exactly the closed-day billable entries with a contract, with their hours and dates, and bills what the PSA confirmed', async () => {
		const billedBefore = await billedIds();
		const run = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(run.result)).toBeUndefined();
		expect(run.ok).toBe(true);

		// The PSA holds the bookable entries (the three it had plus the rest), each once, on its project's contract.
		const expected = bookable();
		const booked = psaEntries();
		expect(booked).toHaveLength(expected.length);
		const byExternalId = new Map(booked.map((entry) => [entry.externalId, entry]));
		for (const entry of expected) {
			const psa = byExternalId.get(entry.id);
			expect(psa).toBeDefined();
			expect(psa!.contractId).toBe(PROJECTS[projectOf.get(entry.projectId)!].psaContract);
			if (prebooked.includes(entry.id)) continue;
			expect([psa!.externalId, psa!.hours, psa!.date]).toEqual([entry.id, hoursOf(entry), dayOf(entry)]);
		}
		// Backdated entries (months ago) are among them; entries of today are not.
		const monthsAgo = expected.filter((entry) => DateTime.fromISO(entry.startDateUtc) < closedBefore.minus({ days: 59 }));
		expect(monthsAgo.length).toBeGreaterThan(50);
		const today = seeded.filter((entry) => DateTime.fromISO(entry.startDateUtc) >= closedBefore);
		expect(today.length).toBeGreaterThan(50);
		expect(today.filter((entry) => byExternalId.has(entry.id))).toEqual([]);

		// awork: billed now = billed before + booked entries, except the two awork refused.
		const billedAfter = await billedIds();
		const newlyBilled = [...billedAfter].filter((id) => !billedBefore.has(id)).sort();
		expect(newlyBilled).toEqual(expected.map((entry) => entry.id).filter((id) => !unauthorized.includes(id) && id !== changedAfterBooking).sort());

		// One summary item: counts per project and every entry left unbilled, with its reason.
		const summaries = nodeOutput(run.result, 'Summary');
		expect(summaries).toHaveLength(1);
		summary = summaries[0];
		const scope = inScope();
		expect(summary).toMatchObject({
			closedBefore: closedBefore.toUTC().toISO(),
			timezone: ZONE,
			previousCheckpoint: null,
			checkpoint: closedBefore.toUTC().toISO(),
			entriesFound: scope.length,
			exported: expected.length - prebooked.length,
			alreadyInPsa: prebooked.length - 1,
			markedBilled: expected.length - unauthorized.length - 1,
			changedAfterBooking: 1,
		});
		const left = scope.filter((entry) => !expected.includes(entry) || unauthorized.includes(entry.id) || entry.id === changedAfterBooking);
		expect(summary.failures.map((failure: { timeEntryId: string }) => failure.timeEntryId).sort()).toEqual(left.map((e) => e.id).sort());
		const reasonOf = (id: string) => summary.failures.find((failure: { timeEntryId: string }) => failure.timeEntryId === id).reason as string;
		for (const entry of left) {
			const project = projectOf.get(entry.projectId)!;
			if (unauthorized.includes(entry.id)) expect(reasonOf(entry.id)).toMatch(/did not mark it billed: unauthorized/);
			else if (entry.id === changedAfterBooking) {
				expect(reasonOf(entry.id)).toBe(
					`Changed after booking: The One PSA holds ${hoursOf(entry) + 1} h on ${dayOf(entry)} (contract ctr_relaunch) under ${entry.id}, ` +
						`awork now has ${hoursOf(entry)} h on ${dayOf(entry)} (contract ctr_relaunch). Left unbilled: correct the PSA entry or the awork entry so that they agree, and the next run bills it.`,
				);
				expect(summary.failures.find((failure: { timeEntryId: string }) => failure.timeEntryId === entry.id).changedAfterBooking).toMatchObject({
					booked: { hours: hoursOf(entry) + 1 },
					now: { hours: hoursOf(entry) },
				});
			}
			else if (project === 'internal') expect(reasonOf(entry.id)).toMatch(/^No PSA contract for awork project "Internal tooling"/);
			else if (project === 'legacy') expect(reasonOf(entry.id)).toMatch(/Contract ctr_gone does not exist/);
			else expect(reasonOf(entry.id)).toMatch(/Hours must be more than 0/);
		}
		expect(left.filter((entry) => entry.duration === 0)).toHaveLength(2);
		const perProject = new Map(summary.projects.map((project: { projectId: string }) => [project.projectId, project]));
		const internalScope = scope.filter((entry) => projectOf.get(entry.projectId) === 'internal');
		expect(perProject.get(projectIds.internal)).toMatchObject({
			project: 'Internal tooling',
			contractId: null,
			entries: internalScope.length,
			withoutContract: internalScope.length,
			exported: 0,
			billed: 0,
		});
		const intranet = expected.filter((entry) => projectOf.get(entry.projectId) === 'intranet');
		expect(perProject.get(projectIds.intranet)).toMatchObject({
			contractId: 'ctr_intranet',
			exported: intranet.length,
			billed: intranet.length,
			failed: 0,
			hours: Math.round(intranet.reduce((sum, entry) => sum + entry.duration / 3600, 0) * 100) / 100,
		});
		// Support's contract takes no batches: its entries went one by one.
		const support = expected.filter((entry) => projectOf.get(entry.projectId) === 'support');
		expect(support.length).toBeGreaterThan(2);
		expect(perProject.get(projectIds.support)).toMatchObject({ contractId: 'ctr_support', exported: support.length, billed: support.length });
		const singlePosts = sandbox.onePsa.fake.log.filter((entry) => entry.method === 'POST' && entry.path === '/api/contracts/ctr_support/time-entries');
		expect(singlePosts.map((entry) => entry.status)).toEqual(support.map(() => 201));
		expect(summary.withoutContract).toBe(internalScope.length);

		// Save Time Entry Mappings ships switched off: no timeEntry rows. The checkpoint moved.
		const rows = await mappingRows(sandbox.n8n);
		expect(rows.filter((row) => row.namespace === 'timeEntry')).toEqual([]);
		expect(rows.find((row) => row.namespace === '_checkpoint' && row.externalId === 'invoicingExport')?.data).toEqual({
			value: closedBefore.toUTC().toISO(),
		});
	});

	it('books nothing new and bills nothing else on a second run', async () => {
		const bookedBefore = psaEntries().map((entry) => entry.id).sort();
		const billedBefore = [...(await billedIds())].sort();
		const entryRows = async () =>
			(await mappingRows(sandbox.n8n)).filter((row) => row.namespace === 'timeEntry').map((row) => `${row.externalId}>${row.aworkId}`).sort();
		const rowsBefore = await entryRows();

		const run = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(run.ok).toBe(true);
		expect(await entryRows()).toEqual(rowsBefore);
		expect(psaEntries().map((entry) => entry.id).sort()).toEqual(bookedBefore);
		expect([...(await billedIds())].sort()).toEqual(billedBefore);

		const [second] = nodeOutput(run.result, 'Summary') as Array<Record<string, any>>;
		// Only what was left unbilled comes back: the refused two are duplicates in the PSA now.
		expect(second).toMatchObject({
			previousCheckpoint: closedBefore.toUTC().toISO(),
			exported: 0,
			alreadyInPsa: unauthorized.length,
			markedBilled: 0,
			entriesFound: summary.failures.length,
		});
		expect(second.failures.map((failure: { timeEntryId: string }) => failure.timeEntryId).sort()).toEqual(
			summary.failures.map((failure: { timeEntryId: string }) => failure.timeEntryId).sort(),
		);
	});

	it('runs from the hourly schedule only in the export hour of Settings', async () => {
		// Without the Manual Trigger, `n8n execute` starts from the Schedule Trigger, as the schedule would.
		const scheduledAt = async (exportHour: number) => {
			const id = await sandbox.importShipped(FILE, {
				settings: { timezone: ZONE, exportHour },
				edit: (workflow) => {
					workflow.nodes.find((node) => node.name === 'Run Export Now')!.disabled = true;
				},
			});
			return await sandbox.n8n.executeWorkflowCli(id, { timeoutMs: 300_000 });
		};
		if (DateTime.now().setZone(ZONE).minute === 59) await new Promise((resolve) => setTimeout(resolve, 61_000));
		const hour = DateTime.now().setZone(ZONE).hour;

		const otherHour = await scheduledAt((hour + 12) % 24);
		expect(otherHour.ok).toBe(true);
		expect(Object.keys(otherHour.result?.data?.resultData.runData ?? {}).sort()).toEqual(['Every Hour', 'Export Time?', 'Settings']);

		const exportHour = await scheduledAt(hour);
		expect(exportHour.ok).toBe(true);
		expect(nodeOutput(exportHour.result, 'Summary')[0]).toMatchObject({ exported: 0, entriesFound: summary.failures.length });
	});

	it('exports from the editor\'s "Execute workflow" whichever trigger it starts from, outside the export hour and after today\'s export', async () => {
		// Half a day from the export hour, with the checkpoint at today: both gates stop a scheduled run here (above).
		const id = await sandbox.importShipped(FILE, { settings: { timezone: ZONE, exportHour: (DateTime.now().setZone(ZONE).hour + 12) % 24 } });
		for (const trigger of ['Every Hour', 'Run Export Now']) {
			const execution = await executeFromEditor(sandbox.n8n, id, trigger);
			expect({ trigger, mode: execution.mode, status: execution.status, error: runError(execution) }).toEqual({ trigger, mode: 'manual', status: 'success', error: undefined });
			const ran = Object.keys(execution.data?.resultData.runData ?? {});
			expect({ trigger, ran }).toEqual({ trigger, ran: expect.arrayContaining([trigger, 'Export Time?', 'Export Due?', 'Projects', 'Summary']) });
			expect(nodeOutput(execution, 'Summary')[0]).toMatchObject({ exported: 0, entriesFound: summary.failures.length });
		}
	});

	it('is accepted by `n8n import:workflow`', async () => {
		const imported = await sandbox.n8n.runCli(['import:workflow', `--input=${shippedWorkflowPath(FILE)}`]);
		expect(imported.exitCode).toBe(0);
	});
});

/**
 * The same workflow with `postAs: positions` on a small seed: one PSA entry per project (the sum
 * of its entries), with an externalId derived from the sorted entry IDs, so a run whose billing
 * failed is completed by the next one as a duplicate; exactly the covered entries are billed.
 */
describe('workflow "invoicing export" posting invoice positions', () => {
	let sandbox: WorkflowSandbox;
	let workflowId: string;
	let closedBefore: DateTime;
	const ids: Record<string, string> = {};

	const psaEntries = () => sandbox.onePsa.fake.state().timeEntries;
	const billedIds = async () =>
		(await aworkState(sandbox.awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled).map((entry) => entry.id as string).sort();
	const byPosition = (a: { contractId: string; externalId: string }, b: { contractId: string; externalId: string }) =>
		a.contractId.localeCompare(b.contractId) || a.externalId.localeCompare(b.externalId);
	/** What the PSA holds: one entry per position, with its hours. */
	const bookedPositions = () => psaEntries().map(({ contractId, externalId, hours }) => ({ contractId, externalId, hours })).sort(byPosition);
	const projectOf = (key: string) => String(sandbox.awork.fake.store.timeEntries.get(ids[key])!.projectId);
	const positionId = (...keys: string[]) => `pos-${createHash('sha256').update(keys.map((key) => ids[key]).sort().join(',')).digest('hex').slice(0, 40)}`;

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'invoicing-export-positions' });
		const { awork, onePsa } = sandbox;
		onePsa.fake.seed({ contracts: [{ id: 'ctr_design', number: 'C-3001', name: 'Design' }, { id: 'ctr_care', number: 'C-3002', name: 'Care' }] });
		const [field] = awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Contract', type: 'text', entity: 'project', order: 1 }] })
			.customFieldDefinitions as Array<{ id: string }>;
		const projectId: Record<string, string> = {};
		for (const [key, name, contract] of [['design', 'Design sprint', 'ctr_design'], ['care', 'Website care', 'ctr_care'], ['internal', 'Internal', '']]) {
			const [project] = awork.fake.seed({
				projects: [{ name, customFields: contract ? [{ customFieldDefinitionId: field.id, textValue: contract }] : [] }],
			}).projects as Array<{ id: string }>;
			projectId[key] = project.id;
		}
		closedBefore = DateTime.now().setZone(ZONE).startOf('day');
		const at = (days: number, hours: number) => closedBefore.minus({ days }).plus({ hours }).toUTC().toISO()!;
		const seed: Array<[string, string, string, number, boolean, boolean]> = [
			// key, project, start, seconds, billable, billed
			['d1', 'design', at(2, 10), 3600, true, false],
			['d2', 'design', at(1, 9), 1800, true, false],
			['d3', 'design', at(40, 15), 900, true, false], // backdated
			['d4', 'design', at(3, 10), 3600, true, true], // billed before
			['d5', 'design', at(3, 11), 3600, false, false], // not billable
			['d6', 'design', closedBefore.plus({ seconds: 1 }).toUTC().toISO()!, 3600, true, false], // today
			['c1', 'care', at(3, 14), 7200, true, false],
			['c2', 'care', at(1, 16), 2700, true, false],
			['i1', 'internal', at(2, 8), 3600, true, false], // no contract
		];
		const seeded = awork.fake.seed({
			timeEntries: seed.map(([, project, start, duration, isBillable, isBilled]) => ({
				projectId: projectId[project],
				startDateUtc: start,
				duration,
				isBillable,
				isBilled,
				timezone: ZONE,
			})),
		}).timeEntries as Array<{ id: string }>;
		seed.forEach(([key], index) => (ids[key] = seeded[index].id));
		workflowId = await sandbox.importShipped(FILE, {
			settings: { timezone: ZONE, postAs: 'positions' },
			edit: (workflow) => {
				workflow.nodes.find((node) => node.name === 'Save Time Entry Mappings')!.disabled = false;
				return workflow;
			},
		});
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	const covered = () => ['d1', 'd2', 'd3', 'c1', 'c2'].map((key) => ids[key]).sort();
	const yesterday = () => closedBefore.minus({ days: 1 }).toISODate();

	it('books one position per project with the hand-computed hours; when awork refuses to bill, nothing is billed', async () => {
		covered().forEach((id) => sandbox.awork.fake.store.forbiddenIds.add(id));
		const run = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(run.result)).toBeUndefined();

		const booked = psaEntries().map(({ contractId, externalId, hours, date, description }) => ({ contractId, externalId, hours, date, description }));
		expect(booked.sort((a, b) => a.contractId.localeCompare(b.contractId))).toEqual([
			// c1 + c2 = 7200 + 2700 s = 2.75 h; d1 + d2 + d3 = 3600 + 1800 + 900 s = 1.75 h; dated by the last entry.
			{ contractId: 'ctr_care', externalId: positionId('c1', 'c2'), hours: 2.75, date: yesterday(), description: 'Website care' },
			{ contractId: 'ctr_design', externalId: positionId('d1', 'd2', 'd3'), hours: 1.75, date: yesterday(), description: 'Design sprint' },
		]);
		expect(await billedIds()).toEqual([ids.d4]);
		const [summary] = nodeOutput(run.result, 'Summary') as Array<Record<string, any>>;
		expect(summary).toMatchObject({ postedAs: 'positions', positions: 3, entriesFound: 6, exported: 2, markedBilled: 0, withoutContract: 1 });
	});

	it('after the PSA took the positions and billing failed, new entries get a new position and planned ones are billed as duplicates', async () => {
		// Window 1: the PSA confirmed both positions, awork billed none (the run could as well have died there).
		// Now a new entry arrives on the design project, and awork refuses only d1.
		const [d7] = sandbox.awork.fake.seed({
			timeEntries: [{ projectId: projectOf('d1'), startDateUtc: closedBefore.minus({ days: 1 }).plus({ hours: 7 }).toUTC().toISO(), duration: 1200, isBillable: true, isBilled: false, timezone: ZONE }],
		}).timeEntries as Array<{ id: string }>;
		ids.d7 = d7.id;
		sandbox.awork.fake.store.forbiddenIds.clear();
		sandbox.awork.fake.store.forbiddenIds.add(ids.d1);
		const run = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(run.result)).toBeUndefined();

		expect(bookedPositions()).toEqual([
			{ contractId: 'ctr_care', externalId: positionId('c1', 'c2'), hours: 2.75 },
			{ contractId: 'ctr_design', externalId: positionId('d1', 'd2', 'd3'), hours: 1.75 },
			// 1200 s = 0.33 h, on a position of its own: the planned one keeps its entries.
			{ contractId: 'ctr_design', externalId: positionId('d7'), hours: 0.33 },
		].sort(byPosition));
		expect(await billedIds()).toEqual(['d2', 'd3', 'd4', 'd7', 'c1', 'c2'].map((key) => ids[key]).sort());
		const [summary] = nodeOutput(run.result, 'Summary') as Array<Record<string, any>>;
		expect(summary).toMatchObject({ postedAs: 'positions', exported: 1, alreadyInPsa: 2, markedBilled: 5, withoutContract: 1 });
	});

	it('bills the entry awork refused on the next run as a duplicate of its planned position: the PSA books nothing new', async () => {
		// Window 2: awork billed part of a confirmed position. d1 alone must not become a new position.
		sandbox.awork.fake.store.forbiddenIds.clear();
		const bookedBefore = bookedPositions();
		const run = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(run.result)).toBeUndefined();

		expect(bookedPositions()).toEqual(bookedBefore);
		expect(await billedIds()).toEqual([...covered(), ids.d4, ids.d7].sort());
		const [summary] = nodeOutput(run.result, 'Summary') as Array<Record<string, any>>;
		expect(summary).toMatchObject({ exported: 0, alreadyInPsa: 1, markedBilled: 1, entriesFound: 2 });
		expect(summary.failures.map((failure: { timeEntryId: string }) => failure.timeEntryId)).toEqual([ids.i1]);

		// Save Time Entry Mappings, switched on here: "<PSA entry ID>:<awork ID>" per billed entry.
		const psaIdOf = new Map(psaEntries().map((entry) => [entry.externalId, entry.id]));
		const design = psaIdOf.get(positionId('d1', 'd2', 'd3'));
		const rows = (await mappingRows(sandbox.n8n)).filter((row) => row.namespace === 'timeEntry');
		expect(rows.map((row) => `${row.externalId}>${row.aworkId}`)).toContain(`${design}:${ids.d1}>${ids.d1}`);

		const third = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(nodeOutput(third.result, 'Summary')[0]).toMatchObject({ entriesFound: 1, exported: 0, alreadyInPsa: 0, markedBilled: 0 });
		expect(bookedPositions()).toEqual(bookedBefore);
	});

	it('plans anew a position the PSA never booked, so entries that come back later are booked, not lost', async () => {
		const seeded = sandbox.awork.fake.seed({
			timeEntries: [3600, 5400].map((duration, n) => ({
				projectId: projectOf('c1'),
				startDateUtc: closedBefore.minus({ days: 2 }).plus({ hours: 9 + n * 2 }).toUTC().toISO(),
				duration,
				isBillable: true,
				isBilled: false,
				timezone: ZONE,
			})),
		}).timeEntries as Array<{ id: string }>;
		[ids.e1, ids.e2] = seeded.map((entry) => entry.id);
		const care = sandbox.onePsa.fake.state().contracts.find((contract) => contract.id === 'ctr_care')!;
		const bookedBefore = bookedPositions();

		// The PSA refuses the care position (contract not active): planned {e1, e2}, booked nowhere.
		care.status = 'expired';
		const refused = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(refused.result)).toBeUndefined();
		expect(bookedPositions()).toEqual(bookedBefore);
		const planned = (await mappingRows(sandbox.n8n)).filter((row) => row.namespace === 'invoicePosition' && [ids.e1, ids.e2].includes(row.aworkId));
		expect(planned.map((row) => row.externalId).sort()).toEqual([`${positionId('e1', 'e2')}:${ids.e1}`, `${positionId('e1', 'e2')}:${ids.e2}`].sort());

		// e2 leaves the scope (made non-billable), the contract is active again: e1 alone gets a position of its own.
		care.status = 'active';
		sandbox.awork.fake.store.timeEntries.get(ids.e2)!.isBillable = false;
		await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		// e2 comes back: booked too, on a position of its own, not answered "duplicate" by {e1}'s.
		sandbox.awork.fake.store.timeEntries.get(ids.e2)!.isBillable = true;
		const last = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(last.result)).toBeUndefined();

		expect(bookedPositions()).toEqual(
			[...bookedBefore, { contractId: 'ctr_care', externalId: positionId('e1'), hours: 1 }, { contractId: 'ctr_care', externalId: positionId('e2'), hours: 1.5 }].sort(byPosition),
		);
		expect(await billedIds()).toEqual([...covered(), ids.d4, ids.d7, ids.e1, ids.e2].sort());
	});
});

/**
 * The per-run cap (Settings → maxEntriesPerRun): a run that reads as many entries as the cap
 * leaves the checkpoint where it was, so the hourly catch-up runs again, and saves where it
 * stopped reading (Read Position), so the next run goes on from there; the run that reads to the
 * end moves the checkpoint and starts the next pass from the start. Entries of projects without a
 * contract or on a contract the PSA does not list as active do not count toward the cap; entries
 * the PSA refuses one by one count, but only once per pass.
 */
describe('workflow "invoicing export" with a per-run cap', () => {
	/** Oldest: on a project without a contract, and on one whose contract the PSA has closed. */
	const UNLINKED = 7;
	const ON_CLOSED = 4;
	/** Then entries of 25 hours on the active contract, which the PSA refuses one by one. */
	const REFUSED = 4;
	/** Newest: exportable, one per day. */
	const EXPORTABLE = 5;
	let sandbox: WorkflowSandbox;
	let workflowId: string;
	let closedBefore: DateTime;

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'invoicing-export-cap' });
		const { awork, onePsa } = sandbox;
		onePsa.fake.seed({
			contracts: [
				{ id: 'ctr_cap', number: 'C-4001', name: 'Capped' },
				{ id: 'ctr_closed', number: 'C-4002', name: 'Closed', status: 'expired' },
			],
		});
		const [field] = awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Contract', type: 'text', entity: 'project', order: 1 }] })
			.customFieldDefinitions as Array<{ id: string }>;
		const [project, unlinked, closed] = awork.fake.seed({
			projects: [
				{ name: 'Capped project', customFields: [{ customFieldDefinitionId: field.id, textValue: 'ctr_cap' }] },
				{ name: 'No contract yet' },
				{ name: 'Closed contract', customFields: [{ customFieldDefinitionId: field.id, textValue: 'ctr_closed' }] },
			],
		}).projects as Array<{ id: string }>;
		closedBefore = DateTime.now().setZone(ZONE).startOf('day');
		const entry = (projectId: string, start: DateTime, duration: number) => ({
			projectId,
			startDateUtc: start.toUTC().toISO(),
			duration,
			isBillable: true,
			isBilled: false,
			timezone: ZONE,
		});
		awork.fake.seed({
			timeEntries: [
				...Array.from({ length: UNLINKED + ON_CLOSED }, (_, index) =>
					entry(index < UNLINKED ? unlinked.id : closed.id, closedBefore.minus({ days: 30 }).plus({ minutes: index }), 600),
				),
				...Array.from({ length: REFUSED }, (_, index) => entry(project.id, closedBefore.minus({ days: 20 }).plus({ minutes: index }), 25 * 3600)),
				...Array.from({ length: EXPORTABLE }, (_, index) => entry(project.id, closedBefore.minus({ days: EXPORTABLE - index }).plus({ hours: 9 }), 1800 * (index + 1))),
			],
		});
		workflowId = await sandbox.importShipped(FILE, { settings: { timezone: ZONE, maxEntriesPerRun: 3 } });
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	const checkpointRow = async () => (await mappingRows(sandbox.n8n)).find((row) => row.namespace === '_checkpoint' && row.externalId === 'invoicingExport');
	const summaryOfRun = async () => {
		const run = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(run.result)).toBeUndefined();
		return nodeOutput(run.result, 'Summary')[0] as Record<string, any>;
	};

	it('goes on where the capped run before stopped: the uncountable backlog never fills the cap, and refused entries fill it only once per pass', async () => {
		// 1: the 11 without an active contract ride along uncounted; the cap of 3 is filled by refused entries.
		const first = await summaryOfRun();
		expect(first).toMatchObject({
			entriesFound: UNLINKED + ON_CLOSED + 3,
			exported: 0,
			withoutContract: UNLINKED,
			failed: ON_CLOSED + 3,
			complete: false,
			maxEntriesPerRun: 3,
			checkpoint: null,
			readFrom: 'start',
		});
		expect(first.continuesAfter).toMatch(/^\d{4}-\d{2}-\d{2}T.*\|[0-9a-f-]{36}$/);
		expect(first.failures.filter((failure: { project: string }) => failure.project === 'Closed contract')).toEqual(
			Array.from({ length: ON_CLOSED }, () => expect.objectContaining({ reason: expect.stringMatching(/contract_not_active|is expired/) })),
		);
		expect(first.failures.filter((failure: { project: string }) => failure.project === 'Capped project')).toEqual(
			Array.from({ length: 3 }, () => expect.objectContaining({ reason: expect.stringMatching(/hours/) })),
		);
		expect(await checkpointRow()).toBeUndefined();

		// 2: after the third refused entry: the last refused one and 2 exportable.
		const second = await summaryOfRun();
		expect(second).toMatchObject({ entriesFound: 3, exported: 2, markedBilled: 2, failed: 1, withoutContract: 0, complete: false, readFrom: first.continuesAfter });

		// 3: the other 3 exportable entries: the cap again.
		expect(await summaryOfRun()).toMatchObject({ entriesFound: 3, exported: 3, markedBilled: 3, complete: false, checkpoint: null });
		expect(sandbox.onePsa.fake.state().timeEntries).toHaveLength(EXPORTABLE);

		// 4: nothing after the read position: the pass is complete, the checkpoint moves, the next pass starts at the start.
		const fourth = await summaryOfRun();
		expect(fourth).toMatchObject({ entriesFound: 0, complete: true, checkpoint: closedBefore.toUTC().toISO(), continuesAfter: 'start' });
		expect((await checkpointRow())?.data).toEqual({ value: closedBefore.toUTC().toISO() });

		// 5: a new pass reports what is still left, from the start; nothing new is booked.
		expect(await summaryOfRun()).toMatchObject({ entriesFound: UNLINKED + ON_CLOSED + 3, exported: 0, readFrom: 'start', complete: false });
		expect(sandbox.onePsa.fake.state().timeEntries).toHaveLength(EXPORTABLE);
	});
});

/**
 * Around the Settings zone's midnight, under both readings of awork's startDateUtc (a full
 * instant, or the UTC date at midnight with the time in startTimeUtc; the fake serves either):
 * only entries that really started before today 00:00 in that zone are booked and billed.
 */
describe('workflow "invoicing export" around midnight, in four zones and under both startDateUtc readings', () => {
	const ZONES = ['Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'UTC'];
	const MINUTES_FROM_MIDNIGHT = [-35, -1, 1, 5, 35, 90];
	let sandbox: WorkflowSandbox;
	const workflowOfZone = new Map<string, string>();

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'invoicing-export-zones' });
		for (const zone of ZONES) workflowOfZone.set(zone, await sandbox.importShipped(FILE, { settings: { timezone: zone }, name: `Invoicing export ${zone}` }));
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	const cases = ZONES.flatMap((zone) => (['instant', 'dateAndTime'] as const).map((shape) => [zone, shape] as const));
	it.each(cases)('in %s, startDateUtc as %s: books and bills only what started before local midnight', async (zone, shape) => {
		const { awork, onePsa } = sandbox;
		awork.fake.reset();
		awork.fake.setConfig({ timeEntryDateShape: shape });
		const contractId = `ctr_${zone.replace(/\W/g, '_')}_${shape}`;
		onePsa.fake.seed({ contracts: [{ id: contractId, number: contractId, name: contractId }] });
		const [field] = awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Contract', type: 'text', entity: 'project', order: 1 }] })
			.customFieldDefinitions as Array<{ id: string }>;
		const [project] = awork.fake.seed({ projects: [{ name: `Midnight ${zone}`, customFields: [{ customFieldDefinitionId: field.id, textValue: contractId }] }] })
			.projects as Array<{ id: string }>;
		const midnight = DateTime.now().setZone(zone).startOf('day');
		const starts = MINUTES_FROM_MIDNIGHT.map((minutes) => midnight.plus({ minutes }));
		const entries = awork.fake.seed({
			timeEntries: starts.map((start) => ({ projectId: project.id, startDateUtc: start.toUTC().toISO(), duration: 1800, isBillable: true, isBilled: false, timezone: zone })),
		}).timeEntries as Array<{ id: string }>;
		const closedIds = entries.filter((_, index) => starts[index] < midnight).map((entry) => entry.id).sort();

		const run = await sandbox.n8n.executeWorkflowCli(workflowOfZone.get(zone)!, { timeoutMs: 300_000 });
		expect(runError(run.result)).toBeUndefined();
		const summary = nodeOutput(run.result, 'Summary')[0] as Record<string, any>;
		expect(summary).toMatchObject({ closedBefore: midnight.toUTC().toISO(), timezone: zone, entriesFound: 2, exported: 2, markedBilled: 2 });
		const booked = onePsa.fake.state().timeEntries.filter((entry: { contractId: string }) => entry.contractId === contractId);
		expect(booked.map((entry: { externalId: string }) => entry.externalId).sort()).toEqual(closedIds);
		// The PSA date is the local day of the start: yesterday in the zone.
		expect(new Set(booked.map((entry: { date: string }) => entry.date))).toEqual(new Set([midnight.minus({ days: 1 }).toISODate()]));
		const billed = (await aworkState(awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled).map((entry) => String(entry.id)).sort();
		expect(billed).toEqual(closedIds);
	});
});
