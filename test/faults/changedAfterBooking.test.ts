/**
 * An entry edited after the PSA booked it, and before awork marked it billed: the export run is
 * SIGKILLed the moment its PSA write reaches the fake (the write lands, the answer is lost); then
 * a person corrects one entry's hours, re-dates another and moves a third to a project on
 * another contract. The next run must bill only the untouched entry and leave the three unbilled,
 * listed under changedAfterBooking with both values, with nothing new booked in the PSA. Once the
 * PSA entry is corrected, the run after that bills the corrected entry. Two more are deleted or
 * made non-billable: the export no longer reads them, and its reconciliation reports their PSA
 * bookings. Real n8n, the shipped workflow.
 */
import { DateTime } from 'luxon';

import { nodeOutput, runError } from '../../devkit/n8n';
import { aworkState, startWorkflowSandbox, type WorkflowSandbox } from '../../devkit/sandbox';
import type { RequestLogEntry } from '../../devkit/fakes/shared/fakeServer';
import { startCliRun } from './support/cliRun';
import { onNthRequest } from './support/requestHooks';

const FILE = 'invoicing-export.json';
const ZONE = 'Europe/Berlin';
const isPsaWrite = (entry: RequestLogEntry) => entry.method === 'POST' && /\/time-entries(\/batch)?$/.test(entry.path);

/** Contracts ctr_a and ctr_b in the PSA, and a project on each (by the PSA Contract field). */
function seedTwoContracts(sandbox: WorkflowSandbox) {
	const { awork, onePsa } = sandbox;
	onePsa.fake.seed({ contracts: [{ id: 'ctr_a', number: 'C-A', name: 'A' }, { id: 'ctr_b', number: 'C-B', name: 'B' }] });
	const [field] = awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Contract', type: 'text', entity: 'project', order: 1 }] })
		.customFieldDefinitions as Array<{ id: string }>;
	const [projectA, projectB] = awork.fake.seed({
		projects: [
			{ name: 'Project A', customFields: [{ customFieldDefinitionId: field.id, textValue: 'ctr_a' }] },
			{ name: 'Project B', customFields: [{ customFieldDefinitionId: field.id, textValue: 'ctr_b' }] },
		],
	}).projects as Array<{ id: string }>;
	return { projectA, projectB, yesterday: DateTime.now().setZone(ZONE).startOf('day').minus({ days: 1 }) };
}

/** `count` billable, unbilled 2-hour entries on the project, yesterday from 09:00, an hour apart. */
function seedTwoHourEntries(sandbox: WorkflowSandbox, projectId: string, yesterday: DateTime, count: number): Array<{ id: string }> {
	return sandbox.awork.fake.seed({
		timeEntries: Array.from({ length: count }, (_, n) => ({
			projectId,
			startDateUtc: yesterday.plus({ hours: 9 + n }).toUTC().toISO(),
			duration: 7200,
			isBillable: true,
			isBilled: false,
			timezone: ZONE,
		})),
	}).timeEntries as Array<{ id: string }>;
}

describe('invoicing export: entries changed between the PSA booking and billing, with a crash in between', () => {
	let sandbox: WorkflowSandbox;

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'changed-after-booking' });
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	it('bills only what the PSA holds as it is now; the rest stays unbilled under changedAfterBooking', async () => {
		const { awork, onePsa } = sandbox;
		const { projectA, projectB, yesterday } = seedTwoContracts(sandbox);
		const [untouched, edited, redated, moved, deletedLater, unbillableLater] = seedTwoHourEntries(sandbox, projectA.id, yesterday, 6);
		const workflowId = await sandbox.importShipped(FILE, { settings: { timezone: ZONE } });

		// Crash: the PSA write lands, the run dies before billing.
		const run = await startCliRun(sandbox.n8n, workflowId, { timeoutMs: 300_000 });
		const disarm = onNthRequest(onePsa.fake.log, isPsaWrite, 1, () => run.kill());
		const crashed = await run.done;
		disarm();
		expect(crashed.killed).toBe(true);
		await waitForPsaEntries(6);
		expect((await aworkState(awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled)).toEqual([]);

		// A person corrects entries in awork the next morning.
		const stored = (id: string) => awork.fake.store.timeEntries.get(id)!;
		stored(edited.id).duration = 3 * 3600;
		stored(redated.id).startDateUtc = yesterday.minus({ days: 1 }).plus({ hours: 9 }).toUTC().toISO();
		stored(redated.id).endDateUtc = yesterday.minus({ days: 1 }).plus({ hours: 11 }).toUTC().toISO();
		stored(moved.id).projectId = projectB.id;
		// And deletes one entry and makes another non-billable: the export no longer reads them.
		awork.fake.store.remove('timeEntries', deletedLater.id);
		stored(unbillableLater.id).isBillable = false;

		const next = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(next.result)).toBeUndefined();
		const summary = nodeOutput(next.result, 'Summary')[0] as Record<string, any>;
		expect(summary).toMatchObject({ entriesFound: 4, exported: 0, alreadyInPsa: 1, markedBilled: 1, changedAfterBooking: 3 });
		const drift = new Map(summary.failures.map((failure: { timeEntryId: string; changedAfterBooking: unknown }) => [failure.timeEntryId, failure.changedAfterBooking]));
		expect([...drift.keys()].sort()).toEqual([edited.id, redated.id, moved.id].sort());
		expect(drift.get(edited.id)).toMatchObject({ booked: { hours: 2, contractId: 'ctr_a' }, now: { hours: 3, contractId: 'ctr_a' } });
		expect(drift.get(redated.id)).toMatchObject({ booked: { date: yesterday.toISODate() }, now: { date: yesterday.minus({ days: 1 }).toISODate() } });
		expect(drift.get(moved.id)).toMatchObject({ booked: { contractId: 'ctr_a' }, now: { contractId: 'ctr_b' } });
		// Reconciliation reads the PSA's bookings back and reports the two the export cannot see.
		expect(summary.reconciliation).toMatchObject({ from: yesterday.minus({ days: 6 }).toISODate(), to: yesterday.toISODate(), contracts: 2 });
		expect(summary.reconciliation.problems.map((problem: Record<string, unknown>) => [problem.timeEntryId, problem.problem]).sort()).toEqual(
			[
				[deletedLater.id, 'deletedInAwork'],
				[unbillableLater.id, 'notBillableInAwork'],
			].sort(),
		);
		expect(summary.reconciliation.problems.find((problem: Record<string, any>) => problem.timeEntryId === deletedLater.id)).toMatchObject({
			booked: { hours: 2, date: yesterday.toISODate(), contractId: 'ctr_a' },
			reason: expect.stringMatching(/deleted: remove the booking in The One PSA/),
		});
		// Nothing new in the PSA; only the untouched entry billed in awork.
		expect(onePsa.fake.state().timeEntries).toHaveLength(6);
		const billed = (await aworkState(awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled).map((entry) => entry.id);
		expect(billed).toEqual([untouched.id]);

		// The bookkeeper corrects the PSA entry to 3 h: the next run bills it.
		onePsa.fake.state().timeEntries.find((entry) => entry.externalId === edited.id)!.hours = 3;
		const after = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(nodeOutput(after.result, 'Summary')[0]).toMatchObject({ markedBilled: 1, changedAfterBooking: 2 });
		const billedAfter = (await aworkState(awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled).map((entry) => entry.id);
		expect(billedAfter.sort()).toEqual([untouched.id, edited.id].sort());
		expect(onePsa.fake.state().timeEntries).toHaveLength(6);
	});

	async function waitForPsaEntries(count: number): Promise<void> {
		for (let tries = 0; tries < 50 && sandbox.onePsa.fake.state().timeEntries.length < count; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(sandbox.onePsa.fake.state().timeEntries).toHaveLength(count);
	}
});

/**
 * The same, with no crash: while the run's bookings travel to the PSA (the moment the fake
 * receives the write), a person corrects one entry's hours, moves one to another project, makes one
 * non-billable and deletes one. Mark Billed (Leave Unbilled If Changed Since = the run's readAt)
 * bills only the untouched entry; the summary lists the changed ones under changedAfterBooking with
 * both sides and the deleted one as gone from awork. The next run finds the corrected and the moved
 * entry as PSA duplicates that no longer match, and still bills neither.
 */
describe('invoicing export: entries changed between the PSA booking and billing, with no crash', () => {
	let sandbox: WorkflowSandbox;

	beforeAll(async () => {
		sandbox = await startWorkflowSandbox({ label: 'changed-while-exporting' });
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	it('bills only the untouched entry and says what happened to each of the others', async () => {
		const { awork, onePsa } = sandbox;
		const { projectA, projectB, yesterday } = seedTwoContracts(sandbox);
		const [untouched, corrected, moved, unbillable, deleted] = seedTwoHourEntries(sandbox, projectA.id, yesterday, 5);
		const workflowId = await sandbox.importShipped(FILE, { settings: { timezone: ZONE } });

		// Edits land in awork (stamped as awork stamps a change) while the PSA write is on its way.
		const disarm = onNthRequest(onePsa.fake.log, isPsaWrite, 1, () => {
			const edit = (id: string, change: (entry: Record<string, any>) => void) => {
				const entry = awork.fake.store.timeEntries.get(id)!;
				change(entry);
				awork.fake.store.touch(entry);
			};
			edit(corrected.id, (entry) => (entry.duration = 3 * 3600));
			edit(moved.id, (entry) => (entry.projectId = projectB.id));
			edit(unbillable.id, (entry) => (entry.isBillable = false));
			awork.fake.store.remove('timeEntries', deleted.id);
		});
		const run = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		disarm();
		expect(runError(run.result)).toBeUndefined();
		const summary = nodeOutput(run.result, 'Summary')[0] as Record<string, any>;
		expect(summary).toMatchObject({ entriesFound: 5, exported: 5, markedBilled: 1, changedAfterBooking: 3, failed: 4 });
		const failures = new Map<string, Record<string, any>>(summary.failures.map((failure: Record<string, any>) => [failure.timeEntryId, failure]));
		expect(failures.get(corrected.id)).toMatchObject({
			changedAfterBooking: { booked: { hours: 2, contractId: 'ctr_a' }, now: { hours: 3, isBillable: true } },
			reason: expect.stringMatching(/the next run compares it with the PSA's booking/),
		});
		expect(failures.get(moved.id)).toMatchObject({ changedAfterBooking: { booked: { projectId: projectA.id }, now: { projectId: projectB.id } } });
		expect(failures.get(unbillable.id)).toMatchObject({
			changedAfterBooking: { now: { isBillable: false } },
			reason: expect.stringMatching(/remove the booking in The One PSA/),
		});
		expect(failures.get(deleted.id)?.reason).toMatch(/gone from awork .*remove the booking in The One PSA/);
		const billed = async () => (await aworkState(awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled).map((entry) => entry.id);
		expect(await billed()).toEqual([untouched.id]);
		expect(onePsa.fake.state().timeEntries).toHaveLength(5);

		// Next run: the PSA holds 2 h on contract A for both; awork has 3 h, and contract B. Neither is billed.
		const next = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(next.result)).toBeUndefined();
		const nextSummary = nodeOutput(next.result, 'Summary')[0] as Record<string, any>;
		expect(nextSummary).toMatchObject({ entriesFound: 2, exported: 0, markedBilled: 0, changedAfterBooking: 2 });
		expect(await billed()).toEqual([untouched.id]);
		expect(onePsa.fake.state().timeEntries).toHaveLength(5);
	});
});

