/**
 * Claims in the data table: one row per take, in the namespace "_claim", `aworkId` = holder,
 * `aworkKey` = a token naming the row, `data` = {takenAt, expiresAt, pending?}.
 *
 * Why not "the row with the lowest ID wins": on Postgres a row ID is drawn when the insert starts,
 * not when it commits, so a taker can read the table while a lower ID is still uncommitted, see
 * its own row first, and win next to the taker that commits that lower ID a moment later (SQLite
 * writes one at a time and hides this).
 *
 * What holds on both databases: each insert commits before its taker reads, and each read sees
 * everything committed before it. So of two takers, the one that reads last sees the other's row.
 * A taker therefore wins only when its read shows no live row of another holder; two takers that
 * see each other's rows back off. The one with the lowest ID keeps its (pending) row and reads
 * again; the others remove theirs and only watch until the claim is held or free. The winner marks
 * its row held, so later takers lose at once instead of backing off.
 */
import { randomUUID } from 'crypto';
import { ApplicationError, sleep } from 'n8n-workflow';
import type { ClaimOutcome } from '../mappingStore';
import { anyOf, type DataTableClient, type MappingRow, type RowFilter } from './dataTableClient';

export const CLAIM_NAMESPACE = '_claim';

/** How long a taker keeps trying while others take the same claim; then it reports the claim held. */
export const CLAIM_CONTENTION_LIMIT_MS = 15_000;
/** Pause before the lowest contender reads again. */
const CONTENTION_PAUSE_MS = 40;
/** Pause between reads of a taker that only watches (plus up to as much again at random): many
 * watchers reading fast would slow down n8n's answers to the one that is about to win. */
const WATCH_PAUSE_MS = 150;

interface ClaimData {
	takenAt?: string;
	expiresAt?: string;
	pending?: boolean;
}

function claimData(row: MappingRow): ClaimData {
	try {
		return (JSON.parse(row.data ?? '{}') as ClaimData) ?? {};
	} catch {
		return {};
	}
}

const takenAtOf = (row: MappingRow) => Date.parse(String(claimData(row).takenAt ?? row.createdAt));

/** Each row by its own lease. Rows written before expiries were stored end with the reader's lease. */
function expiresAtOf(row: MappingRow, readerLeaseMs: number): number {
	const stored = Date.parse(String(claimData(row).expiresAt ?? ''));
	return Number.isNaN(stored) ? takenAtOf(row) + readerLeaseMs : stored;
}

function outcomeOf(row: MappingRow, claimed: boolean, readerLeaseMs: number): ClaimOutcome {
	return {
		claimed,
		holder: row.aworkId,
		takenAt: new Date(takenAtOf(row)).toISOString(),
		expiresAt: new Date(expiresAtOf(row, readerLeaseMs)).toISOString(),
	};
}

type Read = { kind: 'held'; by: MappingRow } | { kind: 'free' } | { kind: 'contended'; lowest: boolean; others: MappingRow[] };

export class ClaimTable {
	private readonly key: string;

	constructor(
		private readonly client: DataTableClient,
		private readonly name: string,
		private readonly holder: string,
		private readonly leaseMs: number,
	) {
		this.key = `${CLAIM_NAMESPACE}:${name}`;
	}

	private rowOf(token: string): RowFilter {
		return {
			type: 'and',
			filters: [
				{ columnName: 'externalKey', condition: 'eq', value: this.key },
				{ columnName: 'aworkKey', condition: 'eq', value: token },
			],
		};
	}

	private async rows(): Promise<MappingRow[]> {
		return await this.client.queryRows(anyOf('externalKey', [this.key]));
	}

	/**
	 * What a read shows to the taker whose row is `mine` (undefined while only watching). Rows of
	 * others count when they were live when this take started (`at`), so a claim held then, even
	 * by a short lease, is not taken during the same take.
	 */
	private judge(rows: MappingRow[], at: number, mine: MappingRow | undefined): Read {
		const others = rows.filter((row) => row.aworkId !== this.holder && at < expiresAtOf(row, this.leaseMs));
		const heldByOther = others.find((row) => !claimData(row).pending);
		if (heldByOther) return { kind: 'held', by: heldByOther };
		if (!others.length) return { kind: 'free' };
		return { kind: 'contended', lowest: mine !== undefined && others.every((row) => Number(row.id) > Number(mine.id)), others };
	}

	async take(): Promise<ClaimOutcome> {
		const startedAt = Date.now();
		const deadline = startedAt + CLAIM_CONTENTION_LIMIT_MS;
		for (;;) {
			const outcome = await this.attempt(startedAt, deadline);
			if (outcome) return outcome;
			const watched = await this.watch(startedAt, deadline);
			if (watched) return watched;
		}
	}

	/** Inserts a pending row and reads until the claim is won, lost, or given up to others (undefined). */
	private async attempt(startedAt: number, deadline: number): Promise<ClaimOutcome | undefined> {
		const token = `${CLAIM_NAMESPACE}:${randomUUID()}`;
		const stamp = Date.now();
		const data: ClaimData = { takenAt: new Date(stamp).toISOString(), expiresAt: new Date(stamp + this.leaseMs).toISOString() };
		const values = { namespace: CLAIM_NAMESPACE, externalId: this.name, aworkId: this.holder, externalKey: this.key, aworkKey: token };
		const insert = this.client.insertRows([{ ...values, data: JSON.stringify({ ...data, pending: true }) }]);
		// A failed insert may have landed before its answer was lost; if not, its own error stands.
		const landed = await insert.then(
			() => true,
			async () => (await this.client.queryRows(this.rowOf(token)).catch(() => [])).length > 0,
		);
		if (!landed) await insert;
		const removeMine = async () => await this.client.deleteRows(this.rowOf(token)).catch(() => undefined);

		for (let reads = 0; ; reads++) {
			const rows = await this.rows();
			const mine = rows.find((row) => row.aworkKey === token);
			if (!mine) {
				// Later, or once its lease is over, the winner may have removed it; right after the insert it must be there.
				if (reads === 0 && Date.now() < stamp + this.leaseMs) {
					throw new ApplicationError(`The claim "${this.name}" was saved but could not be read back from the data table`);
				}
				return undefined;
			}
			const read = this.judge(rows, startedAt, mine);
			if (read.kind === 'held') {
				await removeMine();
				return outcomeOf(read.by, false, this.leaseMs);
			}
			if (read.kind === 'free') {
				return await this.win(rows, mine, token, data).catch(async (error: unknown) => {
					await removeMine();
					throw error;
				});
			}
			if (!read.lowest || Date.now() > deadline) {
				await removeMine();
				return undefined;
			}
			await sleep(CONTENTION_PAUSE_MS);
		}
	}

	/** Nobody else is live: keep the claim (or the one this holder already has) and tidy up. */
	private async win(rows: MappingRow[], mine: MappingRow, token: string, data: ClaimData): Promise<ClaimOutcome> {
		const now = Date.now();
		const earlier = rows.find((row) => row.aworkId === this.holder && row !== mine && !claimData(row).pending && now < expiresAtOf(row, this.leaseMs));
		let kept = mine;
		if (earlier) {
			// Taken again by its holder: the earlier row stands, so the lease is not stretched.
			kept = earlier;
		} else {
			await this.client.updateRows(this.rowOf(token), { data: JSON.stringify(data) });
		}
		const toDelete = rows.filter((row) => row !== kept && (row === mine || now >= expiresAtOf(row, this.leaseMs)));
		// Best effort: a row left behind expires with its own lease.
		for (const row of toDelete) {
			const filter = row.aworkKey
				? this.rowOf(row.aworkKey)
				: { type: 'and' as const, filters: [...this.rowOf('').filters, { columnName: 'aworkId', condition: 'eq' as const, value: row.aworkId }] };
			await this.client.deleteRows(filter).catch(() => undefined);
		}
		return outcomeOf(kept, true, this.leaseMs);
	}

	/** Reads without a row of its own until another holder has the claim, or it is free to try again. */
	private async watch(startedAt: number, deadline: number): Promise<ClaimOutcome | undefined> {
		for (;;) {
			await sleep(WATCH_PAUSE_MS + Math.floor(Math.random() * WATCH_PAUSE_MS));
			const read = this.judge(await this.rows(), startedAt, undefined);
			if (read.kind === 'held') return outcomeOf(read.by, false, this.leaseMs);
			if (read.kind === 'free') return undefined;
			if (Date.now() > deadline) {
				// Still contended after the limit: report it held by the oldest taker, never take it.
				return outcomeOf(read.others[0], false, this.leaseMs);
			}
		}
	}
}
