/** What a position needs to know of one awork time entry (the TimeTracking model with its nested names). */
import type { IDataObject } from 'n8n-workflow';
import { entryInstantMs } from '../startInstant';

export interface EntryFacts {
	id: string;
	/** Tracked seconds as awork reports them (`duration`). */
	seconds: number;
	isBillable: boolean;
	projectId: string | null;
	projectName: string | null;
	clientName: string | null;
	taskId: string | null;
	taskName: string | null;
	userId: string | null;
	userName: string | null;
	typeOfWorkId: string | null;
	typeOfWorkName: string | null;
	note: string | null;
	/** Local calendar day the entry started (YYYY-MM-DD). */
	date: string | null;
	startDateUtc: string | null;
	endDateUtc: string | null;
	raw: IDataObject;
}

const textOrNull = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
const nested = (entry: IDataObject, key: string) => (entry[key] && typeof entry[key] === 'object' ? (entry[key] as IDataObject) : {});

/** Seconds of an entry: awork's `duration`, else the time between start and end. */
function secondsOf(entry: IDataObject): number | undefined {
	const duration = entry.duration;
	if (typeof duration === 'number' && Number.isFinite(duration) && duration >= 0) return duration;
	const start = entryInstantMs(entry, 'start');
	const end = entryInstantMs(entry, 'end');
	if (start !== undefined && end !== undefined && end >= start) return Math.round((end - start) / 1000);
	return undefined;
}

/** The facts of one input item, or a sentence saying why it is not a time entry. */
export function entryFacts(entry: IDataObject): EntryFacts | string {
	const id = textOrNull(entry.id);
	if (!id) return 'it has no "id"';
	const seconds = secondsOf(entry);
	if (seconds === undefined) return `time entry ${id} has no "duration" in seconds (nor a start and end)`;
	const project = nested(entry, 'project');
	const task = nested(entry, 'task');
	const user = nested(entry, 'user');
	const typeOfWork = nested(entry, 'typeOfWork');
	const userName = [user.firstName, user.lastName].filter((part) => typeof part === 'string' && part.trim()).join(' ');
	const local = textOrNull(entry.startDateLocal) ?? textOrNull(entry.startDateUtc);
	return {
		id,
		seconds,
		isBillable: entry.isBillable !== false,
		projectId: textOrNull(entry.projectId) ?? textOrNull(project.id),
		projectName: textOrNull(project.name),
		clientName: textOrNull(nested(project, 'company').name),
		taskId: textOrNull(entry.taskId) ?? textOrNull(task.id),
		taskName: textOrNull(task.name),
		userId: textOrNull(entry.userId) ?? textOrNull(user.id),
		userName: userName || null,
		typeOfWorkId: textOrNull(entry.typeOfWorkId) ?? textOrNull(typeOfWork.id),
		typeOfWorkName: textOrNull(typeOfWork.name),
		note: textOrNull(entry.note),
		date: local ? local.slice(0, 10) : null,
		startDateUtc: textOrNull(entry.startDateUtc),
		endDateUtc: textOrNull(entry.endDateUtc),
		raw: entry,
	};
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
