import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { readLimit } from '../../../shared/operations';
import { fetchAll, lexofficeConnection } from '../../transport';
import { contactLocator, forOperation, returnAllOrLimit, showFor } from '../../descriptions';
import { invoiceUrl } from '../../helpers/invoice/output';
import { readLocator } from '../../helpers/parameters';

export const description: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'Open (Finalized, Unpaid)', value: 'open' },
			{ name: 'Overdue', value: 'overdue' },
			{ name: 'Paid', value: 'paid' },
			{ name: 'Voided', value: 'voided' },
		],
		default: 'draft',
		description: 'Which invoices to list',
		displayOptions: showFor('invoice', 'getMany'),
	},
	contactLocator('contactId', {
		description: 'Only invoices of this contact; empty for all',
		displayOptions: showFor('invoice', 'getMany'),
	}),
	...forOperation('invoice', 'getMany', returnAllOrLimit()),
];

export const runs = 'perItem';

/** Lists invoices from the voucherlist (metadata only; Get reads one in full). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const contactId = readLocator(this, 'contactId', 'Contact', itemIndex, { required: false });
	const query: IDataObject = {
		voucherType: 'invoice',
		voucherStatus: this.getNodeParameter('status', itemIndex, 'draft') as string,
		sort: 'voucherDate,DESC',
		...(contactId ? { contactId } : {}),
	};
	const vouchers = await fetchAll<IDataObject>(this, { endpoint: 'listVouchers', query, itemIndex }, readLimit(this, itemIndex));
	const { appUrl } = await lexofficeConnection(this);
	return vouchers.map((voucher) => ({ ...voucher, url: invoiceUrl(appUrl, String(voucher.id), voucher.voucherStatus) }));
}
