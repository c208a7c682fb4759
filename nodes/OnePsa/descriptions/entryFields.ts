import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { ticketLocator } from './index';

/** Per-item overrides of the awork -> PSA mapping (see docs/onepsa-api.md). */
export function entryFieldsParameter(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Entry Fields',
		name: 'entryFields',
		type: 'collection',
		placeholder: 'Add Override',
		default: {},
		description: 'Values that replace what is read from the awork time entry',
		displayOptions,
		options: [
			{ displayName: 'Billable', name: 'billable', type: 'boolean', default: true, description: 'Whether the time is billable (default: the entry\'s isBillable)' },
			{ displayName: 'Date', name: 'date', type: 'string', default: '', placeholder: 'e.g. 2024-05-31', description: 'Day worked, YYYY-MM-DD (default: startDateLocal)' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Default: the entry\'s note, else the task name' },
			{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Unique key of the entry in the PSA (default: the awork time entry ID)' },
			{ displayName: 'Hours', name: 'hours', type: 'number', typeOptions: { minValue: 0, numberPrecision: 4 }, default: 0, description: 'Decimal hours (default: duration in seconds / 3600)' },
			{ displayName: 'Rate', name: 'rate', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Hourly rate, when the contract does not set one' },
			ticketLocator('ticketId', { description: 'PSA ticket the time belongs to' }),
			{ displayName: 'User Email', name: 'userEmail', type: 'string', placeholder: 'e.g. name@email.com', default: '' },
			{ displayName: 'User Name', name: 'userName', type: 'string', default: '', description: 'Default: first and last name of the awork user' },
		],
	};
}
