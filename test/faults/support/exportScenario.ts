/**
 * The invoicing export's exactly-once scenario: a workspace with N billable, unbilled time entries
 * of closed days spread over P projects that have a PSA contract (most by custom field, some by
 * contract mapping, some contracts without batch import), plus entries the export must leave
 * alone (not billable, already billed, of today, on a project without contract). verify() compares
 * both fakes with what exactly-once means: the PSA holds each target entry once, with its hours,
 * date and contract; awork has exactly the targets billed; nothing else changed anywhere.
 */
import { DateTime } from 'luxon';

import { httpRequest } from '../../../devkit/n8n';
import { saveMappings, type WorkflowSandbox } from '../../../devkit/sandbox';

export const ZONE = 'Europe/Berlin';
export const EXPORT_FILE = 'invoicing-export.json';

export interface ExportScenarioOptions {
	entries: number;
	projects: number;
	/** Projects whose contract comes from the contract mapping instead of the custom field. */
	mappedProjects?: number;
	/** Contracts that only take single posts (no batch endpoint). */
	singlePostContracts?: number;
	/** Entries the export must not touch, per kind. */
	noise?: number;
	seed?: number;
}

export interface TargetEntry {
	id: string;
	contractId: string;
	hours: number;
	date: string;
}

export interface ExportScenario {
	targets: Map<string, TargetEntry>;
	/** Stored awork records (raw) of every collection before the first run. */
	before: Record<string, Array<Record<string, unknown>>>;
	projectIds: string[];
}

const COLLECTIONS_TO_COMPARE = ['projects', 'tasks', 'taskLists', 'customFieldDefinitions', 'companies', 'users', 'webhooks', 'comments'];

async function control<T>(method: string, url: string, body?: unknown): Promise<T> {
	const answer = await httpRequest<T>(method, url, { body, timeoutMs: 300_000 });
	if (answer.status >= 400) throw new Error(`${method} ${url} -> ${answer.status}: ${answer.text.slice(0, 500)}`);
	return answer.body;
}

/** Stored records of a collection of the fake awork, by id. */
export async function rawRecords(sandbox: WorkflowSandbox, collection: string): Promise<Array<Record<string, unknown>>> {
	return await control<Array<Record<string, unknown>>>('GET', `${sandbox.awork.controlUrl}/state/${collection}?raw=true`);
}

function hoursOf(durationSeconds: number): number {
	return Math.round((durationSeconds / 3600) * 100) / 100;
}

/** Empties both fakes and seeds the scenario; the ID Mapping table gets the contract mappings. */
export async function seedExportScenario(sandbox: WorkflowSandbox, options: ExportScenarioOptions): Promise<ExportScenario> {
	const { awork, onePsa } = sandbox;
	const seedBase = options.seed ?? 7;
	await control('POST', `${awork.controlUrl}/reset`, {});
	onePsa.fake.reset();
	awork.fake.server.logBodies = false;
	onePsa.fake.server.logBodies = false;

	const [field] = awork.fake.seed({ customFieldDefinitions: [{ name: 'PSA Contract', type: 'text', entity: 'project', order: 1 }] })
		.customFieldDefinitions as Array<{ id: string }>;
	const mappedProjects = options.mappedProjects ?? Math.floor(options.projects / 10);
	const singlePost = options.singlePostContracts ?? Math.floor(options.projects / 10);
	const projectIds: string[] = [];
	const contractOf = new Map<string, string>();
	const contracts: Array<{ id: string; number: string; name: string; supportsBatch: boolean }> = [];
	const mappings: Array<{ namespace: string; externalId: string; aworkId: string }> = [];
	for (let p = 0; p < options.projects; p++) {
		const contractId = `ctr_${String(p).padStart(3, '0')}`;
		const byMapping = p >= options.projects - mappedProjects;
		const [project] = awork.fake.seed({
			projects: [
				{
					name: `Client ${p} – "Relaunch" O'Brien & Co`,
					isBillableByDefault: true,
					customFields: byMapping ? [] : [{ customFieldDefinitionId: field.id, textValue: contractId }],
				},
			],
		}).projects as Array<{ id: string }>;
		projectIds.push(project.id);
		contractOf.set(project.id, contractId);
		if (byMapping) mappings.push({ namespace: 'contract', externalId: contractId, aworkId: project.id });
		contracts.push({ id: contractId, number: `C-${2000 + p}`, name: `Contract ${p}`, supportsBatch: p >= singlePost });
	}
	const [internal] = awork.fake.seed({ projects: [{ name: 'Internal (no contract)', isBillableByDefault: true }] }).projects as Array<{ id: string }>;
	onePsa.fake.seed({ contracts });
	if (mappings.length) await saveMappings(sandbox, mappings);

	const today = DateTime.now().setZone(ZONE).startOf('day');
	const closedFrom = today.minus({ days: 120 }).toUTC().toISO()!;
	const closedTo = today.minus({ minutes: 1 }).toUTC().toISO()!;
	const generate = (body: Record<string, unknown>) => control('POST', `${awork.controlUrl}/timeentries/generate`, { timezone: ZONE, ...body });

	// Targets: N entries spread evenly over the projects with a contract.
	let left = options.entries;
	for (let p = 0; p < projectIds.length; p++) {
		const count = Math.floor(options.entries / projectIds.length) + (p < options.entries % projectIds.length ? 1 : 0);
		left -= count;
		if (count) await generate({ count, projectIds: [projectIds[p]], billableRatio: 1, billedRatio: 0, from: closedFrom, to: closedTo, seed: seedBase + p });
	}
	if (left !== 0) throw new Error('seed arithmetic');
	const targetIds = new Set((await rawRecords(sandbox, 'timeEntries')).map((entry) => String(entry.id)));

	// Noise the export must not touch.
	const noise = options.noise ?? Math.max(10, Math.floor(options.entries / 20));
	await generate({ count: noise, projectIds, billableRatio: 0, from: closedFrom, to: closedTo, seed: seedBase + 1001 });
	await generate({ count: noise, projectIds, billableRatio: 1, billedRatio: 1, from: closedFrom, to: closedTo, seed: seedBase + 1002 });
	await generate({ count: noise, projectIds: [internal.id], billableRatio: 1, billedRatio: 0, from: closedFrom, to: closedTo, seed: seedBase + 1003 });
	const now = DateTime.now();
	if (now.diff(today, 'minutes').minutes > 3) {
		await generate({
			count: noise,
			projectIds,
			billableRatio: 1,
			billedRatio: 0,
			from: today.plus({ minutes: 1 }).toUTC().toISO(),
			to: now.minus({ minutes: 1 }).toUTC().toISO(),
			seed: seedBase + 1004,
		});
	}

	const targets = new Map<string, TargetEntry>();
	const before: ExportScenario['before'] = { timeEntries: await rawRecords(sandbox, 'timeEntries') };
	for (const entry of before.timeEntries) {
		const id = String(entry.id);
		if (!targetIds.has(id)) continue;
		targets.set(id, {
			id,
			contractId: contractOf.get(String(entry.projectId))!,
			hours: hoursOf(Number(entry.duration)),
			date: DateTime.fromISO(String(entry.startDateUtc), { zone: 'utc' }).setZone(String(entry.timezone)).toISODate()!,
		});
	}
	for (const collection of COLLECTIONS_TO_COMPARE) before[collection] = await rawRecords(sandbox, collection);
	awork.fake.server.log.length = 0;
	onePsa.fake.log.length = 0;
	return { targets, before, projectIds };
}

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
	const billed = await control<Array<{ id: string }>>(
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
