/**
 * Resolves property paths like `projectStatus/type` or `project/companyId` on stored records,
 * the way awork's filterby/orderby see them: case-insensitive names, `/` into nested or related entities.
 */
import type { AworkStore, CollectionName, Rec } from '../store';

export class QueryError extends Error {}

export interface ListSpec {
	collection: CollectionName;
	/** Navigation properties: following them loads the related record (so `project/companyId` works). */
	links?: Record<string, { collection: CollectionName; idOf: (rec: Rec) => unknown }>;
	/** Properties awork calculates (not stored on the record). */
	computed?: Record<string, (rec: Rec) => unknown>;
	/** The API model of a record. */
	render: (rec: Rec) => Record<string, any>;
}

export type SpecRegistry = { store: AworkStore; specs: Record<CollectionName, ListSpec> };

export type Getter = (rec: Rec) => unknown;

/** The property names a collection's API model has (from a rendered sample), lower case -> awork's name. */
function knownNames(registry: SpecRegistry, spec: ListSpec): { names?: Map<string, string>; sample?: Rec } {
	const sample = registry.store.collections[spec.collection].values().next().value as Rec | undefined;
	if (!sample) return {};
	const names = new Map<string, string>();
	for (const key of Object.keys(spec.render(sample))) names.set(key.toLowerCase(), key);
	for (const key of Object.keys(spec.links ?? {})) names.set(key.toLowerCase(), key);
	for (const key of Object.keys(spec.computed ?? {})) names.set(key.toLowerCase(), key);
	return { names, sample };
}

function findKey(obj: Record<string, unknown>, name: string): string | undefined {
	if (name in obj) return name;
	const lower = name.toLowerCase();
	return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

/** Walks plain nested objects (e.g. a rendered `projectStatus`), matching names case-insensitively. */
function walk(value: unknown, segments: string[]): unknown {
	let current = value;
	for (const segment of segments) {
		if (current === null || current === undefined) return null;
		if (typeof current !== 'object' || Array.isArray(current)) {
			throw new QueryError(`'${segment}' cannot be read from a ${Array.isArray(current) ? 'list' : typeof current} value`);
		}
		const key = findKey(current as Record<string, unknown>, segment);
		current = key === undefined ? null : (current as Record<string, unknown>)[key];
	}
	return current ?? null;
}

export function compilePath(registry: SpecRegistry, spec: ListSpec, segments: string[]): Getter {
	const [first, ...rest] = segments;
	const { names, sample } = knownNames(registry, spec);
	let name = first;
	if (names) {
		const canonical = names.get(first.toLowerCase());
		if (!canonical) throw new QueryError(`Unknown property '${first}' on ${spec.collection}`);
		name = canonical;
	}
	const link = spec.links?.[name];
	if (link) {
		const target = registry.specs[link.collection];
		const inner: Getter = rest.length ? compilePath(registry, target, rest) : (r) => target.render(r);
		return (rec) => {
			const related = registry.store.get(link.collection, link.idOf(rec));
			return related ? inner(related) : null;
		};
	}
	let base: Getter;
	const computed = spec.computed?.[name];
	if (computed) base = computed;
	else if (!sample || name in sample) base = (rec) => rec[name] ?? null;
	else base = (rec) => spec.render(rec)[name] ?? null;
	if (!rest.length) return base;
	return (rec) => walk(base(rec), rest);
}
