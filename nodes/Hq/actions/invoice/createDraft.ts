import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { contactLocator, positionSettings, readId, readPositionSettings, showFor, templateLocator } from '../../descriptions';
import { createDraftInvoice, hqDate, performancePeriod, writeInvoiceBatch } from '../../helpers/writeInvoice';
import { INVOICE_DOCUMENT_TYPE } from '../../transport';

const show = showFor('invoice', 'createDraft');

export const description: INodeProperties[] = [
	contactLocator({ required: true, description: 'The HQ company the invoice is for', displayOptions: show }),
	templateLocator({ required: true, description: 'The invoice template HQ lays the document out with', displayOptions: show }),
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'EUR',
		description: 'Three-letter currency code of the invoice',
		displayOptions: show,
	},
	{
		displayName: 'Invoice Date',
		name: 'invoiceDate',
		type: 'dateTime',
		default: '',
		description: 'Date of the invoice; empty: today',
		displayOptions: show,
	},
	{
		displayName: 'Valid for (Days)',
		name: 'validDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 14,
		description: 'Days from the invoice date to its due date (HQ\'s validUntilDate)',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Contact Person ID', name: 'contactPersonId', type: 'number', default: 0, description: 'HQ contact person at the company' },
			{ displayName: 'Project ID', name: 'projectId', type: 'number', default: 0, description: 'HQ project the invoice belongs to' },
		],
	},
	{ ...positionSettings, displayOptions: show },
];

export const runs = 'batch';

const DAY = /^\d{4}-\d{2}-\d{2}/;

function invoiceDay(ctx: IExecuteFunctions): string {
	const raw = String(ctx.getNodeParameter('invoiceDate', 0, '') ?? '').trim();
	if (!raw) return new Date().toISOString().slice(0, 10);
	if (!DAY.test(raw)) throw new NodeOperationError(ctx.getNode(), `Invoice Date must be a date, got ${JSON.stringify(raw)}`);
	return raw.slice(0, 10);
}

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** All input positions go into one invoice: the run's items are one client's billing. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const companyId = readId(this, 'contactId', 'Contact', 0);
	const templateId = readId(this, 'documentTemplateId', 'Document Template', 0);
	const currency = String(this.getNodeParameter('currency', 0, 'EUR')).trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) throw new NodeOperationError(this.getNode(), `Currency must be a three-letter code such as EUR, got ${JSON.stringify(currency)}`);
	const day = invoiceDay(this);
	const validDays = Number(this.getNodeParameter('validDays', 0, 14));
	const extra = this.getNodeParameter('additionalFields', 0, {}) as IDataObject;
	const settings = readPositionSettings(this);
	return await writeInvoiceBatch(this, items, async (lines, reference) => {
		const period = performancePeriod(lines, day);
		const head: IDataObject = {
			companyId: Number(companyId),
			documentType: INVOICE_DOCUMENT_TYPE,
			documentTemplateEntityId: Number(templateId),
			currency,
			date: hqDate(day),
			validUntilDate: hqDate(addDays(day, Number.isFinite(validDays) ? validDays : 14)),
			performancePeriodStartDate: hqDate(period.start),
			performancePeriodEndDate: hqDate(period.end),
		};
		for (const field of ['projectId', 'contactPersonId']) if (Number(extra[field]) > 0) head[field] = Number(extra[field]);
		return await createDraftInvoice(this, companyId, head, lines, reference, settings);
	});
}
