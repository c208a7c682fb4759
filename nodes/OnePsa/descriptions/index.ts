/** Parameters the PSA operations share: where a parameter shows, and the ID pickers. */
import type { INodeProperties } from 'n8n-workflow';
import { describeOperations, listOrIdLocator } from '../../shared/operations';
import type { OnePsaOperationNames } from '../actions/node.type';

export { returnAllOrLimit } from '../../shared/operations';

/** Where a parameter shows, for one resource and operation (names checked by the compiler). */
export const { showFor, forOperation, operationSelector } = describeOperations<OnePsaOperationNames>();

function locator(kind: { label: string; searchMethod: string; placeholder: string }, name: string, extra: Partial<INodeProperties>): INodeProperties {
	return listOrIdLocator({ name, label: kind.label, searchMethod: kind.searchMethod, id: { placeholder: kind.placeholder } }, extra);
}

export const contractLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Contract', searchMethod: 'searchContracts', placeholder: 'e.g. ctr_123' }, name, extra);
export const ticketLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Ticket', searchMethod: 'searchTickets', placeholder: 'e.g. tkt_123' }, name, extra);
export const companyLocator = (name: string, extra: Partial<INodeProperties>) =>
	locator({ label: 'Company', searchMethod: 'searchCompanies', placeholder: 'e.g. cmp_123' }, name, extra);
