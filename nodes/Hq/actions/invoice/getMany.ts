import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readLimit } from '../../../shared/operations';
import { contactLocator, forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { invoiceStatuses, invoiceSummary, isDraft, isInvoiceOf, statusOf } from '../../helpers/documents';
import { fetchAll, FILTERS, integerLiteral, QUERY } from '../../transport';

const show = showFor('invoice', 'getMany');

export const description: INodeProperties[] = [
	contactLocator({ description: 'Only invoices of this HQ company; empty: all', displayOptions: show }),
	{
		displayName: 'Drafts Only',
		name: 'draftsOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to return only invoices in a Draft status',
		displayOptions: show,
	},
	...forOperation('invoice', 'getMany', returnAllOrLimit()),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const companyId = String(this.getNodeParameter('contactId', itemIndex, '', { extractValue: true }) ?? '').trim();
	const draftsOnly = this.getNodeParameter('draftsOnly', itemIndex, true) as boolean;
	const statuses = await invoiceStatuses(this);
	const filter = companyId ? FILTERS.invoicesOfCompany(integerLiteral('Contact', companyId)) : FILTERS.invoices();
	const documents = await fetchAll<IDataObject>(
		this,
		{ endpoint: 'listDocuments', query: { [QUERY.filter]: filter }, itemIndex },
		readLimit(this, itemIndex),
		(document) => isInvoiceOf(document, companyId || undefined) && (!draftsOnly || isDraft(statusOf(document, statuses))),
	);
	return await Promise.all(documents.map(async (document) => await invoiceSummary(this, document, statuses)));
}
