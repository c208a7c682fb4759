/** Time entries (awork's TimeTracking model). */
import { DateTime } from 'luxon';
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec } from '../store';
import { fill, nestedType, nestedUser, newId, stamps, versioned } from './common';
import { projectForTimeTracking } from './projects';

/**
 * Stored: startDateUtc/endDateUtc as full UTC instants, duration in seconds. The *TimeUtc and *Local
 * fields are derived when rendering.
 */
export function buildTimeEntry(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	const rec = fill(
		{
			id: newId(),
			isBillable: false,
			isBilled: false,
			taskId: null,
			projectId: null,
			note: null,
			startDateUtc: null,
			endDateUtc: null,
			timezone: 'Europe/Berlin',
			duration: null,
			breakDuration: null,
			typeOfWorkId: null,
			userId: store.meUserId || null,
			...stamps(store),
			...versioned(),
			isExternal: false,
		},
		input,
	);
	if (rec.startDateUtc && rec.duration === null && rec.endDateUtc) {
		rec.duration = Math.round((Date.parse(rec.endDateUtc) - Date.parse(rec.startDateUtc)) / 1000);
	}
	if (rec.startDateUtc && !rec.endDateUtc && typeof rec.duration === 'number') {
		rec.endDateUtc = new Date(Date.parse(rec.startDateUtc) + rec.duration * 1000).toISOString();
	}
	return rec;
}

// Offsets change at most hourly, so one lookup per (zone, hour) keeps rendering 1000 rows cheap.
const offsetCache = new Map<string, number>();

function offsetMinutes(zone: string, ms: number): number {
	const key = `${zone}|${Math.floor(ms / 3600000)}`;
	let offset = offsetCache.get(key);
	if (offset === undefined) {
		const dt = DateTime.fromMillis(ms, { zone });
		offset = dt.isValid ? dt.offset : 0;
		if (offsetCache.size > 50000) offsetCache.clear();
		offsetCache.set(key, offset);
	}
	return offset;
}

interface SplitInstant {
	time: string | null;
	localDate: string | null;
	localTime: string | null;
}

const NO_INSTANT: SplitInstant = Object.freeze({ time: null, localDate: null, localTime: null });

function splitInstant(iso: unknown, zone: string): SplitInstant {
	if (typeof iso !== 'string') return NO_INSTANT;
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return NO_INSTANT;
	const utc = new Date(ms).toISOString();
	const local = new Date(ms + offsetMinutes(zone, ms) * 60000).toISOString();
	return { time: utc.slice(11, 19), localDate: local.slice(0, 19), localTime: local.slice(11, 19) };
}

/** The derived times of an entry, with the stored values they were derived from. */
interface EntryInstants {
	startDateUtc: unknown;
	endDateUtc: unknown;
	timezone: unknown;
	start: SplitInstant;
	end: SplitInstant;
}

// Derived once per change of an entry's times, not on every page that shows it.
const instantsOf = new WeakMap<Rec, EntryInstants>();

/** The entry's derived times, worked out again only when its stored times or zone changed. */
export function entryInstants(rec: Rec): EntryInstants {
	const known = instantsOf.get(rec);
	if (known && known.startDateUtc === rec.startDateUtc && known.endDateUtc === rec.endDateUtc && known.timezone === rec.timezone) {
		return known;
	}
	const instants: EntryInstants = {
		startDateUtc: rec.startDateUtc,
		endDateUtc: rec.endDateUtc,
		timezone: rec.timezone,
		start: splitInstant(rec.startDateUtc, rec.timezone),
		end: splitInstant(rec.endDateUtc, rec.timezone),
	};
	instantsOf.set(rec, instants);
	return instants;
}

function taskForTimeTracking(store: AworkStore, task: Rec | undefined) {
	if (!task) return null;
	const status = store.taskStatuses.get(task.taskStatusId);
	const parent = store.tasks.get(task.parentId);
	return {
		id: task.id,
		name: task.name,
		baseType: task.baseType,
		taskIdentifier: task.taskIdentifier,
		taskStatusId: task.taskStatusId,
		typeOfWorkId: task.typeOfWorkId,
		project: projectForTimeTracking(store, store.projects.get(task.projectId)),
		projectId: task.projectId,
		plannedDuration: task.plannedDuration,
		closedOn: task.closedOn,
		taskStatus: status
			? { id: status.id, name: status.name, description: null, type: status.type, order: status.order, icon: status.icon }
			: null,
		createdBy: task.createdBy,
		correlationId: task.correlationId,
		parentId: task.parentId,
		parentTask: parent ? { id: parent.id, name: parent.name } : null,
	};
}

/** The UTC date at midnight, as the 'dateAndTime' reading serves `*DateUtc`. */
function utcMidnight(iso: unknown): unknown {
	if (typeof iso !== 'string') return iso;
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`;
}

export function timeEntrySpec(store: AworkStore, dateShape: () => 'instant' | 'dateAndTime' = () => 'instant'): ListSpec {
	const served = (iso: unknown) => (dateShape() === 'dateAndTime' ? utcMidnight(iso) : iso);
	return {
		collection: 'timeEntries',
		links: {
			project: { collection: 'projects', idOf: (rec) => rec.projectId },
			task: { collection: 'tasks', idOf: (rec) => rec.taskId },
			user: { collection: 'users', idOf: (rec) => rec.userId },
			typeOfWork: { collection: 'typesOfWork', idOf: (rec) => rec.typeOfWorkId },
		},
		computed: {
			startDateUtc: (rec) => served(rec.startDateUtc),
			endDateUtc: (rec) => served(rec.endDateUtc),
			startTimeUtc: (rec) => entryInstants(rec).start.time,
			endTimeUtc: (rec) => entryInstants(rec).end.time,
			startDateLocal: (rec) => entryInstants(rec).start.localDate,
			endDateLocal: (rec) => entryInstants(rec).end.localDate,
		},
		// Written out field by field (schema order): much cheaper than spreading when paging 100k rows.
		render: (rec) => {
			const { start, end } = entryInstants(rec);
			return {
				isBillable: rec.isBillable,
				isBilled: rec.isBilled,
				taskId: rec.taskId,
				projectId: rec.projectId,
				note: rec.note,
				startDateUtc: served(rec.startDateUtc),
				startTimeUtc: start.time,
				endDateUtc: served(rec.endDateUtc),
				endTimeUtc: end.time,
				startDateLocal: start.localDate,
				startTimeLocal: start.localTime,
				endDateLocal: end.localDate,
				endTimeLocal: end.localTime,
				timezone: rec.timezone,
				duration: rec.duration,
				breakDuration: rec.breakDuration,
				typeOfWorkId: rec.typeOfWorkId,
				userId: rec.userId,
				id: rec.id,
				createdBy: rec.createdBy,
				createdOn: rec.createdOn,
				updatedBy: rec.updatedBy,
				updatedOn: rec.updatedOn,
				typeOfWork: nestedType(store.typesOfWork.get(rec.typeOfWorkId)),
				user: nestedUser(store.users.get(rec.userId)),
				task: taskForTimeTracking(store, store.tasks.get(rec.taskId)),
				project: projectForTimeTracking(store, store.projects.get(rec.projectId)),
				resourceVersion: rec.resourceVersion,
				isExternal: rec.isExternal,
				breaks: [],
			};
		},
	};
}
