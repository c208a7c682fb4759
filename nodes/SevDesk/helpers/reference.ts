/** The awork reference of a group's lines, and the time entries it covers. */
import { asOperationError } from '../../shared/operations';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { InvoiceLineError, type InvoiceLine } from '../../shared/billing/invoiceLine';
import type { Group } from './groups';

/** invoiceReferenceOf, its "no time entries" error naming the field and the items. */
export function referenceOf(ctx: IExecuteFunctions, group: Group, make: () => string): string {
	try {
		return make();
	} catch (error) {
		if (!(error instanceof InvoiceLineError)) throw asOperationError(ctx.getNode(), error);
		throw new NodeOperationError(ctx.getNode(), error.message, {
			description: `Field "${error.field}": at least one position of items ${group.itemIndexes.map((index) => index + 1).join(', ')} must list the awork time entries it bills.`,
			itemIndex: group.itemIndexes[0],
		});
	}
}

/** Every time entry the lines bill, once each, in first-seen order: the workflow marks exactly these billed. */
export function timeEntryIdsOf(lines: InvoiceLine[]): string[] {
	return [...new Set(lines.flatMap((line) => line.timeEntryIds))];
}
