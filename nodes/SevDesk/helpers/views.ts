/**
 * sevDesk records as the node outputs them. sevDesk answers almost every number as a string
 * ("100", "712.5") and POST answers sometimes as numbers [docs; sdk], so both are read here.
 */
import type { IDataObject } from 'n8n-workflow';
import { referencesIn } from '../../shared/billing/invoiceLine';
import { INVOICE_STATUS, WEB_INVOICE_PATH } from '../transport/endpoints';

/** A number sevDesk sent as a string or a number; null when there is none. */
export function numberOf(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && value.trim() !== '') {
		const number = Number(value);
		return Number.isFinite(number) ? number : null;
	}
	return null;
}

/** The ID of a reference `{id, objectName}` as text, or null. */
export function refId(value: unknown): string | null {
	const id = value && typeof value === 'object' ? (value as IDataObject).id : undefined;
	return id === undefined || id === null || id === '' ? null : String(id);
}

const STATUS_NAMES: Record<number, string> = {
	[INVOICE_STATUS.deactivated]: 'deactivated recurring',
	[INVOICE_STATUS.draft]: 'draft',
	[INVOICE_STATUS.open]: 'open',
	[INVOICE_STATUS.undocumented]: 'unknown (500)',
	[INVOICE_STATUS.partiallyPaid]: 'partially paid',
	[INVOICE_STATUS.paid]: 'paid',
};

export function statusName(status: number | null): string {
	return status === null ? 'unknown' : STATUS_NAMES[status] ?? `unknown (${status})`;
}

// The awork references an invoice's "Referenz/Bestellnummer" holds (Add Positions appends one per call).
export { referencesIn };

/** The link to the invoice in sevDesk's web app, on the origin of the credential's Base URL [assumed path]. */
export function invoiceUrl(baseUrl: string, invoiceId: string): string {
	return new URL(baseUrl).origin + WEB_INVOICE_PATH.replace('{invoiceId}', encodeURIComponent(invoiceId));
}

export function invoiceView(invoice: IDataObject, baseUrl: string): IDataObject {
	const id = String(invoice.id);
	const status = numberOf(invoice.status);
	return {
		id,
		number: invoice.invoiceNumber ?? null,
		status,
		statusName: statusName(status),
		isDraft: status === INVOICE_STATUS.draft,
		contactId: refId(invoice.contact),
		invoiceDate: invoice.invoiceDate ?? null,
		header: invoice.header ?? null,
		customerInternalNote: invoice.customerInternalNote ?? null,
		references: referencesIn(invoice.customerInternalNote),
		currency: invoice.currency ?? null,
		sumNet: numberOf(invoice.sumNet),
		sumTax: numberOf(invoice.sumTax),
		sumGross: numberOf(invoice.sumGross),
		taxRuleId: refId(invoice.taxRule),
		url: invoiceUrl(baseUrl, id),
	};
}

export function positionView(position: IDataObject): IDataObject {
	return {
		id: String(position.id),
		positionNumber: numberOf(position.positionNumber),
		name: position.name ?? null,
		text: position.text ?? null,
		quantity: numberOf(position.quantity),
		unitId: refId(position.unity),
		price: numberOf(position.price),
		taxRate: numberOf(position.taxRate),
		sumNet: numberOf(position.sumNetAccounting),
		sumGross: numberOf(position.sumGrossAccounting),
	};
}

/** An organisation has `name`; a person `surename` and `familyname` (spelled so by sevDesk). */
export function contactName(contact: IDataObject): string {
	if (typeof contact.name === 'string' && contact.name.trim()) return contact.name.trim();
	return [contact.surename, contact.familyname].filter((part) => typeof part === 'string' && part.trim()).join(' ');
}

export function contactView(contact: IDataObject): IDataObject {
	return {
		id: String(contact.id),
		name: contactName(contact),
		kind: typeof contact.name === 'string' && contact.name.trim() ? 'organisation' : 'person',
		customerNumber: contact.customerNumber ?? null,
		categoryId: refId(contact.category),
		status: numberOf(contact.status),
		parentId: refId(contact.parent),
		vatNumber: contact.vatNumber ?? null,
		taxNumber: contact.taxNumber ?? null,
	};
}
