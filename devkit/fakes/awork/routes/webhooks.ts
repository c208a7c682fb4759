/** GET/POST /webhooks, GET/PUT/DELETE /webhooks/{webhookId}, GET /webhooks/eventtypes. */
import type { FakeHttpServer } from '../../shared/fakeServer';
import { validationFailed, type ValidationError } from '../errors';
import { buildWebhook, WEBHOOK_EVENT_TYPES } from '../models/webhooks';
import { listResponse } from '../query/listing';
import { apiRoute, bodyObject, mustFind, noContent, ok, validateForm, type AworkContext, type FieldRule } from './http';

const WEBHOOK_FORM: Record<string, FieldRule> = {
	name: { kind: 'string', required: true },
	uri: { kind: 'string', required: true },
	language: { kind: 'string' },
	events: { kind: 'string', required: true },
	isActive: { kind: 'boolean', required: true },
	onlyTriggerForMainEntityChanges: { kind: 'boolean' },
	authenticationType: { kind: 'string', required: true },
	authentication: { kind: 'string' },
};

function checkWebhook(form: Record<string, unknown>): Record<string, unknown> {
	const errors: ValidationError[] = [];
	let url: URL | undefined;
	try {
		url = new URL(String(form.uri));
	} catch {
		// reported below
	}
	if (!url || !/^https?:$/.test(url.protocol)) errors.push({ property: 'Uri', message: `'Uri' must be an absolute http(s) URL.` });
	const events = String(form.events)
		.split(',')
		.map((e) => e.trim())
		.filter(Boolean);
	const unknown = events.filter((e) => !WEBHOOK_EVENT_TYPES.includes(e));
	if (!events.length || unknown.length)
		errors.push({ property: 'Events', message: `Unknown event type(s): ${unknown.join(', ') || '(none given)'}.` });
	const authType = String(form.authenticationType).toLowerCase();
	if (authType !== 'none' && authType !== 'header')
		errors.push({ property: 'AuthenticationType', message: `'AuthenticationType' must be 'none' or 'header'.` });
	if (authType === 'header' && !/^[^=\s]+=.+/.test(String(form.authentication ?? ''))) {
		errors.push({ property: 'Authentication', message: `For header authentication 'Authentication' must be 'headername=headervalue'.` });
	}
	if (errors.length) throw validationFailed(errors);
	return {
		...form,
		events: events.join(','),
		authenticationType: authType,
		receiverType: url!.hostname === 'hooks.slack.com' ? 'slack' : 'custom',
	};
}

export function registerWebhookRoutes(server: FakeHttpServer, ctx: AworkContext): void {
	const { store, registry } = ctx;
	const spec = registry.specs.webhooks;
	apiRoute(server, 'GET', '/webhooks', (req) => listResponse(registry, spec, req, ctx.config));
	apiRoute(server, 'GET', '/webhooks/eventtypes', () => ok(WEBHOOK_EVENT_TYPES));
	apiRoute(server, 'POST', '/webhooks', (req) => {
		const form = checkWebhook(validateForm(bodyObject(req), WEBHOOK_FORM));
		return ok(spec.render(store.insert('webhooks', buildWebhook(store, form))));
	});
	apiRoute(server, 'GET', '/webhooks/:webhookId', (req) => ok(spec.render(mustFind(ctx, 'webhooks', req.params.webhookId, 'webhook'))));
	apiRoute(server, 'PUT', '/webhooks/:webhookId', (req) => {
		const hook = mustFind(ctx, 'webhooks', req.params.webhookId, 'webhook');
		Object.assign(
			hook,
			{ language: null, authentication: null, onlyTriggerForMainEntityChanges: false },
			checkWebhook(validateForm(bodyObject(req), WEBHOOK_FORM)),
		);
		store.touch(hook);
		return ok(spec.render(hook));
	});
	apiRoute(server, 'DELETE', '/webhooks/:webhookId', (req) => {
		const hook = mustFind(ctx, 'webhooks', req.params.webhookId, 'webhook');
		store.remove('webhooks', hook.id);
		return noContent();
	});
}
