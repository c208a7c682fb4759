/** Project work structure: task statuses, task lists, tasks, comments and milestones. */
import type { ListSpec } from '../query/paths';
import type { AworkStore, Rec } from '../store';
import { fill, nestedType, nestedUser, newId, renderCustomFields, stamps, versioned } from './common';
import { projectForTask } from './projects';

export function buildTaskStatus(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{
			id: newId(),
			name: 'To do',
			type: 'todo',
			order: 0,
			icon: null,
			projectId: null,
			projectTypeId: null,
			workflowId: null,
			...stamps(store),
			isExternal: false,
		},
		input,
	);
}

/** Task lists keep their `projectId` on the record; the API model does not show it. */
export function buildTaskList(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{ id: newId(), projectId: null, ...stamps(store), name: 'List', order: 0, isArchived: false, isHiddenForConnectUsers: false },
		input,
	);
}

export function buildTask(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	const id = typeof input.id === 'string' ? input.id.toLowerCase() : newId();
	const rec = fill(
		{
			id,
			name: 'Task',
			description: null,
			isPrio: false,
			startOn: null,
			dueOn: null,
			laneOrder: 0,
			plannedDuration: 0,
			taskNumber: null,
			taskIdentifier: null,
			isExternal: false,
			createdVia: 'api',
			isHiddenForConnectUsers: false,
			baseType: 'projecttask',
			taskStatusId: null,
			typeOfWorkId: null,
			assignees: [],
			projectId: null,
			correlationId: id,
			parentId: null,
			isSubtask: false,
			hasAttachment: false,
			lists: [],
			entityId: null,
			userId: null,
			tags: [],
			...stamps(store),
			closedOn: null,
			closedBy: null,
			order: 0,
			subtaskOrder: null,
			createdFromTaskId: null,
			isRecurring: false,
			customFields: [],
			...versioned(),
			checklistItemsDoneCount: 0,
			checklistItemsCount: 0,
			taskSchedulesCount: 0,
			isCompletelyScheduled: false,
		},
		input,
	);
	if (rec.baseType === 'projecttask') rec.projectId = rec.projectId ?? rec.entityId;
	rec.entityId = rec.entityId ?? rec.projectId ?? rec.userId;
	if (rec.parentId) {
		rec.isSubtask = true;
		rec.correlationId = rec.parentId;
	}
	const project = store.projects.get(rec.projectId);
	if (project && rec.taskNumber === null) {
		const numbers = [...store.tasks.values()].filter((t) => t.projectId === project.id).map((t) => t.taskNumber ?? 0);
		rec.taskNumber = Math.max(0, ...numbers) + 1;
	}
	if (project && rec.taskIdentifier === null) rec.taskIdentifier = `${project.projectKey}-${rec.taskNumber}`;
	return rec;
}

export function renderTaskStatus(rec: Rec | undefined) {
	return rec ? { ...rec } : null;
}

export function taskStatusSpec(): ListSpec {
	return { collection: 'taskStatuses', render: (rec) => ({ ...rec }) };
}

export function taskListSpec(store: AworkStore): ListSpec {
	return {
		collection: 'taskLists',
		render: (rec) => {
			const { projectId, ...list } = rec;
			const planned = store.aggregates().listPlanned.get(rec.id) ?? 0;
			return {
				...list,
				plannedDuration: planned,
				totalPlannedDuration: planned,
				totalPlannedDurationWithHierarchy: planned,
				trackedDuration: store.aggregates().listTracked.get(rec.id) ?? 0,
			};
		},
	};
}

export function taskSpec(store: AworkStore): ListSpec {
	const tracked = (rec: Rec) => store.aggregates().taskTracked.get(rec.id) ?? 0;
	const subtasks = (rec: Rec) => store.aggregates().taskChildren.get(rec.id) ?? [];
	return {
		collection: 'tasks',
		links: {
			project: { collection: 'projects', idOf: (rec) => rec.projectId },
			taskStatus: { collection: 'taskStatuses', idOf: (rec) => rec.taskStatusId },
			typeOfWork: { collection: 'typesOfWork', idOf: (rec) => rec.typeOfWorkId },
			parentTask: { collection: 'tasks', idOf: (rec) => rec.parentId },
		},
		computed: {
			trackedDuration: tracked,
			commentCount: (rec) => store.aggregates().taskComments.get(rec.id) ?? 0,
		},
		render: (rec) => {
			const children = rec.isSubtask ? [] : subtasks(rec);
			const parent = store.tasks.get(rec.parentId);
			return {
				...rec,
				taskStatus: renderTaskStatus(store.taskStatuses.get(rec.taskStatusId)),
				typeOfWork: nestedType(store.typesOfWork.get(rec.typeOfWorkId)),
				project: projectForTask(store, store.projects.get(rec.projectId)),
				parentTask: parent
					? {
							id: parent.id,
							name: parent.name,
							createdBy: parent.createdBy,
							userId: parent.userId,
							assigneeIds: (parent.assignees as Rec[]).map((a) => a.id),
						}
					: null,
				numberOfSubtasks: children.length ? children.length : null,
				lists: (rec.lists as { id: string; order?: number }[]).map((entry) => {
					const list = store.taskLists.get(entry.id);
					const { projectId, ...fields } = list ?? { id: entry.id };
					return { ...fields, orderOfTask: entry.order ?? 0 };
				}),
				customFields: renderCustomFields(store, rec.customFields),
				trackedDuration: tracked(rec),
				totalTrackedDuration: tracked(rec) + children.reduce((sum, c) => sum + tracked(c), 0),
				totalPlannedDuration: (rec.plannedDuration ?? 0) + children.reduce((sum, c) => sum + (c.plannedDuration ?? 0), 0),
				commentCount: store.aggregates().taskComments.get(rec.id) ?? 0,
			};
		},
	};
}

const stripHtml = (html: string) => html.replace(/<[^>]*>/g, '');

export function buildComment(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill(
		{
			id: newId(),
			entityId: null,
			entityType: 'tasks',
			...stamps(store),
			agentId: null,
			agentNameSnapshot: null,
			...versioned(),
			message: '',
			userId: store.meUserId,
			previews: [],
			isHiddenForConnectUsers: false,
			isResolved: null,
			inReplyToCommentId: null,
		},
		input,
	);
}

export function commentSpec(store: AworkStore): ListSpec {
	return {
		collection: 'comments',
		render: (rec) => {
			// A comment is on a task (entityType 'tasks') or on a project ('projects').
			const onProject = rec.entityType === 'projects';
			const task = onProject ? undefined : store.tasks.get(rec.entityId);
			const project = store.projects.get(onProject ? rec.entityId : task?.projectId);
			const named = (r: Rec | undefined) => (r ? { id: r.id, name: r.name } : null);
			return {
				...rec,
				entity: named(onProject ? project : task),
				project: named(project),
				task: named(task),
				document: null,
				user: nestedUser(store.users.get(rec.userId)),
				mentions: { users: [], agentIds: [], everyUserHadPermissions: true },
				reactions: [],
				formattedMessage: rec.message,
				plainFormattedMessage: stripHtml(String(rec.message ?? '')),
			};
		},
	};
}

export function buildMilestone(store: AworkStore, input: Record<string, unknown> = {}): Rec {
	return fill({ id: newId(), name: 'Milestone', color: 'blue', dueDate: null, projectId: null, ...stamps(store) }, input);
}

export function milestoneSpec(): ListSpec {
	return { collection: 'milestones', render: (rec) => ({ ...rec, project: null }) };
}
