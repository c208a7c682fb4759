/** The parameters of Create Draft from Positions: contact, date, tax, units and texts. */
import type { INodeProperties } from 'n8n-workflow';
import { referenceFromFieldOption } from '../../shared/billing/invoiceLine';
import { TEXT_LIMITS } from '../transport/endpoints';
import { FROM_PROFILE } from '../helpers/invoice/tax';
import { contactLocator, showFor } from './index';

export function draftFields(): INodeProperties[] {
	const shown = showFor('invoice', 'createDraft');
	return [
		contactLocator('contactId', {
			required: true,
			description:
				'The customer the draft is for. Read per item: items of different contacts become one draft per contact.',
			displayOptions: shown,
		}),
		{
			displayName: 'Voucher Date',
			name: 'voucherDate',
			type: 'dateTime',
			default: '',
			description: 'The invoice date; empty for today in the workflow\'s time zone',
			displayOptions: shown,
		},
		{
			displayName: 'Tax Type',
			name: 'taxType',
			type: 'options',
			options: [
				{ name: 'Construction Service (§13b)', value: 'constructionService13b' },
				{ name: 'External Service (§13b)', value: 'externalService13b' },
				{ name: 'From Organization Settings', value: FROM_PROFILE, description: 'The tax type of the Lexware Office profile (vat-free for small businesses)' },
				{ name: 'Gross', value: 'gross', description: 'Prices include tax; the node adds it to the positions\' net prices' },
				{ name: 'Intra-Community Supply', value: 'intraCommunitySupply' },
				{ name: 'Net', value: 'net', description: 'Prices without tax' },
				{ name: 'Photovoltaic Equipment', value: 'photovoltaicEquipment' },
				{ name: 'Third Country Delivery', value: 'thirdPartyCountryDelivery' },
				{ name: 'Third Country Service', value: 'thirdPartyCountryService' },
				{ name: 'Vat Free', value: 'vatfree' },
			],
			default: FROM_PROFILE,
			description: 'How Lexoffice taxes the invoice. Every type but Net and Gross bills 0 % tax.',
			displayOptions: shown,
		},
		{
			displayName: 'Tax Rate',
			name: 'taxRatePercentage',
			type: 'options',
			options: [
				{ name: '19 %', value: 19 },
				{ name: '7 %', value: 7 },
				{ name: '0 %', value: 0 },
			],
			default: 19,
			description: 'Tax rate of every position for Net and Gross invoices (others always bill 0 %)',
			displayOptions: shown,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: shown,
			options: [
				{
					displayName: 'Bill In',
					name: 'billIn',
					type: 'options',
					options: [
						{ name: 'As the Positions Say', value: 'asPositions' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					default: 'asPositions',
					description: 'The unit of every line; converting keeps the amount (quantity and price change together)',
				},
				{
					displayName: 'Day Unit Name',
					name: 'dayUnitName',
					type: 'string',
					default: 'Tag',
					description: 'Lexoffice\'s unit name for days (a new name is created in Lexoffice on first use)',
				},
				{
					displayName: 'Hour Unit Name',
					name: 'hourUnitName',
					type: 'string',
					default: 'Stunde',
					description: 'Lexoffice\'s unit name for hours (a new name is created in Lexoffice on first use)',
				},
				{
					displayName: 'Hours per Day',
					name: 'hoursPerDay',
					type: 'number',
					typeOptions: { minValue: 0.25, numberPrecision: 2 },
					default: 8,
					description: 'Hours in one day, when Bill In converts between hours and days',
				},
				{
					displayName: 'Introduction',
					name: 'introduction',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: `Text above the positions (at most ${TEXT_LIMITS.introduction} characters); empty for the organisation's default`,
				},
				{
					displayName: 'Look Back (Days)',
					name: 'lookBackDays',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 60,
					description:
						'How far back a run looks for a draft it made before (by its reference) instead of making a second one. Each invoice of the contact created in this time costs one request.',
				},
				referenceFromFieldOption,
				{
					displayName: 'Remark',
					name: 'remark',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'Text below the positions. The node adds a line "Ref: awork-…" that a replay finds the draft by.',
				},
				{
					displayName: 'Service Date',
					name: 'serviceDate',
					type: 'options',
					options: [
						{ name: 'From the Positions', value: 'fromPositions', description: 'The first and last day of the time entries; the voucher date when unknown' },
						{ name: 'Voucher Date', value: 'voucherDate' },
						{ name: 'None', value: 'none' },
					],
					default: 'fromPositions',
					description: 'The service date or period printed on the invoice',
				},
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: `Document title (at most ${TEXT_LIMITS.title} characters); empty for the organisation's default`,
				},
			],
		},
	];
}
