/** The rate of a time entry: the first row of the rate table that matches it, else the default rate. */
import type { CompleteTimeEntry } from '../../../../shared/billing/billingRecord';

export type RateMatch = 'project' | 'typeOfWork' | 'user';

export interface RateRow {
	matchBy: RateMatch;
	/** An awork ID or a name (compared without case). */
	value: string;
	rate: number;
}

const same = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

function matches(row: RateRow, entry: CompleteTimeEntry): boolean {
	switch (row.matchBy) {
		case 'project':
			return same(entry.projectId, row.value) || same(entry.projectName, row.value);
		case 'typeOfWork':
			return same(entry.typeOfWorkId, row.value) || same(entry.typeOfWorkName, row.value);
		case 'user':
			return same(entry.userId, row.value) || same(entry.userName, row.value);
	}
}

export function rateOf(entry: CompleteTimeEntry, rows: RateRow[], defaultRate: number): number {
	return rows.find((row) => matches(row, entry))?.rate ?? defaultRate;
}
