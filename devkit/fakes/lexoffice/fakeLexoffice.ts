/**
 * A faithful in-memory Lexware Office (lexoffice) public API on 127.0.0.1: Bearer API keys, 2
 * requests per second per key with 429 (switchable off), 0-based paging, both error formats,
 * drafts without an update endpoint, and hostile switches (huge Retry-After, redirects, paging
 * that never ends). See README.md in this folder for what is [docs] and what is [assumed].
 */
import { FakeHttpServer, SlidingWindowLimiter, type FakeRequest, type FakeResponse } from '../shared/fakeServer';
import { gatewayError, regularError } from './answers';
import { registerRoutes } from './routes';
import { LexofficeStore, type SeedContact } from './store';

export const DEFAULT_LEXOFFICE_KEY = 'lexoffice-test-key';
/** 2 requests per second per client [docs]. */
export const LEXOFFICE_RATE_LIMIT = { limit: 2, intervalMs: 1000 };

export interface FakeLexofficeOptions {
	port?: number;
	apiKeys?: string[];
	/** Off: no 429s however fast the client is. */
	rateLimit?: boolean;
	seed?: number;
}

export class FakeLexoffice {
	readonly server: FakeHttpServer;

	readonly store = new LexofficeStore();

	readonly apiKeys: Set<string>;

	readonly limiter = new SlidingWindowLimiter([{ ...LEXOFFICE_RATE_LIMIT }]);

	rateLimitEnabled: boolean;

	/** Retry-After sent with 429s; Lexware documents none, so none by default. */
	retryAfter: string | undefined;

	/** Hostile: every list answers page 0 and says it is never the last. */
	ignorePaging = false;

	/** Hostile: every API request is answered with a redirect to this URL. */
	redirectTo: string | undefined;

	baseUrl = '';

	/** Creates that are stored but whose connection is cut before the answer (a crash mid-create). */
	cutAnswerOfCreates = 0;

	/** Creates that are stored but answered 504 by the gateway ("may have been processed" [docs]). */
	timeOutCreates = 0;

	private restoreResetRate: number | undefined;

	constructor(options: FakeLexofficeOptions = {}) {
		this.apiKeys = new Set(options.apiKeys ?? [DEFAULT_LEXOFFICE_KEY]);
		this.rateLimitEnabled = options.rateLimit ?? true;
		this.server = new FakeHttpServer({
			seed: options.seed,
			loggedHeaders: ['authorization', 'content-type', 'accept'],
			guard: (req) => this.guard(req),
			tooManyRequests: () => this.tooManyRequests('/'),
			serverError: (status) => (status === 500 ? gatewayError(500, null) : regularError(status, '/', 'Service unavailable')),
			notFound: (req) => regularError(404, req.path, 'Not Found'),
		});
		registerRoutes(this);
		this.registerControl();
	}

	get log() {
		return this.server.log;
	}

	addContact(seed: SeedContact) {
		return this.store.addContact(seed);
	}

	/** Empties data, the limiter and the log; keeps keys and switches. */
	reset(): void {
		this.store.reset();
		this.limiter.reset();
		this.server.log.length = 0;
	}

	private tooManyRequests(path: string): FakeResponse {
		const answer = regularError(429, path, 'Rate limit exceeded');
		return this.retryAfter === undefined ? answer : { ...answer, headers: { 'Retry-After': this.retryAfter } };
	}

	/**
	 * Called by POST /v1/invoices once stored: arms the server's reset-after-commit fault for this
	 * request only (the server reads it right after the handler), so only creates lose their answer.
	 */
	cutThisAnswerIfAsked(): void {
		if (this.cutAnswerOfCreates <= 0) return;
		this.cutAnswerOfCreates--;
		this.restoreResetRate ??= this.server.faults.resetAfterCommitRate;
		this.server.faults.resetAfterCommitRate = 1;
	}

	private guard(req: FakeRequest): FakeResponse | undefined {
		if (this.restoreResetRate !== undefined) {
			this.server.faults.resetAfterCommitRate = this.restoreResetRate;
			this.restoreResetRate = undefined;
		}
		const auth = String(req.headers.authorization ?? '');
		const key = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
		if (!this.apiKeys.has(key)) return gatewayError(401, 'Unauthorized');
		if (this.rateLimitEnabled && !this.limiter.hit(key).allowed) return this.tooManyRequests(req.path);
		if (this.redirectTo) return { status: 302, headers: { Location: this.redirectTo } };
		return undefined;
	}

	private registerControl(): void {
		const server = this.server;
		server.control('POST', '/contacts', (req) => ({ status: 200, body: this.addContact(req.body as SeedContact) }));
		server.control('GET', '/state', () => ({ status: 200, body: { profile: this.store.profile, contacts: this.store.contacts, invoices: this.store.invoices } }));
		server.control('DELETE', '/state', () => {
			this.reset();
			return { status: 204 };
		});
		server.control('POST', '/invoices/:id/finalize', (req) => ({ status: 200, body: this.store.finalize(req.params.id) }));
		server.control('PUT', '/settings', (req) => {
			const body = (req.body ?? {}) as { rateLimit?: boolean; retryAfter?: string | null; ignorePaging?: boolean; redirectTo?: string | null; cutAnswerOfCreates?: number; timeOutCreates?: number };
			if (body.cutAnswerOfCreates !== undefined) this.cutAnswerOfCreates = body.cutAnswerOfCreates;
			if (body.timeOutCreates !== undefined) this.timeOutCreates = body.timeOutCreates;
			if (body.rateLimit !== undefined) this.rateLimitEnabled = body.rateLimit;
			if (body.retryAfter !== undefined) this.retryAfter = body.retryAfter ?? undefined;
			if (body.ignorePaging !== undefined) this.ignorePaging = body.ignorePaging;
			if (body.redirectTo !== undefined) this.redirectTo = body.redirectTo ?? undefined;
			return { status: 200, body: { rateLimit: this.rateLimitEnabled, retryAfter: this.retryAfter ?? null, ignorePaging: this.ignorePaging, redirectTo: this.redirectTo ?? null } };
		});
	}
}

export interface RunningFakeLexoffice {
	baseUrl: string;
	controlUrl: string;
	fake: FakeLexoffice;
	close(): Promise<void>;
}

export async function startFakeLexoffice(options: FakeLexofficeOptions = {}): Promise<RunningFakeLexoffice> {
	const fake = new FakeLexoffice(options);
	const baseUrl = await fake.server.listen(options.port ?? 0);
	fake.baseUrl = baseUrl;
	return { baseUrl, controlUrl: `${baseUrl}/__control`, fake, close: async () => await fake.server.close() };
}
