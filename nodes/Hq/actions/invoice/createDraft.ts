import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { contactLocator, positionSettings, readId, readPositionSettings, showFor, templateLocator } from '../../descriptions';
import type { ReadLine } from '../../helpers/positions';
import { createDraftInvoice, hqDate, performancePeriod, writeInvoiceBatch } from '../../helpers/writeInvoice';
import { INVOICE_DOCUMENT_TYPE } from '../../transport';
import { readDay, todayFor } from '../../../shared/dates';

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
		description: 'Date of the invoice; empty: today in the workflow\'s time zone',
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

function invoiceDay(ctx: IExecuteFunctions, itemIndex: number): string {
	const day = readDay(ctx, ctx.getNodeParameter('invoiceDate', itemIndex, ''), 'Invoice Date', itemIndex);
	return day ?? todayFor(ctx, 'Invoice Date', itemIndex);
}

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** The document head for a contact, from the parameters of the group's first item. */
function documentHead(ctx: IExecuteFunctions, companyId: string, lines: ReadLine[], itemIndex: number): IDataObject {
	const templateId = readId(ctx, 'documentTemplateId', 'Document Template', itemIndex);
	const currency = String(ctx.getNodeParameter('currency', itemIndex, 'EUR')).trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) {
		throw new NodeOperationError(ctx.getNode(), `Currency must be a three-letter code such as EUR, got ${JSON.stringify(currency)}`, { itemIndex });
	}
	const day = invoiceDay(ctx, itemIndex);
	const validDays = Number(ctx.getNodeParameter('validDays', itemIndex, 14));
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
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
	return head;
}

/**
 * One draft per contact: all input positions go into one invoice, unless Contact differs per
 * item (an expression), then into one per contact.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const settings = readPositionSettings(this);
	return await writeInvoiceBatch(
		this,
		items,
		(itemIndex) => readId(this, 'contactId', 'Contact', itemIndex),
		async (companyId, lines, reference, itemIndex, entriesChanged) =>
			await createDraftInvoice(this, companyId, documentHead(this, companyId, lines, itemIndex), lines, reference, settings, entriesChanged),
	);
}
