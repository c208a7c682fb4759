/** Searchable lists behind the resource locators (project, template, company, task list, user). */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { aworkPath, aworkRequestFull, isGuid, type AworkResponse } from '../transport';
import { or, substringOf, text, type AworkFilter } from '../transport/filter';

const PAGE_SIZE = 100;

async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	filter: AworkFilter | undefined,
	paginationToken: string | undefined,
	toItem: (row: IDataObject) => INodeListSearchItems,
	orderBy = 'name',
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) || 1;
	const qs: IDataObject = { page, pageSize: PAGE_SIZE, orderby: orderBy };
	if (filter && !filter.isEmpty) qs.filterby = filter.expression;
	const response = (await aworkRequestFull.call(context, 'GET', path, { qs })) as AworkResponse<IDataObject[]>;
	const rows = Array.isArray(response.body) ? response.body : [];
	return {
		results: rows.map(toItem),
		paginationToken: rows.length === PAGE_SIZE ? String(page + 1) : undefined,
	};
}

const byName = (row: IDataObject): INodeListSearchItems => ({ name: String(row.name ?? row.id), value: String(row.id) });
const nameFilter = (search?: string) => (search ? substringOf(text(search), 'name') : undefined);

export async function searchProjects(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/projects', nameFilter(search), token, (row) => ({
		name: row.projectKey ? `${String(row.name)} (${String(row.projectKey)})` : String(row.name),
		value: String(row.id),
	}));
}

export async function searchProjectTemplates(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/projecttemplates', nameFilter(search), token, byName);
}

export async function searchCompanies(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, '/companies', nameFilter(search), token, byName);
}

export async function searchTaskLists(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = this.getCurrentNodeParameter('projectId', { extractValue: true });
	if (!isGuid(projectId)) return { results: [] };
	return await searchPage(this, aworkPath`/projects/${projectId}/tasklists`, nameFilter(search), token, byName, 'order');
}

export async function searchUsers(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	const filter = search ? or(substringOf(text(search), 'firstName'), substringOf(text(search), 'lastName')) : undefined;
	return await searchPage(
		this,
		'/users',
		filter,
		token,
		(row) => ({ name: `${String(row.firstName ?? '')} ${String(row.lastName ?? '')}`.trim() || String(row.id), value: String(row.id) }),
		'lastName',
	);
}
