/**
 * Invoice lines (as To Invoice Positions outputs them) as Lexware line items: units, tax and
 * Lexware's limits. Pure, so the rules are tested without a server.
 */
import type { IDataObject } from 'n8n-workflow';
import { InvoiceLineError, type InvoiceLine, type InvoiceUnit } from '../../../shared/billing/invoiceLine';
import { germanDay } from '../parameters';
import { AMOUNT_DECIMALS, MAX_LINE_ITEMS, TEXT_LIMITS, type TaxType } from '../../transport/endpoints';

export interface UnitSettings {
	/** Bill in the positions' own unit, or convert every line to hours or days. */
	billIn: 'asPositions' | InvoiceUnit;
	hoursPerDay: number;
	names: Record<InvoiceUnit, string>;
}

export interface TaxSettings {
	taxType: TaxType;
	/** Used for net and gross; every vat-free type bills 0 % [docs]. */
	taxRatePercentage: number;
}

const round = (value: number, decimals: number) => {
	const factor = 10 ** decimals;
	return Math.round((value + Number.EPSILON) * factor) / factor;
};

/** Whether the tax type bills tax at all: only net and gross do [docs]. */
export const billsTax = (taxType: TaxType) => taxType === 'net' || taxType === 'gross';

/** The line in the unit the invoice bills in: same amount, quantity and price converted. */
export function inUnit(line: InvoiceLine, units: UnitSettings): { quantity: number; unit: InvoiceUnit; unitPrice: number } {
	const unit = units.billIn === 'asPositions' ? line.unit : units.billIn;
	if (unit === line.unit) return { quantity: line.quantity, unit, unitPrice: line.unitPrice };
	const factor = unit === 'days' ? 1 / units.hoursPerDay : units.hoursPerDay;
	return { quantity: line.quantity * factor, unit, unitPrice: line.unitPrice / factor };
}

/** The text as name (at most 255 characters) and, when it is longer, the whole text as description. */
function nameAndDescription(text: string): { name: string; description?: string } {
	if (text.length <= TEXT_LIMITS.lineItemName) return { name: text };
	if (text.length > TEXT_LIMITS.lineItemDescription) {
		throw new InvoiceLineError('text', `"text" has ${text.length} characters; Lexoffice takes at most ${TEXT_LIMITS.lineItemDescription} per position`);
	}
	return { name: `${text.slice(0, TEXT_LIMITS.lineItemName - 1)}…`, description: text };
}

/** One Lexware line item of type `custom` (a free item, no article). */
export function lineItemOf(line: InvoiceLine, units: UnitSettings, tax: TaxSettings): IDataObject {
	const { quantity, unit, unitPrice } = inUnit(line, units);
	const rate = billsTax(tax.taxType) ? tax.taxRatePercentage : 0;
	const roundedQuantity = round(quantity, AMOUNT_DECIMALS);
	if (roundedQuantity <= 0) {
		throw new InvoiceLineError('quantity', `"quantity" ${line.quantity} is 0 when rounded to ${AMOUNT_DECIMALS} decimals in ${unit}`);
	}
	// Gross invoices take gross prices; the positions carry net prices.
	const price =
		tax.taxType === 'gross'
			? { grossAmount: round(unitPrice * (1 + rate / 100), AMOUNT_DECIMALS) }
			: { netAmount: round(unitPrice, AMOUNT_DECIMALS) };
	return {
		type: 'custom',
		...nameAndDescription(line.text),
		quantity: roundedQuantity,
		unitName: units.names[unit],
		unitPrice: { currency: 'EUR', ...price, taxRatePercentage: rate },
		discountPercentage: 0,
	};
}

/** All line items of one invoice; more than Lexware takes is an error that says what to do. */
export function lineItemsOf(lines: InvoiceLine[], units: UnitSettings, tax: TaxSettings): IDataObject[] {
	if (lines.length > MAX_LINE_ITEMS) {
		throw new InvoiceLineError(
			'positions',
			`${lines.length} positions for one invoice; Lexoffice takes at most ${MAX_LINE_ITEMS} line items. Choose a coarser level in To Invoice Positions (sums per project, task or user).`,
		);
	}
	return lines.map((line) => lineItemOf(line, units, tax));
}

/** The day a position's `from`/`to` instant (UTC) or `date` (a local day) falls on in Germany. */
function dayOf(value: unknown): string | undefined {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	if (!/T\d{2}:\d{2}/.test(value)) return value.slice(0, 10);
	const at = new Date(value);
	return Number.isNaN(at.getTime()) ? value.slice(0, 10) : germanDay(at);
}

/** The service period the positions cover, from their `from`, `to` and `date` (YYYY-MM-DD), if any. */
export function servicePeriodOf(positions: IDataObject[]): { first: string; last: string } | undefined {
	const days: string[] = [];
	for (const position of positions) {
		for (const field of ['from', 'to', 'date']) {
			const day = dayOf(position[field]);
			if (day) days.push(day);
		}
	}
	if (days.length === 0) return undefined;
	days.sort();
	return { first: days[0], last: days[days.length - 1] };
}
