/**
 * What option "Simplify" keeps of a project, task, company, document or user: the fields a workflow usually
 * reads next, nested objects cut to ID and name. `url` and `customFieldsByName`, which the node
 * adds itself, are kept when present.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

export type SimplifiedKind = 'project' | 'task' | 'company' | 'document' | 'user';

type Nested = IDataObject | null | undefined;

/** The given fields of a nested object, or null when awork sent none. */
function nested(value: unknown, fields: string[]): IDataObject | null {
	if (!value || typeof value !== 'object') return null;
	const source = value as IDataObject;
	return Object.fromEntries(fields.map((field) => [field, source[field] ?? null]));
}

function added(record: IDataObject): IDataObject {
	const extra: IDataObject = {};
	if (record.customFieldsByName !== undefined) extra.customFieldsByName = record.customFieldsByName;
	if (record.url !== undefined) extra.url = record.url;
	return extra;
}

const simplifiers: Record<SimplifiedKind, (record: IDataObject) => IDataObject> = {
	project: (project) => ({
		id: project.id,
		name: project.name,
		projectKey: project.projectKey ?? null,
		projectStatus: nested(project.projectStatus, ['id', 'name', 'type']),
		company: nested(project.company, ['id', 'name']),
		startDate: project.startDate ?? null,
		dueDate: project.dueDate ?? null,
		timeBudget: project.timeBudget ?? null,
		trackedDuration: project.trackedDuration ?? null,
		isBillableByDefault: project.isBillableByDefault ?? null,
		...added(project),
	}),
	task: (task) => ({
		id: task.id,
		name: task.name,
		taskIdentifier: task.taskIdentifier ?? null,
		description: task.description ?? null,
		taskStatus: nested(task.taskStatus, ['id', 'name', 'type']),
		project: nested(task.project, ['id', 'name']),
		assignees: Array.isArray(task.assignees)
			? (task.assignees as Nested[]).map((user) => ({ id: user?.id ?? null, name: `${String(user?.firstName ?? '')} ${String(user?.lastName ?? '')}`.trim() }))
			: [],
		dueOn: task.dueOn ?? null,
		plannedDuration: task.plannedDuration ?? null,
		trackedDuration: task.trackedDuration ?? null,
		parentId: task.parentId ?? null,
		...added(task),
	}),
	company: (company) => ({
		id: company.id,
		name: company.name,
		description: company.description ?? null,
		industry: company.industry ?? null,
		tags: Array.isArray(company.tags) ? (company.tags as Nested[]).map((tag) => tag?.name ?? null) : [],
		projectsCount: company.projectsCount ?? null,
		projectsInProgressCount: company.projectsInProgressCount ?? null,
		createdOn: company.createdOn ?? null,
		updatedOn: company.updatedOn ?? null,
		...added(company),
	}),
	document: (document) => ({
		id: document.id,
		name: document.name,
		documentSpace: nested(document.documentSpace, ['id', 'name']),
		documentSpaceId: document.documentSpaceId ?? null,
		projectId: document.projectId ?? null,
		taskId: document.taskId ?? null,
		parentId: document.parentId ?? null,
		isPrivate: document.isPrivate ?? null,
		createdOn: document.createdOn ?? null,
		updatedOn: document.updatedOn ?? null,
		movedToTrashOn: document.movedToTrashOn ?? null,
	}),
	user: (user) => ({
		id: user.id,
		firstName: user.firstName ?? null,
		lastName: user.lastName ?? null,
		email: firstEmail(user.userContactInfos),
		status: user.status ?? null,
		isDeactivated: user.isDeactivated ?? null,
		isExternal: user.isExternal ?? null,
		tags: Array.isArray(user.tags) ? (user.tags as Nested[]).map((tag) => tag?.name ?? null) : [],
	}),
};

/** The first email among a user's contact infos (awork lists them only in some answers). */
function firstEmail(infos: unknown): string | null {
	if (!Array.isArray(infos)) return null;
	const email = (infos as Nested[]).find((info) => String(info?.type ?? '').toLowerCase() === 'email');
	return email?.value === undefined || email.value === null ? null : String(email.value);
}

/** The records as they are, or simplified when the operation's "Simplify" is on. */
export function simplified(this: IExecuteFunctions, kind: SimplifiedKind, records: IDataObject[], itemIndex: number): IDataObject[] {
	// Unset in version 1 nodes (they do not show the option): they keep their full output.
	return this.getNodeParameter('simple', itemIndex, false) === true ? records.map(simplifiers[kind]) : records;
}

export function simplifiedOne(this: IExecuteFunctions, kind: SimplifiedKind, record: IDataObject, itemIndex: number): IDataObject {
	return simplified.call(this, kind, [record], itemIndex)[0];
}
