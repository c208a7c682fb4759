/**
 * A server that ignores the paging parameter answers every page with the same rows; comparing a
 * page with the one before stops a list from being read forever.
 */

/** What identifies a page's content: its rows' IDs, or the rows themselves when they have none. */
export function pageFingerprint(rows: unknown[]): string {
	return JSON.stringify(rows.map((row) => (row as { id?: unknown })?.id ?? row));
}

/** A check for one list: whether a page holds the same rows as the page read before it (an empty page never does). */
export function repeatedPageCheck(): (rows: unknown[]) => boolean {
	let previous: string | undefined;
	return (rows) => {
		const fingerprint = pageFingerprint(rows);
		const repeated = rows.length > 0 && fingerprint === previous;
		previous = fingerprint;
		return repeated;
	};
}
