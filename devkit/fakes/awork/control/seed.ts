/**
 * Seeding the fake: the workspace defaults every awork workspace has, and POST /__control/seed
 * with collections of partial entities (ids generated when missing, defaults filled in).
 */
import { buildCompany } from '../models/companies';
import { buildCustomFieldDefinition } from '../models/customFields';
import { buildDocument, buildDocumentSpace } from '../models/documents';
import { buildProject } from '../models/projects';
import { buildComment, buildMilestone, buildTask, buildTaskList, buildTaskStatus } from '../models/tasks';
import { buildTimeEntry } from '../models/timeEntries';
import { WRITTEN_BEFORE_NOW_MS } from './generate';
import { buildUser } from '../models/users';
import { buildWebhook } from '../models/webhooks';
import { buildProjectStatus, buildProjectTemplate, buildProjectType, buildTypeOfWork } from '../models/workspaceSettings';
import type { SpecRegistry } from '../query/paths';
import { COLLECTIONS, type AworkStore, type CollectionName, type Rec } from '../store';

export type SeedInput = Partial<Record<CollectionName, Record<string, unknown>[]>> & {
	/** Extra links: [{projectId, customFieldDefinitionId, order?}] */
	customFieldLinks?: { projectId: string; customFieldDefinitionId: string; order?: number }[];
};

/** What a fresh awork workspace has: one user (the API user), project statuses and types, types of work. */
export function seedDefaults(store: AworkStore): void {
	const user = store.insert('users', buildUser(store, { firstName: 'Carla', lastName: 'Creative', position: 'Project Manager' }));
	store.meUserId = user.id;
	user.createdBy = user.updatedBy = user.id;
	[
		['Not started', 'not-started'],
		['In progress', 'progress'],
		['Stuck', 'stuck'],
		['Closed', 'closed'],
	].forEach(([name, type], order) => store.insert('projectStatuses', buildProjectStatus(store, { name, type, order })));
	for (const name of ['Client project', 'Internal project']) store.insert('projectTypes', buildProjectType(store, { name }));
	for (const name of ['Design', 'Development', 'Project management']) store.insert('typesOfWork', buildTypeOfWork(store, { name }));
}

const BUILDERS: Partial<Record<CollectionName, (store: AworkStore, input: Record<string, unknown>) => Rec>> = {
	users: buildUser,
	companies: buildCompany,
	projectStatuses: buildProjectStatus,
	projectTypes: buildProjectType,
	typesOfWork: buildTypeOfWork,
	projects: buildProject,
	taskStatuses: buildTaskStatus,
	taskLists: buildTaskList,
	tasks: buildTask,
	comments: buildComment,
	milestones: buildMilestone,
	timeEntries: buildTimeEntry,
	customFieldDefinitions: buildCustomFieldDefinition,
	webhooks: buildWebhook,
	documentSpaces: buildDocumentSpace,
	documents: buildDocument,
};

function lowerIds(input: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(input)) {
		out[key] =
			typeof value === 'string' && (key === 'id' || key.endsWith('Id')) && /^[0-9A-F-]{36}$/i.test(value) ? value.toLowerCase() : value;
	}
	return out;
}

/**
 * A seeded time entry stands for one tracked earlier: unless the seed says otherwise, it was
 * written when its time ended, but at least ten minutes ago (WRITTEN_BEFORE_NOW_MS), not at
 * seeding. Otherwise every seeded entry would count as changed just before a run that reads it.
 */
function stampAsTracked(rec: Rec, item: Record<string, unknown>): void {
	const end = Date.parse(String(rec.endDateUtc ?? rec.startDateUtc ?? ''));
	if (Number.isNaN(end)) return;
	const stamp = new Date(Math.min(end, Date.now() - WRITTEN_BEFORE_NOW_MS)).toISOString();
	if (item.createdOn === undefined) rec.createdOn = stamp;
	if (item.updatedOn === undefined) rec.updatedOn = stamp;
}

/**
 * Inserts the given entities in dependency order and answers their API views by collection.
 * `_unauthorized: true` on any entity makes batch operations report it as unauthorized;
 * `_me: true` on a user makes it the user of GET /me.
 */
export function seed(registry: SpecRegistry, input: SeedInput): Record<string, unknown[]> {
	const { store } = registry;
	const created: Record<string, unknown[]> = {};
	const seededProjects: Rec[] = [];
	for (const collection of COLLECTIONS) {
		const items = input[collection];
		if (!Array.isArray(items)) continue;
		created[collection] = items.map((raw) => {
			const item = lowerIds(raw ?? {});
			let rec: Rec;
			if (collection === 'projectTemplates') {
				const { rec: template, content } = buildProjectTemplate(store, item);
				store.templateContents.set(template.id, content);
				rec = template;
			} else if (collection === 'tasks' && Array.isArray(item.lists)) {
				const lists = (item.lists as unknown[]).map((l, i) => (typeof l === 'string' ? { id: l.toLowerCase(), order: i } : l));
				rec = buildTask(store, { ...item, lists });
			} else {
				rec = BUILDERS[collection]!(store, item);
			}
			if (collection === 'timeEntries') stampAsTracked(rec, item);
			store.insert(collection, rec);
			if (raw?._unauthorized === true) store.forbiddenIds.add(rec.id);
			if (collection === 'users' && (raw?._me === true || !store.meUserId)) store.meUserId = rec.id;
			if (collection === 'projects') seededProjects.push(rec);
			return registry.specs[collection].render(rec);
		});
	}
	for (const link of input.customFieldLinks ?? []) {
		const projectId = link.projectId.toLowerCase();
		const links = store.customFieldLinks.get(projectId) ?? [];
		links.push({ customFieldDefinitionId: link.customFieldDefinitionId.toLowerCase(), order: link.order ?? links.length });
		store.customFieldLinks.set(projectId, links);
	}
	// Every awork project has task statuses; seeded projects without any get the defaults.
	for (const project of seededProjects) {
		if ([...store.taskStatuses.values()].some((s) => s.projectId === project.id)) continue;
		store.defaultTaskStatuses.forEach((status, order) =>
			store.insert('taskStatuses', buildTaskStatus(store, { ...status, order, projectId: project.id })),
		);
	}
	store.changed();
	return created;
}
