/**
 * Task changes by batch and assignment: POST /tasks/batch/{operation} (addtags, assignusers,
 * unassignusers, movetotasklist, delete; 207 with ok/notFound/unauthorized/badRequest IDs) and
 * POST /tasks/{taskId}/setassignees (204). Registered before the task routes, so
 * /tasks/batch/addtags is not read as the task "batch".
 */
import type { FakeHttpServer, FakeRequest } from '../../shared/fakeServer';
import { AworkError, invalidModel, validationFailed } from '../errors';
import { isoNow, newId, type Rec } from '../store';
import { apiRoute, bodyObject, isGuid, mustFind, noContent, validateForm, type AworkContext } from './http';
import { removeTasks } from './removals';

const OPERATIONS = ['addtags', 'assignusers', 'unassignusers', 'movetotasklist', 'delete'] as const;
type Operation = (typeof OPERATIONS)[number];

/** What a task's `assignees` holds for a user (NestedUserModelForTasks). */
function assignee(user: Rec): Rec {
	return {
		id: user.id,
		firstName: user.firstName ?? null,
		lastName: user.lastName ?? null,
		hasImage: user.hasImage ?? false,
		plannedEffort: 0,
		isDistributedPlannedEffort: false,
		updatedOn: isoNow(),
		isExternal: false,
	};
}

/** User IDs of a body: each must be a GUID of a user of the workspace. */
function userIds(ctx: AworkContext, value: unknown, property: string): string[] {
	if (!Array.isArray(value)) throw validationFailed([{ property, message: `'${property}' must be a list of user ids.` }]);
	const ids = value.map((id) => (typeof id === 'string' ? id.toLowerCase() : id));
	const unknown = ids.find((id) => !isGuid(id) || !ctx.store.users.has(id));
	if (unknown !== undefined) throw validationFailed([{ property, message: `The user '${String(unknown)}' does not exist.` }]);
	return [...new Set(ids as string[])];
}

/** Checks the operation's form; returns the change for one task ('bad' when awork refuses it for that task). */
function planFor(ctx: AworkContext, operation: Operation, body: Record<string, unknown>): (task: Rec) => boolean | 'bad' {
	const { store } = ctx;
	switch (operation) {
		case 'addtags': {
			if (!Array.isArray(body.tags) || body.tags.length === 0) throw validationFailed([{ property: 'Tags', message: `'Tags' should not be empty.` }]);
			const tags = body.tags.map((tag) => validateForm((tag ?? {}) as Record<string, unknown>, { name: { kind: 'string', required: true, max: 255 }, color: { kind: 'string' } }));
			return (task) => {
				const have = new Set((task.tags as Rec[]).map((tag) => String(tag.name).toLowerCase()));
				const added = tags.filter((tag) => !have.has(String(tag.name).toLowerCase()));
				task.tags = [...(task.tags as Rec[]), ...added.map((tag) => ({ id: newId(), name: tag.name, color: tag.color ?? null }))];
				return true;
			};
		}
		case 'assignusers': {
			const ids = userIds(ctx, body.userIds, 'UserIds');
			const replace = body.removeOldAssignments === true;
			return (task) => {
				const kept = replace ? [] : (task.assignees as Rec[]);
				const have = new Set(kept.map((a) => a.id));
				task.assignees = [...kept, ...ids.filter((id) => !have.has(id)).map((id) => assignee(store.users.get(id)!))];
				return true;
			};
		}
		case 'unassignusers': {
			const ids = body.userIds === undefined || body.userIds === null ? undefined : new Set(userIds(ctx, body.userIds, 'UserIds'));
			return (task) => {
				task.assignees = ids ? (task.assignees as Rec[]).filter((a) => !ids.has(a.id)) : [];
				return true;
			};
		}
		case 'movetotasklist': {
			const form = validateForm(body, { newTaskListId: { kind: 'guid', required: true }, removeFromCurrentList: { kind: 'boolean' } });
			const list = store.taskLists.get(String(form.newTaskListId));
			if (!list) throw validationFailed([{ property: 'NewTaskListId', message: `The task list '${String(form.newTaskListId)}' does not exist.` }]);
			return (task) => {
				// Only within the task's own project.
				if (list.projectId !== task.projectId) return 'bad';
				const lists = (task.lists as Rec[]) ?? [];
				const inLists = [...store.tasks.values()].filter((t) => ((t.lists as Rec[]) ?? []).some((l) => l.id === list.id));
				const end = Math.max(-1, ...inLists.map((t) => Number(((t.lists as Rec[]).find((l) => l.id === list.id)?.order) ?? 0))) + 1;
				const existing = lists.find((l) => l.id === list.id);
				const entry = existing ?? { id: list.id, order: end };
				task.lists = form.removeFromCurrentList === true ? [entry] : existing ? lists : [...lists, entry];
				return true;
			};
		}
		case 'delete':
			validateForm(body, { deleteTimeTrackings: { kind: 'boolean' } });
			return () => true;
	}
}

function batch(ctx: AworkContext, req: FakeRequest) {
	const operation = req.params.operation.toLowerCase() as Operation;
	if (!OPERATIONS.includes(operation)) {
		throw new AworkError(400, 'invalid-batch-operation', `The batch operation '${req.params.operation}' is not supported.`, {
			details: [`The fake awork models: ${OPERATIONS.join(', ')}.`],
		});
	}
	const body = bodyObject(req);
	if (!Array.isArray(body.taskIds) || body.taskIds.length === 0) {
		throw validationFailed([{ property: 'TaskIds', message: `'TaskIds' should not be empty.` }]);
	}
	const change = planFor(ctx, operation, body);
	const { store } = ctx;
	const result = { ok: { ids: [] as string[] }, notFound: { ids: [] as string[] }, unauthorized: { ids: [] as string[] }, badRequest: { ids: [] as string[] } };
	const doomed: string[] = [];
	for (const raw of new Set((body.taskIds as unknown[]).map((id) => String(id).toLowerCase()))) {
		const task = isGuid(raw) ? store.tasks.get(raw) : undefined;
		if (!isGuid(raw)) result.badRequest.ids.push(raw);
		else if (!task) result.notFound.ids.push(raw);
		else if (store.forbiddenIds.has(task.id)) result.unauthorized.ids.push(raw);
		else if (operation === 'delete') {
			doomed.push(task.id);
			result.ok.ids.push(task.id);
		} else {
			const copy = { ...task } as Rec;
			if (change(copy) === 'bad') result.badRequest.ids.push(task.id);
			else {
				Object.assign(task, copy);
				store.touch(task);
				result.ok.ids.push(task.id);
				ctx.emit('task_updated', ctx.registry.specs.tasks.render(task));
			}
		}
	}
	if (doomed.length) {
		for (const task of removeTasks(ctx, doomed, body.deleteTimeTrackings === true)) ctx.emit('task_deleted', { ...task });
	}
	return { status: 207, body: result };
}

export function registerTaskBatchRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	apiRoute(server, 'POST', '/tasks/batch/:operation', (req) => batch(ctx, req));

	apiRoute(server, 'POST', '/tasks/:taskId/setassignees', (req) => {
		const task = mustFind(ctx, 'tasks', req.params.taskId, 'task');
		if (req.bodyIsInvalidJson || !Array.isArray(req.body)) throw invalidModel('The request body must be a JSON array of user ids.');
		const ids = userIds(ctx, req.body, 'UserIds');
		const current = new Map((task.assignees as Rec[]).map((a) => [a.id, a]));
		task.assignees = ids.map((id) => current.get(id) ?? assignee(ctx.store.users.get(id)!));
		ctx.store.touch(task);
		ctx.emit('task_updated', ctx.registry.specs.tasks.render(task));
		return noContent();
	});
}
