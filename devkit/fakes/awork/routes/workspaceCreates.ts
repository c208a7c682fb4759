/**
 * Creating workspace settings: POST /typeofwork, and the statuses of one project: GET/POST
 * /projects/{id}/projectstatuses, POST /projects/{id}/taskstatuses.
 */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { buildTaskStatus } from '../models/tasks';
import { buildProjectStatus, buildTypeOfWork, PROJECT_STATUS_TYPES, TASK_STATUS_TYPES } from '../models/workspaceSettings';
import { listResponse } from '../query/listing';
import type { Rec } from '../store';
import { apiRoute, bodyObject, mustFind, ok, validateForm, type AworkContext } from './http';

/** After the last of these (awork appends a status without an order). */
const nextOrder = (statuses: Rec[]) => statuses.reduce((max, status) => Math.max(max, Number(status.order ?? 0) + 1), 0);

export function registerWorkspaceCreateRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { store, registry } = ctx;

	apiRoute(server, 'POST', '/typeofwork', (req) => {
		const form = validateForm(bodyObject(req), {
			name: { kind: 'string', required: true },
			description: { kind: 'string' },
			icon: { kind: 'string' },
		});
		const typeOfWork = store.insert('typesOfWork', buildTypeOfWork(store, { ...form, description: form.description ?? null, icon: form.icon ?? null }));
		return ok(registry.specs.typesOfWork.render(typeOfWork));
	});

	/** A project's statuses: its workflow's when it has one, else the workspace's plus its own. */
	const projectStatusesOf = (project: Rec) => (status: Rec) =>
		project.workflowId
			? status.workflowId === project.workflowId
			: status.projectId === project.id || (!status.projectId && !status.projectTemplateId && !status.workflowId);

	apiRoute(server, 'GET', '/projects/:projectId/projectstatuses', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		return listResponse(registry, registry.specs.projectStatuses, req, ctx.config, {
			scope: `project:${project.id}`,
			where: projectStatusesOf(project),
			defaultOrder: 'order',
		});
	});

	apiRoute(server, 'POST', '/projects/:projectId/projectstatuses', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const form = validateForm(bodyObject(req), {
			name: { kind: 'string', required: true, max: 255 },
			type: { kind: 'string', required: true, max: 25, oneOf: PROJECT_STATUS_TYPES },
		});
		const order = nextOrder([...store.projectStatuses.values()].filter(projectStatusesOf(project)));
		const status = store.insert('projectStatuses', buildProjectStatus(store, { ...form, order, projectId: project.id }));
		return ok(registry.specs.projectStatuses.render(status));
	});

	apiRoute(server, 'POST', '/projects/:projectId/taskstatuses', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const form = validateForm(bodyObject(req), {
			name: { kind: 'string', required: true, max: 30 },
			type: { kind: 'string', required: true, oneOf: TASK_STATUS_TYPES },
			order: { kind: 'number' },
			icon: { kind: 'string' },
		});
		const order = form.order ?? nextOrder([...store.taskStatuses.values()].filter((status) => status.projectId === project.id));
		const status = store.insert('taskStatuses', buildTaskStatus(store, { ...form, order, icon: form.icon ?? null, projectId: project.id }));
		return ok(registry.specs.taskStatuses.render(status));
	});
}
