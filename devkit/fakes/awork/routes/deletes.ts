/**
 * The delete endpoints awork has as POSTs: /projects/{id}/delete, /companies/{id}/delete and
 * /projects/{id}/tasklists/{id}/delete. Each answers 204, or 404 when the thing is unknown; the
 * body is optional (its fields as the OpenAPI's delete forms define them).
 */
import type { FakeHttpServer, FakeRequest } from '../../shared/fakeServer';
import { notFound, validationFailed } from '../errors';
import { apiRoute, bodyObject, mustFind, noContent, validateForm, type AworkContext } from './http';
import { removeProject, removeTasks } from './removals';

/** The form of a delete: awork treats a missing body as all defaults. */
function optionalBody(req: FakeRequest): Record<string, unknown> {
	return req.body === undefined && !req.bodyIsInvalidJson ? {} : bodyObject(req);
}

const COMPANY_DELETE_OPERATIONS = ['move', 'delete-only-company', 'delete-all-without-timeentries', 'delete-all'];

export function registerDeleteRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { store } = ctx;

	apiRoute(server, 'POST', '/projects/:projectId/delete', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const form = validateForm(optionalBody(req), { deleteTimeTrackings: { kind: 'boolean' } });
		const view = ctx.registry.specs.projects.render(project);
		removeProject(ctx, project.id, form.deleteTimeTrackings === true);
		ctx.emit('project_deleted', view);
		return noContent();
	});

	apiRoute(server, 'POST', '/companies/:companyId/delete', (req) => {
		const company = mustFind(ctx, 'companies', req.params.companyId, 'company');
		const form = validateForm(optionalBody(req), {
			moveToCompany: { kind: 'guid' },
			deleteOperation: { kind: 'string', oneOf: COMPANY_DELETE_OPERATIONS },
		});
		const operation = (form.deleteOperation as string | null | undefined) ?? 'delete-only-company';
		const projects = [...store.projects.values()].filter((project) => project.companyId === company.id);
		if (operation === 'move') {
			const target = store.get('companies', form.moveToCompany);
			if (!target || target.id === company.id) {
				throw validationFailed([{ property: 'MoveToCompany', message: 'Moving needs another existing company.' }]);
			}
			for (const project of projects) {
				project.companyId = target.id;
				store.touch(project);
			}
		} else if (operation === 'delete-only-company') {
			for (const project of projects) {
				project.companyId = null;
				store.touch(project);
			}
		} else {
			for (const project of projects) removeProject(ctx, project.id, operation === 'delete-all');
		}
		const view = ctx.registry.specs.companies.render(company);
		store.remove('companies', company.id);
		ctx.emit('company_deleted', view);
		return noContent();
	});

	apiRoute(server, 'POST', '/projects/:projectId/tasklists/:taskListId/delete', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const list = mustFind(ctx, 'taskLists', req.params.taskListId, 'task list');
		if (list.projectId !== project.id) throw notFound('task list');
		const form = validateForm(optionalBody(req), { deleteTasks: { kind: 'boolean' }, deleteTimes: { kind: 'boolean' } });
		const inList = [...store.tasks.values()].filter((task) => ((task.lists as Array<{ id: string }>) ?? []).some((entry) => entry.id === list.id));
		if (form.deleteTasks === true) removeTasks(ctx, inList.map((task) => task.id), form.deleteTimes === true);
		else {
			for (const task of inList) {
				task.lists = (task.lists as Array<{ id: string }>).filter((entry) => entry.id !== list.id);
				store.touch(task);
			}
		}
		const view = ctx.registry.specs.taskLists.render(list);
		store.remove('taskLists', list.id);
		ctx.emit('tasklist_deleted', view);
		return noContent();
	});
}
