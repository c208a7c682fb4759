/** Parameters the Lexoffice operations share: where a parameter shows, and the ID pickers. */
import type { INodeProperties } from 'n8n-workflow';
import { describeOperations, listOrIdLocator } from '../../shared/operations';
import type { LexofficeOperationNames } from '../actions/node.type';

export { returnAllOrLimit } from '../../shared/operations';

/** Where a parameter shows, for one resource and operation (names checked by the compiler). */
export const { showFor, forOperation, operationSelector } = describeOperations<LexofficeOperationNames>();

function locator(kind: { label: string; searchMethod: string }, name: string, extra: Partial<INodeProperties>): INodeProperties {
	return listOrIdLocator({ name, label: kind.label, searchMethod: kind.searchMethod, id: { placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6' } }, extra);
}

/** A customer contact (invoices may only name contacts with the customer role). */
export const contactLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Contact', searchMethod: 'searchContacts' }, name, extra);

/** A draft invoice, picked from the voucherlist. */
export const draftLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Draft Invoice', searchMethod: 'searchDrafts' }, name, extra);

/** Any invoice, picked from the voucherlist. */
export const invoiceLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Invoice', searchMethod: 'searchInvoices' }, name, extra);
