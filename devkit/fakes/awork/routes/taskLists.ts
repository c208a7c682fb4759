/** Per-project structure: task lists, task statuses and milestones. */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { notFound } from '../errors';
import { buildTaskList } from '../models/tasks';
import { listResponse } from '../query/listing';
import { apiRoute, bodyObject, mustFind, ok, queryParam, validateForm, type AworkContext } from './http';

export function registerTaskListRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { store, registry } = ctx;

	apiRoute(server, 'GET', '/projects/:projectId/tasklists', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const showArchived = queryParam(req, 'showArchived') === 'true';
		return listResponse(registry, registry.specs.taskLists, req, ctx.config, {
			scope: `project:${project.id}:${showArchived}`,
			where: (rec) => rec.projectId === project.id && (showArchived || !rec.isArchived),
			defaultOrder: 'order',
		});
	});

	apiRoute(server, 'POST', '/projects/:projectId/tasklists', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const form = validateForm(bodyObject(req), {
			name: { kind: 'string', required: true, max: 1000 },
			isHiddenForConnectUsers: { kind: 'boolean' },
			order: { kind: 'number' },
		});
		if (form.order === undefined || form.order === null) {
			const orders = [...store.taskLists.values()].filter((l) => l.projectId === project.id).map((l) => l.order ?? 0);
			form.order = orders.length ? Math.max(...orders) + 1 : 0;
		}
		if (form.isHiddenForConnectUsers === null) delete form.isHiddenForConnectUsers;
		const list = store.insert('taskLists', buildTaskList(store, { ...form, projectId: project.id }));
		const view = registry.specs.taskLists.render(list);
		ctx.emit('tasklist_added', view);
		return ok(view);
	});

	apiRoute(server, 'GET', '/projects/:projectId/tasklists/:taskListId', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const list = mustFind(ctx, 'taskLists', req.params.taskListId, 'task list');
		if (list.projectId !== project.id) throw notFound('task list');
		return ok(registry.specs.taskLists.render(list));
	});

	apiRoute(server, 'GET', '/projects/:projectId/taskstatuses', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		return listResponse(registry, registry.specs.taskStatuses, req, ctx.config, {
			scope: `project:${project.id}`,
			where: (rec) => rec.projectId === project.id,
			defaultOrder: 'order',
		});
	});

	// Not paged in awork's API description: the whole list.
	apiRoute(server, 'GET', '/projects/:projectId/milestones', (req) => {
		const projectId = req.params.projectId.toLowerCase();
		return ok([...store.milestones.values()].filter((m) => m.projectId === projectId).map(registry.specs.milestones.render));
	});

	// Every milestone of the workspace, paged, with filterby and orderby (as the OpenAPI describes it).
	apiRoute(server, 'GET', '/projectmilestones', (req) =>
		listResponse(registry, registry.specs.milestones, req, ctx.config, { scope: 'workspace', defaultOrder: 'dueDate' }),
	);
}
