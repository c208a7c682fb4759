/** Parameters the sevDesk operations share: where a parameter shows, the pickers, unit and tax settings. */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { describeOperations, listOrIdLocator } from '../../shared/operations';
import type { SevDeskOperationNames } from '../actions/node.type';
import { TAX_RULES } from '../transport/endpoints';
import type { PositionSettings, UnitOnInvoice } from '../helpers/positions';

export { returnAllOrLimit } from '../../shared/operations';

export const { showFor, forOperation, operationSelector } = describeOperations<SevDeskOperationNames>();

const SEVDESK_ID = { regex: '^\\d+$', errorMessage: 'A sevDesk ID is a number' };

function locator(kind: { label: string; searchMethod: string; placeholder: string }, name: string, extra: Partial<INodeProperties>): INodeProperties {
	return listOrIdLocator({ name, label: kind.label, searchMethod: kind.searchMethod, id: { placeholder: kind.placeholder, pattern: SEVDESK_ID }, required: true }, extra);
}

export const contactLocator = (extra: Partial<INodeProperties>) =>
	locator({ label: 'Contact', searchMethod: 'searchContacts', placeholder: 'e.g. 123456' }, 'contactId', extra);
export const invoiceLocator = (extra: Partial<INodeProperties>) =>
	locator({ label: 'Invoice', searchMethod: 'searchDraftInvoices', placeholder: 'e.g. 987654' }, 'invoiceId', extra);

export const taxRateField: INodeProperties = {
	displayName: 'Tax Rate',
	name: 'taxRate',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 2 },
	default: 19,
	description: 'VAT rate in percent of every position; it must be one the tax rule allows (e.g. 0, 7 or 19 for taxable domestic revenue)',
};

export const taxRuleField: INodeProperties = {
	displayName: 'Tax Rule',
	name: 'taxRule',
	type: 'options',
	options: Object.entries(TAX_RULES)
		.map(([value, rule]) => ({ name: rule.name, value }))
		.sort((a, b) => a.name.localeCompare(b.name)),
	default: '1',
	description: 'The VAT rule of the invoice (sevDesk bookkeeping 2.0). Accounts still on bookkeeping 1.0 get the tax type "default" instead.',
};

/** Unit settings shared by Create Draft and Add Positions (inside their Options). */
export const unitOptions: INodeProperties[] = [
	{
		displayName: 'Unit on Invoice',
		name: 'unitOnInvoice',
		type: 'options',
		options: [
			{ name: 'As the Positions Say', value: 'asPositions', description: 'Each position keeps the unit To Invoice Positions gave it' },
			{ name: 'Days', value: 'days', description: 'Hours become days of "Hours per Day"; the amount stays the same' },
			{ name: 'Hours', value: 'hours', description: 'Days become hours; the amount stays the same' },
		],
		default: 'asPositions',
		description: 'The unit the positions show on the invoice',
	},
	{
		displayName: 'Hours per Day',
		name: 'hoursPerDay',
		type: 'number',
		typeOptions: { minValue: 0.25, numberPrecision: 2 },
		default: 8,
		description: 'Length of a day when positions are converted between hours and days',
	},
	{
		displayName: 'Hour Unit ID',
		name: 'hourUnitId',
		type: 'number',
		default: 0,
		description: 'ID of the sevDesk unit for hours; 0 looks it up in the account\'s units (9 if none matches)',
	},
	{
		displayName: 'Day Unit ID',
		name: 'dayUnitId',
		type: 'number',
		default: 0,
		description: 'ID of the sevDesk unit for days; 0 looks it up in the account\'s units (12 if none matches)',
	},
];

/** The unit and tax settings of one item. */
export function readPositionSettings(ctx: IExecuteFunctions, itemIndex: number): PositionSettings & { hourUnitId: number; dayUnitId: number } {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const hoursPerDay = Number(options.hoursPerDay ?? 8);
	if (!Number.isFinite(hoursPerDay) || hoursPerDay <= 0 || hoursPerDay > 24) {
		throw new NodeOperationError(ctx.getNode(), `"Hours per Day" must be more than 0 and at most 24, got ${JSON.stringify(options.hoursPerDay)}`, { itemIndex });
	}
	return {
		unitOnInvoice: (options.unitOnInvoice as UnitOnInvoice | undefined) ?? 'asPositions',
		hoursPerDay,
		hourUnitId: Number(options.hourUnitId ?? 0) || 0,
		dayUnitId: Number(options.dayUnitId ?? 0) || 0,
		taxRate: Number(ctx.getNodeParameter('taxRate', itemIndex, 19)),
	};
}

/** The ID a resource locator holds, trimmed. */
export function locatorId(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
}
