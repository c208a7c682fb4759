/**
 * An invoice line for a billing tool (sevDesk, Lexoffice, HQ): one position as To Invoice
 * Positions outputs it, possibly edited in between with n8n's own nodes (Edit Fields, Sort,
 * Filter). Read strictly: a line that would bill the wrong amount fails, naming the field.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { textOrNull } from './fields';

export type InvoiceUnit = 'hours' | 'days';

export interface InvoiceLine {
	/** The position's ID (stable for the same time entries). */
	positionId: string | null;
	text: string;
	quantity: number;
	unit: InvoiceUnit;
	/** Net price per unit, in the tool's currency. */
	unitPrice: number;
	/** The awork time entries the line bills; none for a line a person added by hand. */
	timeEntryIds: string[];
}

/** Thrown for a line the tool must not receive; `field` names what was wrong. */
export class InvoiceLineError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
	}
}

function numberIn(position: IDataObject, field: string): number {
	const value = position[field];
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw new InvoiceLineError(field, `"${field}" must be a number, got ${JSON.stringify(value) ?? 'nothing'}`);
	}
	return number;
}

/** Reads one position item; throws InvoiceLineError naming the field when it cannot be billed as it is. */
export function readInvoiceLine(position: IDataObject): InvoiceLine {
	const text = textOrNull(position.text);
	if (text === null) throw new InvoiceLineError('text', '"text" is empty: an invoice position needs a text');
	const quantity = numberIn(position, 'quantity');
	if (quantity <= 0) throw new InvoiceLineError('quantity', `"quantity" must be above 0, got ${quantity}`);
	const unitPrice = numberIn(position, 'unitPrice');
	if (unitPrice < 0) throw new InvoiceLineError('unitPrice', `"unitPrice" must not be negative, got ${unitPrice}`);
	const unit = position.unit ?? 'hours';
	if (unit !== 'hours' && unit !== 'days') {
		throw new InvoiceLineError('unit', `"unit" must be "hours" or "days", got ${JSON.stringify(unit)}`);
	}
	const ids = position.timeEntryIds ?? [];
	if (!Array.isArray(ids) || ids.some((id) => textOrNull(id) === null)) {
		throw new InvoiceLineError('timeEntryIds', '"timeEntryIds" must be a list of awork time entry IDs');
	}
	return { positionId: textOrNull(position.positionId), text, quantity, unit, unitPrice, timeEntryIds: ids.map((id) => String(id).trim()) };
}

/**
 * The reference an invoice carries so that a replay finds it instead of creating a second one:
 * "awork-" and the first 24 hex digits of SHA-256 over the sorted, distinct time entry IDs of
 * all its lines. Same entries, same reference, whatever the order, split or text of the lines.
 */
export function invoiceReferenceOf(lines: Pick<InvoiceLine, 'timeEntryIds'>[]): string {
	const ids = [...new Set(lines.flatMap((line) => line.timeEntryIds))].sort();
	if (ids.length === 0) throw new InvoiceLineError('timeEntryIds', 'no line names an awork time entry: the invoice would have no reference to find it by on a replay');
	return 'awork-' + createHash('sha256').update(ids.join(','), 'utf8').digest('hex').slice(0, 24);
}

/** The invoice references a text holds (a note, a remark), wherever they stand and however often; HTML around them is fine. */
export function referencesIn(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	return [...new Set(text.match(/awork-[0-9a-f]{24}(?![0-9a-f])/g) ?? [])];
}

/**
 * The option "Reference From Field" of Create Draft from Positions and Add Positions to Draft
 * (sevDesk, Lexoffice, HQ): a reference planned for the items' time entries before the draft was
 * made (the workflow saves it in ID Mapping), so that entries of a draft a crashed run made go
 * back into THAT draft even when new entries arrived in between.
 */
export const referenceFromFieldOption: INodeProperties = {
	displayName: 'Reference From Field',
	name: 'referenceField',
	type: 'string',
	default: '',
	placeholder: 'e.g. invoicePlan',
	description:
		'Field (a dot path) of the input items holding the invoice reference planned for their time entries. When every item of an invoice holds the same reference there, the invoice is found or made under it; when none holds one, the reference is made from the time entry IDs.',
};

const REFERENCE = /^awork-[0-9a-f]{24}$/;

function valueAt(item: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined), item);
}

/**
 * The planned reference the items of one invoice carry in `field`, or null when the field is not
 * set or no item holds one (then invoiceReferenceOf makes it). Mixed or malformed values throw,
 * naming the field: billing part of an invoice's entries under another reference would bill
 * them twice.
 */
export function plannedReferenceOf(items: IDataObject[], field: string): string | null {
	const path = field.trim();
	if (!path) return null;
	const values = items.map((item) => textOrNull(valueAt(item, path)));
	const planned = [...new Set(values.filter((value): value is string => value !== null))];
	if (planned.length === 0) return null;
	if (planned.length > 1 || values.includes(null)) {
		throw new InvoiceLineError(
			path,
			`the items of one invoice must all carry the same planned reference in "${path}", got ${values.map((value) => value ?? 'none').join(', ')}`,
		);
	}
	if (!REFERENCE.test(planned[0])) {
		throw new InvoiceLineError(path, `"${path}" must hold an invoice reference like awork- and 24 hex digits, got ${JSON.stringify(planned[0])}`);
	}
	return planned[0];
}
