/** Time entries: list/get/create/update/delete and the batch operations (setIsBilled, setIsBillable, ...). */
import { DateTime, IANAZone } from 'luxon';
import type { FakeHttpServer, FakeRequest } from '../../shared/fakeServer';
import { AworkError, notFound, validationFailed } from '../errors';
import { buildTimeEntry } from '../models/timeEntries';
import { listResponse } from '../query/listing';
import type { Rec } from '../store';
import {
	apiRoute,
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

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** TimeTrackingPutForm; TimeEntryPostForm additionally requires userId. */
const TIME_ENTRY_FORM: Record<string, FieldRule> = {
	isBillable: { kind: 'boolean' },
	isBilled: { kind: 'boolean' },
	taskId: { kind: 'guid' },
	projectId: { kind: 'guid' },
	note: { kind: 'string' },
	startDateUtc: { kind: 'date' },
	startTimeUtc: { kind: 'string' },
	endDateUtc: { kind: 'date' },
	endTimeUtc: { kind: 'string' },
	startDateLocal: { kind: 'date' },
	startTimeLocal: { kind: 'string' },
	endDateLocal: { kind: 'date' },
	endTimeLocal: { kind: 'string' },
	timezone: { kind: 'string', required: true },
	duration: { kind: 'integer' },
	typeOfWorkId: { kind: 'guid', required: true },
	userId: { kind: 'guid' },
};

/** A date plus an optional time of day, read in UTC or in the entry's time zone. */
function instant(date: unknown, time: unknown, zone: string, property: string): number | undefined {
	if (typeof date !== 'string') return undefined;
	const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(date);
	let dt = hasOffset ? DateTime.fromISO(date, { setZone: true }) : DateTime.fromISO(date, { zone });
	if (!dt.isValid) throw validationFailed([{ property, message: `'${property}' is not a valid date.` }]);
	if (typeof time === 'string') {
		const match = TIME.exec(time);
		if (!match) throw validationFailed([{ property: property.replace('Date', 'Time'), message: 'Times are written HH:mm or HH:mm:ss.' }]);
		dt = DateTime.fromObject(
			{ year: dt.year, month: dt.month, day: dt.day, hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3] ?? 0) },
			{ zone: hasOffset ? dt.zone : zone },
		);
	}
	return dt.toMillis();
}

/** Turns the UTC or the local field group into startDateUtc/endDateUtc/duration. */
function timesFromForm(form: Record<string, unknown>, zone: string) {
	const utc = ['startDateUtc', 'startTimeUtc', 'endDateUtc', 'endTimeUtc'].some((k) => form[k] != null);
	const local = ['startDateLocal', 'startTimeLocal', 'endDateLocal', 'endTimeLocal'].some((k) => form[k] != null);
	if (utc && local)
		throw validationFailed([{ property: 'StartDateUtc', message: 'Set either the UTC or the local date fields, not both.' }]);
	const suffix = local ? 'Local' : 'Utc';
	const readZone = local ? zone : 'UTC';
	const startProperty = `StartDate${suffix}`;
	const start = instant(form[`startDate${suffix}`], form[`startTime${suffix}`], readZone, startProperty);
	if (start === undefined) throw validationFailed([{ property: startProperty, message: `'${startProperty}' should not be empty.` }]);
	const endDate = form[`endDate${suffix}`] ?? (form[`endTime${suffix}`] != null ? form[`startDate${suffix}`] : undefined);
	let end = instant(endDate, form[`endTime${suffix}`], readZone, `EndDate${suffix}`);
	let duration = typeof form.duration === 'number' ? form.duration : undefined;
	if (end === undefined && duration === undefined) {
		throw validationFailed([{ property: 'Duration', message: `Either 'Duration' or the end date and time must be set.` }]);
	}
	if (end !== undefined && end < start) throw new AworkError(400, 'date-dependency', 'The end of the time entry is before its start.');
	if (duration === undefined) duration = Math.round((end! - start) / 1000);
	if (duration < 0) throw validationFailed([{ property: 'Duration', message: `'Duration' must not be negative.` }]);
	end ??= start + duration * 1000;
	return { startDateUtc: new Date(start).toISOString(), endDateUtc: new Date(end).toISOString(), duration };
}

function entryFromForm(ctx: AworkContext, form: Record<string, unknown>, current?: Rec): Record<string, unknown> {
	const zone = String(form.timezone);
	if (!IANAZone.isValidZone(zone)) throw validationFailed([{ property: 'Timezone', message: `'${zone}' is not an IANA time zone.` }]);
	references(ctx, [
		['TypeOfWorkId', 'typesOfWork', form.typeOfWorkId],
		['UserId', 'users', form.userId],
		['ProjectId', 'projects', form.projectId],
		['TaskId', 'tasks', form.taskId],
	]);
	const task = ctx.store.get('tasks', form.taskId);
	let projectId = (form.projectId as string | null | undefined) ?? null;
	if (task?.projectId) {
		if (projectId && projectId !== task.projectId)
			throw validationFailed([{ property: 'TaskId', message: 'The task belongs to another project.' }]);
		projectId = task.projectId;
	}
	const project = ctx.store.get('projects', projectId);
	return {
		...timesFromForm(form, zone),
		timezone: zone,
		typeOfWorkId: form.typeOfWorkId,
		userId: form.userId ?? current?.userId ?? null,
		projectId,
		taskId: task?.id ?? null,
		note: form.note ?? null,
		isBillable: typeof form.isBillable === 'boolean' ? form.isBillable : (current?.isBillable ?? project?.isBillableByDefault ?? false),
		isBilled: typeof form.isBilled === 'boolean' ? form.isBilled : (current?.isBilled ?? false),
	};
}

const BATCH_OPERATIONS = ['delete', 'settypeofwork', 'setisbillable', 'setisbilled', 'setproject', 'settask', 'setuser'];

function batch(ctx: AworkContext, req: FakeRequest) {
	const operation = req.params.operation.toLowerCase();
	if (!BATCH_OPERATIONS.includes(operation)) throw notFound(`batch operation '${req.params.operation}'`);
	const body = bodyObject(req);
	if (!Array.isArray(body.timeEntryIds))
		throw validationFailed([{ property: 'TimeEntryIds', message: `'TimeEntryIds' should not be empty.` }]);
	const ids = [...new Set((body.timeEntryIds as unknown[]).map((id) => String(id).toLowerCase()))];
	if (ids.length > ctx.config.maxBatchSize) {
		throw new AworkError(400, 'invalid-batch-operation', `A batch operation accepts at most ${ctx.config.maxBatchSize} time entries.`, {
			details: [`${ids.length} time entry ids were sent.`],
		});
	}
	const { store } = ctx;
	const need = (key: string, kind: FieldRule['kind'], collection?: 'typesOfWork' | 'projects' | 'tasks' | 'users') => {
		const value = validateForm(body, { [key]: { kind, required: true } })[key];
		if (collection && !store.get(collection, value))
			throw validationFailed([{ property: key.charAt(0).toUpperCase() + key.slice(1), message: 'It does not exist.' }]);
		return value;
	};
	let change: (entry: Rec) => boolean | 'bad';
	switch (operation) {
		case 'setisbilled': {
			const isBilled = need('isBilled', 'boolean') as boolean;
			// Only completed, billable time can be billed.
			change = (e) => (isBilled && (!e.isBillable || e.duration === null) ? 'bad' : ((e.isBilled = isBilled), true));
			break;
		}
		case 'setisbillable': {
			const isBillable = need('isBillable', 'boolean') as boolean;
			change = (e) => {
				e.isBillable = isBillable;
				if (!isBillable) e.isBilled = false;
				return true;
			};
			break;
		}
		case 'settypeofwork': {
			const id = need('newTypeOfWorkId', 'guid', 'typesOfWork');
			change = (e) => ((e.typeOfWorkId = id), true);
			break;
		}
		case 'setproject': {
			const id = need('newProjectId', 'guid', 'projects');
			change = (e) => ((e.projectId = id), (e.taskId = null), true);
			break;
		}
		case 'settask': {
			const task = store.get('tasks', need('newTaskId', 'guid', 'tasks'))!;
			change = (e) => ((e.taskId = task.id), (e.projectId = task.projectId ?? e.projectId), true);
			break;
		}
		case 'setuser': {
			const id = need('newUserId', 'guid', 'users');
			change = (e) => ((e.userId = id), true);
			break;
		}
		default:
			change = () => true;
	}
	const result = {
		ok: { ids: [] as string[] },
		notFound: { ids: [] as string[] },
		unauthorized: { ids: [] as string[] },
		badRequest: { ids: [] as string[] },
	};
	const accepted: Rec[] = [];
	for (const id of ids) {
		const entry = isGuid(id) ? store.timeEntries.get(id) : undefined;
		if (!isGuid(id)) result.badRequest.ids.push(id);
		else if (!entry) result.notFound.ids.push(id);
		else if (store.forbiddenIds.has(id)) result.unauthorized.ids.push(id);
		else accepted.push(entry);
	}
	// Try every change on a copy first, so requireAllTimeEntries can leave all entries untouched.
	const planned = accepted
		.map((entry) => ({ entry, copy: { ...entry } as Rec }))
		.filter(({ entry, copy }) => {
			if (change(copy) === 'bad') {
				result.badRequest.ids.push(entry.id);
				return false;
			}
			return true;
		});
	const failed = result.notFound.ids.length + result.unauthorized.ids.length + result.badRequest.ids.length;
	if (body.requireAllTimeEntries === true && failed > 0) return { status: 207, body: result };
	const event = operation === 'delete' ? 'timetracking_deleted' : 'timetracking_updated';
	// Rendering thousands of entries for an event nobody subscribed to would slow every bulk change.
	const announce = ctx.listens(event);
	for (const { entry, copy } of planned) {
		if (operation === 'delete') store.remove('timeEntries', entry.id);
		else {
			Object.assign(entry, copy);
			store.touch(entry);
		}
		result.ok.ids.push(entry.id);
		if (announce) ctx.emit(event, ctx.registry.specs.timeEntries.render(entry));
	}
	return { status: 207, body: result };
}

export function registerTimeEntryRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { store, registry } = ctx;
	const spec = registry.specs.timeEntries;

	apiRoute(server, 'GET', '/timeentries', (req) => listResponse(registry, spec, req, ctx.config));
	apiRoute(server, 'POST', '/timeentries/batch/:operation', (req) => batch(ctx, req));

	apiRoute(server, 'POST', '/timeentries', (req) => {
		const form = validateForm(bodyObject(req), { ...TIME_ENTRY_FORM, userId: { kind: 'guid', required: true } });
		const entry = store.insert('timeEntries', buildTimeEntry(store, entryFromForm(ctx, form)));
		const view = spec.render(entry);
		ctx.emit('timetracking_added', view);
		return ok(view);
	});

	apiRoute(server, 'GET', '/timeentries/:timeEntryId', (req) =>
		ok(spec.render(mustFind(ctx, 'timeEntries', req.params.timeEntryId, 'time entry'))),
	);

	apiRoute(server, 'PUT', '/timeentries/:timeEntryId', (req) => {
		const entry = mustFind(ctx, 'timeEntries', req.params.timeEntryId, 'time entry');
		const form = putFields(ctx, TIME_ENTRY_FORM, validateForm(bodyObject(req), TIME_ENTRY_FORM));
		Object.assign(entry, entryFromForm(ctx, form, entry));
		store.touch(entry);
		const view = spec.render(entry);
		ctx.emit('timetracking_updated', view);
		return ok(view);
	});

	apiRoute(server, 'DELETE', '/timeentries/:timeEntryId', (req) => {
		const entry = mustFind(ctx, 'timeEntries', req.params.timeEntryId, 'time entry');
		store.remove('timeEntries', entry.id);
		ctx.emit('timetracking_deleted', { ...spec.render(entry), deletedOn: new Date().toISOString(), deletedBy: store.meUserId });
		return noContent();
	});

	apiRoute(server, 'GET', '/projects/:projectId/timeentries', (req) => {
		const projectId = req.params.projectId.toLowerCase();
		return listResponse(registry, spec, req, ctx.config, { scope: `project:${projectId}`, where: (rec) => rec.projectId === projectId });
	});

	apiRoute(server, 'GET', '/tasks/:taskId/timeentries', (req) => {
		const taskId = req.params.taskId.toLowerCase();
		return listResponse(registry, spec, req, ctx.config, { scope: `task:${taskId}`, where: (rec) => rec.taskId === taskId });
	});
}
