/**
 * Turns time entries into invoice positions. Pure: the operation reads the parameters and the
 * input items, this decides groups, text, quantity, rate and amount. Rules: docs/client-health.md
 * ("Invoice positions") and the operation's parameter descriptions.
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import type { CompleteTimeEntry } from '../../../../shared/billing/billingRecord';
import { rateOf, type RateRow } from './rates';
import { roundSeconds, type RoundingRule } from './rounding';

export type PositionLevel = 'entry' | 'project' | 'task' | 'user' | 'key';
export type PositionText = 'auto' | 'project' | 'task' | 'user' | 'template';

export interface PositionSettings {
	level: PositionLevel;
	/** Field path for level `key`, e.g. typeOfWork.name. */
	groupKey: string;
	text: PositionText;
	template: string;
	unit: 'hours' | 'days';
	hoursPerDay: number;
	rates: RateRow[];
	defaultRate: number;
	rounding: { rule: RoundingRule; stepSeconds: number; per: 'entry' | 'position' };
	/** Field path whose value, when all entries of a position share it, is the position's ID (e.g. one planned before). */
	idField?: string;
}

/** One time entry and the input items it came from (the same entry twice is billed once). */
export interface CoveredEntry {
	facts: CompleteTimeEntry;
	itemIndexes: number[];
}

export interface Position {
	json: IDataObject;
	itemIndexes: number[];
}

const round = (value: number, decimals: number) => {
	const factor = 10 ** decimals;
	return Math.round((value + Number.EPSILON) * factor) / factor;
};

function groupValue(entry: CompleteTimeEntry, settings: PositionSettings): string {
	switch (settings.level) {
		case 'entry':
			return entry.id;
		case 'project':
			return entry.projectId ?? '';
		case 'task':
			return entry.taskId ?? '';
		case 'user':
			return entry.userId ?? '';
		case 'key': {
			const value = valueAtPath(entry.raw, settings.groupKey);
			return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
	}
}

/** The distinct values of one fact over the entries, in first-seen order, joined by ", ". */
function joined(entries: CompleteTimeEntry[], pick: (entry: CompleteTimeEntry) => string | null): string {
	return [...new Set(entries.map(pick).filter((value): value is string => !!value))].join(', ');
}

/** The fact when every entry has the same value, else null. */
function common(entries: CompleteTimeEntry[], pick: (entry: CompleteTimeEntry) => string | null): string | null {
	const values = new Set(entries.map(pick));
	return values.size === 1 ? [...values][0] : null;
}

function dateRange(entries: CompleteTimeEntry[]): string {
	const dates = entries.map((entry) => entry.date).filter((date): date is string => !!date).sort();
	if (dates.length === 0) return '';
	return dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} – ${dates[dates.length - 1]}`;
}

function positionText(entries: CompleteTimeEntry[], key: string, settings: PositionSettings): string {
	const project = () => joined(entries, (entry) => entry.projectName ?? entry.projectId) || 'No project';
	const task = () => joined(entries, (entry) => entry.taskName ?? entry.taskId) || 'No task';
	const user = () => joined(entries, (entry) => entry.userName ?? entry.userId) || 'No user';
	let choice = settings.text;
	if (choice === 'auto') {
		if (settings.level === 'key') return key || 'None';
		choice = settings.level === 'entry' ? (entries[0].taskId ? 'task' : 'project') : settings.level;
	}
	if (choice === 'project') return project();
	if (choice === 'task') return task();
	if (choice === 'user') return user();
	const values: Record<string, () => string> = {
		project,
		task,
		user,
		client: () => joined(entries, (entry) => entry.clientName),
		typeOfWork: () => joined(entries, (entry) => entry.typeOfWorkName ?? entry.typeOfWorkId),
		note: () => joined(entries, (entry) => entry.note),
		date: () => dateRange(entries),
		key: () => key,
	};
	return settings.template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (values[name] ? values[name]() : placeholder)).trim();
}

/** A value at a dot path such as `typeOfWork.name` or `project.company.name` (array indexes as numbers). */
export function valueAtPath(entry: IDataObject, path: string): unknown {
	let current: unknown = entry;
	for (const segment of path.split('.').map((part) => part.trim()).filter(Boolean)) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[segment];
	}
	return current;
}

/** The ID the entries carry in `idField` when they all carry the same one; else null. */
function sharedId(entries: CompleteTimeEntry[], idField: string | undefined): string | null {
	if (!idField) return null;
	const values = new Set(entries.map((entry) => valueAtPath(entry.raw, idField)));
	const [value] = values;
	return values.size === 1 && typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The local day of a position: the day its latest entry ended, as that entry's time zone has it. */
function lastDay(entries: CompleteTimeEntry[]): string | null {
	let last: CompleteTimeEntry | undefined;
	for (const entry of entries) {
		const end = entry.endDateUtc ?? entry.startDateUtc;
		if (end && (!last || end > (last.endDateUtc ?? last.startDateUtc)!)) last = entry;
	}
	return (last ?? entries[0])?.endDate ?? null;
}

/** Same entries, same ID: "pos-" and the first 40 hex digits of SHA-256 over the sorted entry IDs joined by commas. */
export function positionIdOf(timeEntryIds: string[]): string {
	return 'pos-' + createHash('sha256').update([...timeEntryIds].sort().join(','), 'utf8').digest('hex').slice(0, 40);
}

export function buildPositions(covered: CoveredEntry[], settings: PositionSettings): Position[] {
	// Entries of one group with different rates become one position per rate: quantity x price = amount.
	const groups = new Map<string, { key: string; rate: number; entries: CoveredEntry[] }>();
	for (const entry of covered) {
		const key = groupValue(entry.facts, settings);
		const rate = rateOf(entry.facts, settings.rates, settings.defaultRate);
		const id = JSON.stringify([key, rate]);
		const group = groups.get(id) ?? { key, rate, entries: [] };
		group.entries.push(entry);
		groups.set(id, group);
	}
	const { rule, stepSeconds, per } = settings.rounding;
	const unitSeconds = settings.unit === 'days' ? settings.hoursPerDay * 3600 : 3600;
	return [...groups.values()].map((group, index) => {
		const facts = group.entries.map((entry) => entry.facts);
		const trackedSeconds = facts.reduce((sum, entry) => sum + entry.seconds, 0);
		const seconds =
			per === 'entry'
				? facts.reduce((sum, entry) => sum + roundSeconds(entry.seconds, rule, stepSeconds), 0)
				: roundSeconds(trackedSeconds, rule, stepSeconds);
		const exactQuantity = seconds / unitSeconds;
		const starts = facts.map((entry) => entry.startDateUtc).filter((value): value is string => !!value).sort();
		const ends = facts.map((entry) => entry.endDateUtc ?? entry.startDateUtc).filter((value): value is string => !!value).sort();
		return {
			itemIndexes: [...new Set(group.entries.flatMap((entry) => entry.itemIndexes))].sort((a, b) => a - b),
			json: {
				positionId: sharedId(facts, settings.idField) ?? positionIdOf(facts.map((entry) => entry.id)),
				position: index + 1,
				text: positionText(facts, group.key, settings),
				quantity: round(exactQuantity, 4),
				unit: settings.unit,
				unitPrice: group.rate,
				amount: round(exactQuantity * group.rate, 2),
				seconds,
				trackedSeconds,
				timeEntryIds: facts.map((entry) => entry.id),
				timeEntryCount: facts.length,
				level: settings.level,
				groupKey: group.key,
				projectId: common(facts, (entry) => entry.projectId),
				projectName: common(facts, (entry) => entry.projectName),
				taskId: common(facts, (entry) => entry.taskId),
				taskName: common(facts, (entry) => entry.taskName),
				userId: common(facts, (entry) => entry.userId),
				userName: common(facts, (entry) => entry.userName),
				typeOfWorkId: common(facts, (entry) => entry.typeOfWorkId),
				typeOfWorkName: common(facts, (entry) => entry.typeOfWorkName),
				from: starts[0] ?? null,
				to: ends[ends.length - 1] ?? null,
				date: lastDay(facts),
			},
		};
	});
}
