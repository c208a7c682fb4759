/**
 * Wires the fake awork: FakeHttpServer with awork's auth (Bearer API key), the workspace rate limit
 * (50/s and 1000/min shared by all keys, with awork's rate limit headers), error bodies, all routes
 * under /api/v1 and the control API.
 */
import { FakeHttpServer, SlidingWindowLimiter, type FakeRequest, type FakeResponse } from '../shared/fakeServer';
import { defaultConfig, mergeConfig, type AworkConfigPatch, type AworkFakeConfig } from './config';
import { registerControlRoutes } from './control/controlRoutes';
import { generateTimeEntries, type GenerateOptions } from './control/generate';
import { seed, seedDefaults, type SeedInput } from './control/seed';
import { errorBody } from './errors';
import { createRegistry } from './registry';
import { registerProjectCommentRoutes } from './routes/comments';
import { registerCompanyRoutes } from './routes/companies';
import { registerCustomFieldRoutes } from './routes/customFields';
import { registerDeleteRoutes } from './routes/deletes';
import { registerDocumentRoutes } from './routes/documents';
import { API_PREFIX, type AworkContext } from './routes/http';
import { registerProjectRoutes } from './routes/projects';
import { registerTaskBatchRoutes } from './routes/taskBatch';
import { registerTaskListRoutes } from './routes/taskLists';
import { registerTaskRoutes } from './routes/tasks';
import { registerTimeEntryRoutes } from './routes/timeEntries';
import { registerUserRoutes } from './routes/users';
import { registerWebhookRoutes } from './routes/webhooks';
import { registerWorkspaceCreateRoutes } from './routes/workspaceCreates';
import { registerWorkspaceSettingRoutes } from './routes/workspaceSettings';
import { webhookEvents } from './models/webhooks';
import { AworkStore } from './store';
import { deliverWebhooks, entityTypeOf, type DeliverRequest, type DeliveryResult } from './webhookDelivery';

type Hit = ReturnType<SlidingWindowLimiter['hit']>;

/** The ratelimit-* and x-ratelimit-* headers awork's gateway sends (rate-limits.mdx). */
function rateLimitHeaders(config: AworkFakeConfig, hit: Hit): Record<string, string> {
	const { perSecond, perMinute } = config.rateLimit;
	const [secondLeft, minuteLeft] = hit.remaining;
	// The ratelimit-* trio describes the window that is closest to running out.
	const minuteBinds = hit.allowed ? minuteLeft < secondLeft : hit.retryAfterMs > 1000;
	const reset = hit.allowed ? (minuteBinds ? 60 : 1) : Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
	return {
		'ratelimit-limit': String(minuteBinds ? perMinute : perSecond),
		'ratelimit-remaining': String(minuteBinds ? minuteLeft : secondLeft),
		'ratelimit-reset': String(reset),
		'x-ratelimit-limit-second': String(perSecond),
		'x-ratelimit-remaining-second': String(secondLeft),
		'x-ratelimit-limit-minute': String(perMinute),
		'x-ratelimit-remaining-minute': String(minuteLeft),
	};
}

function tooManyRequests(headers: Record<string, string>): FakeResponse {
	return {
		status: 429,
		// awork's error shape, plus the gateway's `message`.
		body: {
			...errorBody('too-many-requests', 'API rate limit exceeded. Wait for RateLimit-Reset seconds.'),
			message: 'API rate limit exceeded',
		},
		headers: { ...headers, 'retry-after': headers['ratelimit-reset'] },
	};
}

export interface FakeAworkOptions {
	config?: AworkConfigPatch;
	/** Seed the defaults of a fresh workspace (user, statuses, types). Default true. */
	defaults?: boolean;
	seed?: SeedInput;
	/** Seed of the fault RNG. */
	faultSeed?: number;
}

/** Direct access for tests in the same process. */
export interface FakeAwork {
	readonly store: AworkStore;
	readonly server: FakeHttpServer;
	readonly context: AworkContext;
	readonly config: AworkFakeConfig;
	/** The first configured API key. */
	readonly apiKey: string;
	setConfig(patch: FakeAworkOptions['config']): AworkFakeConfig;
	seed(input: SeedInput): Record<string, unknown[]>;
	generateTimeEntries(options: GenerateOptions): ReturnType<typeof generateTimeEntries>;
	/** Empties the workspace (and re-seeds the defaults unless `defaults: false`); clears log, limiter and faults. */
	reset(options?: { defaults?: boolean; config?: boolean }): void;
	deliverWebhook(request: DeliverRequest): Promise<DeliveryResult[]>;
	/** The API model of a stored record. */
	render(collection: keyof AworkStore['collections'], id: string): Record<string, any> | undefined;
}

export function createFakeAwork(options: FakeAworkOptions = {}): FakeAwork {
	const store = new AworkStore();
	// The config is read per render, so PUT /__control/config switches the shape at once.
	const registry = createRegistry(store, () => ctx.config.timeEntryDateShape);
	const limiter = new SlidingWindowLimiter([]);
	const hits = new WeakMap<FakeRequest, Hit>();
	/** The latest request's count, for the burst fault's 429. */
	let lastHit: Hit | undefined;
	const ctx: AworkContext = {
		store,
		registry,
		config: mergeConfig(defaultConfig(), options.config ?? {}),
		emit: (eventType, entity, changes) => {
			if (!ctx.config.autoWebhooks) return;
			void deliverWebhooks(store, { eventType, entity, entityType: entityTypeOf(eventType), changes }, ctx.config.webhookTimeoutMs);
		},
		listens: (eventType) =>
			ctx.config.autoWebhooks && [...store.webhooks.values()].some((hook) => hook.isActive && webhookEvents(hook).includes(eventType)),
	};
	const applyLimits = () => {
		limiter.windows = [
			{ limit: ctx.config.rateLimit.perSecond, intervalMs: 1000 },
			{ limit: ctx.config.rateLimit.perMinute, intervalMs: 60000 },
		];
		limiter.reset();
	};
	applyLimits();

	const server = new FakeHttpServer({
		seed: options.faultSeed,
		loggedHeaders: ['authorization', 'content-type', 'user-agent'],
		guard: (req) => {
			if (!req.path.toLowerCase().startsWith(API_PREFIX + '/')) return undefined;
			const token = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''))?.[1];
			if (!token || !ctx.config.apiKeys.includes(token)) {
				return {
					status: 401,
					body: errorBody('unauthorized', 'The request is not authorized. Send a valid API key as "Authorization: Bearer <key>".'),
					headers: { 'www-authenticate': 'Bearer' },
				};
			}
			if (!ctx.config.rateLimit.enabled) return undefined;
			const hit = limiter.hit('workspace');
			lastHit = hit;
			hits.set(req, hit);
			return hit.allowed ? undefined : tooManyRequests(rateLimitHeaders(ctx.config, hit));
		},
		decorate: (req, res) => {
			const hit = hits.get(req);
			if (hit && res.status !== 429 && ctx.config.rateLimit.headersOn === 'everyAnswer') res.headers = { ...rateLimitHeaders(ctx.config, hit), ...(res.headers ?? {}) };
		},
		// The burst fault stands for a limit of the second: the minute's count stays what it is.
		tooManyRequests: () =>
			tooManyRequests(
				rateLimitHeaders(ctx.config, { allowed: false, retryAfterMs: 1000, remaining: [0, lastHit?.remaining[1] ?? ctx.config.rateLimit.perMinute] }),
			),
		serverError: (status) => ({ status, body: errorBody('server-error', 'An internal error occurred.') }),
		notFound: (req) => ({ status: 404, body: errorBody('not-found', `No route for ${req.method} ${req.path}.`) }),
	});

	registerUserRoutes(server, ctx);
	registerWorkspaceSettingRoutes(server, ctx);
	registerCompanyRoutes(server, ctx);
	registerProjectRoutes(server, ctx);
	registerCustomFieldRoutes(server, ctx);
	registerTaskListRoutes(server, ctx);
	// Before the task routes: /tasks/batch/addtags would otherwise read as the task "batch".
	registerTaskBatchRoutes(server, ctx);
	registerTaskRoutes(server, ctx);
	registerDeleteRoutes(server, ctx);
	registerTimeEntryRoutes(server, ctx);
	registerWebhookRoutes(server, ctx);
	registerDocumentRoutes(server, ctx);
	registerProjectCommentRoutes(server, ctx);
	registerWorkspaceCreateRoutes(server, ctx);

	const resetConfig = () => {
		ctx.config = mergeConfig(defaultConfig(), options.config ?? {});
		applyLimits();
	};
	const onReset = () => {
		limiter.reset();
		server.log.length = 0;
		server.faults = {
			...server.faults,
			errorRate: 0,
			latencyMs: 0,
			latencyJitterMs: 0,
			resetRate: 0,
			resetAfterCommitRate: 0,
			burst429: 0,
		};
	};
	registerControlRoutes(server, ctx, { onConfig: applyLimits, onReset, resetConfig });

	if (options.defaults !== false) seedDefaults(store);
	if (options.seed) seed(registry, options.seed);

	return {
		store,
		server,
		context: ctx,
		get config() {
			return ctx.config;
		},
		get apiKey() {
			return ctx.config.apiKeys[0];
		},
		setConfig(patch) {
			ctx.config = mergeConfig(ctx.config, patch ?? {});
			applyLimits();
			return ctx.config;
		},
		seed: (input) => seed(registry, input),
		generateTimeEntries: (generateOptions) => generateTimeEntries(store, generateOptions),
		reset(resetOptions = {}) {
			store.clear();
			if (resetOptions.config) resetConfig();
			if (resetOptions.defaults !== false) seedDefaults(store);
			onReset();
		},
		deliverWebhook: (request) => deliverWebhooks(store, request, ctx.config.webhookTimeoutMs),
		render(collection, id) {
			const rec = store.get(collection, id);
			return rec ? registry.specs[collection].render(rec) : undefined;
		},
	};
}
