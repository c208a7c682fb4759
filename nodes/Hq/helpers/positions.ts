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
	/** The contact (Create Draft) or invoice (Add Positions) the item goes to. */
	target: string;
	/** The day the line's work started and ended (YYYY-MM-DD), when the item says. */
	from: string | null;
	to: string | null;
}

const dayIn = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

/** Reads every input item as an invoice line and its target; an error names the item and its field. */
export function readLines(ctx: IExecuteFunctions, items: INodeExecutionData[], targetOf: (itemIndex: number) => string): ItemReads<ReadLine> {
	return readEveryItem(ctx, items, (itemIndex) => {
		const json = items[itemIndex].json;
		const target = targetOf(itemIndex);
		try {
			return { line: readInvoiceLine(json), target, from: dayIn(json.from) ?? dayIn(json.date), to: dayIn(json.to) ?? dayIn(json.date) };
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

/** Text as a reader sees it: tags dropped, entities decoded, whitespace collapsed. */
function readable(text: string): string {
	return text
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The texts a stored position may be recognised by: HQ's plainText and a reading of its HTML text. */
function textsOf(position: IDataObject): string[] {
	const texts: string[] = [];
	if (typeof position.plainText === 'string') texts.push(collapsed(position.plainText));
	if (typeof position.text === 'string') texts.push(readable(position.text));
	return texts;
}

/** Numbers as HQ may have rounded them (2 decimals). */
const same = (a: unknown, b: unknown) => round(Number(a ?? 0), 2) === round(Number(b ?? 0), 2);

function holdsLine(position: IDataObject, text: string, body: IDataObject): boolean {
	const unitKnown = position.unitId1 !== undefined && position.unitId1 !== null;
	return (
		textsOf(position).includes(text) &&
		same(position.amount1, body.amount1) &&
		same(position.price, body.price) &&
		(!unitKnown || Number(position.unitId1) === body.unitId1)
	);
}

/**
 * The lines a document does not hold yet: after a run stopped between positions, the next one
 * writes the rest only. A stored position accounts for one line at most, so two equal lines need
 * two positions.
 */
export function linesMissingFrom(existing: IDataObject[], lines: InvoiceLine[], documentId: string, settings: PositionSettings): InvoiceLine[] {
	return matchLines(existing, lines, documentId, settings).missing;
}

/** Pairs a document's positions with the lines: the lines it lacks, and the positions no line explains. */
export function matchLines(
	existing: IDataObject[],
	lines: InvoiceLine[],
	documentId: string,
	settings: PositionSettings,
): { missing: InvoiceLine[]; unexplained: IDataObject[] } {
	const unused = [...existing];
	const missing = lines.filter((line) => {
		const body = freeTextPosition(documentId, line, settings);
		const index = unused.findIndex((position) => holdsLine(position, collapsed(line.text), body));
		if (index < 0) return true;
		unused.splice(index, 1);
		return false;
	});
	return { missing, unexplained: unused };
}

export const DEFAULT_POSITION_SETTINGS: PositionSettings = {
	unit: 'asPositions',
	hoursPerDay: 8,
	unitIds: { ...DEFAULT_UNIT_IDS },
	taxRate: DEFAULT_TAX_RATE,
};
