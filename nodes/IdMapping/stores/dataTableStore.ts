/**
 * Mappings in an n8n Data Table, through n8n's public API: shared by every workflow of the
 * instance. One row per mapping; `externalKey` and `aworkKey` ("namespace:id") let one OR
 * filter fetch many keys at once. Checkpoints are rows in the reserved namespace "_checkpoint".
 * Lookups are cached for the rest of the execution.
 */
import { ApplicationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import {
	anyOf,
	chunkForFilter,
	DataTableClient,
	MAX_KEYS_PER_FILTER,
	MAX_ROWS_PER_INSERT,
	type MappingRow,
	type RowValues,
	type TableSettings,
} from './dataTable/dataTableClient';
import { CLAIM_NAMESPACE, ClaimTable } from './dataTable/claims';
import {
	aworkKeyOf,
	externalKeyOf,
	type AworkKey,
	type Checkpoint,
	type ClaimOutcome,
	type ExternalKey,
	type ListOptions,
	type Mapping,
	type MappingStore,
	type MappingWrite,
	type WriteOutcome,
} from './mappingStore';

export const CHECKPOINT_NAMESPACE = '_checkpoint';

/** Up to this many new mappings are upserted one by one instead of inserted in bulk (see write()). */
export const MAX_SINGLE_UPSERTS = 25;

interface ExecutionCache {
	/** externalKey -> mapping, or null when known to be missing */
	byExternal: Map<string, Mapping | null>;
	byAwork: Map<string, Mapping | null>;
}

const MAX_CACHED_EXECUTIONS = 20;
const executionCaches = new Map<string, ExecutionCache>();
const knownTables = new Map<string, string>();

/** Forgets every cached lookup and table ID (tests use it between cases). */
export function clearDataTableCaches(): void {
	executionCaches.clear();
	knownTables.clear();
}

function executionCache(key: string): ExecutionCache {
	let cache = executionCaches.get(key);
	if (!cache) {
		cache = { byExternal: new Map(), byAwork: new Map() };
		executionCaches.set(key, cache);
		if (executionCaches.size > MAX_CACHED_EXECUTIONS) {
			executionCaches.delete(executionCaches.keys().next().value as string);
		}
	}
	return cache;
}

function parseData(text: string | null): IDataObject | null {
	if (!text) return null;
	try {
		return JSON.parse(text) as IDataObject;
	} catch {
		return { value: text };
	}
}

function toMapping(row: MappingRow): Mapping {
	return {
		namespace: row.namespace,
		externalId: row.externalId,
		aworkId: row.aworkId,
		data: parseData(row.data),
		updatedAt: row.updatedAt,
	};
}

function toValues(mapping: Mapping): RowValues {
	return {
		namespace: mapping.namespace,
		externalId: mapping.externalId,
		aworkId: mapping.aworkId,
		externalKey: externalKeyOf(mapping),
		aworkKey: aworkKeyOf(mapping),
		data: mapping.data === null ? null : JSON.stringify(mapping.data),
	};
}

/** When concurrent writers left duplicates, the most recently saved row wins. */
function newest(rows: MappingRow[], keyOf: (row: MappingRow) => string): Map<string, MappingRow> {
	const byKey = new Map<string, MappingRow>();
	for (const row of rows) {
		const current = byKey.get(keyOf(row));
		if (!current || row.updatedAt > current.updatedAt || (row.updatedAt === current.updatedAt && row.id > current.id)) {
			byKey.set(keyOf(row), row);
		}
	}
	return byKey;
}

function sameContent(a: Mapping, b: Mapping): boolean {
	return a.aworkId === b.aworkId && JSON.stringify(a.data) === JSON.stringify(b.data);
}

export class DataTableStore implements MappingStore {
	private readonly client: DataTableClient;

	private readonly cache: ExecutionCache;

	constructor(ctx: IExecuteFunctions, baseUrl: string, settings: TableSettings) {
		const tableKey = `${baseUrl}|${settings.projectId}|${settings.tableName}`;
		this.client = new DataTableClient(ctx, settings, knownTables, tableKey);
		this.cache = executionCache(`${ctx.getExecutionId()}|${tableKey}`);
	}

	private async fetchByColumn(column: 'externalKey' | 'aworkKey', keys: string[]): Promise<Map<string, MappingRow>> {
		const rows: MappingRow[] = [];
		for (const chunk of chunkForFilter(column, keys)) rows.push(...(await this.client.queryRows(anyOf(column, chunk))));
		return newest(rows, (row) => row[column]);
	}

	private async lookup(
		column: 'externalKey' | 'aworkKey',
		keys: string[],
		cached: Map<string, Mapping | null>,
	): Promise<Map<string, Mapping>> {
		const found = new Map<string, Mapping>();
		const toFetch = [...new Set(keys)].filter((key) => {
			const hit = cached.get(key);
			if (hit) found.set(key, hit);
			return hit === undefined;
		});
		if (!toFetch.length) return found;
		const rows = await this.fetchByColumn(column, toFetch);
		for (const key of toFetch) {
			const row = rows.get(key);
			const mapping = row ? toMapping(row) : null;
			cached.set(key, mapping);
			if (mapping) found.set(key, mapping);
		}
		return found;
	}

	async findByExternalIds(keys: ExternalKey[]): Promise<Map<string, Mapping>> {
		return await this.lookup('externalKey', keys.map(externalKeyOf), this.cache.byExternal);
	}

	async findByAworkIds(keys: AworkKey[]): Promise<Map<string, Mapping>> {
		return await this.lookup('aworkKey', keys.map(aworkKeyOf), this.cache.byAwork);
	}

	private remember(mapping: Mapping, previous: Mapping | undefined): void {
		if (previous && previous.aworkId !== mapping.aworkId) this.cache.byAwork.set(aworkKeyOf(previous), null);
		this.cache.byExternal.set(externalKeyOf(mapping), mapping);
		this.cache.byAwork.set(aworkKeyOf(mapping), mapping);
	}

	private forget(key: ExternalKey, previous: Mapping | undefined): void {
		this.cache.byExternal.set(externalKeyOf(key), null);
		if (previous) this.cache.byAwork.delete(aworkKeyOf(previous));
	}

	/**
	 * Changed mappings, and new ones when there are few (webhook-driven saves, where replays of one
	 * event run at the same time), are upserted one by one: n8n runs an upsert as one transaction,
	 * so concurrent executions saving the same key leave one row. Many new mappings go in bulk
	 * inserts (each one transaction). Unchanged ones are not written. A failed insert is checked
	 * against the table, because it may have landed before the connection broke.
	 */
	async write(changes: MappingWrite): Promise<WriteOutcome> {
		const failed = new Map<string, Error>();
		const existing = await this.findByExternalIds([...changes.upserts, ...changes.removals]);
		const fresh = changes.upserts.filter((m) => !existing.has(externalKeyOf(m)));
		const inserts = fresh.length > MAX_SINGLE_UPSERTS ? fresh : [];
		const updates = changes.upserts.filter((m) => {
			const current = existing.get(externalKeyOf(m));
			return current ? !sameContent(current, m) : fresh.length <= MAX_SINGLE_UPSERTS;
		});

		for (let start = 0; start < inserts.length; start += MAX_ROWS_PER_INSERT) {
			const chunk = inserts.slice(start, start + MAX_ROWS_PER_INSERT);
			try {
				await this.client.insertRows(chunk.map(toValues));
				chunk.forEach((m) => this.remember(m, undefined));
			} catch (error) {
				const landed = await this.fetchByColumn('externalKey', chunk.map(externalKeyOf)).catch(() => new Map());
				for (const m of chunk) {
					if (landed.has(externalKeyOf(m))) this.remember(m, undefined);
					else failed.set(externalKeyOf(m), error as Error);
				}
			}
		}
		for (const mapping of updates) {
			const key = externalKeyOf(mapping);
			try {
				const rows = await this.client.upsertRow(anyOf('externalKey', [key]), toValues(mapping));
				const saved = rows.length ? toMapping(rows[rows.length - 1]) : mapping;
				this.remember({ ...mapping, updatedAt: saved.updatedAt || mapping.updatedAt }, existing.get(key));
			} catch (error) {
				failed.set(key, error as Error);
			}
		}
		const removals = changes.removals.filter((key) => existing.has(externalKeyOf(key)));
		for (const chunk of chunkForFilter('externalKey', removals.map(externalKeyOf))) {
			try {
				await this.client.deleteRows(anyOf('externalKey', chunk));
				for (const key of chunk) this.forget(existing.get(key)!, existing.get(key));
			} catch (error) {
				for (const key of chunk) failed.set(key, error as Error);
			}
		}
		const written = [...inserts, ...updates].filter((m) => !failed.has(externalKeyOf(m)));
		await this.removeDuplicates(written.filter((m) => !existing.has(externalKeyOf(m))).map(externalKeyOf));
		await this.undoSharedAworkIds(written, existing, failed);
		return { failed };
	}

	/**
	 * Keys that were missing can come out twice: on Postgres two upserts of a missing key at once
	 * both insert (each finds nothing to update; SQLite writes one at a time), and bulk inserts of
	 * one key by two executions do so on either database. Keep the row with the highest ID, which
	 * is also the one lookups read: a writer removes only rows it sees below another row of the
	 * key, so the highest, once committed, stays, and the writer that reads last sees them all.
	 */
	private async removeDuplicates(keys: string[]): Promise<void> {
		for (const chunk of chunkForFilter('externalKey', keys)) {
			// Best effort: duplicates left behind are read as one (newest wins) and removed by the next save.
			const rows = await this.client.queryRows(anyOf('externalKey', chunk)).catch(() => []);
			const highest = new Map<string, number>();
			for (const row of rows) highest.set(row.externalKey, Math.max(highest.get(row.externalKey) ?? 0, Number(row.id)));
			const extra = rows.map((row) => Number(row.id)).filter((id, i) => id !== highest.get(rows[i].externalKey));
			for (let start = 0; start < extra.length; start += MAX_KEYS_PER_FILTER) {
				const ids = extra.slice(start, start + MAX_KEYS_PER_FILTER);
				const filter = { type: 'or' as const, filters: ids.map((id) => ({ columnName: 'id', condition: 'eq' as const, value: id })) };
				await this.client.deleteRows(filter).catch(() => undefined);
			}
		}
	}

	/**
	 * One-to-one after the fact: two executions that save different external IDs for one awork ID
	 * at the same moment both found it free before writing. Read back who holds each awork ID just
	 * written; a save that finds another external ID there gives way: its row is deleted (or its
	 * previous value put back) and it fails. Both may give way, never both stay.
	 */
	private async undoSharedAworkIds(written: Mapping[], existing: Map<string, Mapping>, failed: Map<string, Error>): Promise<void> {
		if (!written.length) return;
		const holders = new Map<string, Set<string>>();
		for (const chunk of chunkForFilter('aworkKey', [...new Set(written.map(aworkKeyOf))])) {
			let rows: MappingRow[];
			try {
				rows = await this.client.queryRows(anyOf('aworkKey', chunk));
			} catch (error) {
				const keys = new Set(chunk);
				for (const m of written) if (keys.has(aworkKeyOf(m))) failed.set(externalKeyOf(m), error as Error);
				continue;
			}
			for (const row of rows) holders.set(row.aworkKey, (holders.get(row.aworkKey) ?? new Set()).add(row.externalKey));
		}
		for (const mapping of written) {
			const key = externalKeyOf(mapping);
			const others = [...(holders.get(aworkKeyOf(mapping)) ?? [])].filter((holder) => holder !== key);
			if (!others.length || failed.has(key)) continue;
			const previous = existing.get(key);
			const mine = { type: 'and' as const, filters: [...anyOf('externalKey', [key]).filters, ...anyOf('aworkKey', [aworkKeyOf(mapping)]).filters] };
			// Best effort: a row left behind is found by the next save of this awork ID, which then fails the same way.
			await (previous ? this.client.upsertRow(mine, toValues(previous)) : this.client.deleteRows(mine)).catch(() => undefined);
			this.cache.byExternal.delete(key);
			this.cache.byAwork.delete(aworkKeyOf(mapping));
			const holder = others[0].slice(mapping.namespace.length + 1);
			failed.set(
				key,
				new ApplicationError(
					`awork ID "${mapping.aworkId}" was mapped to external ID "${holder}" in namespace "${mapping.namespace}" by another execution at the same time; this save was undone`,
				),
			);
		}
	}

	async list(options: ListOptions): Promise<Mapping[]> {
		const filter = options.namespace
			? { type: 'and' as const, filters: [{ columnName: 'namespace', condition: 'eq' as const, value: options.namespace }] }
			: {
					type: 'and' as const,
					filters: [CHECKPOINT_NAMESPACE, CLAIM_NAMESPACE].map((value) => ({ columnName: 'namespace', condition: 'neq' as const, value })),
				};
		const rows = await this.client.queryRows(filter, options.limit);
		return rows.map(toMapping);
	}

	async getCheckpoint(name: string): Promise<Checkpoint | undefined> {
		const key = externalKeyOf({ namespace: CHECKPOINT_NAMESPACE, externalId: name });
		const row = (await this.fetchByColumn('externalKey', [key])).get(key);
		if (!row) return undefined;
		return { name, value: String(parseData(row.data)?.value ?? ''), updatedAt: row.updatedAt };
	}

	async putCheckpoint(name: string, value: string): Promise<Checkpoint> {
		const key = externalKeyOf({ namespace: CHECKPOINT_NAMESPACE, externalId: name });
		const rows = await this.client.upsertRow(anyOf('externalKey', [key]), {
			namespace: CHECKPOINT_NAMESPACE,
			externalId: name,
			aworkId: '',
			externalKey: key,
			aworkKey: '',
			data: JSON.stringify({ value }),
		});
		await this.removeDuplicates([key]);
		const updatedAt = rows[rows.length - 1]?.updatedAt ?? new Date().toISOString();
		return { name, value, updatedAt };
	}

	/** See ClaimTable (dataTable/claims.ts) for why this holds on Postgres as on SQLite. */
	async takeClaim(name: string, holder: string, leaseMs: number): Promise<ClaimOutcome> {
		return await new ClaimTable(this.client, name, holder, leaseMs).take();
	}
}
