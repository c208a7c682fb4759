/** The body of POST /v1/invoices for one contact's positions [docs: "Create an Invoice"]. */
import type { IDataObject } from 'n8n-workflow';
import type { InvoiceLine } from '../../../shared/billing/invoiceLine';
import { TEXT_LIMITS } from '../../transport/endpoints';
import { lexofficeTimestamp } from '../parameters';
import { lineItemsOf, servicePeriodOf, type TaxSettings, type UnitSettings } from './lineItems';
import { DraftSettingError, remarkWithReference } from './reference';

export interface DraftSettings {
	voucherDay: string;
	tax: TaxSettings;
	units: UnitSettings;
	serviceDate: 'fromPositions' | 'voucherDate' | 'none';
	title: string;
	introduction: string;
	remark: string;
}


function limited(label: string, value: string, limit: number): string | undefined {
	const text = value.trim();
	if (text.length > limit) throw new DraftSettingError(`"${label}" has ${text.length} characters; Lexoffice takes at most ${limit}`);
	return text || undefined;
}

function shippingConditions(settings: DraftSettings, positions: IDataObject[]): IDataObject {
	if (settings.serviceDate === 'none') return { shippingType: 'none' };
	const period = settings.serviceDate === 'fromPositions' ? servicePeriodOf(positions) : undefined;
	if (!period) return { shippingType: 'service', shippingDate: lexofficeTimestamp(settings.voucherDay) };
	if (period.first === period.last) return { shippingType: 'service', shippingDate: lexofficeTimestamp(period.first) };
	return { shippingType: 'serviceperiod', shippingDate: lexofficeTimestamp(period.first), shippingEndDate: lexofficeTimestamp(period.last) };
}

/** Never `finalize`: the node makes drafts only, to be checked and finalized in the app. */
export function draftBody(contactId: string, lines: InvoiceLine[], positions: IDataObject[], reference: string, settings: DraftSettings): IDataObject {
	const title = limited('Title', settings.title, TEXT_LIMITS.title);
	const introduction = limited('Introduction', settings.introduction, TEXT_LIMITS.introduction);
	const remark = remarkWithReference(settings.remark, reference);
	return {
		voucherDate: lexofficeTimestamp(settings.voucherDay),
		address: { contactId },
		lineItems: lineItemsOf(lines, settings.units, settings.tax),
		totalPrice: { currency: 'EUR' },
		taxConditions: { taxType: settings.tax.taxType },
		shippingConditions: shippingConditions(settings, positions),
		...(title ? { title } : {}),
		...(introduction ? { introduction } : {}),
		remark,
	};
}
