/**
 * Invoice lines (as To Invoice Positions outputs them) as sevDesk positions: the unit on the
 * invoice (hours, or days of a set length), the unit's sevDesk ID and the tax rate.
 */
import { asOperationError } from '../../shared/operations';
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { InvoiceLineError, readInvoiceLine, type InvoiceLine, type InvoiceUnit } from '../../shared/billing/invoiceLine';
import { TAX_RULES } from '../transport/endpoints';
import type { UnitIds } from './accountLists';

export type UnitOnInvoice = 'asPositions' | InvoiceUnit;

export interface PositionSettings {
	unitOnInvoice: UnitOnInvoice;
	hoursPerDay: number;
	taxRate: number;
}

const round = (value: number, decimals: number) => Math.round((value + Number.EPSILON) * 10 ** decimals) / 10 ** decimals;

/** Reads one input item as a line; an unusable line fails naming its field. */
export function lineOf(ctx: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): InvoiceLine {
	try {
		return readInvoiceLine(item.json);
	} catch (error) {
		if (!(error instanceof InvoiceLineError)) throw asOperationError(ctx.getNode(), error);
		throw new NodeOperationError(ctx.getNode(), `Position ${itemIndex + 1}: ${error.message}`, {
			description: `Field "${error.field}" of the input item. The node reads the items To Invoice Positions outputs (text, quantity, unit, unitPrice, timeEntryIds).`,
			itemIndex,
		});
	}
}

/** A line in the unit the invoice shows: the amount (quantity x price) stays the same. */
export function inUnit(line: InvoiceLine, settings: PositionSettings): { quantity: number; unitPrice: number; unit: InvoiceUnit } {
	const target = settings.unitOnInvoice === 'asPositions' ? line.unit : settings.unitOnInvoice;
	if (target === line.unit) return { quantity: line.quantity, unitPrice: line.unitPrice, unit: line.unit };
	const factor = target === 'hours' ? settings.hoursPerDay : 1 / settings.hoursPerDay;
	return { quantity: round(line.quantity * factor, 4), unitPrice: round(line.unitPrice / factor, 4), unit: target };
}

/** The rate must be one the tax rule allows [docs], else sevDesk refuses the invoice with a 422. */
export function checkTaxRate(ctx: IExecuteFunctions, taxRuleId: string | null, taxRate: number, itemIndex: number): void {
	if (!Number.isFinite(taxRate) || taxRate < 0 || taxRate > 100) {
		throw new NodeOperationError(ctx.getNode(), `"Tax Rate" must be a percentage between 0 and 100, got ${taxRate}`, { itemIndex });
	}
	const rule = taxRuleId === null ? undefined : TAX_RULES[taxRuleId];
	if (rule && rule.rates !== 'country' && !rule.rates.includes(taxRate)) {
		throw new NodeOperationError(ctx.getNode(), `"Tax Rate" ${taxRate} % is not allowed with tax rule ${taxRuleId} (${rule.name}); sevDesk allows ${rule.rates.join(', ')} %`, {
			description: 'Change "Tax Rate" or "Tax Rule".',
			itemIndex,
		});
	}
}

/** The positions to save (Model_InvoicePos [docs]): net price, the unit's ID, numbered from `firstNumber`. */
export function sevDeskPositions(lines: InvoiceLine[], settings: PositionSettings, units: UnitIds, firstNumber: number): IDataObject[] {
	return lines.map((line, index) => {
		const { quantity, unitPrice, unit } = inUnit(line, settings);
		return {
			objectName: 'InvoicePos',
			mapAll: true,
			quantity,
			price: unitPrice,
			name: line.text,
			unity: { id: units[unit], objectName: 'Unity' },
			taxRate: settings.taxRate,
			positionNumber: firstNumber + index,
		};
	});
}

/** What the output says was written for each line. */
export function writtenPositions(lines: InvoiceLine[], settings: PositionSettings, units: UnitIds): IDataObject[] {
	return lines.map((line) => {
		const { quantity, unitPrice, unit } = inUnit(line, settings);
		return { positionId: line.positionId, name: line.text, quantity, unit, unitId: units[unit], price: unitPrice, taxRate: settings.taxRate, timeEntryIds: line.timeEntryIds };
	});
}
