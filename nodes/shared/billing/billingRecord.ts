/**
 * The billing record: what the export's nodes know of one item they bill, read once from its JSON.
 * An item is an awork time entry (Get Many's output) or an invoice position (To Invoice Positions'
 * output, standing for the entries in `timeEntryIds`). To Invoice Positions groups time entry
 * records, Export to Contract books records of either kind, and Mark Billed's report reads the
 * bookings Export to Contract wrote (`readBooking`). Fields are null where the item does not say.
 */
import type { IDataObject } from 'n8n-workflow';
import { entryInstantMs } from './instants';
import { dayOf, nested, textOrNull } from './fields';

interface RecordBase {
	/** The ID it is booked under: the awork time entry ID, or the position's ID. */
	id: string | null;
	/** The awork time entries it stands for: its own ID, or every ID of a position. */
	timeEntryIds: string[];
	/** Seconds to bill; null when the item gives none. */
	seconds: number | null;
	/** Local day it is booked on (YYYY-MM-DD as given, unchecked); null when it has none. */
	date: string | null;
	/** The date text the day was read from, for messages. */
	dateText: string | null;
	isBillable: boolean;
	projectId: string | null;
	projectName: string | null;
	/** What a booking says: the entry's note (else description, else task name), or the position's text. */
	text: string | null;
	userName: string | null;
	raw: IDataObject;
}

export interface TimeEntryRecord extends RecordBase {
	kind: 'timeEntry';
	clientName: string | null;
	taskId: string | null;
	taskName: string | null;
	userId: string | null;
	typeOfWorkId: string | null;
	typeOfWorkName: string | null;
	note: string | null;
	startDateUtc: string | null;
	endDateUtc: string | null;
	/** Local day the entry ended (endDateLocal), else the day it started. */
	endDate: string | null;
}

export interface PositionRecord extends RecordBase {
	kind: 'position';
}

export type BillingRecord = TimeEntryRecord | PositionRecord;

/** A time entry record with what grouping needs for certain: an ID and its seconds. */
export type CompleteTimeEntry = TimeEntryRecord & { id: string; seconds: number };

/** Seconds from a number or numeric text (a negative one too, so it can be refused); null otherwise. */
function secondsIn(value: unknown): number | null {
	if (value === undefined || value === null || value === '' || typeof value === 'boolean') return null;
	const seconds = Number(value);
	return Number.isFinite(seconds) ? seconds : null;
}

/** Seconds of an entry: awork's `duration`, else (only when it has none) the time between start and end. */
function secondsOfEntry(entry: IDataObject): number | null {
	if (entry.duration !== undefined && entry.duration !== null && entry.duration !== '') return secondsIn(entry.duration);
	const start = entryInstantMs(entry, 'start');
	const end = entryInstantMs(entry, 'end');
	return start !== undefined && end !== undefined && end >= start ? Math.round((end - start) / 1000) : null;
}

function userNameOf(user: IDataObject): string | null {
	return textOrNull([textOrNull(user.firstName), textOrNull(user.lastName)].filter(Boolean).join(' '));
}

function idList(value: unknown): string[] {
	return Array.isArray(value) ? value.map(String) : [];
}

/** An awork time entry as a record (never fails: Export to Contract's Entry Fields may fill what it lacks). */
export function readTimeEntry(entry: IDataObject): TimeEntryRecord {
	const project = nested(entry, 'project');
	const task = nested(entry, 'task');
	const user = nested(entry, 'user');
	const typeOfWork = nested(entry, 'typeOfWork');
	const id = textOrNull(entry.id);
	const dateText = textOrNull(entry.startDateLocal) ?? textOrNull(entry.startDateUtc) ?? textOrNull(entry.date);
	const note = textOrNull(entry.note);
	return {
		kind: 'timeEntry',
		id,
		// A position dressed up as a time entry (older workflows) lists its entries in timeEntryIds.
		timeEntryIds: Array.isArray(entry.timeEntryIds) ? idList(entry.timeEntryIds) : id ? [id] : [],
		seconds: secondsOfEntry(entry),
		date: dayOf(dateText),
		dateText,
		isBillable: entry.isBillable !== false,
		projectId: textOrNull(entry.projectId) ?? textOrNull(project.id),
		projectName: textOrNull(project.name),
		text: note ?? textOrNull(entry.description) ?? textOrNull(task.name),
		userName: userNameOf(user),
		clientName: textOrNull(nested(project, 'company').name),
		taskId: textOrNull(entry.taskId) ?? textOrNull(task.id),
		taskName: textOrNull(task.name),
		userId: textOrNull(entry.userId) ?? textOrNull(user.id),
		typeOfWorkId: textOrNull(entry.typeOfWorkId) ?? textOrNull(typeOfWork.id),
		typeOfWorkName: textOrNull(typeOfWork.name),
		note,
		startDateUtc: textOrNull(entry.startDateUtc),
		endDateUtc: textOrNull(entry.endDateUtc),
		endDate: dayOf(textOrNull(entry.endDateLocal)) ?? dayOf(dateText),
		raw: entry,
	};
}

/** An invoice position as To Invoice Positions outputs it: booked under `positionId`, dated by its last entry. */
export function readPosition(position: IDataObject): PositionRecord {
	const dateText = textOrNull(position.date) ?? textOrNull(position.to) ?? textOrNull(position.from);
	return {
		kind: 'position',
		id: textOrNull(position.positionId),
		timeEntryIds: idList(position.timeEntryIds),
		seconds: secondsIn(position.seconds),
		date: dayOf(dateText),
		dateText,
		isBillable: true,
		projectId: textOrNull(position.projectId),
		projectName: textOrNull(position.projectName),
		text: textOrNull(position.text),
		userName: textOrNull(position.userName),
		raw: position,
	};
}

/** Whether an item is an invoice position as To Invoice Positions outputs it. */
export function isPosition(item: IDataObject): boolean {
	return Array.isArray(item.timeEntryIds) && textOrNull(item.positionId) !== null && item.id === undefined;
}

/** Either kind, told apart by its shape. */
export function readBillingRecord(item: IDataObject): BillingRecord {
	return isPosition(item) ? readPosition(item) : readTimeEntry(item);
}

/** The time entry record, or a sentence saying why the item is not a time entry that can be grouped. */
export function readCompleteTimeEntry(entry: IDataObject): CompleteTimeEntry | string {
	const record = readTimeEntry(entry);
	if (!record.id) return 'it has no "id"';
	if (record.seconds === null || record.seconds < 0) return `time entry ${record.id} has no "duration" in seconds (nor a start and end)`;
	return record as CompleteTimeEntry;
}

/** The awork project of a record, for messages. */
export function projectLabel(record: BillingRecord): string {
	const { projectName: name, projectId: id } = record;
	if (name && id) return `"${name}" (${id})`;
	if (name) return `"${name}"`;
	return id ? `with ID ${id}` : '(no project on the time entry)';
}
