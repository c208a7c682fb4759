/** Option lists for the editor: statuses, types of work, project types and custom fields. */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { aworkPath, aworkRequestAllPages, isGuid } from '../transport';
import { customFieldDefinitions } from '../helpers/customFields';

function toOptions(rows: IDataObject[], describe?: (row: IDataObject) => string | undefined): INodePropertyOptions[] {
	return rows
		.map((row) => ({ name: String(row.name ?? row.id), value: String(row.id), description: describe?.(row) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

function currentProjectId(context: ILoadOptionsFunctions): string | undefined {
	try {
		const id = context.getCurrentNodeParameter('projectId', { extractValue: true });
		return isGuid(id) ? id : undefined;
	} catch {
		return undefined;
	}
}

/** The statuses valid for the chosen project, or all workspace statuses when none is chosen. */
export async function getProjectStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const projectId = currentProjectId(this);
	const path = projectId ? aworkPath`/projects/${projectId}/projectstatuses` : '/projectstatuses';
	const rows = (await aworkRequestAllPages.call(this, path)) as IDataObject[];
	return toOptions(rows, (row) => (row.type ? `Type: ${String(row.type)}` : undefined));
}

/** Task statuses belong to a project (or its workflow), so a project must be chosen first. */
export async function getTaskStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const projectId = currentProjectId(this);
	if (!projectId) return [];
	const rows = (await aworkRequestAllPages.call(this, aworkPath`/projects/${projectId}/taskstatuses`)) as IDataObject[];
	return toOptions(rows, (row) => (row.type ? `Type: ${String(row.type)}` : undefined));
}

export async function getTypesOfWork(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions((await aworkRequestAllPages.call(this, '/typeofwork')) as IDataObject[]);
}

export async function getProjectTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return toOptions((await aworkRequestAllPages.call(this, '/projecttypes')) as IDataObject[]);
}

/** Custom fields of the entity the node works on (task for the Task resource, else project). */
export async function getCustomFieldDefinitions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const entity = this.getCurrentNodeParameter('resource') === 'task' ? 'task' : 'project';
	const definitions = await customFieldDefinitions.call(this);
	return toOptions(
		definitions.filter((definition) => definition.entity === entity) as unknown as IDataObject[],
		(row) => `Type: ${String(row.type)}`,
	);
}
