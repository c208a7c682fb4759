/** Small pieces the model files share: default filling, stamps and the nested models awork embeds. */
import { isoNow, newId, resourceVersion, type AworkStore, type Rec } from '../store';

/**
 * Defaults overlaid with the input. Keys starting with `_` are fake-only switches (e.g. `_unauthorized`)
 * and are not stored; `undefined` values keep the default.
 */
export function fill(defaults: Rec, input: Record<string, unknown> = {}): Rec {
	const rec: Rec = { ...defaults };
	for (const [key, value] of Object.entries(input)) {
		if (key.startsWith('_') || value === undefined) continue;
		rec[key] = value;
	}
	if (typeof rec.id === 'string') rec.id = rec.id.toLowerCase();
	return rec;
}

/** createdOn/createdBy/updatedOn/updatedBy for a new record. */
export function stamps(store: AworkStore) {
	const now = isoNow();
	return { createdOn: now, createdBy: store.meUserId, updatedOn: now, updatedBy: store.meUserId };
}

export const versioned = () => ({ resourceVersion: resourceVersion() });

export { newId };

export function nestedType(rec: Rec | undefined) {
	if (!rec) return null;
	return { id: rec.id, name: rec.name ?? null, icon: rec.icon ?? null, isArchived: rec.isArchived ?? false };
}

export function nestedStatus(rec: Rec | undefined) {
	if (!rec) return null;
	return {
		id: rec.id,
		name: rec.name ?? null,
		description: rec.description ?? null,
		type: rec.type ?? null,
		isArchived: rec.isArchived ?? false,
	};
}

export function nestedCompany(rec: Rec | undefined, withTags = false) {
	if (!rec) return null;
	const company: Record<string, unknown> = {
		id: rec.id,
		name: rec.name,
		hasImage: rec.hasImage ?? false,
		description: rec.description ?? null,
	};
	if (withTags) company.tags = rec.tags ?? [];
	return company;
}

export function nestedUser(rec: Rec | undefined) {
	if (!rec) return null;
	return {
		id: rec.id,
		firstName: rec.firstName ?? null,
		lastName: rec.lastName ?? null,
		hasImage: rec.hasImage ?? false,
		isExternal: false,
	};
}

/** Custom field values as awork returns them (with the selected option resolved). */
export function renderCustomFields(store: AworkStore, values: Rec[] | undefined) {
	return (values ?? []).map((value) => {
		const definition = store.customFieldDefinitions.get(value.customFieldDefinitionId);
		const option = (definition?.selectionOptions as Rec[] | undefined)?.find((o) => o.id === value.selectionOptionIdValue);
		return { ...value, selectionOption: option ?? null };
	});
}
