/**
 * A fake helloHQ API v2 on 127.0.0.1 for the HQ node's tests (see README.md beside it): bearer
 * token, 1000 requests a minute with 429 + Retry-After (switchable off), top/skip paging with
 * helloHQ-Count / helloHQ-NextLink, the document, position, status, template and company
 * endpoints, bodies checked against the spec's schemas, and a switch for every reading the
 * spec leaves open (how writes answer, how PUT treats fields it does not name, enums as names
 * or numbers). It never reads ../shared.
 */
import { randomUUID } from 'node:crypto';
import { FakeHttpServer, SlidingWindowLimiter, type FakeRequest, type FakeResponse } from '../shared/fakeServer';
import { parseFilter, matches } from './filter';
import { checkBody, DOCUMENT_POST, DOCUMENT_PUT, FREE_TEXT_POSITION_POST, problem, validationProblem } from './validation';

export type Row = Record<string, unknown>;

/** How a write answers [assumed]: the entity (200 or 201), its bare ID, or no body and a Location header (201 or 204). */
export type WriteAnswer = 'entity200' | 'entity201' | 'id200' | 'location201' | 'location204';

export interface FakeHqSettings {
	writeAnswer: WriteAnswer;
	/** PUT /v2/Documents/{id}: change only the fields sent ('merge') or reset the others ('replace') [assumed]. */
	putMode: 'merge' | 'replace';
	/** Send DocumentStatusType as its number instead of its name (the spec types the enum as int32). */
	enumsAsNumbers: boolean;
	/** Refuse unknown body properties (the schemas say additionalProperties: false). */
	strictUnknownProperties: boolean;
	rateLimitEnabled: boolean;
	/** Retry-After (seconds) of the burst429 fault's answers. */
	burstRetryAfterSeconds: number;
	/** How the note is kept [assumed]: as sent, wrapped in HTML (`<p>…</p>`), or not at all. */
	noteStorage: 'asSent' | 'html' | 'dropped';
	/** The status a new document gets [assumed]: its type's Draft status, or none at all. */
	newDocumentStatus: 'draft' | 'none';
	/** A hostile HQ: lists ignore `filter` and answer every row. */
	ignoreFilter: boolean;
	/** Refuse positions that name no documentTableId (the spec does not say whether it is needed). */
	requireDocumentTableId: boolean;
	/** Hostile paging: 'ignoreSkip' repeats the first page; 'endless' always sends a next link and new rows. */
	paging: 'normal' | 'ignoreSkip' | 'endless';
}

export interface FakeHqOptions extends Partial<FakeHqSettings> {
	port?: number;
	token?: string;
	rateLimit?: { limit: number; intervalMs: number };
}

export const HQ_TOKEN = 'hq-test-token';
export const HQ_RATE_LIMIT = { limit: 1000, intervalMs: 60_000 };
const STATUS_TYPES = ['Draft', 'Feedback', 'Quoted', 'Planned', 'Deferred', 'Sent', 'Accepted', 'Delivered', 'Paid', 'Billed', 'Declined', 'Canceled'];
/** Unit IDs the fake knows [assumed]: 1 = Stunde, 2 = Tag. */
export const HQ_UNITS: Record<number, string> = { 1: 'Stunde', 2: 'Tag' };

export interface HqSeed {
	companies?: Row[];
	documentTemplates?: Row[];
	documentStatuses?: Row[];
}

/** What every fresh fake holds: invoice statuses and one invoice template. */
export const BASE_SEED: Required<HqSeed> = {
	companies: [],
	documentTemplates: [{ id: 1, name: 'Rechnung', language: 'de', documentType: 'Invoice', isStandard: true, isBasicTemplate: true }],
	documentStatuses: [
		{ id: 11, name: 'Entwurf', documentType: 'Invoice', documentStatusType: 'Draft', order: 1 },
		{ id: 12, name: 'Versendet', documentType: 'Invoice', documentStatusType: 'Sent', order: 2 },
		{ id: 13, name: 'Bezahlt', documentType: 'Invoice', documentStatusType: 'Paid', order: 3 },
		{ id: 21, name: 'Entwurf', documentType: 'Quotation', documentStatusType: 'Draft', order: 1 },
	],
};

const QUERY_NAMES = ['top', 'skip', 'filter', 'expand', 'orderby'];

export class FakeHq {
	readonly server: FakeHttpServer;

	readonly limiter: SlidingWindowLimiter;

	settings: FakeHqSettings;

	companies: Row[] = [];

	documentTemplates: Row[] = [];

	documentStatuses: Row[] = [];

	documents: Row[] = [];

	positions: Row[] = [];

	/** Each document's elements (text, positions table, ...), as its template laid them out. */
	documentElements = new Map<number, Row[]>();

	private nextId = 1000;

	constructor(private readonly options: FakeHqOptions = {}) {
		this.settings = {
			writeAnswer: options.writeAnswer ?? 'entity200',
			putMode: options.putMode ?? 'merge',
			enumsAsNumbers: options.enumsAsNumbers ?? false,
			strictUnknownProperties: options.strictUnknownProperties ?? true,
			rateLimitEnabled: options.rateLimitEnabled ?? true,
			burstRetryAfterSeconds: options.burstRetryAfterSeconds ?? 1,
			paging: options.paging ?? 'normal',
			requireDocumentTableId: options.requireDocumentTableId ?? false,
			ignoreFilter: options.ignoreFilter ?? false,
			newDocumentStatus: options.newDocumentStatus ?? 'draft',
			noteStorage: options.noteStorage ?? 'asSent',
		};
		this.limiter = new SlidingWindowLimiter([{ ...(options.rateLimit ?? HQ_RATE_LIMIT) }]);
		this.server = new FakeHttpServer({
			loggedHeaders: ['authorization', 'content-type'],
			guard: (req) => this.guard(req),
			tooManyRequests: () => ({ status: 429, body: 'Too Many Requests', headers: { 'Retry-After': String(this.settings.burstRetryAfterSeconds) } }),
			serverError: (status) => problem(status, 'An error occurred while processing your request.'),
			notFound: () => ({ status: 404 }),
		});
		this.seed(BASE_SEED);
		this.routes();
		this.control();
	}

	get log() {
		return this.server.log;
	}

	seed(seed: HqSeed): void {
		this.companies.push(...(seed.companies ?? []).map((row) => ({ ...row })));
		this.documentTemplates.push(...(seed.documentTemplates ?? []).map((row) => ({ ...row })));
		this.documentStatuses.push(...(seed.documentStatuses ?? []).map((row) => ({ ...row })));
	}

	/** Sets a document's status by its type (e.g. 'Sent'), as someone in HQ's web app would. */
	setDocumentStatus(documentId: number, statusType: string): void {
		const document = this.documents.find((row) => row.id === documentId);
		const status = this.documentStatuses.find((row) => row.documentType === 'Invoice' && row.documentStatusType === statusType);
		if (document && status) document.documentStatusEntityId = status.id;
	}

	positionsOf(documentId: number): Row[] {
		return this.positions.filter((row) => row.documentEntityId === documentId);
	}

	private guard(req: FakeRequest): FakeResponse | undefined {
		if (req.headers.authorization !== `Bearer ${this.options.token ?? HQ_TOKEN}`) return { status: 401 };
		if (!this.settings.rateLimitEnabled) return undefined;
		const hit = this.limiter.hit('token');
		if (hit.allowed) return undefined;
		return { status: 429, body: 'Too Many Requests', headers: { 'Retry-After': String(Math.max(1, Math.ceil(hit.retryAfterMs / 1000))) } };
	}

	/** `top` or `$top` and so on: both spellings are in use [docs; sdk]. */
	private query(req: FakeRequest, name: string): string | null {
		return req.query.get(name) ?? req.query.get(`$${name}`);
	}

	private list(req: FakeRequest, rows: Row[], shape: (row: Row, expand: string[]) => Row = (row) => row): FakeResponse {
		for (const key of req.query.keys()) {
			if (!QUERY_NAMES.includes(key.replace(/^\$/, ''))) return problem(400, `Unknown query parameter ${key}`);
		}
		let selected = rows;
		const filter = this.query(req, 'filter');
		if (filter && !this.settings.ignoreFilter) {
			try {
				const conditions = parseFilter(filter);
				selected = rows.filter((row) => matches(row, conditions));
			} catch (error) {
				return problem(400, (error as Error).message);
			}
		}
		const top = Math.min(Number(this.query(req, 'top') ?? 1000) || 1000, 1000);
		let skip = Number(this.query(req, 'skip') ?? 0) || 0;
		if (this.settings.paging === 'ignoreSkip') skip = 0;
		const expand = (this.query(req, 'expand') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
		let page = selected.slice(skip, skip + top).map((row) => shape(row, expand));
		let next = skip + page.length < selected.length;
		if (this.settings.paging === 'endless') {
			page = Array.from({ length: top }, (_, i) => ({ id: 100_000 + skip + i, name: `Endless ${skip + i}` }));
			next = true;
		}
		const nextQuery = new URLSearchParams(req.query);
		nextQuery.set(req.query.has('$skip') ? '$skip' : 'skip', String(skip + page.length));
		const host = String(req.headers.host ?? '127.0.0.1');
		return {
			status: 200,
			body: page,
			headers: {
				'helloHQ-Count': String(this.settings.paging === 'endless' ? 10_000_000 : selected.length),
				'helloHQ-NextLink': next ? `http://${host}${req.path}?${nextQuery.toString()}` : '',
			},
		};
	}

	private statusShape(row: Row): Row {
		const index = STATUS_TYPES.indexOf(String(row.documentStatusType));
		return this.settings.enumsAsNumbers ? { ...row, documentStatusType: index } : { ...row };
	}

	private documentShape(row: Row, expand: string[]): Row {
		const positions = this.positionsOf(row.id as number);
		const netValue = Math.round(positions.reduce((sum, p) => sum + (p.totalNetValue as number), 0) * 100) / 100;
		const taxValue = Math.round(positions.reduce((sum, p) => sum + (p.totalTaxValue as number), 0) * 100) / 100;
		const shaped: Row = { ...row, netValue, taxValue, grossValue: Math.round((netValue + taxValue) * 100) / 100 };
		const wants = (name: string) => expand.some((part) => part.toLowerCase() === name.toLowerCase());
		if (wants('documentStatusEntity')) {
			const status = this.documentStatuses.find((s) => s.id === row.documentStatusEntityId);
			shaped.documentStatusEntity = status ? this.statusShape(status) : null;
		}
		if (wants('positions')) shaped.positions = positions;
		if (wants('company')) shaped.company = this.companies.find((c) => c.id === row.companyId) ?? null;
		return shaped;
	}

	private written(path: string, entity: Row): FakeResponse {
		const location = { Location: `${path}/${String(entity.id)}` };
		switch (this.settings.writeAnswer) {
			case 'entity201':
				return { status: 201, body: entity, headers: location };
			case 'id200':
				return { status: 200, body: entity.id };
			case 'location201':
				return { status: 201, headers: location };
			case 'location204':
				return { status: 204, headers: location };
			default:
				return { status: 200, body: entity };
		}
	}

	/** A document without a status counts as a draft (it was never sent). */
	private isDraft(document: Row): boolean {
		if (document.documentStatusEntityId === null || document.documentStatusEntityId === undefined) return !document.sentOn;
		return this.documentStatuses.find((s) => s.id === document.documentStatusEntityId)?.documentStatusType === 'Draft';
	}

	private routes(): void {
		const s = this.server;
		const byId = (rows: Row[], id: string) => (/^\d+$/.test(id) ? rows.find((row) => row.id === Number(id)) : undefined);
		const badId = (id: string) => validationProblem({ id: [`The value '${id}' is not valid.`] });
		s.route('GET', '/v2/Users', (req) => this.list(req, [{ id: 1, firstName: 'Fake', lastName: 'User' }]));
		s.route('GET', '/v2/Companies', (req) => this.list(req, this.companies));
		s.route('GET', '/v2/Companies/:id', (req) => {
			if (!/^\d+$/.test(req.params.id)) return badId(req.params.id);
			const company = byId(this.companies, req.params.id);
			return company ? { status: 200, body: company } : { status: 404 };
		});
		s.route('GET', '/v2/DocumentTemplates', (req) => this.list(req, this.documentTemplates));
		s.route('GET', '/v2/DocumentStatus', (req) => this.list(req, this.documentStatuses, (row) => this.statusShape(row)));
		s.route('GET', '/v2/Documents', (req) => this.list(req, this.documents, (row, expand) => this.documentShape(row, expand)));
		s.route('GET', '/v2/Documents/:id', (req) => {
			if (!/^\d+$/.test(req.params.id)) return badId(req.params.id);
			const document = byId(this.documents, req.params.id);
			const expand = (this.query(req, 'expand') ?? '').split(',').filter(Boolean);
			return document ? { status: 200, body: this.documentShape(document, expand) } : { status: 404 };
		});
		s.route('GET', '/v2/Documents/:id/DocumentPositions', (req) => {
			const document = byId(this.documents, req.params.id);
			return document ? this.list(req, this.positionsOf(document.id as number)) : { status: 404 };
		});
		s.route('POST', '/v2/Documents', (req) => {
			const errors = checkBody(req.body, DOCUMENT_POST, this.settings.strictUnknownProperties);
			const body = (req.body ?? {}) as Row;
			if (!errors.companyId && body.companyId !== undefined && !byId(this.companies, String(body.companyId))) errors.companyId = [`Company ${String(body.companyId)} does not exist.`];
			if (!errors.documentTemplateEntityId && body.documentTemplateEntityId !== undefined && !byId(this.documentTemplates, String(body.documentTemplateEntityId))) {
				errors.documentTemplateEntityId = [`Document template ${String(body.documentTemplateEntityId)} does not exist.`];
			}
			if (Object.keys(errors).length) return validationProblem(errors);
			// A new document starts in the first status of its type whose type is Draft [assumed].
			const draft = this.documentStatuses.find((row) => row.documentType === body.documentType && row.documentStatusType === 'Draft');
			const document: Row = {
				id: this.nextId++,
				createdOn: new Date().toISOString(),
				number: null,
				note: null,
				taxOption: 'VatApplicable',
				serviceType: 'Service',
				...body,
				documentStatusEntityId: this.settings.newDocumentStatus === 'draft' ? draft?.id ?? null : null,
			};
			this.documents.push(document);
			// A template lays out a heading text and one positions table [assumed].
			this.documentElements.set(document.id as number, [
				{ id: randomUUID(), type: this.settings.enumsAsNumbers ? 1 : 'Text', index: 0, text: '<p>Rechnung</p>', plainText: 'Rechnung' },
				{ id: randomUUID(), type: this.settings.enumsAsNumbers ? 0 : 'Grid', index: 1, text: null, plainText: null },
			]);
			return this.written('/v2/Documents', this.documentShape(document, []));
		});
		s.route('PUT', '/v2/Documents/:id', (req) => {
			if (!/^\d+$/.test(req.params.id)) return badId(req.params.id);
			const document = byId(this.documents, req.params.id);
			if (!document) return { status: 404 };
			const errors = checkBody(req.body, DOCUMENT_PUT, this.settings.strictUnknownProperties);
			if (Object.keys(errors).length) return validationProblem(errors);
			const body = req.body as Row;
			if (this.settings.putMode === 'replace') {
				for (const field of Object.keys(DOCUMENT_PUT.properties)) if (!(field in body)) document[field] = null;
			}
			const { note, ...rest } = body;
			Object.assign(document, rest, { updatedOn: new Date().toISOString() });
			if (note !== undefined && this.settings.noteStorage !== 'dropped') {
				const html = this.settings.noteStorage === 'html' && typeof note === 'string' && !note.startsWith('<p>');
				document.note = html ? `<p>${note.split('\n').join('<br>')}</p>` : note;
			}
			return this.written('/v2/Documents', this.documentShape(document, []));
		});
		s.route('GET', '/v2/Documents/:id/DocumentElements', (req) => {
			const document = byId(this.documents, req.params.id);
			return document ? { status: 200, body: this.documentElements.get(document.id as number) ?? [] } : { status: 404 };
		});
		s.route('GET', '/v2/DocumentPositions/:id', (req) => {
			if (!/^\d+$/.test(req.params.id)) return badId(req.params.id);
			const position = byId(this.positions, req.params.id);
			return position ? { status: 200, body: position } : { status: 404 };
		});
		s.route('POST', '/v2/DocumentPositions/FreeTextPosition', (req) => {
			const errors = checkBody(req.body, FREE_TEXT_POSITION_POST, this.settings.strictUnknownProperties);
			const body = (req.body ?? {}) as Row;
			const document = typeof body.documentEntityId === 'number' ? byId(this.documents, String(body.documentEntityId)) : undefined;
			if (!errors.documentEntityId && body.documentEntityId !== undefined && !document) errors.documentEntityId = [`Document ${String(body.documentEntityId)} does not exist.`];
			if (!errors.unitId1 && typeof body.unitId1 === 'number' && !HQ_UNITS[body.unitId1]) errors.unitId1 = [`Unit ${body.unitId1} does not exist.`];
			if (!errors.documentTableId && document) {
				const tables = (this.documentElements.get(document.id as number) ?? []).filter((e) => e.type === 'Grid' || e.type === 0).map((e) => e.id);
				if (body.documentTableId !== undefined && !tables.includes(body.documentTableId)) errors.documentTableId = [`Table ${String(body.documentTableId)} is not in document ${String(document.id)}.`];
				if (body.documentTableId === undefined && this.settings.requireDocumentTableId) errors.documentTableId = ['The DocumentTableId field is required.'];
			}
			if (Object.keys(errors).length) return validationProblem(errors);
			// Positions of a sent or paid document cannot change [assumed].
			if (!this.isDraft(document!)) return validationProblem({ documentEntityId: ['Positions can only be added to documents in a draft status.'] });
			const net = Math.round((body.amount1 as number) * (body.price as number) * 100) / 100;
			const position: Row = {
				id: this.nextId++,
				documentPositionEntityType: 'Freetext',
				interval: 'Once',
				...body,
				plainText: String(body.text).replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
				order: this.positionsOf(document!.id as number).length + 1,
				totalNetValue: net,
				totalTaxValue: Math.round(net * (body.tax as number)) / 100,
				currency: document!.currency,
			};
			this.positions.push(position);
			return this.written('/v2/DocumentPositions', position);
		});
	}

	private control(): void {
		const s = this.server;
		s.control('POST', '/seed', (req) => {
			this.seed((req.body ?? {}) as HqSeed);
			return { status: 200, body: this.state() };
		});
		s.control('GET', '/state', () => ({ status: 200, body: this.state() }));
		s.control('PUT', '/settings', (req) => {
			this.settings = { ...this.settings, ...(req.body as Partial<FakeHqSettings>) };
			return { status: 200, body: this.settings };
		});
		s.control('DELETE', '/state', () => {
			this.reset();
			return { status: 204 };
		});
	}

	state() {
		return { companies: this.companies, documents: this.documents, positions: this.positions, settings: this.settings };
	}

	/** Empties the data, the limiter and the log; the base seed comes back. */
	reset(): void {
		this.companies = [];
		this.documentTemplates = [];
		this.documentStatuses = [];
		this.documents = [];
		this.positions = [];
		this.documentElements.clear();
		this.seed(BASE_SEED);
		this.limiter.reset();
		this.server.log.length = 0;
	}
}

export interface RunningFakeHq {
	baseUrl: string;
	controlUrl: string;
	fake: FakeHq;
	close(): Promise<void>;
}

export async function startFakeHq(options: FakeHqOptions = {}): Promise<RunningFakeHq> {
	const fake = new FakeHq(options);
	const baseUrl = await fake.server.listen(options.port ?? 0);
	return { baseUrl, controlUrl: `${baseUrl}/__control`, fake, close: async () => await fake.server.close() };
}
