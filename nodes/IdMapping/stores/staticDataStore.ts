/**
 * Mappings in the workflow's global static data. Each namespace keeps two plain string maps
 * (external -> awork and awork -> external), so a lookup is one property read either way,
 * however many mappings there are. Values are strings, not objects, because n8n wraps every
 * object in static data in a change-tracking Proxy when it loads the workflow.
 */
import { randomUUID } from 'crypto';
import { ApplicationError, type IDataObject } from 'n8n-workflow';
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

export const STATIC_DATA_KEY = 'idMapping';

/**
 * Claims live in this n8n process, not in static data: executions that run at the same time each
 * load and save their own copy of static data, so they could not see each other's claims there.
 */
const claimsInProcess = new Map<string, { holder: string; takenAt: number; expiresAt: number }>();
/** Expired claims are dropped once this many are kept. */
const MAX_CLAIMS_IN_PROCESS = 1000;

/**
 * Which external ID this process last saved for an awork ID, per workflow, static data generation
 * and namespace. Two executions that run at the same time each load and save their own copy of
 * static data, so neither copy shows the other's mapping: this is what lets the second of them
 * see the first and fail. The generation (a random ID saved with the mappings) keeps entries
 * from speaking for static data that was since replaced (a re-imported workflow).
 */
const savedInProcess = new Map<string, { externalId: string; savedAt: number }>();
/** An entry older than this no longer speaks for a running execution. */
const SAVED_IN_PROCESS_MS = 60 * 60 * 1000;
const MAX_SAVED_IN_PROCESS = 10000;

interface NamespaceIndex {
	/** externalId -> aworkId */
	toAwork: Record<string, string>;
	/** aworkId -> externalId */
	toExternal: Record<string, string>;
	/** externalId -> "<updatedAt>" or "<updatedAt> <JSON of data>" */
	details: Record<string, string>;
}

export interface StaticDataLayout {
	version: 1;
	/** Random ID of this set of mappings; see savedInProcess. */
	generation?: string;
	namespaces: Record<string, NamespaceIndex>;
	checkpoints: Record<string, { value: string; updatedAt: string }>;
}

interface Details {
	data: IDataObject | null;
	updatedAt: string;
}

/*
 * IDs are keys of plain objects, so an ID such as "constructor" or "__proto__" must never be read
 * from the prototype or set through its setter: static data is JSON, so the maps cannot have a
 * null prototype once n8n loads them again. Every key goes through these three.
 */
function own<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

function deleteOwn<T>(record: Record<string, T>, key: string): void {
	if (Object.prototype.hasOwnProperty.call(record, key)) delete record[key];
}

function parseDetails(text: string | undefined): Details {
	if (!text) return { data: null, updatedAt: '' };
	const space = text.indexOf(' ');
	if (space < 0) return { data: null, updatedAt: text };
	try {
		return { data: JSON.parse(text.slice(space + 1)) as IDataObject, updatedAt: text.slice(0, space) };
	} catch {
		return { data: null, updatedAt: text.slice(0, space) };
	}
}

function formatDetails(details: Details): string {
	return details.data === null ? details.updatedAt : `${details.updatedAt} ${JSON.stringify(details.data)}`;
}

export class StaticDataStore implements MappingStore {
	constructor(
		/** The object returned by getWorkflowStaticData('global'). */
		private readonly globalData: IDataObject,
		/** Keeps one workflow's claims apart from another's (the workflow ID). */
		private readonly claimScope = '',
	) {}

	private layout(create: boolean): StaticDataLayout | undefined {
		let layout = this.globalData[STATIC_DATA_KEY] as StaticDataLayout | undefined;
		if (!layout && create) {
			layout = { version: 1, generation: randomUUID(), namespaces: {}, checkpoints: {} };
			this.globalData[STATIC_DATA_KEY] = layout as unknown as IDataObject;
		}
		return layout;
	}

	private namespace(name: string, create: boolean): NamespaceIndex | undefined {
		const layout = this.layout(create);
		if (!layout) return undefined;
		let index = own(layout.namespaces, name);
		if (!index && create) {
			index = { toAwork: {}, toExternal: {}, details: {} };
			setOwn(layout.namespaces, name, index);
		}
		return index;
	}

	/** n8n saves static data only when it saw a change; reassigning the top key guarantees that. */
	private markChanged(): void {
		const layout = this.globalData[STATIC_DATA_KEY];
		this.globalData[STATIC_DATA_KEY] = layout;
	}

	private read(namespace: string, index: NamespaceIndex, externalId: string): Mapping | undefined {
		const aworkId = own(index.toAwork, externalId);
		if (aworkId === undefined) return undefined;
		const details = parseDetails(own(index.details, externalId));
		return { namespace, externalId, aworkId, data: details.data, updatedAt: details.updatedAt };
	}

	async findByExternalIds(keys: ExternalKey[]): Promise<Map<string, Mapping>> {
		const found = new Map<string, Mapping>();
		for (const key of keys) {
			const index = this.namespace(key.namespace, false);
			const mapping = index && this.read(key.namespace, index, key.externalId);
			if (mapping) found.set(externalKeyOf(key), mapping);
		}
		return found;
	}

	async findByAworkIds(keys: AworkKey[]): Promise<Map<string, Mapping>> {
		const found = new Map<string, Mapping>();
		for (const key of keys) {
			const index = this.namespace(key.namespace, false);
			const externalId = index && own(index.toExternal, key.aworkId);
			const mapping = externalId !== undefined && index && this.read(key.namespace, index, externalId);
			if (mapping) found.set(aworkKeyOf(key), mapping);
		}
		return found;
	}

	private forgetSaved(namespace: string, aworkId: string, externalId: string): void {
		if (savedInProcess.get(this.savedKey(namespace, aworkId))?.externalId === externalId) this.rememberSaved(namespace, aworkId, undefined, 0);
	}

	private savedKey(namespace: string, aworkId: string): string {
		const layout = this.layout(true)!;
		// Layouts saved before generations existed get one now; it is saved with this write.
		if (typeof layout.generation !== 'string') layout.generation = randomUUID();
		return `${this.claimScope}\u0000${layout.generation}\u0000${namespace}\u0000${aworkId}`;
	}

	/** The external ID another execution of this process saved for the awork ID, unless this write removes it. */
	private savedElsewhere(mapping: Mapping, removals: MappingWrite['removals'], now: number): string | undefined {
		const saved = savedInProcess.get(this.savedKey(mapping.namespace, mapping.aworkId));
		if (!saved || saved.externalId === mapping.externalId || now - saved.savedAt > SAVED_IN_PROCESS_MS) return undefined;
		const removed = removals.some((key) => key.namespace === mapping.namespace && key.externalId === saved.externalId);
		return removed ? undefined : saved.externalId;
	}

	private rememberSaved(namespace: string, aworkId: string, externalId: string | undefined, now: number): void {
		const key = this.savedKey(namespace, aworkId);
		if (externalId === undefined) savedInProcess.delete(key);
		else savedInProcess.set(key, { externalId, savedAt: now });
		if (savedInProcess.size > MAX_SAVED_IN_PROCESS) savedInProcess.delete(savedInProcess.keys().next().value as string);
	}

	/**
	 * In memory and synchronous (nothing awaited), so of executions that run at the same time the
	 * first to write wins: a later one that maps another external ID to the same awork ID fails.
	 * Either every other change lands or (on a thrown error) none is saved by n8n.
	 */
	async write(changes: MappingWrite): Promise<WriteOutcome> {
		const failed = new Map<string, Error>();
		const now = Date.now();
		let landed = 0;
		for (const mapping of changes.upserts) {
			const holder = this.savedElsewhere(mapping, changes.removals, now);
			if (holder !== undefined) {
				failed.set(
					externalKeyOf(mapping),
					new ApplicationError(
						`awork ID "${mapping.aworkId}" was mapped to external ID "${holder}" in namespace "${mapping.namespace}" by another execution at the same time; this mapping was not saved`,
					),
				);
				continue;
			}
			const index = this.namespace(mapping.namespace, true)!;
			const previousAworkId = own(index.toAwork, mapping.externalId);
			if (previousAworkId !== undefined && previousAworkId !== mapping.aworkId) {
				if (own(index.toExternal, previousAworkId) === mapping.externalId) deleteOwn(index.toExternal, previousAworkId);
				this.forgetSaved(mapping.namespace, previousAworkId, mapping.externalId);
			}
			this.rememberSaved(mapping.namespace, mapping.aworkId, mapping.externalId, now);
			setOwn(index.toAwork, mapping.externalId, mapping.aworkId);
			setOwn(index.toExternal, mapping.aworkId, mapping.externalId);
			setOwn(index.details, mapping.externalId, formatDetails(mapping));
			landed++;
		}
		for (const key of changes.removals) {
			const index = this.namespace(key.namespace, false);
			if (!index) continue;
			const aworkId = own(index.toAwork, key.externalId);
			if (aworkId === undefined) continue;
			deleteOwn(index.toAwork, key.externalId);
			deleteOwn(index.details, key.externalId);
			if (own(index.toExternal, aworkId) === key.externalId) deleteOwn(index.toExternal, aworkId);
			this.forgetSaved(key.namespace, aworkId, key.externalId);
			landed++;
		}
		// Nothing landed: leave static data unmarked, so this run does not save over the one that won.
		if (landed) this.markChanged();
		return { failed };
	}

	async list(options: ListOptions): Promise<Mapping[]> {
		const layout = this.layout(false);
		if (!layout) return [];
		const names = options.namespace ? [options.namespace] : Object.keys(layout.namespaces).sort();
		const result: Mapping[] = [];
		const limit = options.limit ?? Infinity;
		for (const name of names) {
			const index = own(layout.namespaces, name);
			if (!index) continue;
			for (const externalId of Object.keys(index.toAwork)) {
				if (result.length >= limit) return result;
				result.push(this.read(name, index, externalId)!);
			}
		}
		return result;
	}

	async getCheckpoint(name: string): Promise<Checkpoint | undefined> {
		const checkpoints = this.layout(false)?.checkpoints;
		const stored = checkpoints && own(checkpoints, name);
		return stored ? { name, value: stored.value, updatedAt: stored.updatedAt } : undefined;
	}

	async putCheckpoint(name: string, value: string): Promise<Checkpoint> {
		const layout = this.layout(true)!;
		const updatedAt = new Date().toISOString();
		setOwn(layout.checkpoints, name, { value, updatedAt });
		this.markChanged();
		return { name, value, updatedAt };
	}

	async takeClaim(name: string, holder: string, leaseMs: number): Promise<ClaimOutcome> {
		const key = `${this.claimScope}\u0000${name}`;
		const now = Date.now();
		const current = claimsInProcess.get(key);
		// Checked and set with no await in between, so concurrent executions cannot both win.
		if (current && current.holder !== holder && now < current.expiresAt) {
			return {
				claimed: false,
				holder: current.holder,
				takenAt: new Date(current.takenAt).toISOString(),
				expiresAt: new Date(current.expiresAt).toISOString(),
			};
		}
		const kept = current?.holder === holder && now < current.expiresAt ? current : { holder, takenAt: now, expiresAt: now + leaseMs };
		claimsInProcess.set(key, kept);
		if (claimsInProcess.size > MAX_CLAIMS_IN_PROCESS) {
			for (const [other, claim] of claimsInProcess) if (claim.expiresAt <= now) claimsInProcess.delete(other);
		}
		return { claimed: true, holder, takenAt: new Date(kept.takenAt).toISOString(), expiresAt: new Date(kept.expiresAt).toISOString() };
	}
}
