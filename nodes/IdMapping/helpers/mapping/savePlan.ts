/**
 * Decides what a bulk save writes, keeping every namespace one-to-one: an awork ID belongs to
 * at most one external ID. Works on what the store holds plus the earlier items of the batch.
 */
import { aworkKeyOf, externalKeyOf, type ExternalKey, type Mapping } from '../../stores/mappingStore';

export interface SaveRequest {
	itemIndex: number;
	mapping: Mapping;
}

export interface SavePlan {
	upserts: Mapping[];
	removals: ExternalKey[];
	/** Per item: the mapping it saves, or why it cannot be saved. */
	results: Map<number, { mapping: Mapping; replaced?: Mapping } | { conflict: string }>;
}

export function planSave(
	requests: SaveRequest[],
	storedByExternal: Map<string, Mapping>,
	storedByAwork: Map<string, Mapping>,
	replaceConflicts: boolean,
): SavePlan {
	// What the batch has changed so far: key -> id, or null once removed.
	const aworkOfExternal = new Map<string, string | null>();
	const externalOfAwork = new Map<string, string | null>();
	const upserts = new Map<string, Mapping>();
	const removals = new Map<string, ExternalKey>();
	const results: SavePlan['results'] = new Map();

	const aworkIdOf = (namespace: string, externalId: string) => {
		const key = externalKeyOf({ namespace, externalId });
		return aworkOfExternal.has(key) ? aworkOfExternal.get(key) : storedByExternal.get(key)?.aworkId;
	};
	const holderOf = (namespace: string, aworkId: string) => {
		const key = aworkKeyOf({ namespace, aworkId });
		return externalOfAwork.has(key) ? externalOfAwork.get(key) : storedByAwork.get(key)?.externalId;
	};

	for (const { itemIndex, mapping } of requests) {
		const { namespace, externalId, aworkId } = mapping;
		const holder = holderOf(namespace, aworkId);
		let replaced: Mapping | undefined;
		if (holder !== undefined && holder !== null && holder !== externalId) {
			if (!replaceConflicts) {
				results.set(itemIndex, {
					conflict: `awork ID "${aworkId}" is already mapped to external ID "${holder}" in namespace "${namespace}"`,
				});
				continue;
			}
			const holderKey = externalKeyOf({ namespace, externalId: holder });
			const storedHolder = storedByExternal.get(holderKey) ?? storedByAwork.get(aworkKeyOf(mapping));
			replaced = upserts.get(holderKey) ?? storedHolder;
			upserts.delete(holderKey);
			if (storedHolder?.externalId === holder) removals.set(holderKey, { namespace, externalId: holder });
			aworkOfExternal.set(holderKey, null);
		}
		const previousAworkId = aworkIdOf(namespace, externalId);
		if (previousAworkId && previousAworkId !== aworkId && holderOf(namespace, previousAworkId) === externalId) {
			externalOfAwork.set(aworkKeyOf({ namespace, aworkId: previousAworkId }), null);
		}
		const key = externalKeyOf(mapping);
		aworkOfExternal.set(key, aworkId);
		externalOfAwork.set(aworkKeyOf(mapping), externalId);
		upserts.set(key, mapping);
		removals.delete(key);
		results.set(itemIndex, { mapping, replaced });
	}
	return { upserts: [...upserts.values()], removals: [...removals.values()], results };
}
