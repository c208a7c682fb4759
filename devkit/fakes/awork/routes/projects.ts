/** Projects: list, create (optionally from a template), get, get by key, update, change status. */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { AworkError, notFound, validationFailed } from '../errors';
import { buildProject, PROJECT_KEY } from '../models/projects';
import { listResponse } from '../query/listing';
import { isoNow } from '../store';
import { createProjectContent } from './projectTemplates';
import {
	apiRoute,
	bodyObject,
	mustFind,
	noContent,
	ok,
	putFields,
	references,
	validateForm,
	type AworkContext,
	type FieldRule,
} from './http';

/** ProjectPutForm: what PUT /projects/{id} accepts. */
const PROJECT_PUT_FORM: Record<string, FieldRule> = {
	name: { kind: 'string', required: true, max: 1000 },
	isPrivate: { kind: 'boolean' },
	description: { kind: 'string', max: 25000 },
	startDate: { kind: 'date' },
	dueDate: { kind: 'date' },
	companyId: { kind: 'guid' },
	timeBudget: { kind: 'integer' },
	isBillableByDefault: { kind: 'boolean' },
	projectTypeId: { kind: 'guid' },
	color: { kind: 'string', max: 14 },
	deductNonBillableHours: { kind: 'boolean' },
	isProjectKeyVisible: { kind: 'boolean' },
};

/** ExtendedProjectForm: what POST /projects accepts. */
const PROJECT_CREATE_FORM: Record<string, FieldRule> = {
	...PROJECT_PUT_FORM,
	projectKey: { kind: 'string', max: 32 },
	projectStatusId: { kind: 'guid' },
	projectTemplateId: { kind: 'guid' },
	publicProjectTemplateId: { kind: 'guid' },
	workflowId: { kind: 'guid' },
	referenceDateType: { kind: 'string', oneOf: ['today', 'start', 'end', 'custom'] },
	referenceDateAnchor: { kind: 'string', oneOf: ['starts_on_reference_date', 'ends_on_reference_date'] },
	customReferenceDate: { kind: 'date' },
};

function checkDates(form: Record<string, unknown>): void {
	if (typeof form.startDate === 'string' && typeof form.dueDate === 'string' && Date.parse(form.dueDate) < Date.parse(form.startDate)) {
		throw new AworkError(400, 'date-dependency', 'The due date of the project must not be before its start date.');
	}
}

function checkProjectKey(ctx: AworkContext, key: string, ownId?: string): string {
	const normalized = key.trim().toUpperCase();
	if (!PROJECT_KEY.test(normalized)) {
		throw validationFailed([
			{ property: 'ProjectKey', message: `'ProjectKey' must contain 1-32 letters, numbers, dashes or underscores.` },
		]);
	}
	for (const project of ctx.store.projects.values()) {
		if (project.projectKey === normalized && project.id !== ownId) {
			throw new AworkError(400, ctx.config.duplicateProjectKeyCode, 'A property that requires a unique value detected a duplication.', {
				validationErrors: [{ property: 'ProjectKey', message: `The project key '${normalized}' is already in use.` }],
			});
		}
	}
	return normalized;
}

export function registerProjectRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const spec = ctx.registry.specs.projects;
	const { store } = ctx;

	apiRoute(server, 'GET', '/projects', (req) => listResponse(ctx.registry, spec, req, ctx.config));

	apiRoute(server, 'POST', '/projects', (req) => {
		const form = validateForm(bodyObject(req), PROJECT_CREATE_FORM);
		if (form.projectTemplateId && form.workflowId) {
			throw validationFailed([{ property: 'WorkflowId', message: `'WorkflowId' cannot be set together with 'ProjectTemplateId'.` }]);
		}
		references(ctx, [
			['CompanyId', 'companies', form.companyId],
			['ProjectTypeId', 'projectTypes', form.projectTypeId],
			['ProjectStatusId', 'projectStatuses', form.projectStatusId],
			['ProjectTemplateId', 'projectTemplates', form.projectTemplateId],
		]);
		checkDates(form);
		if (typeof form.projectKey === 'string') form.projectKey = checkProjectKey(ctx, form.projectKey);
		const template = store.get('projectTemplates', form.projectTemplateId);
		const { referenceDateType, referenceDateAnchor, customReferenceDate, ...fields } = form;
		if (template) {
			fields.projectTypeId ??= template.projectTypeId;
			fields.timeBudget ??= template.timeBudget || null;
			if (fields.isBillableByDefault === undefined && template.isBillableByDefault !== 'auto') {
				fields.isBillableByDefault = template.isBillableByDefault === 'on';
			}
			if (template.description) fields.description = [fields.description, template.description].filter(Boolean).join('\n');
			fields.createdByProjectTemplateId = template.id;
		}
		for (const key of Object.keys(fields)) if (fields[key] === null) delete fields[key];
		const project = store.insert('projects', buildProject(store, fields));
		createProjectContent(ctx, project, template);
		const view = spec.render(project);
		ctx.emit('project_added', view);
		return ok(view);
	});

	apiRoute(server, 'GET', '/projects/key/:projectKey', (req) => {
		const key = req.params.projectKey.toUpperCase();
		for (const project of store.projects.values()) if (project.projectKey === key) return ok(spec.render(project));
		throw notFound('project');
	});

	apiRoute(server, 'GET', '/projects/:projectId', (req) => ok(spec.render(mustFind(ctx, 'projects', req.params.projectId, 'project'))));

	apiRoute(server, 'PUT', '/projects/:projectId', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const form = validateForm(bodyObject(req), PROJECT_PUT_FORM);
		references(ctx, [
			['CompanyId', 'companies', form.companyId],
			['ProjectTypeId', 'projectTypes', form.projectTypeId],
		]);
		checkDates(form);
		const before = { ...project };
		Object.assign(project, putFields(ctx, PROJECT_PUT_FORM, form, { isPrivate: false, deductNonBillableHours: false }));
		store.touch(project);
		const view = spec.render(project);
		const changes = Object.keys(PROJECT_PUT_FORM)
			.filter((key) => before[key] !== project[key])
			.map((key) => ({ property: key.charAt(0).toUpperCase() + key.slice(1), old: before[key], new: project[key] }));
		ctx.emit('project_updated', view, changes);
		return ok(view);
	});

	apiRoute(server, 'POST', '/projects/:projectId/changestatus', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const form = validateForm(bodyObject(req), { projectStatusId: { kind: 'guid', required: true } });
		const status = store.get('projectStatuses', form.projectStatusId);
		if (!status)
			throw validationFailed([
				{ property: 'ProjectStatusId', message: `The project status '${String(form.projectStatusId)}' does not exist.` },
			]);
		if (project.projectStatusId === status.id) return noContent();
		const old = project.projectStatusId;
		project.projectStatusId = status.id;
		project.closedOn = status.type === 'closed' ? isoNow() : null;
		project.closedBy = status.type === 'closed' ? store.meUserId : null;
		store.touch(project);
		ctx.emit('project_status_changed', spec.render(project), [{ property: 'ProjectStatusId', old, new: status.id }]);
		return noContent();
	});
}
