/** Parameters the HQ operations share: where a parameter shows, the ID pickers and the position settings. */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { describeOperations, listOrIdLocator } from '../../shared/operations';
import { referenceFromFieldOption } from '../../shared/billing/invoiceLine';
import type { HqOperationNames } from '../actions/node.type';
import { DEFAULT_POSITION_SETTINGS, type PositionSettings } from '../helpers/positions';

export { returnAllOrLimit } from '../../shared/operations';

/** Where a parameter shows, for one resource and operation (names checked by the compiler). */
export const { showFor, forOperation, operationSelector } = describeOperations<HqOperationNames>();

const HQ_ID = { placeholder: 'e.g. 1234', pattern: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An HQ ID is a whole number' } };

function locator(label: string, searchMethod: string, name: string, extra: Partial<INodeProperties>): INodeProperties {
	return listOrIdLocator({ name, label, searchMethod, id: HQ_ID }, extra);
}

export const contactLocator = (extra: Partial<INodeProperties>) => locator('Contact', 'searchContacts', 'contactId', extra);
export const invoiceLocator = (extra: Partial<INodeProperties>) => locator('Invoice', 'searchDraftInvoices', 'invoiceId', extra);
export const templateLocator = (extra: Partial<INodeProperties>) => locator('Document Template', 'searchInvoiceTemplates', 'documentTemplateId', extra);

/** The ID a resource locator holds, checked to be an HQ ID. */
export function readId(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!/^\d{1,10}$/.test(value)) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be an HQ ID (a whole number), got ${JSON.stringify(value)}`, {
			description: `Pick the ${label.toLowerCase()} from the list or enter its ID.`,
			itemIndex,
		});
	}
	return value;
}

/** How lines become positions: unit, unit IDs, day length and tax. */
export const positionSettings: INodeProperties = {
	displayName: 'Position Settings',
	name: 'positionSettings',
	type: 'collection',
	placeholder: 'Add Setting',
	default: {},
	options: [
		{
			displayName: 'Day Unit ID',
			name: 'dayUnitId',
			type: 'number',
			default: 2,
			description: 'HQ\'s unit ID for days. HQ lists no units through its API; read the ID off a position that uses the unit (GET /v2/DocumentPositions/{ID}, field unitId1).',
		},
		{
			displayName: 'Hour Unit ID',
			name: 'hourUnitId',
			type: 'number',
			default: 1,
			description: 'HQ\'s unit ID for hours. HQ lists no units through its API; read the ID off a position that uses the unit (GET /v2/DocumentPositions/{ID}, field unitId1).',
		},
		{
			displayName: 'Hours per Day',
			name: 'hoursPerDay',
			type: 'number',
			typeOptions: { minValue: 0.5, numberPrecision: 2 },
			default: 8,
			description: 'Length of a day when Unit converts between hours and days',
		},
		referenceFromFieldOption,
		{
			displayName: 'Tax Rate (%)',
			name: 'taxRate',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 19,
			description: 'VAT rate of every position, in percent (19, 7, 0)',
		},
		{
			displayName: 'Unit',
			name: 'unit',
			type: 'options',
			options: [
				{ name: 'As the Positions Say', value: 'asPositions' },
				{ name: 'Hours', value: 'hours' },
				{ name: 'Days', value: 'days' },
			],
			default: 'asPositions',
			description: 'Write every position in this unit (quantity and unit price are converted, the amount stays), or each in its own',
		},
	],
};

export function readPositionSettings(ctx: IExecuteFunctions): PositionSettings {
	const raw = ctx.getNodeParameter('positionSettings', 0, {}) as Record<string, unknown>;
	const number = (name: string, fallback: number, check: (value: number) => boolean, rule: string) => {
		const value = raw[name] === undefined || raw[name] === '' ? fallback : Number(raw[name]);
		if (!Number.isFinite(value) || !check(value)) {
			throw new NodeOperationError(ctx.getNode(), `Position Settings > ${rule}, got ${JSON.stringify(raw[name])}`);
		}
		return value;
	};
	const unit = (raw.unit as PositionSettings['unit'] | undefined) ?? DEFAULT_POSITION_SETTINGS.unit;
	return {
		unit,
		hoursPerDay: number('hoursPerDay', DEFAULT_POSITION_SETTINGS.hoursPerDay, (value) => value > 0 && value <= 24, 'Hours per Day must be above 0 and at most 24'),
		unitIds: {
			hours: number('hourUnitId', DEFAULT_POSITION_SETTINGS.unitIds.hours, Number.isInteger, 'Hour Unit ID must be a whole number'),
			days: number('dayUnitId', DEFAULT_POSITION_SETTINGS.unitIds.days, Number.isInteger, 'Day Unit ID must be a whole number'),
		},
		taxRate: number('taxRate', DEFAULT_POSITION_SETTINGS.taxRate, (value) => value >= 0 && value <= 100, 'Tax Rate (%) must be between 0 and 100'),
	};
}
