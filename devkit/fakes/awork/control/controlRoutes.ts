/**
 * The control API under /__control (no auth, no limits, not logged): seed, generate, state, reset,
 * config, webhook delivery. The base adds GET/DELETE /requests and GET/PUT /faults.
 */
import type { FakeHttpServer, FakeRequest, FakeResponse } from '../../shared/fakeServer';
import { mergeConfig } from '../config';
import { AworkError } from '../errors';
import { queryRecords } from '../query/listing';
import { queryParam, type AworkContext } from '../routes/http';
import { COLLECTIONS, type CollectionName } from '../store';
import { deliverWebhooks, type DeliverRequest } from '../webhookDelivery';
import { generateTimeEntries, type GenerateOptions } from './generate';
import { seed, seedDefaults, type SeedInput } from './seed';

export interface ControlHooks {
	/** Called after the config changed (e.g. to resize the rate limiter). */
	onConfig: () => void;
	/** Clears the limiter, request log and faults. */
	onReset: () => void;
	resetConfig: () => void;
}

const bad = (message: string): FakeResponse => ({ status: 400, body: { error: message } });

function body(req: FakeRequest): Record<string, any> {
	if (req.bodyIsInvalidJson) throw new Error('the body is not valid JSON');
	return (req.body ?? {}) as Record<string, any>;
}

/** Wraps a control handler: thrown errors become 400 {error}. */
function control(
	server: FakeHttpServer,
	method: string,
	path: string,
	handler: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>,
) {
	server.control(method, path, async (req) => {
		try {
			return await handler(req);
		} catch (error) {
			if (error instanceof AworkError) return error.toResponse();
			return bad((error as Error).message);
		}
	});
}

const LARGE = 5000;

export function registerControlRoutes(server: FakeHttpServer, ctx: AworkContext, hooks: ControlHooks): void {
	const { store, registry } = ctx;

	control(server, 'GET', '/state', (req) => {
		const only = queryParam(req, 'collections')
			?.split(',')
			.map((c) => c.trim());
		const collections: Record<string, unknown> = {};
		const omitted: string[] = [];
		for (const name of COLLECTIONS) {
			if (only && !only.includes(name)) continue;
			const map = store.collections[name];
			if (!only && map.size > LARGE) {
				omitted.push(name);
				continue;
			}
			collections[name] = [...map.values()].map(registry.specs[name].render);
		}
		return {
			status: 200,
			body: {
				workspace: store.workspace,
				meUserId: store.meUserId,
				apiKey: ctx.config.apiKeys[0] ?? null,
				counts: store.counts(),
				customFieldLinks: Object.fromEntries(store.customFieldLinks),
				unauthorizedIds: [...store.forbiddenIds],
				collections,
				...(omitted.length ? { omitted: `${omitted.join(', ')} have more than ${LARGE} records; ask with ?collections=...` } : {}),
			},
		};
	});

	control(server, 'GET', '/state/:collection', (req) => {
		const name = COLLECTIONS.find((c) => c.toLowerCase() === req.params.collection.toLowerCase()) as CollectionName | undefined;
		if (!name) return { status: 404, body: { error: `unknown collection '${req.params.collection}'; known: ${COLLECTIONS.join(', ')}` } };
		const spec = registry.specs[name];
		const records = queryRecords(registry, spec, req);
		const raw = queryParam(req, 'raw') === 'true';
		return { status: 200, body: records.map((rec) => (raw ? rec : spec.render(rec))) };
	});

	control(server, 'POST', '/reset', (req) => {
		const options = body(req);
		store.clear();
		if (options.config === true) hooks.resetConfig();
		if (options.defaults !== false) seedDefaults(store);
		hooks.onReset();
		return { status: 200, body: { counts: store.counts(), meUserId: store.meUserId } };
	});

	control(server, 'POST', '/seed', (req) => ({ status: 200, body: seed(registry, body(req) as SeedInput) }));

	control(server, 'POST', '/timeentries/generate', (req) => ({
		status: 200,
		body: generateTimeEntries(store, body(req) as GenerateOptions),
	}));

	control(server, 'GET', '/config', () => ({ status: 200, body: ctx.config }));
	control(server, 'PUT', '/config', (req) => {
		ctx.config = mergeConfig(ctx.config, body(req));
		hooks.onConfig();
		return { status: 200, body: ctx.config };
	});

	control(server, 'POST', '/unauthorized', (req) => {
		const ids = body(req).ids;
		if (!Array.isArray(ids)) return bad('ids must be an array');
		for (const id of ids) store.forbiddenIds.add(String(id).toLowerCase());
		return { status: 200, body: { unauthorizedIds: [...store.forbiddenIds] } };
	});
	control(server, 'DELETE', '/unauthorized', () => {
		store.forbiddenIds.clear();
		return { status: 204 };
	});

	control(server, 'POST', '/webhooks/deliver', async (req) => {
		const request = body(req) as DeliverRequest & { entityId?: string; collection?: CollectionName };
		if (typeof request.eventType !== 'string' || !request.eventType) return bad('eventType is required');
		let entity = request.entity;
		if (!entity && request.entityId) {
			// Look the entity up by id in the collection the event type names (or `collection`).
			const guess: Record<string, CollectionName> = {
				project: 'projects',
				task: 'tasks',
				timetracking: 'timeEntries',
				company: 'companies',
				user: 'users',
				tasklist: 'taskLists',
			};
			const collection = request.collection ?? guess[request.eventType.split('_')[0]];
			const rec = collection ? store.get(collection, request.entityId) : undefined;
			if (!rec) return bad(`no ${collection ?? 'entity'} with id ${request.entityId}`);
			entity = registry.specs[collection!].render(rec);
		}
		if (!entity || typeof entity !== 'object') return bad('entity (object) or entityId is required');
		const deliveries = await deliverWebhooks(store, { ...request, entity }, ctx.config.webhookTimeoutMs);
		return { status: 200, body: { deliveries } };
	});
	control(server, 'GET', '/webhooks/deliveries', () => ({ status: 200, body: store.webhookDeliveries }));
	control(server, 'DELETE', '/webhooks/deliveries', () => {
		store.webhookDeliveries.length = 0;
		return { status: 204 };
	});
}
