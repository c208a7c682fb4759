/**
 * An in-memory sevDesk on 127.0.0.1 for tests, the sandbox and the demo, after sevDesk's REST API
 * v1 (see README.md here): the raw token in Authorization, numbers as strings, limit/offset
 * paging, invoices created only as drafts through saveInvoice (answer wrapped in `objects`),
 * Update 2.0 tax rules, units, a rate limit with 429 + Retry-After and hostile switches.
 */
import { randomUUID } from 'node:crypto';
import { FakeHttpServer, SlidingWindowLimiter, type FakeRequest, type FakeResponse } from '../shared/fakeServer';
import { BodyError, checkSaveInvoice } from './validation';
import { money, SevDeskStore, sevDeskTimestamp, type SeedData, type StoredRecord } from './store';

export const SEVDESK_API_PREFIX = '/api/v1';
export const DEFAULT_SEVDESK_TOKEN = '0123456789abcdef0123456789abcdef';
/** The fake's limit [assumed: sevDesk publishes none]; the node paces at 5 per 1.1 s. */
export const SEVDESK_FAKE_RATE_LIMIT = { limit: 5, intervalMs: 1000 };

export interface FakeSevDeskOptions {
	port?: number;
	tokens?: string[];
	/** null: no rate limit. */
	rateLimit?: { limit: number; intervalMs: number } | null;
	bookkeepingVersion?: '1.0' | '2.0';
	burstRetryAfterSeconds?: number;
	seed?: number;
	/** A customer and a few records to click through in the editor. */
	demo?: boolean;
}

export const SEVDESK_DEMO_DATA: SeedData = {
	contacts: [
		{ id: 501, name: 'Acme GmbH', customerNumber: '1001' },
		{ id: 502, name: 'Globex Ltd', customerNumber: '1002' },
		{ id: 503, surename: 'Ada', familyname: 'Lovelace', customerNumber: '1003' },
	],
};

/** An error answer in the shape this fake uses for every 4xx/5xx [assumed]; 422 is sevDesk's validationError [docs]. */
export function sevDeskError(status: number, message: string): FakeResponse {
	return { status, body: { objects: null, error: { message, code: null, exceptionUUID: randomUUID() } } };
}

const API_PATHS = /^\/api\/v1(\/|$)/;

export class FakeSevDesk {
	readonly server: FakeHttpServer;

	readonly store = new SevDeskStore();

	readonly tokens: Set<string>;

	readonly limiter: SlidingWindowLimiter;

	rateLimitOn: boolean;

	bookkeepingVersion: '1.0' | '2.0';

	burstRetryAfterSeconds: number;

	/** Hostile: list endpoints ignore `offset` and always answer the first page, with no total. */
	ignorePaging = false;

	/** Hostile: every API request is answered with a 302 to this URL. */
	redirectTo: string | undefined;

	/** Hostile: every 429 carries this Retry-After instead of the real wait. */
	retryAfterOverride: string | undefined;

	/** saveInvoice stores the invoice, then waits this long before answering (a lost answer, with a short deadline). */
	saveAnswerDelayMs = 0;

	/** saveInvoice answers this status without storing anything (e.g. 500). */
	failSavesWith: number | undefined;

	/** How saveInvoice's answer looks: wrapped in `objects` (as sevDesk answers), bare (as the spec says), or empty. */
	saveAnswerShape: 'wrapped' | 'bare' | 'empty' = 'wrapped';

	/** GET /Unity answers 404, as an account without that endpoint would. */
	unitsMissing = false;

	constructor(options: FakeSevDeskOptions = {}) {
		this.tokens = new Set(options.tokens ?? [DEFAULT_SEVDESK_TOKEN]);
		this.rateLimitOn = options.rateLimit !== null;
		this.limiter = new SlidingWindowLimiter([{ ...(options.rateLimit ?? SEVDESK_FAKE_RATE_LIMIT) }]);
		this.bookkeepingVersion = options.bookkeepingVersion ?? '2.0';
		this.burstRetryAfterSeconds = options.burstRetryAfterSeconds ?? 1;
		this.server = new FakeHttpServer({
			seed: options.seed,
			loggedHeaders: ['authorization', 'content-type', 'user-agent'],
			guard: (req) => this.guard(req),
			tooManyRequests: () => ({ ...sevDeskError(429, 'Too many requests'), headers: { 'Retry-After': this.retryAfterOverride ?? String(this.burstRetryAfterSeconds) } }),
			serverError: (status) => sevDeskError(status, 'Internal server error'),
			notFound: (req) => sevDeskError(404, `No route ${req.method} ${req.path}`),
		});
		this.registerRoutes();
		this.registerControl();
		if (options.demo) this.seed(SEVDESK_DEMO_DATA);
	}

	get log() {
		return this.server.log;
	}

	/** Requests to sevDesk's API (control calls are not logged anyway). */
	apiCalls(method?: string, pathEnd?: string) {
		return this.log.filter((entry) => (!method || entry.method === method) && (!pathEnd || entry.path.endsWith(pathEnd)));
	}

	seed(data: SeedData): void {
		this.store.seed(data);
	}

	setRateLimit(limit: number | null, intervalMs = 1000): void {
		this.rateLimitOn = limit !== null;
		if (limit !== null) this.limiter.windows = [{ limit, intervalMs }];
		this.limiter.reset();
	}

	reset(): void {
		this.store.reset();
		this.limiter.reset();
		this.server.log.length = 0;
	}

	private guard(req: FakeRequest): FakeResponse | undefined {
		if (this.redirectTo) return { status: 302, headers: { Location: this.redirectTo } };
		if (!API_PATHS.test(req.path)) return undefined;
		// The raw token [docs]; the older ?token= query is accepted too [assumed].
		const token = typeof req.headers.authorization === 'string' ? req.headers.authorization : req.query.get('token') ?? '';
		if (!this.tokens.has(token)) {
			const hint = /^Bearer /i.test(token) ? ' (send the token without "Bearer")' : '';
			return sevDeskError(401, `Authentication required${hint}`);
		}
		if (this.rateLimitOn) {
			const hit = this.limiter.hit(token);
			if (!hit.allowed) {
				const seconds = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
				return { ...sevDeskError(429, 'Too many requests'), headers: { 'Retry-After': this.retryAfterOverride ?? String(seconds) } };
			}
		}
		return undefined;
	}

	/** limit (1..1000, default 100), offset, countAll -> `total` as a string [docs]. */
	private page(req: FakeRequest, rows: StoredRecord[]): FakeResponse {
		const limitText = req.query.get('limit');
		const limit = limitText === null ? 100 : Number(limitText);
		if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return sevDeskError(400, `limit must be between 1 and 1000, got ${limitText}`);
		const offset = this.ignorePaging ? 0 : Number(req.query.get('offset') ?? 0);
		if (!Number.isInteger(offset) || offset < 0) return sevDeskError(400, `offset must be a number of records, got ${req.query.get('offset')}`);
		const body: Record<string, unknown> = { objects: rows.slice(offset, offset + limit) };
		if (req.query.get('countAll') === 'true' && !this.ignorePaging) body.total = String(rows.length);
		return { status: 200, body };
	}

	private registerRoutes(): void {
		const server = this.server;
		const api = (method: string, path: string, handler: (req: FakeRequest) => FakeResponse) => server.route(method, `${SEVDESK_API_PREFIX}${path}`, handler);

		api('GET', '/Tools/bookkeepingSystemVersion', () => ({ status: 200, body: { objects: { version: this.bookkeepingVersion } } }));

		api('GET', '/Contact', (req) => {
			const name = req.query.get('name')?.toLowerCase();
			const customerNumber = req.query.get('customerNumber');
			const withPersons = req.query.get('depth') === '1';
			const rows = this.store.contacts.filter((contact) => {
				// Without depth=1 only organisations (contacts with a name) [docs].
				if (!withPersons && !contact.name) return false;
				if (customerNumber && contact.customerNumber !== customerNumber) return false;
				if (name) {
					const names = [contact.name, contact.surename, contact.familyname].filter(Boolean).map((part) => String(part).toLowerCase());
					if (!names.some((part) => part.includes(name))) return false;
				}
				return true;
			});
			return this.page(req, rows);
		});
		api('GET', '/Contact/:contactId', (req) => {
			const contact = this.store.contacts.find((record) => record.id === req.params.contactId);
			return contact ? { status: 200, body: { objects: [contact] } } : sevDeskError(404, `Contact ${req.params.contactId} not found`);
		});

		api('GET', '/Invoice', (req) => {
			const query = req.query;
			const contactId = query.get('contact[id]');
			if (contactId !== null && query.get('contact[objectName]') !== 'Contact') return sevDeskError(400, 'contact[objectName] must be "Contact" when contact[id] is given');
			const note = query.get('customerIntenalNote') ?? query.get('customerInternalNote');
			const rows = this.store.invoices.filter((invoice) => {
				if (query.get('status') && invoice.status !== query.get('status')) return false;
				if (contactId !== null && (invoice.contact as StoredRecord).id !== contactId) return false;
				if (note !== null && invoice.customerInternalNote !== note) return false;
				if (query.get('headerStartsWith') && !String(invoice.header ?? '').startsWith(query.get('headerStartsWith')!)) return false;
				if (query.get('invoiceNumber') && invoice.invoiceNumber !== query.get('invoiceNumber')) return false;
				return true;
			});
			// embed=contact puts the whole contact in place of the reference [docs: embedding].
			const embedded = (query.get('embed') ?? '').split(',').includes('contact')
				? rows.map((invoice) => ({ ...invoice, contact: this.store.contacts.find((contact) => contact.id === (invoice.contact as StoredRecord).id) ?? invoice.contact }))
				: rows;
			return this.page(req, embedded);
		});
		// An unknown invoice is a 400 [docs].
		api('GET', '/Invoice/:invoiceId', (req) => {
			const invoice = this.store.invoices.find((record) => record.id === req.params.invoiceId);
			return invoice ? { status: 200, body: { objects: [invoice] } } : sevDeskError(400, `Invoice ${req.params.invoiceId} not found`);
		});
		api('GET', '/Invoice/:invoiceId/getPositions', (req) => {
			const invoice = this.store.invoices.find((record) => record.id === req.params.invoiceId);
			if (!invoice) return sevDeskError(400, `Invoice ${req.params.invoiceId} not found`);
			return this.page(req, this.store.positionsOf(String(invoice.id)));
		});
		server.route('POST', `${SEVDESK_API_PREFIX}/Invoice/Factory/saveInvoice`, async (req) => {
			if (this.failSavesWith) return sevDeskError(this.failSavesWith, 'Internal server error');
			const answer = this.saveInvoice(req);
			const objects = (answer.body as { objects?: unknown } | undefined)?.objects;
			if (answer.status === 201 && this.saveAnswerShape === 'bare') answer.body = objects;
			if (answer.status === 201 && this.saveAnswerShape === 'empty') answer.body = {};
			if (this.saveAnswerDelayMs) await new Promise((resolve) => setTimeout(resolve, this.saveAnswerDelayMs));
			return answer;
		});

		api('GET', '/Unity', (req) => (this.unitsMissing ? sevDeskError(404, 'No route GET /api/v1/Unity') : this.page(req, this.store.units)));
		api('GET', '/SevUser', (req) => this.page(req, this.store.users));
	}

	private saveInvoice(req: FakeRequest): FakeResponse {
		if (req.bodyIsInvalidJson) return sevDeskError(400, 'The request body is not valid JSON');
		let checked;
		try {
			checked = checkSaveInvoice(req.body, this.store, this.bookkeepingVersion);
		} catch (error) {
			if (error instanceof BodyError) return sevDeskError(error.status, error.message);
			throw error;
		}
		const { invoice: head, positions } = checked;
		let invoice = checked.existing;
		if (!invoice) {
			invoice = this.store.invoiceRecord({
				id: this.store.newId(),
				contactId: Number((head.contact as StoredRecord).id),
				status: 100,
				customerInternalNote: null,
				header: null,
				invoiceNumber: (head.invoiceNumber as string | undefined) ?? this.store.newInvoiceNumber(),
			});
			this.store.invoices.push(invoice);
		}
		const references: Record<string, string> = { contact: 'Contact', contactPerson: 'SevUser', addressCountry: 'StaticCountry', taxRule: 'TaxRule' };
		for (const [field, value] of Object.entries(head)) {
			if (['id', 'objectName', 'mapAll'].includes(field) || value === undefined) continue;
			if (field in references && value && typeof value === 'object') invoice[field] = { id: String((value as StoredRecord).id), objectName: references[field] };
			else if (field === 'invoiceDate') invoice.invoiceDate = isoDate(value as string | number);
			else if (typeof value === 'number' || typeof value === 'boolean') invoice[field] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
			else invoice[field] = value;
		}
		const saved: StoredRecord[] = positions.map((position) => {
			const existing = position.id === undefined ? undefined : this.store.positions.find((stored) => stored.id === String(position.id));
			const record: StoredRecord = existing ?? { id: String(this.store.newId()), objectName: 'InvoicePos', create: sevDeskTimestamp(), invoice: { id: invoice.id, objectName: 'Invoice' } };
			const price = Number(position.price ?? 0);
			const quantity = Number(position.quantity);
			const taxRate = Number(position.taxRate);
			Object.assign(record, {
				update: sevDeskTimestamp(),
				part: null,
				quantity: String(quantity),
				price: String(price),
				priceNet: String(price),
				priceTax: money((price * taxRate) / 100),
				priceGross: money(price * (1 + taxRate / 100)),
				name: position.name ?? null,
				text: position.text ?? null,
				unity: { id: String((position.unity as StoredRecord).id), objectName: 'Unity' },
				positionNumber: String(position.positionNumber ?? this.store.positionsOf(String(invoice.id)).length),
				discount: String(position.discount ?? 0),
				taxRate: String(taxRate),
				sumDiscount: '0',
				sumNetAccounting: money(price * quantity),
				sumTaxAccounting: money((price * quantity * taxRate) / 100),
				sumGrossAccounting: money(price * quantity * (1 + taxRate / 100)),
			});
			if (!existing) this.store.positions.push(record);
			return record;
		});
		this.store.resum(invoice);
		// 201, wrapped in `objects` [sdk: community fix]; sums as JSON numbers, as POST answers may carry them [sdk].
		return {
			status: 201,
			body: { objects: { invoice: { ...invoice, sumNet: Number(invoice.sumNet), sumTax: Number(invoice.sumTax), sumGross: Number(invoice.sumGross) }, invoicePos: saved, filename: null } },
		};
	}

	private registerControl(): void {
		const server = this.server;
		server.control('POST', '/seed', (req) => {
			this.seed((req.body ?? {}) as SeedData);
			return { status: 200, body: this.state() };
		});
		server.control('GET', '/state', () => ({ status: 200, body: this.state() }));
		server.control('DELETE', '/state', () => {
			this.reset();
			return { status: 204 };
		});
		server.control('PUT', '/settings', (req) => {
			const body = (req.body ?? {}) as { bookkeepingVersion?: '1.0' | '2.0'; burstRetryAfterSeconds?: number; ignorePaging?: boolean; rateLimit?: { limit: number; intervalMs?: number } | null };
			if (body.bookkeepingVersion) this.bookkeepingVersion = body.bookkeepingVersion;
			if (body.burstRetryAfterSeconds !== undefined) this.burstRetryAfterSeconds = body.burstRetryAfterSeconds;
			if (body.ignorePaging !== undefined) this.ignorePaging = body.ignorePaging;
			if (body.rateLimit !== undefined) this.setRateLimit(body.rateLimit?.limit ?? null, body.rateLimit?.intervalMs);
			return { status: 200, body: { bookkeepingVersion: this.bookkeepingVersion, burstRetryAfterSeconds: this.burstRetryAfterSeconds, ignorePaging: this.ignorePaging, rateLimit: this.rateLimitOn ? this.limiter.windows[0] : null } };
		});
	}

	/** Contacts, invoices with their positions, for tests and the sandbox. */
	state(): { contacts: StoredRecord[]; invoices: Array<StoredRecord & { positions: StoredRecord[] }> } {
		return {
			contacts: this.store.contacts,
			invoices: this.store.invoices.map((invoice) => ({ ...invoice, positions: this.store.positionsOf(String(invoice.id)) })),
		};
	}
}

/** A request date (dd.mm.yyyy or a Unix timestamp) as sevDesk answers dates. */
function isoDate(value: string | number): string {
	const text = String(value);
	const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
	if (match) return `${match[3]}-${match[2]}-${match[1]}T00:00:00+01:00`;
	return new Date(Number(text) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export interface RunningFakeSevDesk {
	/** What the credential's Base URL is set to: the server and /api/v1. */
	baseUrl: string;
	controlUrl: string;
	fake: FakeSevDesk;
	close(): Promise<void>;
}

export async function startFakeSevDesk(options: FakeSevDeskOptions = {}): Promise<RunningFakeSevDesk> {
	const fake = new FakeSevDesk(options);
	const origin = await fake.server.listen(options.port ?? 0);
	return { baseUrl: `${origin}${SEVDESK_API_PREFIX}`, controlUrl: `${origin}/__control`, fake, close: async () => await fake.server.close() };
}
