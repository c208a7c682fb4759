import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readLimit } from '../../../shared/operations';
import { contactLocator, forOperation, locatorId, returnAllOrLimit, showFor } from '../../descriptions';
import { invoiceView } from '../../helpers/views';
import { fetchAll, filterQuery, INVOICE_STATUS, sevDeskConnection } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Draft', value: String(INVOICE_STATUS.draft) },
			{ name: 'Open', value: String(INVOICE_STATUS.open) },
			{ name: 'Paid', value: String(INVOICE_STATUS.paid) },
		],
		default: String(INVOICE_STATUS.draft),
		description: 'Which invoices to list; drafts by default',
		displayOptions: showFor('invoice', 'getMany'),
	},
	// Kept under its old name: workflows saved with a plain contact ID still run.
	contactLocator({
		name: 'filterContactId',
		required: false,
		description: 'Only invoices of this sevDesk contact; leave empty for all',
		displayOptions: showFor('invoice', 'getMany'),
	}),
	...forOperation('invoice', 'getMany', returnAllOrLimit()),
];

export const runs = 'perItem';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const status = String(this.getNodeParameter('status', itemIndex, String(INVOICE_STATUS.draft)));
	const contactId = locatorId(this, 'filterContactId', itemIndex);
	const query = filterQuery('listInvoices', {
		status: status === 'any' ? undefined : status,
		contactId: contactId || undefined,
		contactObjectName: contactId ? 'Contact' : undefined,
	});
	const { baseUrl } = await sevDeskConnection(this);
	const invoices = await fetchAll<IDataObject>(this, { endpoint: 'listInvoices', query, itemIndex }, readLimit(this, itemIndex));
	return invoices.map((invoice) => invoiceView(invoice, baseUrl));
}
