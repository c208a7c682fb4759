/**
 * Add Positions to Draft: the items become new positions of an existing sevDesk draft, through
 * saveInvoice with the draft's ID [docs]. The positions' awork reference is appended to the
 * draft's "Referenz/Bestellnummer" in the same call, so a replay sees it and adds nothing.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { invoiceReferenceOf, plannedReferenceOf, referenceFromFieldOption } from '../../../shared/billing/invoiceLine';
import { forOperation, invoiceLocator, locatorId, readPositionSettings, showFor, taxRateField, unitOptions } from '../../descriptions';
import { bookkeepingVersion, unitIds } from '../../helpers/accountLists';
import { eachGroup, groupItems, type Group } from '../../helpers/groups';
import { updateHead } from '../../helpers/invoiceHead';
import { readInvoice, readPositions, saveInvoice } from '../../helpers/invoices';
import { checkTaxRate, sevDeskPositions, writtenPositions } from '../../helpers/positions';
import { referenceOf, timeEntryIdsOf } from '../../helpers/reference';
import { invoiceView, numberOf, referencesIn, refId, statusName } from '../../helpers/views';
import { INVOICE_STATUS, sevDeskConnection } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Every input item is one position (as To Invoice Positions outputs it). All items for the same invoice are added in one request.',
		name: 'addPositionsNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('invoice', 'addPositions'),
	},
	invoiceLocator({ displayOptions: showFor('invoice', 'addPositions'), description: 'The draft invoice (status Draft) to add the positions to' }),
	...forOperation('invoice', 'addPositions', [
		taxRateField,
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [referenceFromFieldOption, ...unitOptions] },
	]),
];

export const runs = 'batch';

async function addTo(ctx: IExecuteFunctions, items: INodeExecutionData[], group: Group): Promise<IDataObject> {
	const itemIndex = group.itemIndexes[0];
	const referenceField = String(ctx.getNodeParameter('options.referenceField', itemIndex, ''));
	const planned = group.itemIndexes.map((index) => items[index].json);
	const reference = referenceOf(ctx, group, () => plannedReferenceOf(planned, referenceField) ?? invoiceReferenceOf(group.lines));
	const settings = readPositionSettings(ctx, itemIndex);
	const { baseUrl } = await sevDeskConnection(ctx);
	const invoice = await readInvoice(ctx, group.key, itemIndex);
	const status = numberOf(invoice.status);
	if (status !== INVOICE_STATUS.draft) {
		throw new NodeOperationError(ctx.getNode(), `Invoice ${String(invoice.invoiceNumber ?? group.key)} is ${statusName(status)} (status ${String(invoice.status)}), not a draft: sevDesk only changes drafts`, {
			description: 'Pick a draft under "Invoice", use Create Draft from Positions for a new one, or set the invoice back to draft in sevDesk (possible from Open) and run again.',
			itemIndex,
		});
	}
	const version = await bookkeepingVersion(ctx);
	checkTaxRate(ctx, version === '2.0' ? refId(invoice.taxRule) ?? '1' : null, settings.taxRate, itemIndex);
	const units = await unitIds(ctx, settings);
	const outcome = { reference, timeEntryIds: timeEntryIdsOf(group.lines), positions: writtenPositions(group.lines, settings, units) };
	const note = typeof invoice.customerInternalNote === 'string' ? invoice.customerInternalNote.trim() : '';
	if (referencesIn(note).includes(reference)) return { ...invoiceView(invoice, baseUrl), ...outcome, created: false, positionsWritten: 0 };

	// New positions go after the ones the draft has.
	const numbers = (await readPositions(ctx, group.key, itemIndex)).map((position) => numberOf(position.positionNumber) ?? -1);
	const firstNumber = numbers.length ? Math.max(numbers.length, ...numbers.map((number) => number + 1)) : 0;
	const head = updateHead(invoice, note ? `${note} ${reference}` : reference, version);
	const saved = await saveInvoice(ctx, head, sevDeskPositions(group.lines, settings, units, firstNumber), itemIndex);
	return { ...invoiceView(saved, baseUrl), ...outcome, created: true, positionsWritten: group.lines.length };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const { groups, failed } = groupItems(this, items, (itemIndex) => {
		const invoiceId = locatorId(this, 'invoiceId', itemIndex);
		if (!/^\d+$/.test(invoiceId)) {
			throw new NodeOperationError(this.getNode(), `"Invoice" must be the numeric ID of a sevDesk invoice, got ${JSON.stringify(invoiceId)}`, { itemIndex });
		}
		return invoiceId;
	});
	return [[...(await eachGroup(this, items, groups, async (group) => await addTo(this, items, group))), ...failed]];
}
