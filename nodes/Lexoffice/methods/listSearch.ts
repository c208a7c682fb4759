/** Feeds the "From List" mode of the contact and invoice pickers, page by page. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { contactName, customerNumber } from '../helpers/contact';
import { searchText } from '../helpers/parameters';
import { fetchPage, isLastPage, MIN_CONTACT_FILTER_LENGTH } from '../transport';

const PICKER_PAGE_SIZE = 50;

const joined = (...parts: unknown[]) => parts.filter((part) => part !== undefined && part !== null && part !== '').join(' · ');

async function listPage(
	ctx: ILoadOptionsFunctions,
	endpoint: 'listContacts' | 'listVouchers',
	query: IDataObject,
	paginationToken: string | undefined,
): Promise<{ records: IDataObject[]; next: string | undefined }> {
	const page = Number(paginationToken ?? 0) || 0;
	const answer = await fetchPage<IDataObject>(ctx, { endpoint, query }, page, PICKER_PAGE_SIZE);
	return { records: answer.content, next: isLastPage(answer, page, PICKER_PAGE_SIZE) ? undefined : String(page + 1) };
}

/** Customers; Lexware filters names only from 3 characters, so a shorter filter lists all of them. */
export async function searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const name = filter?.trim() ?? '';
	const query: IDataObject = { customer: true, ...(name.length >= MIN_CONTACT_FILTER_LENGTH ? { name: searchText(name) } : {}) };
	const { records, next } = await listPage(this, 'listContacts', query, paginationToken);
	return {
		results: records.map((contact) => ({ name: joined(customerNumber(contact), contactName(contact)) || String(contact.id), value: String(contact.id) })),
		paginationToken: next,
	};
}

async function searchVouchers(ctx: ILoadOptionsFunctions, status: string, filter: string | undefined, paginationToken: string | undefined) {
	const { records, next } = await listPage(ctx, 'listVouchers', { voucherType: 'invoice', voucherStatus: status, sort: 'voucherDate,DESC' }, paginationToken);
	// The voucherlist has no text search: the filter narrows the page it served.
	const wanted = filter?.trim().toLowerCase() ?? '';
	const label = (voucher: IDataObject) =>
		joined(voucher.voucherNumber, voucher.contactName, String(voucher.voucherDate ?? '').slice(0, 10), voucher.totalAmount !== undefined ? `${voucher.totalAmount} ${voucher.currency ?? 'EUR'}` : '');
	return {
		results: records
			.map((voucher) => ({ name: label(voucher) || String(voucher.id), value: String(voucher.id) }))
			.filter((result) => !wanted || result.name.toLowerCase().includes(wanted)),
		paginationToken: next,
	};
}

export async function searchDrafts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchVouchers(this, 'draft', filter, paginationToken);
}

export async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	return await searchVouchers(this, 'any', filter, paginationToken);
}
