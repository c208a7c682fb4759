/**
 * Custom fields: definitions (GET/POST /customfielddefinitions), linking to projects, and setting
 * values on projects and tasks (POST .../setcustomfields with CustomFieldPostForm items).
 */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { AworkError, validationFailed, type ValidationError } from '../errors';
import { buildCustomFieldDefinition, CUSTOM_FIELD_TYPES, linkedProjectIds, VALUE_PROPERTIES, VALUE_PROPERTY } from '../models/customFields';
import type { Rec } from '../store';
import { apiRoute, bodyArray, bodyObject, isGuid, mustFind, noContent, ok, queryParam, validateForm, type AworkContext } from './http';

function checkValue(ctx: AworkContext, definition: Rec, item: Record<string, unknown>, index: number): ValidationError[] {
	const errors: ValidationError[] = [];
	const expected = VALUE_PROPERTY[definition.type];
	const at = (property: string) => `[${index}].${property.charAt(0).toUpperCase()}${property.slice(1)}`;
	for (const property of VALUE_PROPERTIES) {
		if (property !== expected && item[property] !== undefined && item[property] !== null) {
			errors.push({
				property: at(property),
				message: `A '${definition.type}' custom field takes its value in '${expected}', not '${property}'.`,
			});
		}
	}
	const value = item[expected];
	if (value === undefined || value === null) return errors;
	const bad = (message: string) => errors.push({ property: at(expected), message });
	switch (expected) {
		case 'textValue':
			if (typeof value !== 'string') bad('The value must be a string.');
			else if (value.length > 750) bad('The text value must be 750 characters or fewer.');
			break;
		case 'numberValue':
			if (typeof value !== 'number' || !Number.isFinite(value)) bad('The value must be a number.');
			break;
		case 'dateValue':
			if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) bad('The value must be a date.');
			break;
		case 'booleanValue':
			if (typeof value !== 'boolean') bad('The value must be true or false.');
			break;
		case 'selectionOptionIdValue':
			if (!(definition.selectionOptions as Rec[]).some((o) => o.id === String(value).toLowerCase()))
				bad('The selection option does not exist.');
			break;
		case 'userIdValue':
			if (!ctx.store.get('users', value)) bad('The user does not exist.');
			break;
		case 'clientIdValue':
			if (!ctx.store.get('companies', value)) bad('The company does not exist.');
			break;
	}
	return errors;
}

/** Validates all items first, then writes (awork answers 400 without partial writes). */
function setCustomFields(ctx: AworkContext, target: Rec, entity: 'project' | 'task', items: Record<string, unknown>[]): void {
	const errors: ValidationError[] = [];
	const linked = new Set((ctx.store.customFieldLinks.get(target.projectId ?? target.id) ?? []).map((l) => l.customFieldDefinitionId));
	const checked = items.map((item, index) => {
		const definition = isGuid(item.customFieldDefinitionId)
			? ctx.store.get('customFieldDefinitions', item.customFieldDefinitionId)
			: undefined;
		if (!definition) {
			errors.push({ property: `[${index}].CustomFieldDefinitionId`, message: 'The custom field definition does not exist.' });
			return undefined;
		}
		if (definition.entity !== entity) {
			errors.push({
				property: `[${index}].CustomFieldDefinitionId`,
				message: `The custom field definition is for ${definition.entity}s, not ${entity}s.`,
			});
		} else if (entity === 'task' && !linked.has(definition.id)) {
			errors.push({
				property: `[${index}].CustomFieldDefinitionId`,
				message: 'The custom field definition is not linked to the project of this task.',
			});
		}
		errors.push(...checkValue(ctx, definition, item, index));
		return { definition, item };
	});
	if (errors.length) throw validationFailed(errors);
	const values = [...((target.customFields as Rec[]) ?? [])];
	for (const entry of checked) {
		if (!entry) continue;
		const { definition, item } = entry;
		const property = VALUE_PROPERTY[definition.type];
		const value = item[property] ?? null;
		const at = values.findIndex((v) => v.customFieldDefinitionId === definition.id);
		if (value === null) {
			if (at >= 0) values.splice(at, 1);
			continue;
		}
		const stored: Record<string, unknown> = { customFieldDefinitionId: definition.id };
		for (const p of VALUE_PROPERTIES) stored[p] = null;
		stored[property] = typeof value === 'string' && property.endsWith('IdValue') ? value.toLowerCase() : value;
		if (at >= 0) values[at] = stored as Rec;
		else values.push(stored as Rec);
	}
	target.customFields = values;
	ctx.store.touch(target);
}

export function registerCustomFieldRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { store, registry } = ctx;
	const spec = registry.specs.customFieldDefinitions;

	// Not paged in awork's API description: the whole list.
	apiRoute(server, 'GET', '/customfielddefinitions', (req) => {
		const withProjects = queryParam(req, 'includeLinkedProjectIds') === 'true';
		return ok(
			[...store.customFieldDefinitions.values()].map((rec) =>
				withProjects ? { ...spec.render(rec), linkedProjectIds: linkedProjectIds(store, rec.id) } : spec.render(rec),
			),
		);
	});

	apiRoute(server, 'POST', '/customfielddefinitions', (req) => {
		const body = bodyObject(req);
		const form = validateForm(body, {
			name: { kind: 'string', required: true, max: 255 },
			type: { kind: 'string', required: true, oneOf: CUSTOM_FIELD_TYPES },
			entity: { kind: 'string', required: true, oneOf: ['task', 'project'] },
			order: { kind: 'number' },
			selectionOptions: { kind: 'array' },
		});
		const options = (form.selectionOptions as Record<string, unknown>[] | undefined) ?? [];
		if (options.length && form.type !== 'select' && form.type !== 'coloredSelect') {
			throw validationFailed([{ property: 'SelectionOptions', message: `'SelectionOptions' can only be used with select custom fields.` }]);
		}
		for (const option of options) {
			validateForm(option ?? {}, { value: { kind: 'string', required: true, max: 255 }, order: { kind: 'number', required: true } });
		}
		if (form.entity === 'project' && (form.order === undefined || form.order === null)) {
			throw validationFailed([{ property: 'Order', message: `'Order' is required for project custom fields.` }]);
		}
		return ok(spec.render(store.insert('customFieldDefinitions', buildCustomFieldDefinition(store, form))));
	});

	apiRoute(server, 'POST', '/projects/:projectId/linkcustomfielddefinition', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const form = validateForm(bodyObject(req), {
			customFieldDefinitionId: { kind: 'guid', required: true },
			order: { kind: 'number', required: true },
		});
		const definition = store.get('customFieldDefinitions', form.customFieldDefinitionId);
		if (!definition)
			throw validationFailed([{ property: 'CustomFieldDefinitionId', message: 'The custom field definition does not exist.' }]);
		const links = store.customFieldLinks.get(project.id) ?? [];
		if (links.some((l) => l.customFieldDefinitionId === definition.id)) {
			throw new AworkError(400, 'already-exist-error', 'The custom field definition is already linked to this project.');
		}
		links.push({ customFieldDefinitionId: definition.id, order: form.order as number });
		store.customFieldLinks.set(project.id, links);
		store.changed();
		return noContent();
	});

	apiRoute(server, 'GET', '/projects/:projectId/customfielddefinitions', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		const links = store.customFieldLinks.get(project.id) ?? [];
		return ok(
			links
				.map((link) => {
					const rec = store.customFieldDefinitions.get(link.customFieldDefinitionId);
					return rec ? { ...spec.render(rec), order: link.order } : undefined;
				})
				.filter(Boolean),
		);
	});

	apiRoute(server, 'POST', '/projects/:projectId/setcustomfields', (req) => {
		const project = mustFind(ctx, 'projects', req.params.projectId, 'project');
		setCustomFields(ctx, project, 'project', bodyArray(req));
		ctx.emit('project_updated', registry.specs.projects.render(project));
		return noContent();
	});

	apiRoute(server, 'POST', '/tasks/:taskId/setcustomfields', (req) => {
		const task = mustFind(ctx, 'tasks', req.params.taskId, 'task');
		setCustomFields(ctx, task, 'task', bodyArray(req));
		ctx.emit('task_updated', registry.specs.tasks.render(task));
		return noContent();
	});
}
