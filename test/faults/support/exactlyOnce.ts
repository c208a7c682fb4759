/**
 * What exactly-once means for the invoicing export, checked against a seeded export scenario
 * (devkit/sandbox/exportScenario.ts): the PSA holds each target entry once, with its hours, date
 * and contract; awork has exactly the targets billed; nothing else changed anywhere.
 */
import { COLLECTIONS_TO_COMPARE, fakeControl, rawRecords, type ExportScenario, type TargetEntry, type WorkflowSandbox } from '../../../devkit/sandbox';

export interface ExactlyOnceReport {
	psaEntries: number;
	targets: number;
	/** awork IDs the PSA holds more than once. */
	duplicated: string[];
	/** Targets the PSA does not hold. */
	missing: string[];
	/** PSA entries that are not a target. */
	unexpected: string[];
	/** Targets booked with other hours, date or contract. */
	wrong: Array<{ id: string; expected: Omit<TargetEntry, 'id'>; booked: Omit<TargetEntry, 'id'> }>;
	/** Targets not billed in awork. */
	unbilled: string[];
	/** Other awork records that changed (id and the fields that differ). */
	changed: string[];
}

const VOLATILE = new Set(['updatedOn', 'updatedBy', 'resourceVersion']);

function differences(before: Record<string, unknown>, after: Record<string, unknown> | undefined, ignore: Set<string>): string[] {
	if (!after) return ['(deleted)'];
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...keys].filter((key) => !VOLATILE.has(key) && !ignore.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export async function verifyExactlyOnce(sandbox: WorkflowSandbox, scenario: ExportScenario): Promise<ExactlyOnceReport> {
	const psa = sandbox.onePsa.fake.state().timeEntries;
	const byExternal = new Map<string, typeof psa>();
	for (const entry of psa) byExternal.set(entry.externalId, [...(byExternal.get(entry.externalId) ?? []), entry]);
	const report: ExactlyOnceReport = {
		psaEntries: psa.length,
		targets: scenario.targets.size,
		duplicated: [],
		missing: [],
		unexpected: [],
		wrong: [],
		unbilled: [],
		changed: [],
	};
	for (const [externalId, entries] of byExternal) {
		if (!scenario.targets.has(externalId)) report.unexpected.push(externalId);
		if (entries.length > 1) report.duplicated.push(externalId);
	}
	for (const target of scenario.targets.values()) {
		const booked = byExternal.get(target.id)?.[0];
		if (!booked) {
			report.missing.push(target.id);
			continue;
		}
		const got = { contractId: booked.contractId, hours: booked.hours, date: booked.date };
		const expected = { contractId: target.contractId, hours: target.hours, date: target.date };
		if (JSON.stringify(got) !== JSON.stringify(expected)) report.wrong.push({ id: target.id, expected, booked: got });
	}

	const entriesAfter = new Map((await rawRecords(sandbox, 'timeEntries')).map((entry) => [String(entry.id), entry]));
	for (const entry of scenario.before.timeEntries) {
		const id = String(entry.id);
		const after = entriesAfter.get(id);
		if (scenario.targets.has(id)) {
			if (after?.isBilled !== true) report.unbilled.push(id);
			const changed = differences(entry, after, new Set(['isBilled']));
			if (changed.length) report.changed.push(`timeEntries/${id}: ${changed.join(', ')}`);
		} else {
			const changed = differences(entry, after, new Set());
			if (changed.length) report.changed.push(`timeEntries/${id}: ${changed.join(', ')}`);
		}
	}
	if (entriesAfter.size !== scenario.before.timeEntries.length) report.changed.push(`timeEntries: ${scenario.before.timeEntries.length} before, ${entriesAfter.size} after`);
	for (const collection of COLLECTIONS_TO_COMPARE) {
		const after = new Map((await rawRecords(sandbox, collection)).map((record) => [String(record.id), record]));
		const before = scenario.before[collection];
		if (after.size !== before.length) report.changed.push(`${collection}: ${before.length} before, ${after.size} after`);
		for (const record of before) {
			const changed = differences(record, after.get(String(record.id)), new Set());
			if (changed.length) report.changed.push(`${collection}/${String(record.id)}: ${changed.join(', ')}`);
		}
	}
	return report;
}

/** Whether every target is in the PSA and billed (cheap check between runs). */
export async function exportDone(sandbox: WorkflowSandbox, scenario: ExportScenario): Promise<boolean> {
	const booked = new Set(sandbox.onePsa.fake.state().timeEntries.map((entry) => entry.externalId));
	for (const id of scenario.targets.keys()) if (!booked.has(id)) return false;
	const billed = await fakeControl<Array<{ id: string }>>(
		'GET',
		`${sandbox.awork.controlUrl}/state/timeEntries?filterby=${encodeURIComponent('isBillable eq true and isBilled eq false')}`,
	);
	return !billed.some((entry) => scenario.targets.has(entry.id));
}

/** A compact text for assertion messages. */
export function describeReport(report: ExactlyOnceReport): string {
	const head = (list: unknown[]) => `${list.length}${list.length ? ` (e.g. ${JSON.stringify(list.slice(0, 3))})` : ''}`;
	return [
		`PSA entries ${report.psaEntries} for ${report.targets} targets`,
		`duplicated ${head(report.duplicated)}`,
		`missing ${head(report.missing)}`,
		`unexpected ${head(report.unexpected)}`,
		`wrong ${head(report.wrong)}`,
		`unbilled ${head(report.unbilled)}`,
		`changed ${head(report.changed)}`,
	].join('; ');
}
