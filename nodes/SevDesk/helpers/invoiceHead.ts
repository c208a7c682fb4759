/** The head (Model_Invoice [docs]) of a new draft, and of an update that adds positions to one. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { INVOICE_DEFAULTS, INVOICE_STATUS } from '../transport/endpoints';
import type { BookkeepingVersion } from './accountLists';
import { numberOf, refId } from './views';
import { readDay, todayFor } from '../../shared/dates';

/** `dd.mm.yyyy`, the request date format [docs], from dd.mm.yyyy, yyyy-mm-dd or an ISO timestamp (its own date part). */
export function requestDate(value: string): string | null {
	const text = value.trim();
	if (/^\d{2}\.\d{2}\.\d{4}$/.test(text)) return text;
	const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
	return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : null;
}

/** Option Invoice Date as dd.mm.yyyy: sevDesk's own form as given, any other date read by nodes/shared/dates; empty is today in the workflow's time zone. */
function readInvoiceDate(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	if (typeof value === 'string' && /^\d{2}\.\d{2}\.\d{4}$/.test(value.trim())) return value.trim();
	const day = readDay(ctx, value, 'Invoice Date', itemIndex);
	return (day ?? todayFor(ctx, 'Invoice Date', itemIndex)).split('-').reverse().join('.');
}

export interface DraftSettings {
	contactId: string;
	contactPersonId: number;
	invoiceDate: string;
	taxRuleId: string;
	taxRate: number;
	taxText: string;
	currency: string;
	header: string;
	headText: string;
	footText: string;
	timeToPay: number;
	addressCountryId: number;
	reference: string;
}

/** Reads the options of Create Draft for one item; a bad value fails naming its field. */
export function readDraftOptions(ctx: IExecuteFunctions, itemIndex: number): Omit<DraftSettings, 'contactId' | 'contactPersonId' | 'reference' | 'taxRate'> & { contactPersonId: string } {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const invoiceDate = readInvoiceDate(ctx, options.invoiceDate, itemIndex);
	const currency = String(options.currency ?? 'EUR').trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) {
		throw new NodeOperationError(ctx.getNode(), `"Currency" must be a three-letter ISO 4217 code such as EUR, got ${JSON.stringify(options.currency)}`, { itemIndex });
	}
	return {
		contactPersonId: String(options.contactPersonId ?? ''),
		invoiceDate,
		taxRuleId: String(ctx.getNodeParameter('taxRule', itemIndex, '1')),
		taxText: String(options.taxText ?? '').trim(),
		currency,
		header: String(options.header ?? '').trim(),
		headText: String(options.headText ?? '').trim(),
		footText: String(options.footText ?? '').trim(),
		timeToPay: Number(options.timeToPay ?? 0) || 0,
		addressCountryId: Number(options.addressCountryId ?? INVOICE_DEFAULTS.addressCountryId) || INVOICE_DEFAULTS.addressCountryId,
	};
}

/**
 * A new draft's head. Only status 100 may be created [docs: Update 2.0]; bookkeeping 2.0 takes a
 * tax rule, 1.0 the tax type "default". Prices are net (`showNet`) [assumed: always net].
 * The awork reference goes into "Referenz/Bestellnummer" (customerInternalNote), which sevDesk
 * can filter by [docs].
 */
export function newDraftHead(settings: DraftSettings, version: BookkeepingVersion): IDataObject {
	const head: IDataObject = {
		objectName: 'Invoice',
		mapAll: true,
		invoiceDate: settings.invoiceDate,
		contact: { id: Number(settings.contactId), objectName: 'Contact' },
		contactPerson: { id: settings.contactPersonId, objectName: 'SevUser' },
		addressCountry: { id: settings.addressCountryId, objectName: 'StaticCountry' },
		discount: INVOICE_DEFAULTS.discount,
		status: INVOICE_STATUS.draft,
		taxRate: INVOICE_DEFAULTS.taxRate,
		taxText: settings.taxText || `Umsatzsteuer ${settings.taxRate}%`,
		invoiceType: INVOICE_DEFAULTS.invoiceType,
		currency: settings.currency,
		showNet: INVOICE_DEFAULTS.showNet,
		customerInternalNote: settings.reference,
	};
	if (version === '2.0') head.taxRule = { id: settings.taxRuleId, objectName: 'TaxRule' };
	else head.taxType = 'default';
	if (settings.header) head.header = settings.header;
	if (settings.headText) head.headText = settings.headText;
	if (settings.footText) head.footText = settings.footText;
	if (settings.timeToPay > 0) head.timeToPay = settings.timeToPay;
	return head;
}

/**
 * The head of an update of `invoice`: its ID plus the required head fields echoed back in request
 * types (whether sevDesk needs them on an update is not stated [assumed]), and the note with the
 * added reference, written in the same call as the positions.
 */
export function updateHead(invoice: IDataObject, note: string, version: BookkeepingVersion): IDataObject {
	const head: IDataObject = { id: Number(invoice.id), objectName: 'Invoice', mapAll: true, customerInternalNote: note, status: INVOICE_STATUS.draft };
	const reference = (field: string, objectName: string) => {
		const id = refId(invoice[field]);
		if (id !== null && /^\d+$/.test(id)) head[field] = { id: Number(id), objectName };
	};
	reference('contact', 'Contact');
	reference('contactPerson', 'SevUser');
	reference('addressCountry', 'StaticCountry');
	const date = typeof invoice.invoiceDate === 'string' ? requestDate(invoice.invoiceDate) : null;
	if (date) head.invoiceDate = date;
	head.discount = Math.round(numberOf(invoice.discount) ?? 0);
	head.taxRate = numberOf(invoice.taxRate) ?? 0;
	for (const field of ['taxText', 'invoiceType', 'currency']) if (typeof invoice[field] === 'string' && invoice[field]) head[field] = invoice[field];
	const taxRuleId = refId(invoice.taxRule);
	if (version === '2.0' && taxRuleId !== null) head.taxRule = { id: taxRuleId, objectName: 'TaxRule' };
	if (version === '1.0' && typeof invoice.taxType === 'string') head.taxType = invoice.taxType;
	return head;
}
