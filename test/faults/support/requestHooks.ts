/**
 * Calls a listener the moment a fake receives an API request, before the fake handles it: the
 * place to pull the plug on n8n while a write is in flight (the write still lands, the answer
 * goes nowhere). Works on both fakes through their shared request log.
 */
import type { RequestLogEntry } from '../../../devkit/fakes/shared/fakeServer';

export type RequestListener = (entry: RequestLogEntry) => void;

const listeners = new WeakMap<RequestLogEntry[], Set<RequestListener>>();

/** Adds a listener to a fake's request log; returns a function that removes it. */
export function onRequest(log: RequestLogEntry[], listener: RequestListener): () => void {
	let set = listeners.get(log);
	if (!set) {
		const own = new Set<RequestListener>();
		set = own;
		listeners.set(log, own);
		const push = log.push.bind(log);
		// The fake logs each API request before it waits, faults or handles it.
		log.push = (...entries: RequestLogEntry[]) => {
			const length = push(...entries);
			for (const entry of entries) for (const call of [...own]) call(entry);
			return length;
		};
	}
	set.add(listener);
	return () => set!.delete(listener);
}

/** Calls `action` once, when the `count`-th request matching `match` arrives. */
export function onNthRequest(
	log: RequestLogEntry[],
	match: (entry: RequestLogEntry) => boolean,
	count: number,
	action: (entry: RequestLogEntry) => void,
): () => void {
	let seen = 0;
	const remove = onRequest(log, (entry) => {
		if (!match(entry)) return;
		seen++;
		if (seen === count) {
			remove();
			action(entry);
		}
	});
	return remove;
}
