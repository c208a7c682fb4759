/**
 * An entry edited after the PSA booked it, and before awork marked it billed: the export run is
 * SIGKILLed the moment its PSA write reaches the fake (the write lands, the answer is lost); then
 * a person corrects one entry's hours, re-dates another and moves a third to a project on
 * another contract. The next run must bill only the untouched entry and leave the three unbilled,
 * listed under changedAfterBooking with both values, with nothing new booked in the PSA. Once the
 * PSA entry is corrected, the run after that bills the corrected entry. Real n8n, the shipped
 * workflow.
 */
import { DateTime } from 'luxon';

import { nodeOutput, runError } from '../e2e/harness';
import { aworkState, startWorkflowSandbox, type WorkflowSandbox } from '../e2e/support';
import type { RequestLogEntry } from '../fakes/shared/fakeServer';
import { startCliRun } from './support/cliRun';
import { onNthRequest } from './support/requestHooks';

const FILE = 'invoicing-export.json';
const ZONE = 'Europe/Berlin';
const isPsaWrite = (entry: RequestLogEntry) => entry.method === 'POST' && /\/time-entries(\/batch)?$/.test(entry.path);

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
		onePsa.fake.seed({ contracts: [{ id: 'ctr_a', number: 'C-A', name: 'A' }, { id: 'ctr_b', number: 'C-B', name: 'B' }] });
		const [field] = awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Contract', type: 'text', entity: 'project', order: 1 }] })
			.customFieldDefinitions as Array<{ id: string }>;
		const [projectA, projectB] = awork.fake.seed({
			projects: [
				{ name: 'Project A', customFields: [{ customFieldDefinitionId: field.id, textValue: 'ctr_a' }] },
				{ name: 'Project B', customFields: [{ customFieldDefinitionId: field.id, textValue: 'ctr_b' }] },
			],
		}).projects as Array<{ id: string }>;
		const yesterday = DateTime.now().setZone(ZONE).startOf('day').minus({ days: 1 });
		const [untouched, edited, redated, moved] = awork.fake.seed({
			timeEntries: [0, 1, 2, 3].map((n) => ({
				projectId: projectA.id,
				startDateUtc: yesterday.plus({ hours: 9 + n }).toUTC().toISO(),
				duration: 7200,
				isBillable: true,
				isBilled: false,
				timezone: ZONE,
			})),
		}).timeEntries as Array<{ id: string }>;
		const workflowId = await sandbox.importShipped(FILE, { settings: { timezone: ZONE } });

		// Crash: the PSA write lands, the run dies before billing.
		const run = await startCliRun(sandbox.n8n, workflowId, { timeoutMs: 300_000 });
		const disarm = onNthRequest(onePsa.fake.log, isPsaWrite, 1, () => run.kill());
		const crashed = await run.done;
		disarm();
		expect(crashed.killed).toBe(true);
		await waitForPsaEntries(4);
		expect((await aworkState(awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled)).toEqual([]);

		// A person corrects entries in awork the next morning.
		const stored = (id: string) => awork.fake.store.timeEntries.get(id)!;
		stored(edited.id).duration = 3 * 3600;
		stored(redated.id).startDateUtc = yesterday.minus({ days: 1 }).plus({ hours: 9 }).toUTC().toISO();
		stored(redated.id).endDateUtc = yesterday.minus({ days: 1 }).plus({ hours: 11 }).toUTC().toISO();
		stored(moved.id).projectId = projectB.id;

		const next = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(runError(next.result)).toBeUndefined();
		const summary = nodeOutput(next.result, 'Summary')[0] as Record<string, any>;
		expect(summary).toMatchObject({ entriesFound: 4, exported: 0, alreadyInPsa: 1, markedBilled: 1, changedAfterBooking: 3 });
		const drift = new Map(summary.failures.map((failure: { timeEntryId: string; changedAfterBooking: unknown }) => [failure.timeEntryId, failure.changedAfterBooking]));
		expect([...drift.keys()].sort()).toEqual([edited.id, redated.id, moved.id].sort());
		expect(drift.get(edited.id)).toMatchObject({ booked: { hours: 2, contractId: 'ctr_a' }, now: { hours: 3, contractId: 'ctr_a' } });
		expect(drift.get(redated.id)).toMatchObject({ booked: { date: yesterday.toISODate() }, now: { date: yesterday.minus({ days: 1 }).toISODate() } });
		expect(drift.get(moved.id)).toMatchObject({ booked: { contractId: 'ctr_a' }, now: { contractId: 'ctr_b' } });
		// Nothing new in the PSA; only the untouched entry billed in awork.
		expect(onePsa.fake.state().timeEntries).toHaveLength(4);
		const billed = (await aworkState(awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled).map((entry) => entry.id);
		expect(billed).toEqual([untouched.id]);

		// The bookkeeper corrects the PSA entry to 3 h: the next run bills it.
		onePsa.fake.state().timeEntries.find((entry) => entry.externalId === edited.id)!.hours = 3;
		const after = await sandbox.n8n.executeWorkflowCli(workflowId, { timeoutMs: 300_000 });
		expect(nodeOutput(after.result, 'Summary')[0]).toMatchObject({ markedBilled: 1, changedAfterBooking: 2 });
		const billedAfter = (await aworkState(awork, 'timeEntries')).timeEntries.filter((entry) => entry.isBilled).map((entry) => entry.id);
		expect(billedAfter.sort()).toEqual([untouched.id, edited.id].sort());
		expect(onePsa.fake.state().timeEntries).toHaveLength(4);
	});

	async function waitForPsaEntries(count: number): Promise<void> {
		for (let tries = 0; tries < 50 && sandbox.onePsa.fake.state().timeEntries.length < count; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(sandbox.onePsa.fake.state().timeEntries).toHaveLength(count);
	}
});
