/**
 * Create Draft from Positions: the items To Invoice Positions outputs become one sevDesk draft per
 * contact, carrying the awork reference of their time entries. A replay (same entries) finds that
 * draft instead of creating a second one.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { invoiceReferenceOf, plannedReferenceOf, referenceFromFieldOption } from '../../../shared/billing/invoiceLine';
import { contactLocator, forOperation, locatorId, readPositionSettings, showFor, taxRateField, taxRuleField, unitOptions } from '../../descriptions';
import { bookkeepingVersion, contactPersonId, unitIds } from '../../helpers/accountLists';
import { eachGroup, groupItems, type Group } from '../../helpers/groups';
import { newDraftHead, readDraftOptions } from '../../helpers/invoiceHead';
import { findByReference, saveInvoice } from '../../helpers/invoices';
import { checkTaxRate, sevDeskPositions, writtenPositions } from '../../helpers/positions';
import { referenceOf, timeEntryIdsOf } from '../../helpers/reference';
import { invoiceView } from '../../helpers/views';
import { sevDeskConnection } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Every input item is one position (as To Invoice Positions outputs it). All items for the same contact become one draft invoice.',
		name: 'createDraftNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('invoice', 'createDraft'),
	},
	contactLocator({ displayOptions: showFor('invoice', 'createDraft'), description: 'The customer the draft is for; an expression may pick a different one per item' }),
	...forOperation('invoice', 'createDraft', [
		taxRuleField,
		taxRateField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ displayName: 'Address Country ID', name: 'addressCountryId', type: 'number', default: 1, description: 'ID of the sevDesk country of the invoice address (1 = Germany)' },
				{ displayName: 'Contact Person ID', name: 'contactPersonId', type: 'string', default: '', description: 'ID of the sevDesk user named as contact person; empty takes the account\'s first user' },
				{ displayName: 'Currency', name: 'currency', type: 'string', default: 'EUR', description: 'ISO 4217 code of the invoice currency' },
				{ displayName: 'Foot Text', name: 'footText', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Text below the positions' },
				{ displayName: 'Head Text', name: 'headText', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Text above the positions' },
				{ displayName: 'Header', name: 'header', type: 'string', default: '', description: 'Title line of the invoice; empty leaves it to sevDesk' },
				{ displayName: 'Invoice Date', name: 'invoiceDate', type: 'string', default: '', placeholder: 'e.g. 2026-12-31', description: 'Date of the invoice; empty is today in the workflow\'s time zone' },
				{ displayName: 'Payment Term (Days)', name: 'timeToPay', type: 'number', default: 0, description: 'Days to pay; 0 leaves it to sevDesk' },
				referenceFromFieldOption,
				{ displayName: 'Tax Text', name: 'taxText', type: 'string', default: '', description: 'Text naming the tax, e.g. "Umsatzsteuer 19%"; empty writes that for the tax rate' },
				...unitOptions,
			],
		},
	]),
];

export const runs = 'batch';

async function createDraftFor(ctx: IExecuteFunctions, items: INodeExecutionData[], group: Group): Promise<IDataObject> {
	const itemIndex = group.itemIndexes[0];
	const referenceField = String(ctx.getNodeParameter('options.referenceField', itemIndex, ''));
	const planned = group.itemIndexes.map((index) => items[index].json);
	const reference = referenceOf(ctx, group, () => plannedReferenceOf(planned, referenceField) ?? invoiceReferenceOf(group.lines));
	const settings = readPositionSettings(ctx, itemIndex);
	const options = readDraftOptions(ctx, itemIndex);
	const version = await bookkeepingVersion(ctx);
	checkTaxRate(ctx, version === '2.0' ? options.taxRuleId : null, settings.taxRate, itemIndex);
	const units = await unitIds(ctx, settings);
	const { baseUrl } = await sevDeskConnection(ctx);
	const outcome = { reference, timeEntryIds: timeEntryIdsOf(group.lines), positions: writtenPositions(group.lines, settings, units) };

	const existing = await findByReference(ctx, group.key, reference, itemIndex);
	if (existing) return { ...invoiceView(existing, baseUrl), ...outcome, created: false, positionsWritten: 0 };

	const head = newDraftHead(
		{ ...options, contactId: group.key, contactPersonId: await contactPersonId(ctx, options.contactPersonId, itemIndex), taxRate: settings.taxRate, reference },
		version,
	);
	const saved = await saveInvoice(ctx, head, sevDeskPositions(group.lines, settings, units, 0), itemIndex);
	return { ...invoiceView(saved, baseUrl), ...outcome, created: true, positionsWritten: group.lines.length };
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const { groups, failed } = groupItems(this, items, (itemIndex) => {
		const contactId = locatorId(this, 'contactId', itemIndex);
		if (!/^\d+$/.test(contactId)) {
			throw new NodeOperationError(this.getNode(), `"Contact" must be the numeric ID of a sevDesk contact, got ${JSON.stringify(contactId)}`, { itemIndex });
		}
		return contactId;
	});
	return [[...(await eachGroup(this, items, groups, async (group) => await createDraftFor(this, items, group))), ...failed]];
}
