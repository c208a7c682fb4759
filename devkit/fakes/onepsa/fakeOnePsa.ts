/**
 * A faithful in-memory The One PSA on 127.0.0.1, implementing docs/onepsa-api.md: auth headers,
 * 100 requests/min per tenant with 429 + Retry-After and X-RateLimit-* headers, every endpoint,
 * externalId uniqueness, 207 batches, an Idempotency-Key cache, per-contract batch support,
 * fault switches (from FakeHttpServer) and a control API under /__control.
 */
import { createHash } from 'node:crypto';
import {
	FakeHttpServer,
	SlidingWindowLimiter,
	type FakeRequest,
	type FakeResponse,
} from '../shared/fakeServer';
import { psaError } from './answers';
import { PsaStore, publicContract, type SeedData, type TenantData } from './store';
import { registerRoutes } from './routes';

export interface FakeTenant {
	tenantId: string;
	integrationKey: string;
	/** When set, requests must also carry `Authorization: Bearer <apiKey>`. */
	apiKey?: string;
	/** Permissions of the key; undefined means all. */
	permissions?: string[];
	/** This tenant's reading of X-RateLimit-Reset, when it differs from the fake's. */
	rateLimitReset?: RateLimitResetStyle;
}

export interface FakeOnePsaOptions {
	port?: number;
	tenants?: FakeTenant[];
	rateLimit?: { limit: number; intervalMs: number };
	/** Retry-After (seconds) sent with the burst429 fault's answers. */
	burstRetryAfterSeconds?: number;
	/** How X-RateLimit-Reset is written (the docs do not say); default Unix seconds. */
	rateLimitReset?: RateLimitResetStyle;
	seed?: number;
	/** Seed a few companies, contracts and tickets to click through in the editor. */
	demo?: boolean;
}

/**
 * The docs name X-RateLimit-Reset without saying what it holds: the Unix time (seconds) of the
 * reset, or the seconds until it. The fake serves either, so clients are tested against both.
 */
export type RateLimitResetStyle = 'epochSeconds' | 'secondsUntil';
export const RATE_LIMIT_RESET_STYLES: RateLimitResetStyle[] = ['epochSeconds', 'secondsUntil'];

export const DEFAULT_TENANT: FakeTenant = { tenantId: 'tenant-1', integrationKey: 'psa-integration-key' };
export const PSA_RATE_LIMIT = { limit: 100, intervalMs: 60_000 };
export const DEMO_DATA: SeedData = {
	companies: [
		{ id: 'cmp_acme', name: 'Acme GmbH' },
		{ id: 'cmp_globex', name: 'Globex Ltd' },
	],
	contracts: [
		{ id: 'ctr_acme_support', number: 'C-1001', name: 'Acme managed services', companyId: 'cmp_acme' },
		{ id: 'ctr_acme_projects', number: 'C-1002', name: 'Acme projects (one by one)', companyId: 'cmp_acme', supportsBatch: false },
		{ id: 'ctr_globex_old', number: 'C-0907', name: 'Globex 2023', companyId: 'cmp_globex', status: 'expired' },
	],
	tickets: [
		{ id: 'tkt_printer', number: 'T-0001', subject: 'Printer offline on 3rd floor', companyId: 'cmp_acme', contractId: 'ctr_acme_support' },
		{ id: 'tkt_vpn', number: 'T-0002', subject: 'VPN drops every hour', companyId: 'cmp_globex', priority: 'high' },
	],
};
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

interface CachedAnswer {
	at: number;
	bodyHash: string;
	answer: FakeResponse;
}

interface RateInfo {
	remaining: number;
	resetAtMs: number;
}

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const keys = Object.keys(value as Record<string, unknown>).sort();
		return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

export class FakeOnePsa {
	readonly server: FakeHttpServer;

	readonly store = new PsaStore();

	readonly tenants = new Map<string, FakeTenant>();

	readonly limiter: SlidingWindowLimiter;

	burstRetryAfterSeconds: number;

	rateLimitReset: RateLimitResetStyle;

	/** A hostile PSA: GET /api/time-entries ignores its filters (contractId, externalId, from, to). */
	ignoreTimeEntryFilters = false;

	private readonly idempotency = new Map<string, CachedAnswer>();

	private readonly rateInfo = new WeakMap<FakeRequest, RateInfo>();

	constructor(options: FakeOnePsaOptions = {}) {
		for (const tenant of options.tenants ?? [DEFAULT_TENANT]) this.tenants.set(tenant.tenantId, { ...tenant });
		this.limiter = new SlidingWindowLimiter([{ ...(options.rateLimit ?? PSA_RATE_LIMIT) }]);
		this.burstRetryAfterSeconds = options.burstRetryAfterSeconds ?? 1;
		this.rateLimitReset = options.rateLimitReset ?? 'epochSeconds';
		this.server = new FakeHttpServer({
			seed: options.seed,
			loggedHeaders: ['idempotency-key', 'x-tenant-id', 'content-type'],
			guard: (req) => this.guard(req),
			decorate: (req, res) => this.decorate(req, res),
			tooManyRequests: () => ({
				...psaError(429, 'rate_limited', 'Too many requests', { retryAfter: this.burstRetryAfterSeconds }),
				headers: { 'Retry-After': String(this.burstRetryAfterSeconds) },
			}),
			serverError: (status) => psaError(status, 'server_error', 'Internal server error'),
			notFound: (req) => psaError(404, 'not_found', `No route ${req.method} ${req.path}`),
		});
		registerRoutes(this);
		this.registerControl();
		if (options.demo) this.seed(DEMO_DATA);
	}

	get log() {
		return this.server.log;
	}

	get rateLimit(): { limit: number; intervalMs: number } {
		return this.limiter.windows[0];
	}

	setRateLimit(limit: number, intervalMs = 60_000): void {
		this.limiter.windows = [{ limit, intervalMs }];
		this.limiter.reset();
	}

	setTenant(tenant: Partial<FakeTenant> & { tenantId: string }): FakeTenant {
		const merged = { ...(this.tenants.get(tenant.tenantId) ?? { integrationKey: 'psa-integration-key' }), ...tenant } as FakeTenant;
		this.tenants.set(tenant.tenantId, merged);
		return merged;
	}

	seed(seed: SeedData, tenantId = this.firstTenantId()): TenantData {
		return this.store.seed(tenantId, seed);
	}

	state(tenantId = this.firstTenantId()): TenantData {
		return this.store.data(tenantId);
	}

	/** Empties data, the idempotency cache, the limiter and the log; keeps tenants and settings. */
	reset(): void {
		this.store.reset();
		this.idempotency.clear();
		this.limiter.reset();
		this.server.log.length = 0;
	}

	tenantOf(req: FakeRequest): string {
		return String(req.headers['x-tenant-id']);
	}

	/** Permission check for a route; undefined when allowed. */
	requirePermission(req: FakeRequest, permission: string): FakeResponse | undefined {
		const tenant = this.tenants.get(this.tenantOf(req));
		if (!tenant?.permissions || tenant.permissions.includes(permission)) return undefined;
		return psaError(403, 'forbidden', 'This API key is not allowed to do this', {
			requiredPermission: permission,
			requiredProduct: 'psa',
		});
	}

	/** Runs a write once per Idempotency-Key and path (24 h); repeats answer from the cache. */
	async idempotent(req: FakeRequest, handler: () => FakeResponse | Promise<FakeResponse>): Promise<FakeResponse> {
		const key = req.headers['idempotency-key'];
		if (typeof key !== 'string' || !key) return await handler();
		const cacheKey = `${this.tenantOf(req)}|${req.method}|${req.path}|${key}`;
		// Same parameters count as the same request, whatever the key order or spacing.
		const canonical = req.body === undefined ? req.rawBody.toString('utf8') : canonicalJson(req.body);
		const bodyHash = createHash('sha256').update(canonical).digest('hex');
		const cached = this.idempotency.get(cacheKey);
		if (cached && Date.now() - cached.at < IDEMPOTENCY_TTL_MS) {
			if (cached.bodyHash !== bodyHash) {
				return psaError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different body');
			}
			return { ...cached.answer, headers: { ...(cached.answer.headers ?? {}), 'Idempotent-Replayed': 'true' } };
		}
		const answer = await handler();
		if (answer.status < 500) this.idempotency.set(cacheKey, { at: Date.now(), bodyHash, answer });
		return answer;
	}

	private firstTenantId(): string {
		return this.tenants.keys().next().value ?? DEFAULT_TENANT.tenantId;
	}

	private guard(req: FakeRequest): FakeResponse | undefined {
		const integrationKey = req.headers['x-integration-key'];
		const tenantId = req.headers['x-tenant-id'];
		if (typeof integrationKey !== 'string' || !integrationKey) {
			return psaError(401, 'unauthorized', 'Missing X-Integration-Key header');
		}
		if (typeof tenantId !== 'string' || !tenantId) return psaError(401, 'unauthorized', 'Missing X-Tenant-Id header');
		const tenant = this.tenants.get(tenantId);
		if (!tenant || tenant.integrationKey !== integrationKey) {
			return psaError(401, 'invalid_integration_key', 'Integration key is not valid for this tenant');
		}
		if (tenant.apiKey && req.headers.authorization !== `Bearer ${tenant.apiKey}`) {
			return psaError(401, 'invalid_api_key', 'Missing or invalid API key');
		}
		const hit = this.limiter.hit(tenantId);
		const window = this.rateLimit;
		this.rateInfo.set(req, { remaining: hit.remaining[0], resetAtMs: Date.now() + (hit.retryAfterMs || window.intervalMs) });
		if (!hit.allowed) {
			const seconds = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
			return {
				...psaError(429, 'rate_limited', 'Rate limit exceeded', { retryAfter: seconds }),
				headers: { 'Retry-After': String(seconds) },
			};
		}
		return undefined;
	}

	private decorate(req: FakeRequest, res: FakeResponse): void {
		const window = this.rateLimit;
		const info = this.rateInfo.get(req) ?? { remaining: window.limit, resetAtMs: Date.now() + window.intervalMs };
		const resetStyle = this.tenants.get(this.tenantOf(req))?.rateLimitReset ?? this.rateLimitReset;
		res.headers = {
			...(res.headers ?? {}),
			'X-RateLimit-Limit': String(window.limit),
			'X-RateLimit-Remaining': String(info.remaining),
			'X-RateLimit-Reset':
				resetStyle === 'secondsUntil'
					? String(Math.max(0, Math.ceil((info.resetAtMs - Date.now()) / 1000)))
					: String(Math.ceil(info.resetAtMs / 1000)),
		};
	}

	private registerControl(): void {
		const server = this.server;
		const tenantParam = (req: FakeRequest) => req.query.get('tenantId') ?? this.firstTenantId();
		server.control('POST', '/seed', (req) => {
			const body = (req.body ?? {}) as SeedData & { tenantId?: string };
			const data = this.seed(body, body.tenantId ?? tenantParam(req));
			return { status: 200, body: { ...data, contracts: data.contracts } };
		});
		server.control('GET', '/state', (req) => {
			const data = this.state(tenantParam(req));
			return { status: 200, body: { ...data, contracts: data.contracts.map((c) => ({ ...publicContract(c), supportsBatch: c.supportsBatch, batchAllOrNothing: c.batchAllOrNothing, acceptsNegativeHours: c.acceptsNegativeHours })) } };
		});
		server.control('DELETE', '/state', () => {
			this.reset();
			return { status: 204 };
		});
		server.control('PUT', '/rate-limit', (req) => {
			const { limit, intervalMs } = req.body as { limit: number; intervalMs?: number };
			this.setRateLimit(limit, intervalMs);
			return { status: 200, body: this.rateLimit };
		});
		server.control('PUT', '/tenants/:tenantId', (req) => ({
			status: 200,
			body: this.setTenant({ ...(req.body as Partial<FakeTenant>), tenantId: req.params.tenantId }),
		}));
		server.control('PUT', '/settings', (req) => {
			const { burstRetryAfterSeconds, rateLimitReset } = req.body as { burstRetryAfterSeconds?: number; rateLimitReset?: RateLimitResetStyle };
			if (rateLimitReset !== undefined && !RATE_LIMIT_RESET_STYLES.includes(rateLimitReset)) {
				return { status: 400, body: { error: `rateLimitReset must be one of ${RATE_LIMIT_RESET_STYLES.join(', ')}` } };
			}
			if (burstRetryAfterSeconds !== undefined) this.burstRetryAfterSeconds = burstRetryAfterSeconds;
			if (rateLimitReset !== undefined) this.rateLimitReset = rateLimitReset;
			return { status: 200, body: { burstRetryAfterSeconds: this.burstRetryAfterSeconds, rateLimitReset: this.rateLimitReset } };
		});
	}
}

export interface RunningFakeOnePsa {
	baseUrl: string;
	controlUrl: string;
	fake: FakeOnePsa;
	close(): Promise<void>;
}

export async function startFakeOnePsa(options: FakeOnePsaOptions = {}): Promise<RunningFakeOnePsa> {
	const fake = new FakeOnePsa(options);
	const baseUrl = await fake.server.listen(options.port ?? 0);
	return { baseUrl, controlUrl: `${baseUrl}/__control`, fake, close: async () => await fake.server.close() };
}
