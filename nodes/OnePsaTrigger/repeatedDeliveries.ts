/**
 * Recognises a signed delivery seen before within the replay window: the same raw bytes, so the
 * same signature. Remembered in this process, which also catches deliveries that arrive at the
 * same moment (each reads the static data before either is saved), and in the node's static data
 * for after a restart. n8n 2.41 saves the latter only while the workflow had no static data: its
 * runner resets the change flag before the webhook's save (docs/reliability.md, attack table).
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** At most this many deliveries are remembered per trigger; the ones closest to expiry go first. */
export const MAX_REMEMBERED_DELIVERIES = 1000;
const MAX_REMEMBERED_IN_PROCESS = 20_000;
const STATIC_KEY = 'recentDeliveries';

const inProcess = new Map<string, number>();

export function deliveryKey(rawBody: Buffer): string {
	return createHash('sha256').update(rawBody).digest('hex').slice(0, 32);
}

function prune(entries: Array<[string, number]>, nowMs: number, max: number): Array<[string, number]> {
	const live = entries.filter(([, expiresAt]) => typeof expiresAt === 'number' && expiresAt > nowMs);
	return live.length <= max ? live : live.sort((a, b) => b[1] - a[1]).slice(0, max);
}

/**
 * True when this delivery was already accepted and is still remembered; otherwise remembers it
 * until `expiresAtMs` and returns false.
 */
export function isRepeatedDelivery(staticData: IDataObject, scope: string, key: string, expiresAtMs: number, nowMs: number): boolean {
	const stored = staticData[STATIC_KEY];
	const remembered = prune(
		stored && typeof stored === 'object' && !Array.isArray(stored) ? Object.entries(stored as Record<string, number>) : [],
		nowMs,
		MAX_REMEMBERED_DELIVERIES - 1,
	);
	const processKey = `${scope}:${key}`;
	const seenHere = (inProcess.get(processKey) ?? 0) > nowMs;
	const seenStored = remembered.some(([storedKey]) => storedKey === key);
	if (seenHere || seenStored) return true;

	// A new object each time, so n8n notices the change and saves it.
	staticData[STATIC_KEY] = Object.fromEntries([...remembered, [key, expiresAtMs]]);
	inProcess.set(processKey, expiresAtMs);
	if (inProcess.size > MAX_REMEMBERED_IN_PROCESS) {
		const kept = prune([...inProcess.entries()], nowMs, MAX_REMEMBERED_IN_PROCESS / 2);
		inProcess.clear();
		for (const [entryKey, expiresAt] of kept) inProcess.set(entryKey, expiresAt);
	}
	return false;
}

/** Forgets what this process remembers (tests start from a clean slate). */
export function forgetRepeatedDeliveriesInProcess(): void {
	inProcess.clear();
}
