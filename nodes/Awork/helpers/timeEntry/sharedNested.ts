import type { IDataObject } from 'n8n-workflow';

/** Whether two plain values (nested objects of scalars) hold the same data. */
function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
	const keysA = Object.keys(a);
	if (keysA.length !== Object.keys(b).length) return false;
	return keysA.every((key) => sameValue((a as IDataObject)[key], (b as IDataObject)[key]));
}

/**
 * Hands out one object per distinct user, project, task and type of work of a read, so 10,000
 * entries on 10 projects carry 10 project objects: n8n keeps and stores each object once (its
 * execution data is flatted). n8n's nodes copy an item before changing it, as they must, since
 * n8n passes the same items to every node a branch feeds.
 */
export class SharedNested {
	private readonly known = new Map<string, IDataObject>();

	of(kind: string, slim: IDataObject | null): IDataObject | null {
		if (slim === null) return null;
		const key = `${kind}|${String(slim.id)}`;
		const known = this.known.get(key);
		if (known && sameValue(known, slim)) return known;
		if (!known) this.known.set(key, slim);
		return slim;
	}
}
