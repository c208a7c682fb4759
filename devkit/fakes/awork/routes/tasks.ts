/** Tasks: create, get, update, project task lists (of one project, and all the user sees), status changes, comments and tags. */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { AworkError, validationFailed, type ValidationError } from '../errors';
import { buildComment, buildTask } from '../models/tasks';
import { listResponse } from '../query/listing';
import { isoNow, newId, type Rec } from '../store';
import {
	apiRoute,
	bodyArray,
	bodyObject,
	isGuid,
	mustFind,
	noContent,
	ok,
	putFields,
	references,
	validateForm,
	type AworkContext,
	type FieldRule,
} from './http';

/** GeneralTaskForm: what PUT /tasks/{id} accepts. */
const TASK_PUT_FORM: Record<string, FieldRule> = {
	name: { kind: 'string', required: true, max: 1000 },
	description: { kind: 'string', max: 25000 },
	isPrio: { kind: 'boolean' },
	startOn: { kind: 'date' },
	dueOn: { kind: 'date' },
	laneOrder: { kind: 'integer' },
	plannedDuration: { kind: 'integer' },
};

/** GeneralTaskPostForm: what POST /tasks accepts. */
const TASK_POST_FORM: Record<string, FieldRule> = {
	...TASK_PUT_FORM,
	baseType: { kind: 'string', required: true, oneOf: ['private', 'projecttask'] },
	typeOfWorkId: { kind: 'guid' },
	taskStatusId: { kind: 'guid' },
	order: { kind: 'number' },
	subtaskOrder: { kind: 'number' },
	entityId: { kind: 'guid' },
	parentId: { kind: 'guid' },
	lists: { kind: 'array' },
};

function setStatus(ctx: AworkContext, task: Rec, status: Rec): void {
	task.taskStatusId = status.id;
	const done = status.type === 'done';
	task.closedOn = done ? (task.closedOn ?? isoNow()) : null;
	task.closedBy = done ? (task.closedBy ?? ctx.store.meUserId) : null;
	ctx.store.touch(task);
}

export function registerTaskRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { store, registry } = ctx;
	const spec = registry.specs.tasks;

	apiRoute(server, 'POST', '/tasks', (req) => {
		const form = validateForm(bodyObject(req), TASK_POST_FORM);
		const errors: ValidationError[] = [];
		const projectTask = form.baseType === 'projecttask';
		const project = projectTask ? store.get('projects', form.entityId) : undefined;
		if (projectTask && !form.entityId)
			errors.push({ property: 'EntityId', message: `'EntityId' must be the project id for project tasks.` });
		else if (projectTask && !project)
			errors.push({ property: 'EntityId', message: `The project '${String(form.entityId)}' does not exist.` });
		const statuses = [...store.taskStatuses.values()].filter((s) => s.projectId === (project?.id ?? null));
		if (form.taskStatusId && !statuses.some((s) => s.id === form.taskStatusId)) {
			errors.push({ property: 'TaskStatusId', message: 'The task status does not belong to the project of the task.' });
		}
		const lists = (form.lists as unknown[] | undefined) ?? [];
		lists.forEach((entry, i) => {
			const id = (entry as Record<string, unknown> | null)?.id;
			const list = isGuid(id) ? store.get('taskLists', id) : undefined;
			if (!list || list.projectId !== project?.id)
				errors.push({ property: `Lists[${i}].Id`, message: 'The task list does not exist in the project of the task.' });
		});
		const parent = form.parentId ? store.get('tasks', form.parentId) : undefined;
		if (form.parentId && (!parent || parent.projectId !== (project?.id ?? null))) {
			errors.push({ property: 'ParentId', message: 'The parent task must exist in the same project.' });
		}
		if (errors.length) throw validationFailed(errors);
		references(ctx, [['TypeOfWorkId', 'typesOfWork', form.typeOfWorkId]]);
		const fields: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(form)) if (value !== null) fields[key] = value;
		fields.taskStatusId ??= (statuses.find((s) => s.type === 'todo') ?? statuses[0])?.id ?? null;
		fields.typeOfWorkId ??= store.typesOfWork.keys().next().value ?? null;
		fields.lists = lists.map((entry, i) => {
			const e = entry as Record<string, unknown>;
			return { id: String(e.id).toLowerCase(), order: typeof e.order === 'number' ? e.order : i };
		});
		if (projectTask) fields.projectId = project!.id;
		else fields.userId = fields.entityId ?? store.meUserId;
		const task = store.insert('tasks', buildTask(store, fields));
		const status = store.taskStatuses.get(task.taskStatusId);
		if (status?.type === 'done') setStatus(ctx, task, status);
		const view = spec.render(task);
		ctx.emit('task_added', view);
		return ok(view);
	});

	apiRoute(server, 'POST', '/tasks/changestatuses', (req) => {
		const items = bodyArray(req).map((item) =>
			validateForm(item, {
				taskId: { kind: 'guid', required: true },
				statusId: { kind: 'guid', required: true },
				order: { kind: 'number' },
			}),
		);
		const result = {
			ok: { ids: [] as string[] },
			notFound: { ids: [] as string[] },
			unauthorized: { ids: [] as string[] },
			badRequest: { ids: [] as string[] },
		};
		for (const item of items) {
			const taskId = item.taskId as string;
			const task = store.get('tasks', taskId);
			const status = store.get('taskStatuses', item.statusId);
			if (!task) result.notFound.ids.push(taskId);
			else if (store.forbiddenIds.has(task.id)) result.unauthorized.ids.push(taskId);
			else if (!status || status.projectId !== task.projectId) result.badRequest.ids.push(taskId);
			else {
				const old = task.taskStatusId;
				setStatus(ctx, task, status);
				if (typeof item.order === 'number') task.order = item.order;
				result.ok.ids.push(task.id);
				ctx.emit('task_status_changed', spec.render(task), [{ property: 'TaskStatusId', old, new: status.id }]);
			}
		}
		if (result.ok.ids.length === items.length) return noContent();
		return { status: 207, body: result };
	});

	apiRoute(server, 'GET', '/tasks/:taskId', (req) => ok(spec.render(mustFind(ctx, 'tasks', req.params.taskId, 'task'))));

	apiRoute(server, 'PUT', '/tasks/:taskId', (req) => {
		const task = mustFind(ctx, 'tasks', req.params.taskId, 'task');
		const form = validateForm(bodyObject(req), TASK_PUT_FORM);
		const full = putFields(ctx, TASK_PUT_FORM, form, { isPrio: false, laneOrder: 0, plannedDuration: 0 });
		const before = { ...task };
		Object.assign(task, full);
		store.touch(task);
		const view = spec.render(task);
		const changes = Object.keys(full)
			.filter((key) => before[key] !== task[key])
			.map((key) => ({ property: key.charAt(0).toUpperCase() + key.slice(1), old: before[key], new: task[key] }));
		ctx.emit('task_updated', view, changes);
		return ok(view);
	});

	apiRoute(server, 'GET', '/projects/:projectId/projecttasks', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		return listResponse(registry, spec, req, ctx.config, { scope: `project:${project.id}`, where: (rec) => rec.projectId === project.id });
	});

	// Every project task the user can see; the fake has no task permissions, so that is all of them.
	apiRoute(server, 'GET', '/me/projecttasks', (req) =>
		listResponse(registry, spec, req, ctx.config, { scope: 'me:projecttasks', where: (rec) => rec.baseType === 'projecttask' }),
	);

	apiRoute(server, 'GET', '/tasks/:taskId/comments', (req) => {
		const taskId = req.params.taskId.toLowerCase();
		return listResponse(registry, registry.specs.comments, req, ctx.config, {
			scope: `task:${taskId}`,
			where: (rec) => rec.entityId === taskId,
		});
	});

	apiRoute(server, 'POST', '/tasks/:taskId/comments', (req) => {
		const task = mustFind(ctx, 'tasks', req.params.taskId, 'task');
		const form = validateForm(bodyObject(req), {
			message: { kind: 'string', required: true, max: 65000 },
			userId: { kind: 'guid' },
			previews: { kind: 'array' },
			isHiddenForConnectUsers: { kind: 'boolean' },
			inReplyToCommentId: { kind: 'guid' },
		});
		references(ctx, [['UserId', 'users', form.userId]]);
		const fields: Record<string, unknown> = { entityId: task.id, entityType: 'tasks' };
		for (const [key, value] of Object.entries(form)) if (value !== null) fields[key] = value;
		const comment = store.insert('comments', buildComment(store, fields));
		const view = registry.specs.comments.render(comment);
		ctx.emit('task_comment_added', view);
		return ok(view);
	});

	apiRoute(server, 'GET', '/tasks/:taskId/tags', (req) => {
		const task = mustFind(ctx, 'tasks', req.params.taskId, 'task');
		return ok([...(task.tags as Rec[])].sort((a, b) => String(a.name).localeCompare(String(b.name))));
	});

	apiRoute(server, 'POST', '/tasks/:taskId/addtags', (req) => {
		const task = mustFind(ctx, 'tasks', req.params.taskId, 'task');
		const forms = bodyArray(req).map((item) =>
			validateForm(item, { name: { kind: 'string', required: true, max: 255 }, color: { kind: 'string' } }),
		);
		const tags = task.tags as Rec[];
		const names = new Set(tags.map((t) => String(t.name).toLowerCase()));
		for (const form of forms) {
			const name = String(form.name).toLowerCase();
			if (names.has(name)) throw new AworkError(400, 'already-exist-error', `The tag '${String(form.name)}' is already on the task.`);
			names.add(name);
		}
		const added = forms.map((form) => {
			const now = isoNow();
			return {
				id: newId(),
				createdOn: now,
				createdBy: store.meUserId,
				updatedOn: now,
				updatedBy: store.meUserId,
				name: form.name,
				color: form.color ?? null,
			};
		});
		task.tags = [...tags, ...added.map(({ id, name, color }) => ({ id, name, color }))];
		store.touch(task);
		return ok(added);
	});
}
