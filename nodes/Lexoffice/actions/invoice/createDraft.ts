/**
 * One draft invoice per contact from the positions To Invoice Positions outputs. Exactly once:
 * the draft carries the positions' reference in its remark; a run first looks the reference up
 * and returns the draft it finds (`created: false`) instead of making a second one.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { invoiceReferenceOf, plannedReferenceOf, readInvoiceLine, type InvoiceLine } from '../../../shared/billing/invoiceLine';
import { asOperationError, errorItem, readEveryItem } from '../../../shared/operations';
import { callLexoffice, DEFAULT_UNIT_NAMES, lexofficeConnection } from '../../transport';
import { draftFields } from '../../descriptions/draftFields';
import { draftBody, type DraftSettings } from '../../helpers/invoice/draftBody';
import { daysBefore, findInvoiceByReference } from '../../helpers/invoice/findByReference';
import { invoiceUrl } from '../../helpers/invoice/output';
import { resolveTaxType } from '../../helpers/invoice/tax';
import { germanDay, readDay, readLocator } from '../../helpers/parameters';

export const description: INodeProperties[] = draftFields();

export const runs = 'batch';

interface ContactGroup {
	contactId: string;
	itemIndexes: number[];
	lines: InvoiceLine[];
	positions: IDataObject[];
}

async function readSettings(ctx: IExecuteFunctions, itemIndex: number): Promise<DraftSettings & { lookBackDays: number }> {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const hoursPerDay = Number(options.hoursPerDay ?? 8);
	if (!(hoursPerDay > 0)) {
		throw new NodeOperationError(ctx.getNode(), `"Hours per Day" must be above 0, got ${JSON.stringify(options.hoursPerDay)}`, { itemIndex });
	}
	return {
		voucherDay: readDay(ctx, ctx.getNodeParameter('voucherDate', itemIndex, ''), 'Voucher Date', itemIndex),
		tax: {
			taxType: await resolveTaxType(ctx, ctx.getNodeParameter('taxType', itemIndex, 'fromProfile') as string, itemIndex),
			taxRatePercentage: Number(ctx.getNodeParameter('taxRatePercentage', itemIndex, 19)),
		},
		units: {
			billIn: (options.billIn as DraftSettings['units']['billIn']) ?? 'asPositions',
			hoursPerDay,
			names: { hours: String(options.hourUnitName || DEFAULT_UNIT_NAMES.hours), days: String(options.dayUnitName || DEFAULT_UNIT_NAMES.days) },
		},
		serviceDate: (options.serviceDate as DraftSettings['serviceDate']) ?? 'fromPositions',
		title: String(options.title ?? ''),
		introduction: String(options.introduction ?? ''),
		remark: String(options.remark ?? ''),
		lookBackDays: Math.max(1, Number(options.lookBackDays ?? 60)),
	};
}

async function draftFor(ctx: IExecuteFunctions, group: ContactGroup): Promise<IDataObject> {
	const itemIndex = group.itemIndexes[0];
	const settings = await readSettings(ctx, itemIndex);
	const referenceField = String(ctx.getNodeParameter('options.referenceField', itemIndex, ''));
	const reference = plannedReferenceOf(group.positions, referenceField) ?? invoiceReferenceOf(group.lines);
	const timeEntryIds = [...new Set(group.lines.flatMap((line) => line.timeEntryIds))].sort();
	const { appUrl } = await lexofficeConnection(ctx);
	const found = await findInvoiceByReference(ctx, {
		contactId: group.contactId,
		reference,
		// Counted from today in Germany, as Lexware dates createdDate: the workflow's zone does not move the window.
		createdFrom: daysBefore(germanDay(), settings.lookBackDays),
		itemIndex,
	});
	if (found) {
		const { invoice } = found;
		return {
			id: invoice.id,
			number: invoice.voucherNumber ?? null,
			status: invoice.voucherStatus ?? null,
			reference,
			url: invoiceUrl(appUrl, String(invoice.id), invoice.voucherStatus),
			created: false,
			contactId: group.contactId,
			timeEntryIds,
			positions: invoice.lineItems ?? [],
		};
	}
	const body = draftBody(group.contactId, group.lines, group.positions, reference, settings);
	const { body: created } = await callLexoffice<IDataObject>(ctx, { endpoint: 'createInvoice', body, itemIndex });
	const id = String(created?.id ?? '');
	return {
		id,
		number: null,
		status: 'draft',
		reference,
		url: invoiceUrl(appUrl, id, 'draft'),
		created: true,
		contactId: group.contactId,
		timeEntryIds,
		positions: body.lineItems,
	};
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const reads = readEveryItem(this, items, (itemIndex) => {
		const contactId = readLocator(this, 'contactId', 'Contact', itemIndex);
		try {
			return { contactId, line: readInvoiceLine(items[itemIndex].json) };
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `Position in item ${itemIndex}: ${(error as Error).message}`, {
				itemIndex,
				description: 'Fix this position (for example with an Edit Fields node before this one) or remove it.',
			});
		}
	});
	const groups = new Map<string, ContactGroup>();
	for (const { itemIndex, value } of reads.ok) {
		const group = groups.get(value.contactId) ?? { contactId: value.contactId, itemIndexes: [], lines: [], positions: [] };
		group.itemIndexes.push(itemIndex);
		group.lines.push(value.line);
		group.positions.push(items[itemIndex].json);
		groups.set(value.contactId, group);
	}
	const output: INodeExecutionData[] = [];
	for (const group of groups.values()) {
		try {
			output.push({ json: await draftFor(this, group), pairedItem: group.itemIndexes.map((item) => ({ item })) });
		} catch (error) {
			if (!this.continueOnFail()) throw asOperationError(this.getNode(), error, group.itemIndexes[0]);
			for (const itemIndex of group.itemIndexes) output.push(errorItem(error, itemIndex, items[itemIndex]));
		}
	}
	for (const { itemIndex, error } of reads.failed) output.push(errorItem(error, itemIndex, items[itemIndex]));
	return [output];
}
