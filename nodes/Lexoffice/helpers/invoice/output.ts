/** What the invoice operations output: the same shape whether an invoice was made or found. */
import type { IDataObject } from 'n8n-workflow';
import { appLink } from '../../transport';
import { referenceIn } from './reference';

/** Link to open the invoice: the edit page of a draft, the view page otherwise. */
export function invoiceUrl(appUrl: string, id: string, status: unknown): string {
	return appLink(appUrl, status === 'draft' ? 'invoiceEdit' : 'invoiceView', id);
}

/** A full invoice (GET /v1/invoices/{id}) plus its reference and link. */
export function invoiceOutput(appUrl: string, invoice: IDataObject): IDataObject {
	const id = String(invoice.id ?? '');
	return { ...invoice, reference: referenceIn(invoice.remark), url: id ? invoiceUrl(appUrl, id, invoice.voucherStatus) : null };
}
