/** Feeds the "From List" mode of the contact, invoice and template pickers. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { invoiceStatuses, isDraft, isInvoiceOf, statusOf } from '../helpers/documents';
import { fetchAll, fetchPage, FILTERS, QUERY, type EndpointName } from '../transport';

const PICKER_PAGE_SIZE = 100;

/** One page of a list; with a filter text, rows are compared here (HQ's filter has no "contains"). */
async function search(
	ctx: ILoadOptionsFunctions,
	endpoint: EndpointName,
	query: IDataObject,
	filter: string | undefined,
	paginationToken: string | undefined,
	label: (record: IDataObject) => string,
	keep: (record: IDataObject) => boolean = () => true,
): Promise<INodeListSearchResult> {
	const wanted = filter?.trim().toLowerCase() ?? '';
	if (wanted) {
		const rows = await fetchAll<IDataObject>(ctx, { endpoint, query }, PICKER_PAGE_SIZE, (row) => keep(row) && label(row).toLowerCase().includes(wanted));
		return { results: rows.map((row) => ({ name: label(row), value: String(row.id) })) };
	}
	const skip = Number(paginationToken ?? 0) || 0;
	const page = await fetchPage<IDataObject>(ctx, { endpoint, query }, skip, PICKER_PAGE_SIZE);
	return {
		results: page.rows.filter(keep).map((row) => ({ name: label(row), value: String(row.id) })),
		paginationToken: page.more ? String(skip + page.rows.length) : undefined,
	};
}

const joined = (...parts: unknown[]) => parts.filter((part) => part !== undefined && part !== null && part !== '').join(' · ');

export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, 'listCompanies', {}, filter, paginationToken, (company) => joined(company.name, company.debitorNumber));
}

export async function searchInvoiceTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, 'listDocumentTemplates', { [QUERY.filter]: FILTERS.invoiceTemplates() }, filter, paginationToken, (template) =>
		joined(template.name, template.language),
	);
}

export async function searchDraftInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	const statuses = await invoiceStatuses(this);
	return await search(
		this,
		'listDocuments',
		{ [QUERY.filter]: FILTERS.invoices() },
		filter,
		paginationToken,
		(invoice) => joined(invoice.number ?? `Draft ${String(invoice.id)}`, (invoice.company as IDataObject | undefined)?.name, invoice.date ? String(invoice.date).slice(0, 10) : ''),
		(invoice) => isInvoiceOf(invoice) && isDraft(statusOf(invoice, statuses)),
	);
}
