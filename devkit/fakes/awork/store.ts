/**
 * In-memory state of the fake awork workspace. Records are kept in the API's own field names;
 * models/*.ts build them from forms and render them with nested and computed properties.
 */
import { randomUUID } from 'node:crypto';

/** A stored record: the entity's own (scalar) fields as awork names them, plus its id. */
export type Rec = { id: string } & Record<string, any>;

export const COLLECTIONS = [
	'users',
	'companies',
	'projectStatuses',
	'projectTypes',
	'projectTemplates',
	'typesOfWork',
	'projects',
	'taskStatuses',
	'taskLists',
	'tasks',
	'comments',
	'milestones',
	'timeEntries',
	'customFieldDefinitions',
	'webhooks',
	'documentSpaces',
	'documents',
] as const;

export type CollectionName = (typeof COLLECTIONS)[number];

/** What a project template creates in a new project (fake-only: awork keeps this in task bundles). */
export interface TemplateContent {
	taskStatuses: { name: string; type: string; order?: number; icon?: string }[];
	taskLists: { name: string; order?: number; tasks: Rec[] }[];
	customFieldDefinitionIds: string[];
}

export interface WebhookDelivery {
	at: string;
	webhookId: string;
	url: string;
	eventType: string;
	headers: Record<string, string>;
	payload: unknown;
	status: number;
	error?: string;
	durationMs: number;
}

export interface Aggregates {
	projectTasks: Map<string, { count: number; done: number; planned: number }>;
	projectTracked: Map<string, { all: number; billable: number }>;
	taskTracked: Map<string, number>;
	taskComments: Map<string, number>;
	listPlanned: Map<string, number>;
	taskChildren: Map<string, Rec[]>;
	listTracked: Map<string, number>;
	companyProjects: Map<string, { count: number; inProgress: number }>;
}

export const isoNow = () => new Date().toISOString();

/** .NET ticks, like awork's resourceVersion. */
export const resourceVersion = () => Date.now() * 10000 + 621355968000000000;

export class AworkStore {
	/** Bumped by every change; list caches and aggregates are keyed on it. */
	version = 0;

	workspace = { id: randomUUID(), name: 'Fake Workspace', url: 'https://fake-workspace.awork.com' };

	/** The user answering GET /me (the API key's user). */
	meUserId = '';

	readonly collections = {} as Record<CollectionName, Map<string, Rec>>;

	/** projectId -> custom field definitions linked to it (POST /projects/{id}/linkcustomfielddefinition). */
	readonly customFieldLinks = new Map<string, { customFieldDefinitionId: string; order: number }[]>();

	readonly templateContents = new Map<string, TemplateContent>();

	/** Ids the API key may not touch: batch operations report them as `unauthorized`. */
	readonly forbiddenIds = new Set<string>();

	readonly webhookDeliveries: WebhookDelivery[] = [];

	/** The default task statuses every new project gets when no template says otherwise. */
	defaultTaskStatuses: TemplateContent['taskStatuses'] = [
		{ name: 'To do', type: 'todo', icon: 'radio_button_unchecked' },
		{ name: 'In progress', type: 'progress', icon: 'timelapse' },
		{ name: 'Review', type: 'review', icon: 'rate_review' },
		{ name: 'Done', type: 'done', icon: 'check_circle' },
	];

	private aggregateCache?: { version: number; sizes: string; value: Aggregates };

	constructor() {
		for (const name of COLLECTIONS) this.collections[name] = new Map();
	}

	get users() {
		return this.collections.users;
	}
	get companies() {
		return this.collections.companies;
	}
	get projects() {
		return this.collections.projects;
	}
	get projectStatuses() {
		return this.collections.projectStatuses;
	}
	get projectTypes() {
		return this.collections.projectTypes;
	}
	get projectTemplates() {
		return this.collections.projectTemplates;
	}
	get typesOfWork() {
		return this.collections.typesOfWork;
	}
	get taskStatuses() {
		return this.collections.taskStatuses;
	}
	get taskLists() {
		return this.collections.taskLists;
	}
	get tasks() {
		return this.collections.tasks;
	}
	get comments() {
		return this.collections.comments;
	}
	get milestones() {
		return this.collections.milestones;
	}
	get timeEntries() {
		return this.collections.timeEntries;
	}
	get customFieldDefinitions() {
		return this.collections.customFieldDefinitions;
	}
	get webhooks() {
		return this.collections.webhooks;
	}

	/** Call after changing records directly (tests holding `fake.store`), so caches see it. */
	changed(): void {
		this.version++;
	}

	insert(collection: CollectionName, rec: Rec): Rec {
		this.collections[collection].set(rec.id, rec);
		this.version++;
		return rec;
	}

	remove(collection: CollectionName, id: string): boolean {
		const removed = this.collections[collection].delete(id);
		if (removed) this.version++;
		return removed;
	}

	/** Finds by id, ignoring the case of the guid. */
	get(collection: CollectionName, id: unknown): Rec | undefined {
		if (typeof id !== 'string') return undefined;
		const map = this.collections[collection];
		return map.get(id) ?? map.get(id.toLowerCase());
	}

	/** Marks a record as modified now (updatedOn/updatedBy/resourceVersion). */
	touch(rec: Rec): void {
		rec.updatedOn = isoNow();
		rec.updatedBy = this.meUserId;
		if ('resourceVersion' in rec) rec.resourceVersion = resourceVersion();
		this.version++;
	}

	/** Empties every collection and side table; the workspace and default statuses stay. */
	clear(): void {
		for (const name of COLLECTIONS) this.collections[name].clear();
		this.customFieldLinks.clear();
		this.templateContents.clear();
		this.forbiddenIds.clear();
		this.webhookDeliveries.length = 0;
		this.meUserId = '';
		this.version++;
	}

	counts(): Record<CollectionName, number> {
		const counts = {} as Record<CollectionName, number>;
		for (const name of COLLECTIONS) counts[name] = this.collections[name].size;
		return counts;
	}

	/** Counters awork calculates (tasksCount, trackedDuration, ...), computed in one pass per data version. */
	aggregates(): Aggregates {
		const sizes = `${this.tasks.size}/${this.timeEntries.size}/${this.projects.size}/${this.comments.size}`;
		if (this.aggregateCache && this.aggregateCache.version === this.version && this.aggregateCache.sizes === sizes) {
			return this.aggregateCache.value;
		}
		const value: Aggregates = {
			projectTasks: new Map(),
			projectTracked: new Map(),
			taskTracked: new Map(),
			taskComments: new Map(),
			listPlanned: new Map(),
			taskChildren: new Map(),
			listTracked: new Map(),
			companyProjects: new Map(),
		};
		const taskLists = new Map<string, string[]>();
		for (const task of this.tasks.values()) {
			const lists = ((task.lists as { id: string }[] | undefined) ?? []).map((l) => l.id);
			taskLists.set(task.id, lists);
			if (task.parentId) value.taskChildren.set(task.parentId, [...(value.taskChildren.get(task.parentId) ?? []), task]);
			for (const listId of lists) value.listPlanned.set(listId, (value.listPlanned.get(listId) ?? 0) + (task.plannedDuration ?? 0));
			if (!task.projectId) continue;
			const counter = value.projectTasks.get(task.projectId) ?? { count: 0, done: 0, planned: 0 };
			counter.count++;
			counter.planned += task.plannedDuration ?? 0;
			if (this.taskStatuses.get(task.taskStatusId)?.type === 'done') counter.done++;
			value.projectTasks.set(task.projectId, counter);
		}
		for (const entry of this.timeEntries.values()) {
			const duration = (entry.duration as number | null) ?? 0;
			if (entry.projectId) {
				const tracked = value.projectTracked.get(entry.projectId) ?? { all: 0, billable: 0 };
				tracked.all += duration;
				if (entry.isBillable) tracked.billable += duration;
				value.projectTracked.set(entry.projectId, tracked);
			}
			if (entry.taskId) {
				value.taskTracked.set(entry.taskId, (value.taskTracked.get(entry.taskId) ?? 0) + duration);
				for (const listId of taskLists.get(entry.taskId) ?? []) {
					value.listTracked.set(listId, (value.listTracked.get(listId) ?? 0) + duration);
				}
			}
		}
		for (const comment of this.comments.values()) {
			value.taskComments.set(comment.entityId, (value.taskComments.get(comment.entityId) ?? 0) + 1);
		}
		for (const project of this.projects.values()) {
			if (!project.companyId) continue;
			const counter = value.companyProjects.get(project.companyId) ?? { count: 0, inProgress: 0 };
			counter.count++;
			if (this.projectStatuses.get(project.projectStatusId)?.type === 'progress') counter.inProgress++;
			value.companyProjects.set(project.companyId, counter);
		}
		this.aggregateCache = { version: this.version, sizes, value };
		return value;
	}
}

export const newId = () => randomUUID();
