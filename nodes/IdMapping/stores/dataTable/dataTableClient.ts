/**
 * The data table the mappings live in, as n8n's public API (2.41) shows it:
 * - GET  /data-tables?filter={"name":..}      (name filter matches partly and ignores case)
 * - POST /data-tables {name, columns, projectId?}          -> 201, 409 when the name is taken
 * - POST /data-tables/{id}/columns {name, type}            -> 201, 409 when it exists
 * - GET  /data-tables/{id}/rows?filter=<json>&limit=..&sortBy=id:asc&cursor=..
 *        filter = {type: and|or, filters: [{columnName, condition: eq|neq|.., value}]}
 *        limit <= 250; nextCursor is base64 {limit, offset} and the filter must be sent again.
 *        The filter travels in the URL; Node's 16 KB header limit answers 431 beyond it.
 * - POST /data-tables/{id}/rows {data: [...], returnType}  (one transaction: all rows or none)
 * - POST /data-tables/{id}/rows/upsert {filter, data, returnData}   (one row)
 *        On Postgres two upserts of a missing key at once both insert (SQLite writes one at a time).
 * - PATCH /data-tables/{id}/rows/update {filter, data}
 * - DELETE /data-tables/{id}/rows/delete?filter=<json>
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { callN8nApi, type N8nApiCall } from '../../transport/n8nApi';

export const MAPPING_COLUMNS = ['namespace', 'externalId', 'aworkId', 'externalKey', 'aworkKey', 'data'] as const;
export type MappingColumn = (typeof MAPPING_COLUMNS)[number];

export interface MappingRow {
	id: number;
	namespace: string;
	externalId: string;
	aworkId: string;
	externalKey: string;
	aworkKey: string;
	data: string | null;
	createdAt: string;
	updatedAt: string;
}

export type RowValues = Record<MappingColumn, string | null>;

export interface RowFilter {
	type: 'and' | 'or';
	/** `id` (the row ID) takes a number; the mapping columns take strings. */
	filters: Array<{ columnName: string; condition: 'eq' | 'neq'; value: string | number }>;
}

export interface TableSettings {
	tableName: string;
	projectId: string;
	createIfMissing: boolean;
}

/** Page size limit of the public API. */
export const PAGE_LIMIT = 250;
/** Keeps the URL well below Node's 16 KB header limit (observed: 13 KB passes, 19 KB gets 431). */
export const MAX_FILTER_URL_CHARS = 10000;
export const MAX_KEYS_PER_FILTER = 100;
export const MAX_ROWS_PER_INSERT = 250;

interface TableListing {
	data: Array<{ id: string; name: string; projectId?: string; columns?: Array<{ name: string; type: string }> }>;
	nextCursor: string | null;
}

interface RowPage {
	data: MappingRow[];
	nextCursor: string | null;
}

/** Splits values so that each OR filter on `column` stays within the URL budget. */
export function chunkForFilter(column: string, values: string[]): string[][] {
	const chunks: string[][] = [];
	let current: string[] = [];
	let size = 0;
	for (const value of values) {
		const entry = encodeURIComponent(JSON.stringify({ columnName: column, condition: 'eq', value })).length + 3;
		if (current.length && (size + entry > MAX_FILTER_URL_CHARS || current.length >= MAX_KEYS_PER_FILTER)) {
			chunks.push(current);
			current = [];
			size = 0;
		}
		current.push(value);
		size += entry;
	}
	if (current.length) chunks.push(current);
	return chunks;
}

export function anyOf(column: string, values: string[]): RowFilter {
	return { type: 'or', filters: values.map((value) => ({ columnName: column, condition: 'eq', value })) };
}

export class DataTableClient {
	private tableId?: string;

	constructor(
		private readonly ctx: IExecuteFunctions,
		readonly settings: TableSettings,
		/** Table IDs resolved earlier, shared across executions: `key -> id`. */
		private readonly knownTables: Map<string, string>,
		private readonly tableCacheKey: string,
	) {}

	private async call<T>(call: Omit<N8nApiCall, 'accept'>, accept: number[] = []): Promise<{ status: number; body: T }> {
		return await callN8nApi<T>(this.ctx, { ...call, accept });
	}

	/** Finds (or creates) the table and makes sure its columns exist. */
	async resolveTable(): Promise<string> {
		if (this.tableId) return this.tableId;
		const known = this.knownTables.get(this.tableCacheKey);
		if (known) return (this.tableId = known);
		const { tableName, projectId, createIfMissing } = this.settings;
		let table = await this.findTable();
		if (!table) {
			if (!createIfMissing) {
				throw new NodeOperationError(this.ctx.getNode(), `Data table "${tableName}" does not exist`, {
					description: `Create it in n8n (Data tables), fix "Table Name", or turn on "Create Table If Missing".`,
				});
			}
			const created = await this.call<TableListing['data'][number]>(
				{
					method: 'POST',
					path: '/data-tables',
					body: {
						name: tableName,
						columns: MAPPING_COLUMNS.map((name) => ({ name, type: 'string' })),
						...(projectId ? { projectId } : {}),
					},
					repeatable: false,
				},
				// 409: another execution created it a moment ago. n8n answers 500 instead when both
				// creates ran at the same time (its unique name constraint fired): look again too.
				[409, 500],
			);
			table = created.status === 409 || created.status === 500 ? await this.findTable() : created.body;
			if (!table && created.status === 500) {
				throw new NodeOperationError(this.ctx.getNode(), `Data table "${tableName}" could not be created: the n8n API had a server error (HTTP 500)`, {
					description: 'Look at the n8n log for the reason, or create the table in n8n (Data tables) yourself.',
				});
			}
			if (!table) throw new NodeOperationError(this.ctx.getNode(), `Data table "${tableName}" could not be created`);
		}
		await this.ensureColumns(table.id, (table.columns ?? []).map((column) => column.name));
		this.knownTables.set(this.tableCacheKey, table.id);
		return (this.tableId = table.id);
	}

	/** Forgets the table ID, e.g. after the table was deleted and a call answered 404. */
	forgetTable(): void {
		this.tableId = undefined;
		this.knownTables.delete(this.tableCacheKey);
	}

	private async findTable(): Promise<TableListing['data'][number] | undefined> {
		const { tableName, projectId } = this.settings;
		const filter = JSON.stringify({ name: tableName, ...(projectId ? { projectId } : {}) });
		const exact: TableListing['data'] = [];
		const seen = new Set<string>();
		let cursor: string | null = null;
		do {
			const qs: IDataObject = cursor ? { filter, cursor } : { filter, limit: PAGE_LIMIT };
			const page: { body: TableListing } = await this.call<TableListing>({ method: 'GET', path: '/data-tables', qs, repeatable: true });
			exact.push(...page.body.data.filter((table) => table.name === tableName));
			cursor = this.nextCursor(page.body.nextCursor, seen, 'GET /data-tables');
		} while (cursor);
		if (exact.length > 1) {
			throw new NodeOperationError(this.ctx.getNode(), `Several data tables are named "${tableName}"`, {
				description: `They are in the projects ${exact.map((t) => t.projectId).join(', ')}. Set "Project ID" under Options to pick one.`,
			});
		}
		return exact[0];
	}

	private async ensureColumns(tableId: string, present: string[]): Promise<void> {
		const missing = MAPPING_COLUMNS.filter((name) => !present.includes(name));
		if (!missing.length) return;
		if (!this.settings.createIfMissing) {
			throw new NodeOperationError(
				this.ctx.getNode(),
				`Data table "${this.settings.tableName}" lacks the columns ${missing.join(', ')}`,
				{ description: 'Add them as string columns, or turn on "Create Table If Missing" to let the node add them.' },
			);
		}
		for (const name of missing) {
			await this.call({ method: 'POST', path: `/data-tables/${tableId}/columns`, body: { name, type: 'string' }, repeatable: true }, [409]);
		}
	}

	/** Runs a call on the table; if n8n no longer knows the table, resolves it again once. */
	private async onTable<T>(make: (tableId: string) => Omit<N8nApiCall, 'accept'>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			const tableId = await this.resolveTable();
			const answer = await this.call<T>(make(tableId), attempt === 1 ? [404] : []);
			if (answer.status !== 404) return answer.body;
			this.forgetTable();
		}
	}

	/** The cursor of the next page; one given before means the listing goes round in circles. */
	private nextCursor(cursor: string | null | undefined, seen: Set<string>, endpoint: string): string | null {
		if (!cursor) return null;
		if (seen.has(cursor)) {
			throw new NodeOperationError(this.ctx.getNode(), `n8n's API answered ${endpoint} with a page cursor it had given before; reading stopped`, {
				description: 'The listing would never end. Check that the n8n API URL of the credential points at n8n itself.',
			});
		}
		seen.add(cursor);
		return cursor;
	}

	/** All rows matching the filter (every page), oldest first. */
	async queryRows(filter: RowFilter | undefined, limit = Infinity): Promise<MappingRow[]> {
		const rows: MappingRow[] = [];
		const seen = new Set<string>();
		let cursor: string | null = null;
		const base: IDataObject = { sortBy: 'id:asc', ...(filter ? { filter: JSON.stringify(filter) } : {}) };
		do {
			const qs: IDataObject = cursor
				? { ...base, cursor }
				: { ...base, limit: Math.min(PAGE_LIMIT, Math.max(1, limit - rows.length)) };
			const page: RowPage = await this.onTable<RowPage>((id) => ({ method: 'GET', path: `/data-tables/${id}/rows`, qs, repeatable: true }));
			rows.push(...page.data);
			cursor = rows.length < limit ? this.nextCursor(page.nextCursor, seen, 'GET /data-tables/{id}/rows') : null;
		} while (cursor);
		return rows.slice(0, limit);
	}

	/** Inserts rows in one transaction (all or none). Not repeated on failure: see insertVerified in the store. */
	async insertRows(rows: RowValues[]): Promise<void> {
		await this.onTable((id) => ({
			method: 'POST',
			path: `/data-tables/${id}/rows`,
			body: { data: rows as unknown as IDataObject[], returnType: 'count' } as IDataObject,
			repeatable: false,
		}));
	}

	/** Updates every row matching the filter, or inserts one when none does. Returns the row(s). */
	async upsertRow(filter: RowFilter, values: RowValues): Promise<MappingRow[]> {
		const body = await this.onTable<MappingRow[] | MappingRow>((id) => ({
			method: 'POST',
			path: `/data-tables/${id}/rows/upsert`,
			body: { filter, data: values, returnData: true } as unknown as IDataObject,
			repeatable: true,
		}));
		return Array.isArray(body) ? body : [body];
	}

	/** Updates the given columns of every row matching the filter; inserts nothing. */
	async updateRows(filter: RowFilter, values: Partial<RowValues>): Promise<void> {
		await this.onTable((id) => ({
			method: 'PATCH',
			path: `/data-tables/${id}/rows/update`,
			body: { filter, data: values } as unknown as IDataObject,
			repeatable: true,
		}));
	}

	async deleteRows(filter: RowFilter): Promise<void> {
		await this.onTable((id) => ({
			method: 'DELETE',
			path: `/data-tables/${id}/rows/delete`,
			qs: { filter: JSON.stringify(filter) },
			repeatable: true,
		}));
	}
}
