/** What every awork route file needs: the context, the /api/v1 prefix, body and query readers. */
import type { FakeHandler, FakeHttpServer, FakeRequest, FakeResponse } from '../../shared/fakeServer';
import type { AworkFakeConfig } from '../config';
import { AworkError, invalidModel, notFound, pascal, validationFailed, type ValidationError } from '../errors';
import { queryParam } from '../query/listing';
import type { SpecRegistry } from '../query/paths';
import type { AworkStore, CollectionName, Rec } from '../store';

export const API_PREFIX = '/api/v1';

export interface AworkContext {
	store: AworkStore;
	registry: SpecRegistry;
	config: AworkFakeConfig;
	/** Sends an event to subscribed webhooks when config.autoWebhooks is on (fire and forget). */
	emit: (eventType: string, entity: Record<string, unknown>, changes?: unknown[]) => void;
	/** Whether emit would deliver this event anywhere, so bulk changes render entities only for a listener. */
	listens: (eventType: string) => boolean;
}

/** Registers an /api/v1 route whose AworkErrors become awork error answers. */
export function apiRoute(server: FakeHttpServer, method: string, path: string, handler: FakeHandler): void {
	server.route(method, API_PREFIX + path, async (req) => {
		try {
			return await handler(req);
		} catch (error) {
			if (error instanceof AworkError) return error.toResponse();
			throw error;
		}
	});
}

export const ok = (body: unknown): FakeResponse => ({ status: 200, body });
export const noContent = (): FakeResponse => ({ status: 204 });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (value: unknown): value is string => typeof value === 'string' && GUID.test(value);

export function bodyObject(req: FakeRequest): Record<string, unknown> {
	if (req.bodyIsInvalidJson) throw invalidModel('The request body is not valid JSON.');
	if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw invalidModel('The request body must be a JSON object.');
	return req.body as Record<string, unknown>;
}

export function bodyArray(req: FakeRequest): Record<string, unknown>[] {
	if (req.bodyIsInvalidJson) throw invalidModel('The request body is not valid JSON.');
	if (!Array.isArray(req.body)) throw invalidModel('The request body must be a JSON array.');
	if (req.body.some((item) => !item || typeof item !== 'object')) throw invalidModel('Every item of the request body must be an object.');
	return req.body as Record<string, unknown>[];
}

/** Loads a record named by a path parameter, or throws awork's 404. */
export function mustFind(ctx: AworkContext, collection: CollectionName, id: string, what: string): Rec {
	const rec = isGuid(id) ? ctx.store.get(collection, id) : undefined;
	if (!rec) throw notFound(what);
	return rec;
}

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'guid' | 'date' | 'array';

export interface FieldRule {
	kind: Kind;
	required?: boolean;
	max?: number;
	oneOf?: string[];
}

function typeError(key: string, kind: Kind): ValidationError {
	return { property: pascal(key), message: `The value of '${pascal(key)}' is not a valid ${kind}.` };
}

function checkKind(key: string, value: unknown, rule: FieldRule): ValidationError | undefined {
	switch (rule.kind) {
		case 'string':
			if (typeof value !== 'string') return typeError(key, rule.kind);
			if (rule.max !== undefined && value.length > rule.max) {
				return { property: pascal(key), message: `The length of '${pascal(key)}' must be ${rule.max} characters or fewer.` };
			}
			if (rule.oneOf && !rule.oneOf.includes(value)) {
				return { property: pascal(key), message: `'${pascal(key)}' must be one of: ${rule.oneOf.join(', ')}.` };
			}
			return undefined;
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? undefined : typeError(key, rule.kind);
		case 'integer':
			return Number.isInteger(value) ? undefined : typeError(key, rule.kind);
		case 'boolean':
			return typeof value === 'boolean' ? undefined : typeError(key, rule.kind);
		case 'guid':
			return isGuid(value) ? undefined : typeError(key, rule.kind);
		case 'date':
			return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : typeError(key, rule.kind);
		case 'array':
			return Array.isArray(value) ? undefined : typeError(key, rule.kind);
	}
}

/**
 * Checks a form like awork's model validation: required fields present and non-empty, types right.
 * Returns the known fields (unknown ones are dropped, as model binding does); throws 400 validation-failed.
 */
export function validateForm(body: Record<string, unknown>, rules: Record<string, FieldRule>): Record<string, unknown> {
	const errors: ValidationError[] = [];
	const form: Record<string, unknown> = {};
	for (const [key, rule] of Object.entries(rules)) {
		const value = body[key];
		if (value === undefined || value === null || (rule.required && value === '')) {
			if (rule.required) errors.push({ property: pascal(key), message: `'${pascal(key)}' should not be empty.` });
			else if (value === null) form[key] = null;
			continue;
		}
		const error = checkKind(key, value, rule);
		if (error) errors.push(error);
		else form[key] = typeof value === 'string' && rule.kind === 'guid' ? value.toLowerCase() : value;
	}
	if (errors.length) throw validationFailed(errors);
	return form;
}

/** PUT: with 'replace' semantics every form field the body leaves out becomes null (awork's model binding). */
export function putFields(
	ctx: AworkContext,
	rules: Record<string, FieldRule>,
	form: Record<string, unknown>,
	defaults: Record<string, unknown> = {},
) {
	if (ctx.config.putSemantics === 'merge') return form;
	const full: Record<string, unknown> = {};
	for (const key of Object.keys(rules)) full[key] = key in form ? form[key] : key in defaults ? defaults[key] : null;
	return full;
}

export function references(ctx: AworkContext, checks: [string, CollectionName, unknown][]): void {
	const errors: ValidationError[] = [];
	for (const [property, collection, id] of checks) {
		if (id === null || id === undefined) continue;
		if (!ctx.store.get(collection, id)) errors.push({ property, message: `The ${property} '${String(id)}' does not exist.` });
	}
	if (errors.length) throw validationFailed(errors);
}

export { AworkError, queryParam };
