/**
 * The invoicing export's scenario, seeded into a sandbox's fakes: N billable, unbilled time entries
 * of closed days spread over P projects that have a PSA contract (by default most by custom field,
 * a tenth by contract mapping, a tenth of the contracts without batch import), plus entries the
 * export must leave alone (not billable, already billed, of today, on a project without contract).
 * The fault suite checks exactly-once against it; the benchmark seeds it with mappings, single-post
 * contracts and noise switched off.
 */
import { DateTime } from 'luxon';

import { httpRequest } from '../n8n';
import { saveMappings } from './mappings';
import type { WorkflowSandbox } from './workflowSandbox';

export const EXPORT_ZONE = 'Europe/Berlin';
export const EXPORT_FILE = 'invoicing-export.json';

export interface ExportScenarioOptions {
	entries: number;
	projects: number;
	/** Projects whose contract comes from the contract mapping instead of the custom field. */
	mappedProjects?: number;
	/** Contracts that only take single posts (no batch endpoint). */
	singlePostContracts?: number;
	/** Entries the export must not touch, per kind (0: none). */
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

/** The awork collections a run of the export must leave as they were (time entries apart). */
export const COLLECTIONS_TO_COMPARE = ['projects', 'tasks', 'taskLists', 'customFieldDefinitions', 'companies', 'users', 'webhooks', 'comments'];

/** A call to a fake's control API; seeding 10,000 entries takes a while. */
export async function fakeControl<T>(method: string, url: string, body?: unknown): Promise<T> {
	const answer = await httpRequest<T>(method, url, { body, timeoutMs: 600_000 });
	if (answer.status >= 400) throw new Error(`${method} ${url} -> ${answer.status}: ${answer.text.slice(0, 500)}`);
	return answer.body;
}

/** Stored records of a collection of the fake awork, by id. */
export async function rawRecords(sandbox: WorkflowSandbox, collection: string): Promise<Array<Record<string, unknown>>> {
	return await fakeControl<Array<Record<string, unknown>>>('GET', `${sandbox.awork.controlUrl}/state/${collection}?raw=true`);
}

function hoursOf(durationSeconds: number): number {
	return Math.round((durationSeconds / 3600) * 100) / 100;
}

/** Empties both fakes and seeds the scenario; the ID Mapping table gets the contract mappings. */
export async function seedExportScenario(sandbox: WorkflowSandbox, options: ExportScenarioOptions): Promise<ExportScenario> {
	const { awork, onePsa } = sandbox;
	const seedBase = options.seed ?? 7;
	await fakeControl('POST', `${awork.controlUrl}/reset`, {});
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

	const today = DateTime.now().setZone(EXPORT_ZONE).startOf('day');
	const closedFrom = today.minus({ days: 120 }).toUTC().toISO()!;
	const closedTo = today.minus({ minutes: 1 }).toUTC().toISO()!;
	const generate = (body: Record<string, unknown>) => fakeControl('POST', `${awork.controlUrl}/timeentries/generate`, { timezone: EXPORT_ZONE, ...body });

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
	if (noise > 0) {
		await generate({ count: noise, projectIds, billableRatio: 0, from: closedFrom, to: closedTo, seed: seedBase + 1001 });
		await generate({ count: noise, projectIds, billableRatio: 1, billedRatio: 1, from: closedFrom, to: closedTo, seed: seedBase + 1002 });
		await generate({ count: noise, projectIds: [internal.id], billableRatio: 1, billedRatio: 0, from: closedFrom, to: closedTo, seed: seedBase + 1003 });
	}
	const now = DateTime.now();
	if (noise > 0 && now.diff(today, 'minutes').minutes > 3) {
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
