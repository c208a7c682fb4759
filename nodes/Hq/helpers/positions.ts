/**
 * Invoice lines (as To Invoice Positions outputs them) as HQ free-text positions
 * [docs: FreeTextPositionPost], and which lines a document already holds.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { InvoiceLineError, readInvoiceLine, type InvoiceLine, type InvoiceUnit } from '../../shared/billing/invoiceLine';
import { readEveryItem, type ItemReads } from '../../shared/operations';
import { DEFAULT_TAX_RATE, DEFAULT_UNIT_IDS } from '../transport';

export interface PositionSettings {
	/** Write every line in this unit, or each in its own. */
	unit: 'asPositions' | InvoiceUnit;
	hoursPerDay: number;
	unitIds: Record<InvoiceUnit, number>;
	taxRate: number;
}

export interface ReadLine {
	line: InvoiceLine;
	/** The day the line's work started and ended (YYYY-MM-DD), when the item says. */
	from: string | null;
	to: string | null;
}

const dayIn = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/** Reads every input item as an invoice line; an error names the item and its field. */
export function readLines(ctx: IExecuteFunctions, items: INodeExecutionData[]): ItemReads<ReadLine> {
	return readEveryItem(ctx, items, (itemIndex) => {
		const json = items[itemIndex].json;
		try {
			return { line: readInvoiceLine(json), from: dayIn(json.from) ?? dayIn(json.date), to: dayIn(json.to) ?? dayIn(json.date) };
		} catch (error) {
			if (!(error instanceof InvoiceLineError)) throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			throw new NodeOperationError(ctx.getNode(), `Position ${itemIndex + 1}: ${error.message}`, {
				description: `Check "${error.field}" of input item ${itemIndex + 1}; the node takes the items To Invoice Positions outputs.`,
				itemIndex,
			});
		}
	});
}

const round = (value: number, decimals: number) => Math.round((value + Number.EPSILON) * 10 ** decimals) / 10 ** decimals;

/** A line in the unit the settings ask for: quantity and unit price change, the amount does not. */
export function inUnit(line: InvoiceLine, settings: PositionSettings): { unit: InvoiceUnit; quantity: number; unitPrice: number } {
	const unit = settings.unit === 'asPositions' ? line.unit : settings.unit;
	if (unit === line.unit) return { unit, quantity: line.quantity, unitPrice: line.unitPrice };
	const factor = unit === 'days' ? 1 / settings.hoursPerDay : settings.hoursPerDay;
	return { unit, quantity: round(line.quantity * factor, 4), unitPrice: round(line.unitPrice / factor, 4) };
}

/** HQ's position text takes HTML [docs]; awork names may hold &, < and >. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The body of POST /v2/DocumentPositions/FreeTextPosition for one line. */
export function freeTextPosition(documentId: string, line: InvoiceLine, settings: PositionSettings): IDataObject {
	const { unit, quantity, unitPrice } = inUnit(line, settings);
	return {
		documentEntityId: Number(documentId),
		text: escapeHtml(line.text),
		amount1: quantity,
		unitId1: settings.unitIds[unit],
		price: unitPrice,
		tax: settings.taxRate,
	};
}

function plainTextOf(position: IDataObject): string {
	if (typeof position.plainText === 'string') return position.plainText;
	const html = typeof position.text === 'string' ? position.text : '';
	return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** What makes two positions the same line: text, quantity, unit price and unit. */
function lineKey(text: string, quantity: unknown, price: unknown, unitId: unknown): string {
	const number = (value: unknown) => round(Number(value ?? 0), 4);
	return JSON.stringify([text.replace(/\s+/g, ' ').trim(), number(quantity), number(price), unitId === undefined ? null : unitId]);
}

/**
 * The lines a document does not hold yet: after a run stopped between positions, the next one
 * writes the rest only. Equal lines are counted, so two identical lines need two positions.
 */
export function linesMissingFrom(existing: IDataObject[], lines: InvoiceLine[], documentId: string, settings: PositionSettings): InvoiceLine[] {
	const held = new Map<string, number>();
	for (const position of existing) {
		const key = lineKey(plainTextOf(position), position.amount1, position.price, position.unitId1 ?? null);
		held.set(key, (held.get(key) ?? 0) + 1);
	}
	return lines.filter((line) => {
		const body = freeTextPosition(documentId, line, settings);
		const key = lineKey(line.text, body.amount1, body.price, body.unitId1);
		const count = held.get(key) ?? 0;
		if (count === 0) return true;
		held.set(key, count - 1);
		return false;
	});
}

export const DEFAULT_POSITION_SETTINGS: PositionSettings = {
	unit: 'asPositions',
	hoursPerDay: 8,
	unitIds: { ...DEFAULT_UNIT_IDS },
	taxRate: DEFAULT_TAX_RATE,
};
