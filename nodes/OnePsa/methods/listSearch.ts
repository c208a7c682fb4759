/** Feeds the "From List" mode of the contract, ticket and company pickers, page by page. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { fetchPage, filterQuery, type EndpointName } from '../transport';

const PICKER_PAGE_SIZE = 50;

async function search(
	ctx: ILoadOptionsFunctions,
	endpoint: EndpointName,
	filter: string | undefined,
	paginationToken: string | undefined,
	label: (record: IDataObject) => string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const query = filterQuery(endpoint, { search: filter?.trim() });
	const answer = await fetchPage<IDataObject>(ctx, { endpoint, query }, page, PICKER_PAGE_SIZE);
	const more =
		typeof answer.total === 'number' ? page * PICKER_PAGE_SIZE < answer.total : answer.data.length === PICKER_PAGE_SIZE;
	return {
		results: answer.data.map((record) => ({ name: label(record), value: String(record.id) })),
		paginationToken: more ? String(page + 1) : undefined,
	};
}

const joined = (...parts: unknown[]) => parts.filter((part) => part !== undefined && part !== null && part !== '').join(' · ');

export async function searchContracts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, 'listContracts', filter, paginationToken, (contract) =>
		joined(contract.number, contract.name, contract.companyName),
	);
}

export async function searchTickets(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, 'listTickets', filter, paginationToken, (ticket) => joined(ticket.number, ticket.subject));
}

export async function searchCompanies(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, 'listCompanies', filter, paginationToken, (company) => joined(company.name));
}
