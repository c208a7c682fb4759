import type { INodeProperties } from 'n8n-workflow';
import { operationSelector } from '../../descriptions';
import type { AworkOperations } from '../node.type';
import * as create from './create';
import * as deleteEntry from './delete';
import * as update from './update';
import * as checkPsaBookings from './checkPsaBookings';
import * as get from './get';
import * as getMany from './getMany';
import * as markBilled from './markBilled';
import * as markUnbilled from './markUnbilled';
import * as toInvoicePositions from './toInvoicePositions';

export const operations: AworkOperations['timeEntry'] = { checkPsaBookings, get, getMany, markBilled, markUnbilled, toInvoicePositions, create, update, delete: deleteEntry };

export const description: INodeProperties[] = [
	operationSelector('timeEntry', 'getMany', [
		{
			name: 'Check PSA Bookings',
			value: 'checkPsaBookings',
			action: 'Check PSA bookings against awork',
			description:
				'Compares bookings read back from The One PSA with their awork time entries; outputs each one whose entry was deleted, made non-billable or changed after billing',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create a time entry',
			description: 'Book time for a user, on a project or task; with a match key, a repeated run returns the entry it made',
		},
		{
			name: 'Delete',
			value: 'delete',
			action: 'Delete a time entry',
			description: 'Delete a time entry that is not billed (unless allowed); outputs deleted: true and its ID',
		},
		{ name: 'Get', value: 'get', action: 'Get a time entry', description: 'Retrieve one time entry' },
		{
			name: 'Get Many',
			value: 'getMany',
			action: 'Get many time entries',
			description: 'List time entries, filtered by start date, billable and billed state, or last change',
		},
		{
			name: 'Mark Billed',
			value: 'markBilled',
			action: 'Mark time entries as billed',
			description: 'Sets isBilled on the given time entries, batching the IDs of all items',
		},
		{
			name: 'Mark Unbilled',
			value: 'markUnbilled',
			action: 'Mark time entries as unbilled',
			description: 'Clears isBilled on the given time entries (only admins may unbill billed entries)',
		},
		{
			name: 'To Invoice Positions',
			value: 'toInvoicePositions',
			action: 'Turn time entries into invoice positions',
			description: 'Sums the input time entries into positions with quantity, rate and amount, listing the time entry IDs each covers',
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a time entry',
			description: 'Change the fields you choose of a time entry that is not billed (unless allowed); outputs the entry',
		},
	]),
	...Object.values(operations).flatMap((operation) => operation.description),
];
