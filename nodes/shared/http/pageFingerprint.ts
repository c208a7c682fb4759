/**
 * What identifies a page's content: its rows' IDs, or the rows themselves when they have none.
 * A server that ignores the paging parameter answers every page with the same rows; comparing a
 * page with the one before stops a list from being read forever.
 */
export function pageFingerprint(rows: unknown[]): string {
	return JSON.stringify(rows.map((row) => (row as { id?: unknown })?.id ?? row));
}
