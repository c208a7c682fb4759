/** The task fields Create, Create If Missing and Update share, and how they map to awork's forms. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { collection } from '../../descriptions';
import { minutesToSeconds, positiveNumber, toAworkDate } from '../parameters';

const SHARED_FIELDS: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Due On', name: 'dueOn', type: 'dateTime', default: '' },
	{ displayName: 'Is Priority', name: 'isPrio', type: 'boolean', default: false, description: 'Whether the task is marked as priority' },
	{
		displayName: 'Planned Duration (Minutes)',
		name: 'plannedDurationMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Planned effort in minutes; awork stores it in seconds (minutes x 60)',
	},
	{ displayName: 'Start On', name: 'startOn', type: 'dateTime', default: '' },
];

/** A field collection of the shared fields plus `extra`, in the alphabetical order n8n's lint asks for. */
export function taskFields(name: string, displayName: string, extra: INodeProperties[]): INodeProperties {
	return collection(name, displayName, 'Add Field', [...SHARED_FIELDS, ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName)));
}

/** awork's values of the shared fields that the item sets (dates in awork's format, duration in seconds). */
export function readTaskFields(this: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const values: IDataObject = {};
	if (fields.description !== undefined) values.description = fields.description;
	if (fields.isPrio !== undefined) values.isPrio = fields.isPrio;
	if (fields.dueOn) values.dueOn = toAworkDate.call(this, fields.dueOn, 'Due On', itemIndex);
	if (fields.startOn) values.startOn = toAworkDate.call(this, fields.startOn, 'Start On', itemIndex);
	if (fields.plannedDurationMinutes !== undefined) {
		values.plannedDuration = minutesToSeconds(positiveNumber.call(this, fields.plannedDurationMinutes, 'Planned Duration (Minutes)', itemIndex));
	}
	return values;
}
