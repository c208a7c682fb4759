/**
 * Finds the invoice a run made before, by the reference in its remark. The voucherlist carries
 * no remark, so each candidate of the contact is read on its own [assumed strategy, see
 * docs/billing/lexoffice.md]: newest first, created within the look-back window.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { callLexoffice, fetchAll, REPLAY_STATUSES } from '../../transport';
import { referenceIn } from './reference';

export interface FoundInvoice {
	invoice: IDataObject;
	/** Candidates read on the way (each a request at 2 per second). */
	candidatesRead: number;
}

/** YYYY-MM-DD `days` before `day`. */
export function daysBefore(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export async function findInvoiceByReference(
	ctx: IExecuteFunctions,
	{ contactId, reference, createdFrom, itemIndex }: { contactId: string; reference: string; createdFrom: string; itemIndex: number },
): Promise<FoundInvoice | undefined> {
	const candidates = await fetchAll<IDataObject>(ctx, {
		endpoint: 'listVouchers',
		itemIndex,
		query: {
			voucherType: 'invoice',
			voucherStatus: REPLAY_STATUSES.join(','),
			contactId,
			createdDateFrom: createdFrom,
			sort: 'createdDate,DESC',
		},
	});
	let candidatesRead = 0;
	for (const candidate of candidates) {
		if (typeof candidate.id !== 'string' || (candidate.voucherType !== undefined && candidate.voucherType !== 'invoice')) continue;
		candidatesRead++;
		const { body } = await callLexoffice<IDataObject>(ctx, { endpoint: 'getInvoice', pathParams: { invoiceId: candidate.id }, itemIndex });
		if (referenceIn(body?.remark) === reference) return { invoice: body, candidatesRead };
	}
	return undefined;
}
