/**
 * Searchable lists behind the resource locators (project, template, company, task list, task,
 * task status, time entry, user). Projects and tasks carry `url`, their page in awork's web app.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { aworkPath, aworkRequest, aworkRequestAllPages, aworkRequestFull, isGuid, type AworkResponse } from '../transport';
import { or, substringOf, text, type AworkFilter } from '../transport/filter';
import { editorWebAddress, webUrlOf, type WebUrlKind } from '../helpers/webUrl';

const PAGE_SIZE = 100;

interface ListPage {
	path: string;
	filter?: AworkFilter;
	orderBy?: string;
	toItem: (row: IDataObject) => INodeListSearchItems;
	/** Adds `url` to each result: the web address is asked for only when the page has rows. */
	webPage?: WebUrlKind;
}

async function searchPage(context: ILoadOptionsFunctions, list: ListPage, paginationToken: string | undefined): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) || 1;
	const qs: IDataObject = { page, pageSize: PAGE_SIZE, orderby: list.orderBy ?? 'name' };
	if (list.filter && !list.filter.isEmpty) qs.filterby = list.filter.expression;
	const response = (await aworkRequestFull.call(context, 'GET', list.path, { qs })) as AworkResponse<IDataObject[]>;
	const rows = Array.isArray(response.body) ? response.body : [];
	let results = rows.map(list.toItem);
	const { webPage } = list;
	const webAddress = webPage && rows.length > 0 ? await editorWebAddress(context) : undefined;
	if (webPage && webAddress) results = results.map((result) => ({ ...result, url: webUrlOf(webAddress, webPage, result.value) }));
	return { results, paginationToken: rows.length === PAGE_SIZE ? String(page + 1) : undefined };
}

const byName = (row: IDataObject): INodeListSearchItems => ({ name: String(row.name ?? row.id), value: String(row.id) });
const nameFilter = (search?: string) => (search ? substringOf(text(search), 'name') : undefined);

/** A GUID the node's current parameter holds (any locator mode), or undefined. */
function currentGuid(context: ILoadOptionsFunctions, name: string): string | undefined {
	try {
		const value = context.getCurrentNodeParameter(name, { extractValue: true });
		return isGuid(value) ? value : undefined;
	} catch {
		// Not a parameter of this operation, or a link that is not (yet) one.
		return undefined;
	}
}

export async function searchProjects(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	const toItem = (row: IDataObject) => ({
		name: row.projectKey ? `${String(row.name)} (${String(row.projectKey)})` : String(row.name),
		value: String(row.id),
	});
	return await searchPage(this, { path: '/projects', filter: nameFilter(search), toItem, webPage: 'projects' }, token);
}

export async function searchProjectTemplates(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, { path: '/projecttemplates', filter: nameFilter(search), toItem: byName }, token);
}

export async function searchCompanies(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, { path: '/companies', filter: nameFilter(search), toItem: byName }, token);
}

export async function searchTaskLists(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = currentGuid(this, 'projectId');
	if (!projectId) return { results: [] };
	return await searchPage(this, { path: aworkPath`/projects/${projectId}/tasklists`, filter: nameFilter(search), toItem: byName, orderBy: 'order' }, token);
}

/** The project of the operation: the chosen project, else the chosen task's (one GET of the task), else none. */
async function chosenProject(context: ILoadOptionsFunctions): Promise<string | undefined> {
	const projectId = currentGuid(context, 'projectId');
	if (projectId) return projectId;
	const taskId = currentGuid(context, 'taskId');
	if (!taskId) return undefined;
	const task = (await aworkRequest.call(context, 'GET', aworkPath`/tasks/${taskId}`)) as IDataObject;
	return isGuid(task.projectId) ? task.projectId : undefined;
}

/** The lists of the chosen task's project: where a task moves to. */
export async function searchTaskListsOfTask(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = await chosenProject(this);
	if (!projectId) return { results: [] };
	return await searchPage(this, { path: aworkPath`/projects/${projectId}/tasklists`, filter: nameFilter(search), toItem: byName, orderBy: 'order' }, token);
}

/** Tasks of the chosen project, or, where the operation has no project, every project task the user can see. */
export async function searchTasks(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	const projectId = currentGuid(this, 'projectId');
	const path = projectId ? aworkPath`/projects/${projectId}/projecttasks` : '/me/projecttasks';
	const toItem = (row: IDataObject) => {
		const project = (row.project as IDataObject | null | undefined)?.name;
		return { name: project && !projectId ? `${String(row.name)} (${String(project)})` : String(row.name ?? row.id), value: String(row.id) };
	};
	return await searchPage(this, { path, filter: nameFilter(search), toItem, webPage: 'tasks' }, token);
}

/** The latest time entries first, found by note, task or project name; shown as day, hours, user and what was worked on. */
export async function searchTimeEntries(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	const filter = search
		? or(substringOf(text(search), 'note'), substringOf(text(search), 'task/name'), substringOf(text(search), 'project/name'))
		: undefined;
	const toItem = (row: IDataObject): INodeListSearchItems => {
		const day = String(row.startDateLocal ?? row.startDateUtc ?? '').slice(0, 10);
		const hours = `${(Number(row.duration ?? 0) / 3600).toFixed(2)} h`;
		const user = row.user as IDataObject | null | undefined;
		const who = user ? `${String(user.firstName ?? '')} ${String(user.lastName ?? '')}`.trim() : '';
		const what = (row.task as IDataObject | null | undefined)?.name ?? (row.project as IDataObject | null | undefined)?.name ?? row.note;
		return { name: [day, hours, who, what].filter((part) => part).map(String).join(' · '), value: String(row.id) };
	};
	return await searchPage(this, { path: '/timeentries', filter, toItem, orderBy: 'startDateUtc desc,id desc' }, token);
}

/**
 * The statuses of the chosen project, or of the chosen task's project.
 * A project has a handful, so they are read whole and searched here.
 */
export async function searchTaskStatuses(this: ILoadOptionsFunctions, search?: string): Promise<INodeListSearchResult> {
	const projectId = await chosenProject(this);
	if (!projectId) return { results: [] };
	const statuses = (await aworkRequestAllPages.call(this, aworkPath`/projects/${projectId}/taskstatuses`, { orderBy: 'order' })) as IDataObject[];
	const wanted = (search ?? '').trim().toLowerCase();
	return {
		results: statuses
			.filter((status) => !wanted || String(status.name ?? '').toLowerCase().includes(wanted))
			.map((status) => ({ name: status.type ? `${String(status.name)} (${String(status.type)})` : String(status.name ?? status.id), value: String(status.id) })),
	};
}

export async function searchUsers(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	const filter = search ? or(substringOf(text(search), 'firstName'), substringOf(text(search), 'lastName')) : undefined;
	const toItem = (row: IDataObject) => ({
		name: `${String(row.firstName ?? '')} ${String(row.lastName ?? '')}`.trim() || String(row.id),
		value: String(row.id),
	});
	return await searchPage(this, { path: '/users', filter, toItem, orderBy: 'lastName' }, token);
}

export async function searchDocuments(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, { path: '/documents', filter: nameFilter(search), toItem: byName }, token);
}

export async function searchDocumentSpaces(this: ILoadOptionsFunctions, search?: string, token?: string): Promise<INodeListSearchResult> {
	return await searchPage(this, { path: '/documentspaces', filter: nameFilter(search), toItem: byName }, token);
}
