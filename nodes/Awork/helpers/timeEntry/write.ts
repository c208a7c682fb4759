/**
 * The fields Time Entry > Create and Update write, and their reading into awork's form
 * (TimeEntryPostForm / TimeTrackingPutForm): a start instant in UTC plus a duration in seconds,
 * and the entry's IANA time zone. A start without an offset is read in the workflow's time zone.
 */
import { IANAZone } from 'luxon';
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { readDate, utcIso } from '../../../shared/dates';
import { optionalIdLocator } from '../../descriptions';
import { minutesToSeconds, optionalGuid } from '../parameters';

export const startProperty: INodeProperties = {
	displayName: 'Start',
	name: 'start',
	type: 'dateTime',
	default: '',
	description: 'When the work started; without an offset it is read in the workflow’s time zone',
};

export const durationProperty: INodeProperties = {
	displayName: 'Duration (Minutes)',
	name: 'durationMinutes',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
	description: 'How long the work took, in minutes',
};

/** The type of work: a short workspace list, so a dropdown (by name, or an ID from an expression). */
export const typeOfWorkProperty: INodeProperties = {
	displayName: 'Type of Work Name or ID',
	name: 'typeOfWorkId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTypesOfWork' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** Fields both Create (Additional Fields) and Update (Update Fields) offer. */
export const entryFieldOptions: INodeProperties[] = [
	{
		displayName: 'Billable',
		name: 'isBillable',
		type: 'boolean',
		default: true,
		description: 'Whether the time is billable; when not set on Create, awork uses the project’s default',
	},
	{ displayName: 'Note', name: 'note', type: 'string', typeOptions: { rows: 2 }, default: '', placeholder: 'e.g. Ticket T-1042: printer replaced' },
	optionalIdLocator('projectId', 'Project', 'searchProjects', 'The project the time is for; with a task, awork takes the task’s project'),
	optionalIdLocator('taskId', 'Task', 'searchTasks', 'The task the time is for'),
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Berlin',
		description: 'The IANA time zone awork shows the entry’s local times in. Empty: the workflow’s time zone.',
	},
];

/** The Start parameter as a UTC instant for awork. */
export function readStart(this: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const start = readDate(this, value, 'Start', itemIndex);
	if (!start) throw new NodeOperationError(this.getNode(), 'Start: no date given', { itemIndex, description: 'Give the time the work started.' });
	return utcIso(start);
}

/** Duration (Minutes) as whole seconds; must be above zero. */
export function readDurationSeconds(this: IExecuteFunctions, value: unknown, itemIndex: number): number {
	const minutes = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
	if (!Number.isFinite(minutes) || minutes <= 0) {
		throw new NodeOperationError(this.getNode(), `Duration (Minutes): "${String(value)}" is not a number of minutes above 0`, { itemIndex });
	}
	return minutesToSeconds(minutes);
}

/** Time Zone: an IANA zone, or the workflow's time zone when empty. */
export function readEntryTimezone(this: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const zone = typeof value === 'string' ? value.trim() : '';
	if (!zone) return this.getTimezone();
	if (!IANAZone.isValidZone(zone)) {
		throw new NodeOperationError(this.getNode(), `Time Zone: "${zone}" is not an IANA time zone`, {
			itemIndex,
			description: 'Use a name such as Europe/Berlin or America/New_York, or leave it empty for the workflow’s time zone.',
		});
	}
	return zone;
}

/** The optional fields both operations share, read into form fields (only those given). */
export function readEntryFields(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const form: IDataObject = {};
	if (typeof fields.isBillable === 'boolean') form.isBillable = fields.isBillable;
	if (typeof fields.note === 'string' && fields.note.trim()) form.note = fields.note;
	const projectId = optionalGuid.call(this, fields.projectId, 'Project', itemIndex);
	if (projectId) form.projectId = projectId;
	const taskId = optionalGuid.call(this, fields.taskId, 'Task', itemIndex);
	if (taskId) form.taskId = taskId;
	if (fields.timezone !== undefined) form.timezone = readEntryTimezone.call(this, fields.timezone, itemIndex);
	return form;
}
