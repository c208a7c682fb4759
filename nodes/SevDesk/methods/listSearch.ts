/** Feeds the "From List" mode of the contact and invoice pickers, page by page (limit/offset). */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { contactName, numberOf } from '../helpers/views';
import { EMBED_PARAM, fetchPage, filterQuery, INVOICE_STATUS, type EndpointName } from '../transport';

const PICKER_PAGE_SIZE = 50;

async function search(
	ctx: ILoadOptionsFunctions,
	endpoint: EndpointName,
	query: IDataObject,
	paginationToken: string | undefined,
	label: (record: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const offset = Math.max(0, Number(paginationToken ?? 0) || 0);
	const page = await fetchPage<IDataObject>(ctx, { endpoint, query }, offset, PICKER_PAGE_SIZE);
	const next = offset + page.objects.length;
	const more = page.total !== undefined ? next < page.total : page.objects.length === PICKER_PAGE_SIZE;
	return {
		results: page.objects.map((record) => ({ name: label(record), value: String(record.id) })),
		paginationToken: more && page.objects.length > 0 ? String(next) : undefined,
	};
}

const joined = (...parts: unknown[]) => parts.filter((part) => part !== undefined && part !== null && part !== '').join(' · ');

export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	const query = filterQuery('listContacts', { name: filter?.trim(), depth: '1' });
	return await search(this, 'listContacts', query, paginationToken, (contact) => joined(contactName(contact), contact.customerNumber));
}

export async function searchDraftInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	const query = filterQuery('listInvoices', { status: INVOICE_STATUS.draft });
	const result = await search(this, 'listInvoices', { ...query, [EMBED_PARAM]: 'contact' }, paginationToken, (invoice) => {
		const contact = invoice.contact as IDataObject | undefined;
		return joined(invoice.invoiceNumber ?? `Draft ${String(invoice.id)}`, contact && (contact.name || contact.surename) ? contactName(contact) : undefined, numberOf(invoice.sumNet) ?? undefined);
	});
	const wanted = filter?.trim().toLowerCase();
	return wanted ? { ...result, results: result.results.filter((entry) => entry.name.toLowerCase().includes(wanted)) } : result;
}
