/**
 * A small, faithful fake of n8n 2.41's public data-table API (/api/v1/data-tables...), built
 * from n8n's handlers and DTOs and checked against a real n8n 2.41.1:
 * - auth: X-N8N-API-KEY; missing -> 401 "'X-N8N-API-KEY' header required", unknown -> 401
 *   "unauthorized", key without the scope -> 403 "Forbidden";
 * - list tables: filter {name} matches part of the name, ignoring case; limit <= 250;
 *   nextCursor = base64 {"limit","offset"}, null on the last page;
 * - rows: filter {type: and|or, filters: [{columnName, condition, value}]} (condition required),
 *   sortBy "col:asc|desc", unknown column -> 400 "Validation error with data table request:
 *   unknown column name 'x'"; insert is all-or-nothing; insert answers
 *   {success, insertedRows} / [{id}] / rows for returnType count / id / all;
 *   upsert / update / delete answer true, or the rows with returnData;
 * - rows carry their columns, then id, createdAt, updatedAt.
 * Node's own 16 KB header limit answers 431 to an over-long filter URL, like n8n does.
 */
import { FakeHttpServer, type FakeRequest, type FakeResponse } from '../shared/fakeServer';

export const API_PREFIX = '/api/v1';

export const ALL_DATA_TABLE_SCOPES = [
	'dataTable:create',
	'dataTable:delete',
	'dataTable:list',
	'dataTable:read',
	'dataTable:update',
	'dataTableRow:create',
	'dataTableRow:read',
	'dataTableRow:update',
	'dataTableRow:delete',
	'dataTableRow:upsert',
	'dataTableColumn:create',
	'dataTableColumn:read',
	'dataTableColumn:update',
	'dataTableColumn:delete',
];

type CellValue = string | number | boolean | null;
type Row = Record<string, CellValue> & { id: number; createdAt: string; updatedAt: string };

interface Column {
	id: string;
	name: string;
	type: 'string' | 'number' | 'boolean' | 'date';
	index: number;
	createdAt: string;
	updatedAt: string;
}

export interface FakeTable {
	id: string;
	name: string;
	projectId: string;
	columns: Column[];
	rows: Row[];
	nextRowId: number;
	createdAt: string;
	updatedAt: string;
}

interface Filter {
	type: 'and' | 'or';
	filters: Array<{ columnName: string; condition: string; value: CellValue }>;
}

const COLUMN_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const SYSTEM_COLUMNS = ['id', 'createdAt', 'updatedAt'];
const MAX_LIMIT = 250;

class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

let idCounter = 0;
function nanoid(): string {
	idCounter++;
	return `Fk${idCounter.toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`.replace(/[^a-zA-Z0-9]/g, 'x');
}

/** Timestamps strictly increase, so "newest" is well defined even within one millisecond. */
let lastTime = 0;
function now(): string {
	lastTime = Math.max(Date.now(), lastTime + 1);
	return new Date(lastTime).toISOString();
}

function encodeCursor(limit: number, offset: number): string {
	return Buffer.from(JSON.stringify({ limit, offset })).toString('base64');
}

function validation(message: string): ApiError {
	return new ApiError(400, `Validation error with data table request: ${message}`);
}

/** Test switches for writes that fail in ways a client must cope with. */
export interface WriteFaults {
	/** Inserts containing a row whose given column has one of these values, and upserts/updates
	 * filtering on one of them, answer 500 and write nothing. */
	failWhen: { column: string; values: Set<string> };
	/** The next N inserts are written, then answered 502 (the client cannot know they landed). */
	commitThenFail: number;
}

export class FakeN8nDataTables {
	readonly server: FakeHttpServer;

	writeFaults: WriteFaults = { failWhen: { column: 'externalKey', values: new Set() }, commitThenFail: 0 };
	/** Hostile mode: listings ignore `cursor` and answer the first page (and its nextCursor) again. */
	ignoreCursor = false;

	readonly tables = new Map<string, FakeTable>();

	/** API key -> scopes */
	readonly apiKeys = new Map<string, string[]>();

	readonly personalProjectId = 'PersonalProj01';

	readonly projects = new Set<string>([this.personalProjectId, 'TeamProject001']);

	constructor(apiKey = 'test-api-key') {
		this.apiKeys.set(apiKey, [...ALL_DATA_TABLE_SCOPES]);
		this.server = new FakeHttpServer({
			guard: (req) => this.authenticate(req),
			tooManyRequests: () => ({ status: 429, body: { message: 'Too many requests' } }),
			serverError: (status) => ({ status, body: { message: 'Internal server error' } }),
			// n8n answers paths outside /api/ with its editor page (200, HTML); the tests use a plain
			// server for that, this fake answers every unknown path like an unknown API path.
			notFound: () => ({ status: 404, body: { message: 'not found' } }),
			loggedHeaders: ['x-n8n-api-key'],
		});
		this.registerRoutes();
		this.server.control('GET', '/tables', () => ({ status: 200, body: [...this.tables.values()] }));
		this.server.control('DELETE', '/tables', () => {
			this.tables.clear();
			return { status: 204 };
		});
	}

	async listen(): Promise<string> {
		return await this.server.listen();
	}

	async close(): Promise<void> {
		await this.server.close();
	}

	/** Base URL to put into the credential. */
	baseUrl(origin: string): string {
		return `${origin}${API_PREFIX}`;
	}

	tableByName(name: string): FakeTable | undefined {
		return [...this.tables.values()].find((t) => t.name === name);
	}

	/** Requests to the API (not the control routes), optionally of one method. */
	requests(method?: string) {
		return this.server.log.filter((entry) => !method || entry.method === method);
	}

	private requiredScope(req: FakeRequest): string | undefined {
		const p = req.path.slice(API_PREFIX.length).split('/').filter(Boolean);
		if (p[0] !== 'data-tables') return undefined;
		const m = req.method;
		if (p.length === 1) return m === 'GET' ? 'dataTable:list' : 'dataTable:create';
		if (p.length === 2) return { GET: 'dataTable:read', PATCH: 'dataTable:update', DELETE: 'dataTable:delete' }[m];
		if (p[2] === 'columns') return m === 'GET' ? 'dataTableColumn:read' : m === 'POST' ? 'dataTableColumn:create' : m === 'PATCH' ? 'dataTableColumn:update' : 'dataTableColumn:delete';
		if (p[2] === 'rows') {
			if (p.length === 3) return m === 'GET' ? 'dataTableRow:read' : 'dataTableRow:create';
			return { update: 'dataTableRow:update', upsert: 'dataTableRow:upsert', delete: 'dataTableRow:delete', clear: 'dataTableRow:delete' }[p[3]];
		}
		return undefined;
	}

	private authenticate(req: FakeRequest): FakeResponse | undefined {
		if (!req.path.startsWith(`${API_PREFIX}/`)) return undefined;
		const key = req.headers['x-n8n-api-key'];
		if (typeof key !== 'string' || !key) return { status: 401, body: { message: "'X-N8N-API-KEY' header required" } };
		const scopes = this.apiKeys.get(key);
		if (!scopes) return { status: 401, body: { message: 'unauthorized' } };
		const needed = this.requiredScope(req);
		if (needed && !scopes.includes(needed)) return { status: 403, body: { message: 'Forbidden' } };
		return undefined;
	}

	private route(method: string, path: string, handler: (req: FakeRequest) => FakeResponse): void {
		this.server.route(method, `${API_PREFIX}${path}`, (req) => {
			try {
				return handler(req);
			} catch (error) {
				if (error instanceof ApiError) return { status: error.status, body: { message: error.message } };
				throw error;
			}
		});
	}

	private table(req: FakeRequest): FakeTable {
		const id = req.params.dataTableId;
		if (!/^[a-zA-Z0-9]+$/.test(id)) throw new ApiError(400, 'request/params/dataTableId must match format "nanoid"');
		const table = this.tables.get(id);
		if (!table) throw new ApiError(404, `Could not find the data table: '${id}'`);
		return table;
	}

	private publicTable(table: FakeTable, withTableId: boolean) {
		return {
			updatedAt: table.updatedAt,
			createdAt: table.createdAt,
			id: table.id,
			name: table.name,
			projectId: table.projectId,
			columns: table.columns.map((c) => ({
				updatedAt: c.updatedAt,
				createdAt: c.createdAt,
				id: c.id,
				...(withTableId ? { dataTableId: table.id } : {}),
				name: c.name,
				type: c.type,
				index: c.index,
			})),
			sizeBytes: 4096,
		};
	}

	private page(req: FakeRequest): { limit: number; offset: number } {
		const cursor = this.ignoreCursor ? null : req.query.get('cursor');
		if (cursor) {
			try {
				const decoded = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { limit: number; offset: number };
				return { limit: decoded.limit, offset: decoded.offset };
			} catch {
				throw new ApiError(400, 'An invalid cursor was provided');
			}
		}
		const rawLimit = req.query.get('limit');
		const limit = rawLimit === null ? (this.ignoreCursor && req.query.get('cursor') ? MAX_LIMIT : 100) : Number(rawLimit);
		if (!Number.isInteger(limit) || limit < 1) throw new ApiError(400, 'request/query/limit must be >= 1');
		if (limit > MAX_LIMIT) throw new ApiError(400, `request/query/limit must be <= ${MAX_LIMIT}`);
		return { limit, offset: 0 };
	}

	private parseFilter(raw: unknown, table: FakeTable, required: boolean): Filter | undefined {
		if (raw === undefined || raw === null || raw === '') {
			if (required) throw new ApiError(400, "request/query must have required property 'filter'");
			return undefined;
		}
		let value = raw;
		if (typeof raw === 'string') {
			try {
				value = JSON.parse(raw);
			} catch {
				throw new ApiError(400, 'request/query/filter must match format "jsonString"');
			}
		}
		const filter = value as Partial<Filter>;
		const type = filter.type ?? 'and';
		if (type !== 'and' && type !== 'or') throw new ApiError(400, 'Invalid filter fields');
		const filters = filter.filters ?? [];
		filters.forEach((f, i) => {
			if (!f.condition) throw new ApiError(400, `request/body/filter/filters/${i} must have required property 'condition'`);
			if (!['eq', 'neq', 'like', 'ilike', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty'].includes(f.condition)) {
				throw new ApiError(400, 'Invalid filter fields');
			}
			if (!SYSTEM_COLUMNS.includes(f.columnName) && !table.columns.some((c) => c.name === f.columnName)) {
				throw validation(`unknown column name '${f.columnName}'`);
			}
		});
		return { type, filters };
	}

	private matches(row: Row, filter: Filter | undefined): boolean {
		if (!filter || !filter.filters.length) return true;
		const test = (f: Filter['filters'][number]) => {
			const cell = row[f.columnName] ?? null;
			const value = f.value === null ? null : typeof cell === 'number' ? Number(f.value) : String(f.value);
			switch (f.condition) {
				case 'eq':
					return value === null ? cell === null : cell === value;
				case 'neq':
					return value === null ? cell !== null : cell !== null && cell !== value;
				case 'isEmpty':
					return cell === null || cell === '';
				case 'isNotEmpty':
					return cell !== null && cell !== '';
				case 'like':
				case 'ilike': {
					const pattern = String(f.value).includes('%') ? String(f.value) : `%${f.value}%`;
					const regex = new RegExp(`^${pattern.split('%').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, f.condition === 'ilike' ? 'i' : '');
					return cell !== null && regex.test(String(cell));
				}
				case 'gt':
					return cell !== null && value !== null && cell > value;
				case 'gte':
					return cell !== null && value !== null && cell >= value;
				case 'lt':
					return cell !== null && value !== null && cell < value;
				case 'lte':
					return cell !== null && value !== null && cell <= value;
				default:
					return false;
			}
		};
		return filter.type === 'or' ? filter.filters.some(test) : filter.filters.every(test);
	}

	/** Checks and converts one row of user data, like n8n's validateAndTransformRows. */
	private cells(table: FakeTable, data: unknown): Record<string, CellValue> {
		if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ApiError(400, 'request/body/data must be object');
		const out: Record<string, CellValue> = {};
		for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
			const column = table.columns.find((c) => c.name === key);
			if (!column) throw validation(`unknown column name '${key}'`);
			if (value === null) out[key] = null;
			else if (column.type === 'string') out[key] = String(value);
			else if (column.type === 'number') {
				if (typeof value !== 'number') throw validation(`value '${String(value)}' does not match column type 'number'`);
				out[key] = value;
			} else out[key] = value as CellValue;
		}
		return out;
	}

	private publicRow(table: FakeTable, row: Row): Record<string, CellValue> {
		const out: Record<string, CellValue> = {};
		for (const column of [...table.columns].sort((a, b) => a.index - b.index)) out[column.name] = row[column.name] ?? null;
		return { ...out, id: row.id, createdAt: row.createdAt, updatedAt: row.updatedAt };
	}

	private insert(table: FakeTable, values: Record<string, CellValue>): Row {
		const at = now();
		const row = { ...values, id: table.nextRowId++, createdAt: at, updatedAt: at } as Row;
		table.rows.push(row);
		return row;
	}

	private registerRoutes(): void {
		this.route('GET', '/data-tables', (req) => {
			const { limit, offset } = this.page(req);
			let filter: { name?: string; projectId?: string; id?: string } = {};
			const rawFilter = req.query.get('filter');
			if (rawFilter) {
				try {
					filter = JSON.parse(rawFilter);
				} catch {
					throw new ApiError(400, 'request/query/filter must match format "jsonString"');
				}
			}
			const all = [...this.tables.values()].filter(
				(t) =>
					(!filter.name || t.name.toLowerCase().includes(filter.name.toLowerCase())) &&
					(!filter.projectId || t.projectId === filter.projectId) &&
					(!filter.id || t.id === filter.id),
			);
			const data = all.slice(offset, offset + limit).map((t) => this.publicTable(t, false));
			const nextCursor = offset + limit < all.length ? encodeCursor(limit, offset + limit) : null;
			return { status: 200, body: { data, nextCursor } };
		});

		this.route('POST', '/data-tables', (req) => {
			const body = (req.body ?? {}) as { name?: string; columns?: Array<{ name: string; type: string }>; projectId?: string };
			if (typeof body.name !== 'string' || !body.name.trim()) throw new ApiError(400, "request/body must have required property 'name'");
			if (!Array.isArray(body.columns)) throw new ApiError(400, "request/body must have required property 'columns'");
			const projectId = body.projectId ?? this.personalProjectId;
			if (!this.projects.has(projectId)) throw new ApiError(400, `Project with ID "${projectId}" not found`);
			const name = body.name.trim();
			if ([...this.tables.values()].some((t) => t.name === name && t.projectId === projectId)) {
				throw new ApiError(409, `Data table with name '${name}' already exists in this project`);
			}
			const at = now();
			const table: FakeTable = { id: nanoid(), name, projectId, columns: [], rows: [], nextRowId: 1, createdAt: at, updatedAt: at };
			body.columns.forEach((c) => this.addColumn(table, c));
			this.tables.set(table.id, table);
			return { status: 201, body: this.publicTable(table, true) };
		});

		this.route('GET', '/data-tables/:dataTableId', (req) => ({ status: 200, body: this.publicTable(this.table(req), true) }));

		this.route('DELETE', '/data-tables/:dataTableId', (req) => {
			this.tables.delete(this.table(req).id);
			return { status: 204 };
		});

		this.route('GET', '/data-tables/:dataTableId/columns', (req) => ({ status: 200, body: this.publicTable(this.table(req), true).columns }));

		this.route('POST', '/data-tables/:dataTableId/columns', (req) => {
			const table = this.table(req);
			const column = this.addColumn(table, req.body as { name: string; type: string });
			return { status: 201, body: { dataTableId: table.id, ...column } };
		});

		this.route('GET', '/data-tables/:dataTableId/rows', (req) => {
			const table = this.table(req);
			const { limit, offset } = this.page(req);
			const filter = this.parseFilter(req.query.get('filter') ?? undefined, table, false);
			let rows = table.rows.filter((row) => this.matches(row, filter));
			const sortBy = req.query.get('sortBy');
			if (sortBy !== null) {
				const [column, direction] = sortBy.split(':');
				if (!direction) throw new ApiError(400, 'Invalid sort format, expected <columnName>:<asc/desc>');
				const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
				rows = [...rows].sort((a, b) => ((a[column] ?? '') < (b[column] ?? '') ? -sign : (a[column] ?? '') > (b[column] ?? '') ? sign : 0));
			}
			const data = rows.slice(offset, offset + limit).map((row) => this.publicRow(table, row));
			const nextCursor = offset + limit < rows.length ? encodeCursor(limit, offset + limit) : null;
			return { status: 200, body: { data, nextCursor } };
		});

		this.route('POST', '/data-tables/:dataTableId/rows', (req) => {
			const table = this.table(req);
			const body = (req.body ?? {}) as { data?: unknown[]; returnType?: string };
			if (!Array.isArray(body.data)) throw new ApiError(400, "request/body must have required property 'data'");
			if (!body.data.length) throw new ApiError(400, 'request/body/data must NOT have fewer than 1 items');
			// Validate every row before writing any: one transaction in n8n.
			const values = body.data.map((row) => this.cells(table, row));
			const { failWhen } = this.writeFaults;
			if (values.some((v) => failWhen.values.has(String(v[failWhen.column])))) {
				return { status: 500, body: { message: 'Internal server error' } };
			}
			const inserted = values.map((v) => this.insert(table, v));
			if (this.writeFaults.commitThenFail > 0) {
				this.writeFaults.commitThenFail--;
				return { status: 502, body: { message: 'Bad gateway' } };
			}
			const returnType = body.returnType ?? 'count';
			if (returnType === 'id') return { status: 200, body: inserted.map((row) => ({ id: row.id })) };
			if (returnType === 'all') return { status: 200, body: inserted.map((row) => this.publicRow(table, row)) };
			return { status: 200, body: { success: true, insertedRows: inserted.length } };
		});

		const writeByFilter = (req: FakeRequest, insertWhenNone: boolean): FakeResponse => {
			const table = this.table(req);
			const body = (req.body ?? {}) as { filter?: Filter; data?: Record<string, unknown>; returnData?: boolean };
			if (!body.filter) throw new ApiError(400, "request/body must have required property 'filter'");
			if (!Array.isArray(body.filter.filters) || !body.filter.filters.length) {
				throw new ApiError(400, 'request/body/filter/filters must NOT have fewer than 1 items');
			}
			if (!body.data || !Object.keys(body.data).length) throw new ApiError(400, 'request/body/data must NOT have fewer than 1 properties');
			const filter = this.parseFilter(body.filter, table, true);
			const values = this.cells(table, body.data);
			const { failWhen } = this.writeFaults;
			if (filter!.filters.some((f) => f.columnName === failWhen.column && failWhen.values.has(String(f.value)))) {
				return { status: 500, body: { message: 'Internal server error' } };
			}
			let touched = table.rows.filter((row) => this.matches(row, filter));
			const at = now();
			touched.forEach((row) => Object.assign(row, values, { updatedAt: at }));
			if (!touched.length && insertWhenNone) touched = [this.insert(table, values)];
			return { status: 200, body: body.returnData ? touched.map((row) => this.publicRow(table, row)) : true };
		};
		this.route('PATCH', '/data-tables/:dataTableId/rows/update', (req) => writeByFilter(req, false));
		this.route('POST', '/data-tables/:dataTableId/rows/upsert', (req) => writeByFilter(req, true));

		this.route('DELETE', '/data-tables/:dataTableId/rows/delete', (req) => {
			const table = this.table(req);
			const filter = this.parseFilter(req.query.get('filter') ?? undefined, table, true)!;
			if (!filter.filters.length) throw new ApiError(400, 'At least one filter condition is required for delete operations');
			const deleted = table.rows.filter((row) => this.matches(row, filter));
			table.rows = table.rows.filter((row) => !deleted.includes(row));
			const returnData = req.query.get('returnData') === 'true';
			return { status: 200, body: returnData ? deleted.map((row) => this.publicRow(table, row)) : true };
		});
	}

	private addColumn(table: FakeTable, column: { name: string; type: string }): Column {
		if (!column || typeof column.name !== 'string' || !COLUMN_NAME.test(column.name) || column.name.length > 63) {
			throw new ApiError(400, 'request/body/name must match pattern "^[a-zA-Z][a-zA-Z0-9_]*$"');
		}
		if (!['string', 'number', 'boolean', 'date'].includes(column.type)) {
			throw new ApiError(400, 'request/body/type must be equal to one of the allowed values: string, number, boolean, date');
		}
		if (SYSTEM_COLUMNS.includes(column.name)) throw new ApiError(409, `Column name '${column.name}' is a reserved system column name`);
		if (table.columns.some((c) => c.name === column.name)) {
			throw new ApiError(409, `Data table column with name '${column.name}' already exists in data table '${table.name}'`);
		}
		const at = now();
		const created: Column = { id: nanoid(), name: column.name, type: column.type as Column['type'], index: table.columns.length, createdAt: at, updatedAt: at };
		table.columns.push(created);
		table.updatedAt = at;
		return created;
	}
}
