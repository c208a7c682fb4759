/**
 * One interface, two stores (workflow static data, n8n Data Table). Operations speak only to
 * this interface; they never know which store holds the mappings.
 */
import type { IDataObject } from 'n8n-workflow';

/** A two-way link between an ID in the outside system (PSA) and an ID in awork. */
export interface Mapping {
	namespace: string;
	externalId: string;
	aworkId: string;
	/** Small extra data saved with the mapping (URL, number, ...), or null. */
	data: IDataObject | null;
	/** When the mapping was last saved, ISO 8601. */
	updatedAt: string;
}

export interface ExternalKey {
	namespace: string;
	externalId: string;
}

export interface AworkKey {
	namespace: string;
	aworkId: string;
}

/** A named cursor: how far a sync has gone. */
export interface Checkpoint {
	name: string;
	value: string;
	updatedAt: string;
}

/** Who holds a named claim after a take. */
export interface ClaimOutcome {
	/** Whether the caller holds the claim now. */
	claimed: boolean;
	/** The holder of the claim: the caller when claimed, else the one that holds it. */
	holder: string;
	/** When the holder took the claim, ISO 8601. */
	takenAt: string;
	/** When the holder's lease ends (by the holder's own lease, not the caller's), ISO 8601. */
	expiresAt: string;
}

export interface MappingWrite {
	/** Mappings to insert or overwrite, identified by namespace + external ID. */
	upserts: Mapping[];
	/** Mappings to remove, identified by namespace + external ID. Applied after the upserts. */
	removals: ExternalKey[];
}

export interface WriteOutcome {
	/** Writes that did not land, keyed by externalKeyOf(...); everything else landed. */
	failed: Map<string, Error>;
}

export interface ListOptions {
	/** Only this namespace; all namespaces when empty. */
	namespace?: string;
	/** At most this many mappings; all when undefined. */
	limit?: number;
}

export interface MappingStore {
	/** Mappings for the given external IDs, keyed by externalKeyOf(...). Missing keys are absent. */
	findByExternalIds(keys: ExternalKey[]): Promise<Map<string, Mapping>>;
	/** Mappings for the given awork IDs, keyed by aworkKeyOf(...). Missing keys are absent. */
	findByAworkIds(keys: AworkKey[]): Promise<Map<string, Mapping>>;
	write(changes: MappingWrite): Promise<WriteOutcome>;
	list(options: ListOptions): Promise<Mapping[]>;
	getCheckpoint(name: string): Promise<Checkpoint | undefined>;
	putCheckpoint(name: string, value: string): Promise<Checkpoint>;
	/**
	 * Takes the named claim for `holder` for `leaseMs`, unless another holder's own lease on it has
	 * not ended yet.
	 * Of the holders that try at the same time, exactly one gets it. Taking a claim one already
	 * holds succeeds again.
	 */
	takeClaim(name: string, holder: string, leaseMs: number): Promise<ClaimOutcome>;
}

/** Namespaces never contain ':' (checked when read), so these keys are unambiguous. */
export function externalKeyOf(key: ExternalKey): string {
	return `${key.namespace}:${key.externalId}`;
}

export function aworkKeyOf(key: AworkKey): string {
	return `${key.namespace}:${key.aworkId}`;
}
