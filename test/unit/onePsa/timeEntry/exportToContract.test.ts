import { createHash } from 'node:crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { startFakeOnePsa, type RunningFakeOnePsa } from '../../../../devkit/fakes/onepsa';
import { AworkTestBed } from '../../awork/harness';
import { aworkTimeEntry, items, runOnePsa } from '../helpers';

const exportParameters = (options: INodeParameters = {}): INodeParameters => ({
	resource: 'timeEntry',
	operation: 'exportToContract',
	contractId: { __rl: true, mode: 'id', value: '={{ $json.contractId }}' },
	options,
});

const entries = (count: number, contractId = 'ctr_1', from = 0) =>
	items(Array.from({ length: count }, (_, n) => ({ ...aworkTimeEntry(from + n), contractId })));

const statuses = (run: { items: Array<{ json: { status?: unknown } }> }) => {
	const counts: Record<string, number> = {};
	for (const item of run.items) counts[String(item.json.status)] = (counts[String(item.json.status)] ?? 0) + 1;
	return counts;
};

/** A fake PSA with a batch contract, one without batch import and an expired one. */
async function startSeededPsa(): Promise<RunningFakeOnePsa> {
	const psa = await startFakeOnePsa();
	psa.fake.seed({
		companies: [{ id: 'cmp_acme', name: 'Acme' }],
		contracts: [
			{ id: 'ctr_1', number: 'C-1', companyId: 'cmp_acme' },
			{ id: 'ctr_single', number: 'C-2', companyId: 'cmp_acme', supportsBatch: false },
			{ id: 'ctr_old', number: 'C-3', companyId: 'cmp_acme', status: 'expired' },
		],
	});
	return psa;
}

describe('Time entry: Export to Contract', () => {
	let psa: RunningFakeOnePsa;

	beforeEach(async () => {
		psa = await startSeededPsa();
	});
	afterEach(async () => await psa.close());

	it('maps an awork time entry to the PSA shape', async () => {
		const run = await runOnePsa(psa, exportParameters(), {
			input: [{ json: { ...aworkTimeEntry(1, { duration: 5400, startDateLocal: '2024-06-03', startDateUtc: '2024-06-02T23:30:00Z' }), contractId: 'ctr_1' } }],
		});
		expect(run.error).toBeUndefined();
		expect(psa.fake.log[0].path).toBe('/api/contracts/ctr_1/time-entries/batch');
		expect(psa.fake.log[0].body).toEqual({
			entries: [{ externalId: 'aw-te-1', date: '2024-06-03', hours: 1.5, description: 'Work item 1', billable: true, userName: 'Ada Lovelace' }],
		});
		expect(run.items[0].json).toMatchObject({
			status: 'created',
			externalId: 'aw-te-1',
			contractId: 'ctr_1',
			date: '2024-06-03',
			hours: 1.5,
			psaTimeEntryId: psa.fake.state().timeEntries[0].id,
		});
	});

	it('exports the same 500 entries twice into exactly 500 PSA entries', async () => {
		// Room for the test itself; the node's own pacing is tested separately.
		await fetch(`${psa.controlUrl}/rate-limit`, { method: 'PUT', body: JSON.stringify({ limit: 10_000, intervalMs: 60_000 }) });
		const input = entries(500);

		const first = await runOnePsa(psa, exportParameters(), { input });
		expect(first.error).toBeUndefined();
		expect(statuses(first)).toEqual({ created: 500 });
		expect(first.items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		const batches = psa.fake.log.filter((r) => r.path.endsWith('/batch'));
		expect(batches.map((r) => (r.body as { entries: unknown[] }).entries.length)).toEqual([100, 100, 100, 100, 100]);
		expect(new Set(batches.map((r) => r.headers['idempotency-key'])).size).toBe(5);

		// A re-run: same requests, answered from the PSA's idempotency cache.
		const second = await runOnePsa(psa, exportParameters(), { input });
		expect(statuses(second)).toEqual({ duplicate: 500 });
		expect(second.items.map((i) => i.json.psaTimeEntryId)).toEqual(first.items.map((i) => i.json.psaTimeEntryId));

		// Cut differently (new keys), the PSA's externalId check still refuses every copy.
		const third = await runOnePsa(psa, exportParameters({ batchSize: 40 }), { input });
		expect(statuses(third)).toEqual({ duplicate: 500 });
		expect(third.items.map((i) => i.json.psaTimeEntryId)).toEqual(first.items.map((i) => i.json.psaTimeEntryId));

		const booked = psa.fake.state().timeEntries;
		expect(booked).toHaveLength(500);
		expect(new Set(booked.map((e) => e.externalId)).size).toBe(500);
	});

	it('posts one by one to a contract without batch import, and counts a 409 duplicate as done', async () => {
		// Booked earlier as it is now (aw-te-1: 2,700 s on 2024-05-02).
		psa.fake.seed({ timeEntries: [{ id: 'te_existing', contractId: 'ctr_single', externalId: 'aw-te-1', date: '2024-05-02', hours: 0.75 }] });
		const run = await runOnePsa(psa, exportParameters(), { input: entries(3, 'ctr_single') });
		expect(run.error).toBeUndefined();
		expect(psa.fake.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'POST /api/contracts/ctr_single/time-entries/batch 404',
			'GET /api/contracts/ctr_single 200',
			'POST /api/contracts/ctr_single/time-entries 201',
			'POST /api/contracts/ctr_single/time-entries 409',
			'POST /api/contracts/ctr_single/time-entries 201',
			// The duplicate's booking, compared with the entry before it may be billed.
			'GET /api/time-entries 200',
		]);
		expect(psa.fake.log[5].query).toMatchObject({ contractId: 'ctr_single', from: '2024-05-02', to: '2024-05-02' });
		expect(run.items.map((i) => [i.json.externalId, i.json.status])).toEqual([
			['aw-te-0', 'created'],
			['aw-te-1', 'duplicate'],
			['aw-te-2', 'created'],
		]);
		expect(run.items[1].json.psaTimeEntryId).toBe('te_existing');
		expect(psa.fake.log.slice(2, 5).every((r) => /^n8n-time-entry-/.test(r.headers['idempotency-key']))).toBe(true);
	});

	it('reports entries the PSA refuses as failed, with the reason, next to the ones it took', async () => {
		const input = entries(3);
		input[1].json.duration = 25 * 3600;
		input[2].json.duration = 0;
		const run = await runOnePsa(psa, exportParameters(), { input });
		expect(run.items.map((i) => i.json.status)).toEqual(['created', 'failed', 'failed']);
		expect(run.items[1].json.reason).toMatch(/hours/);
		expect(run.items[2].json.reason).toMatch(/Hours must be more than 0/);
		// The zero-length entry never left n8n.
		expect((psa.fake.log[0].body as { entries: unknown[] }).entries).toHaveLength(2);
	});

	it('books an entry too short for 2 decimals (under 18 s) as 0.01 h once, saying so; with "Fail the Entry" it fails with the reason', async () => {
		const input = entries(3);
		input[0].json.duration = 10;
		input[1].json.duration = 17;
		input[2].json.duration = 18;
		const run = await runOnePsa(psa, exportParameters(), { input });
		expect(run.items.map((i) => [i.json.status, i.json.hours, i.json.roundedUpFromSeconds])).toEqual([
			['created', 0.01, 10],
			['created', 0.01, 17],
			['created', 0.01, undefined],
		]);
		const again = await runOnePsa(psa, exportParameters(), { input });
		expect(again.items.map((i) => i.json.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
		expect(psa.fake.state().timeEntries).toHaveLength(3);

		const strict = await runOnePsa(psa, exportParameters({ belowPrecision: 'fail' }), { input: entries(1, 'ctr_1', 50).map((item) => ({ json: { ...item.json, duration: 5 } })) });
		expect(strict.items[0].json).toMatchObject({ status: 'failed', reason: "The entry's 5 seconds round to 0 hours at 2 decimals (below the PSA's precision)" });
	});

	it('lists in aworkTimeEntryIds the awork entries each booked item settles: its own ID, a position\'s IDs, none if refused', async () => {
		const input = entries(3);
		input[1].json.duration = 0;
		input.push({ json: { ...aworkTimeEntry(7), id: 'pos-abc', timeEntryIds: ['aw-te-20', 'aw-te-21'], contractId: 'ctr_1' } });
		const first = await runOnePsa(psa, exportParameters(), { input });
		expect(first.items.map((i) => [i.json.status, i.json.aworkTimeEntryIds])).toEqual([
			['created', ['aw-te-0']],
			['failed', []],
			['created', ['aw-te-2']],
			['created', ['aw-te-20', 'aw-te-21']],
		]);
		// What each item stands for, booked or not, for Mark Billed's report.
		expect(first.items.map((i) => [i.json.coveredAworkTimeEntryIds, i.json.seconds, i.json.projectId])).toEqual(
			input.map((item) => [
				item.json.timeEntryIds ?? [item.json.id],
				Number(item.json.duration) || 0,
				String(item.json.projectId ?? (item.json.project as { id?: string } | undefined)?.id ?? '') || null,
			]),
		);
		expect(first.items[1].json.seconds).toBe(0);
		const again = await runOnePsa(psa, exportParameters(), { input: [input[3]] });
		expect(again.items.map((i) => [i.json.status, i.json.aworkTimeEntryIds])).toEqual([['duplicate', ['aw-te-20', 'aw-te-21']]]);
	});

	it('takes contracts by project from one option value: the field first, then the project, and reports a project without one', async () => {
		const input = items([
			{ ...aworkTimeEntry(1), project: { id: 'p1', name: 'Website relaunch' } },
			{ ...aworkTimeEntry(2), projectId: 'p2', project: { id: 'p2', name: 'Intranet' } },
			{ ...aworkTimeEntry(3), project: { id: 'p1', name: 'Website relaunch' }, contractId: 'ctr_single' },
			{ ...aworkTimeEntry(4), projectId: 'p3', project: { id: 'p3', name: 'Internal' } },
		]);
		const run = await runOnePsa(
			psa,
			{
				resource: 'timeEntry',
				operation: 'exportToContract',
				contractId: { __rl: true, mode: 'id', value: 'ctr_never_used' },
				options: {
					contractIdField: 'contractId',
					contractsByProject: '={{ [{ projectId: "p1", contractId: "ctr_1" }, { projectId: "p2", contractId: "ctr_1" }, { projectId: "p3", contractId: "" }] }}',
					withoutContract: 'fail',
				},
			},
			{ input },
		);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => [i.json.contractId, i.json.status])).toEqual([
			['ctr_1', 'created'],
			['ctr_1', 'created'],
			['ctr_single', 'created'],
			['', 'failed'],
		]);
		expect(run.items[3].json.reason).toBe('No PSA contract for awork project "Internal" (p3)');

		const broken = await runOnePsa(
			psa,
			{ ...exportParameters({ contractsByProject: '[{"contractId": "ctr_1"}]' }) },
			{ input: entries(1) },
		);
		expect(broken.error?.message).toBe('Contracts by Project, entry 1: "projectId" is missing');
	});

	it('the same awork entry twice in one input is booked once: created, then duplicate', async () => {
		const input = [...entries(2), ...entries(1)];
		const run = await runOnePsa(psa, exportParameters(), { input });
		expect(run.items.map((i) => [i.json.externalId, i.json.status])).toEqual([
			['aw-te-0', 'created'],
			['aw-te-1', 'created'],
			['aw-te-0', 'duplicate'],
		]);
		expect(run.items[2].json.psaTimeEntryId).toBe(run.items[0].json.psaTimeEntryId);
		expect(psa.fake.state().timeEntries).toHaveLength(2);
	});

	describe('an entry changed after the PSA booked it (a duplicate answer is compared with the booking)', () => {
		// aw-te-1 as booked: 0.75 h on 2024-05-02 on ctr_1.
		const bookFirst = async () => {
			const first = await runOnePsa(psa, exportParameters(), { input: entries(3) });
			expect(statuses(first)).toEqual({ created: 3 });
			psa.fake.log.length = 0;
		};
		const changed = (changes: IDataObject) => entries(3).map((item, n) => (n === 1 ? { json: { ...item.json, ...changes } } : item));

		it('other hours: left unbilled, both values and what to do in the item; the others are billed', async () => {
			await bookFirst();
			const run = await runOnePsa(psa, exportParameters({ batchSize: 2 }), { input: changed({ duration: 3 * 3600 }) });
			expect(run.items.map((i) => [i.json.status, i.json.aworkTimeEntryIds])).toEqual([
				['duplicate', ['aw-te-0']],
				['failed', []],
				['duplicate', ['aw-te-2']],
			]);
			expect(run.items[1].json.changedAfterBooking).toEqual({
				booked: { hours: 0.75, date: '2024-05-02', contractId: 'ctr_1', psaTimeEntryId: expect.any(String) },
				now: { hours: 3, date: '2024-05-02', contractId: 'ctr_1' },
			});
			expect(run.items[1].json.reason).toBe(
				'Changed after booking: The One PSA holds 0.75 h on 2024-05-02 (contract ctr_1) under aw-te-1, awork now has 3 h on 2024-05-02 (contract ctr_1). ' +
					'Left unbilled: correct the PSA entry or the awork entry so that they agree, and the next run bills it.',
			);
			// One listing for the contract's dates; nothing else booked.
			expect(psa.fake.log.filter((r) => r.method === 'GET')).toHaveLength(1);
			expect(psa.fake.state().timeEntries).toHaveLength(3);

			// Corrected in the PSA: the next run bills it.
			psa.fake.state().timeEntries.find((entry) => entry.externalId === 'aw-te-1')!.hours = 3;
			const next = await runOnePsa(psa, exportParameters({ batchSize: 2 }), { input: changed({ duration: 3 * 3600 }) });
			expect(next.items[1].json).toMatchObject({ status: 'duplicate', aworkTimeEntryIds: ['aw-te-1'] });
		});

		it('another date, or another contract: left unbilled with both values', async () => {
			await bookFirst();
			const redated = await runOnePsa(psa, exportParameters(), { input: changed({ startDateLocal: '2024-05-09' }) });
			expect(redated.items[1].json).toMatchObject({
				status: 'failed',
				changedAfterBooking: { booked: { date: '2024-05-02' }, now: { date: '2024-05-09' } },
			});
			psa.fake.seed({ contracts: [{ id: 'ctr_2', number: 'C-5', companyId: 'cmp_acme' }] });
			const moved = await runOnePsa(psa, exportParameters(), { input: changed({ contractId: 'ctr_2' }) });
			expect(moved.items[1].json).toMatchObject({
				status: 'failed',
				changedAfterBooking: { booked: { contractId: 'ctr_1' }, now: { contractId: 'ctr_2' } },
			});
			expect(psa.fake.state().timeEntries).toHaveLength(3);
		});

		it('an invoice position posted again for its entries still unbilled is not compared (its hours differ by design)', async () => {
			const position = (hours: number) => items([{ ...aworkTimeEntry(7), id: 'pos-abc', timeEntryIds: ['aw-te-20', 'aw-te-21'], duration: hours * 3600, contractId: 'ctr_1' }]);
			await runOnePsa(psa, exportParameters(), { input: position(2) });
			psa.fake.log.length = 0;
			const remainder = await runOnePsa(psa, exportParameters(), { input: position(1) });
			expect(remainder.items[0].json).toMatchObject({ status: 'duplicate', aworkTimeEntryIds: ['aw-te-20', 'aw-te-21'] });
			expect(psa.fake.log.filter((r) => r.method === 'GET')).toHaveLength(0);
		});

		describe('with Entry Changed After Booking = Post a Correction', () => {
			const correcting = (extra: INodeParameters = {}) => exportParameters({ changedAfterBooking: 'postCorrection', ...extra });
			const bookedHours = (externalId: string) =>
				psa.fake
					.state()
					.timeEntries.filter((entry) => entry.externalId === externalId || entry.externalId.startsWith(`${externalId}:correction:`))
					.reduce((sum, entry) => sum + entry.hours, 0);

			it('books the difference as its own entry on the same contract and day, bills the entry, and a retry posts nothing', async () => {
				await bookFirst();
				const run = await runOnePsa(psa, correcting(), { input: changed({ duration: 3 * 3600 }) });
				expect(run.error).toBeUndefined();
				expect(run.items[1].json).toMatchObject({
					status: 'duplicate',
					aworkTimeEntryIds: ['aw-te-1'],
					correction: { externalId: 'aw-te-1:correction:1', hours: 2.25, status: 'created', bookedBefore: 0.75 },
				});
				expect(run.items[1].json.changedAfterBooking).toBeUndefined();
				const correction = psa.fake.state().timeEntries.find((entry) => entry.externalId === 'aw-te-1:correction:1');
				expect(correction).toMatchObject({ contractId: 'ctr_1', date: '2024-05-02', hours: 2.25 });
				expect(bookedHours('aw-te-1')).toBe(3);

				// A retry (say, Mark Billed failed) finds the correction in the listing: nothing is posted.
				psa.fake.log.length = 0;
				const retry = await runOnePsa(psa, correcting(), { input: changed({ duration: 3 * 3600 }) });
				expect(retry.items[1].json).toMatchObject({ status: 'duplicate', aworkTimeEntryIds: ['aw-te-1'] });
				expect(retry.items[1].json.correction).toBeUndefined();
				expect(psa.fake.log.filter((r) => r.method === 'POST' && !r.path.endsWith('/batch'))).toHaveLength(0);
				expect(bookedHours('aw-te-1')).toBe(3);
			});

			it('a correction posted but not seen in the listing (PSA lag) is refused as a duplicate, not booked twice', async () => {
				await bookFirst();
				await runOnePsa(psa, correcting(), { input: changed({ duration: 3 * 3600 }) });
				// The listing (by contract and day) does not show the correction; its derived externalId still protects.
				const hidden = psa.fake.state().timeEntries.find((entry) => entry.externalId === 'aw-te-1:correction:1')!;
				const date = hidden.date;
				hidden.date = '2023-01-01';
				const again = await runOnePsa(psa, correcting(), { input: changed({ duration: 3 * 3600 }) });
				hidden.date = date;
				expect(again.items[1].json).toMatchObject({ status: 'duplicate', correction: { externalId: 'aw-te-1:correction:1', status: 'duplicate' } });
				expect(bookedHours('aw-te-1')).toBe(3);
			});

			// 0.5 h against 0.75 h booked.
			const shorter = () => changed({ duration: 1800 });

			it('a decrease stays unbilled, with the refusal, where the PSA takes no negative hours', async () => {
				await bookFirst();
				const refused = await runOnePsa(psa, correcting(), { input: shorter() });
				expect(refused.items[1].json).toMatchObject({ status: 'failed', aworkTimeEntryIds: [], changedAfterBooking: { booked: { hours: 0.75 }, now: { hours: 0.5 } } });
				expect(refused.items[1].json.reason).toMatch(/The correction of -0\.25 h \(aw-te-1:correction:1\) was refused: .*hours must be a number above 0/);
				expect(bookedHours('aw-te-1')).toBe(0.75);
			});

			it('a decrease is a negative correction where the PSA takes credits; a later increase adds a second one', async () => {
				psa.fake.state().contracts.find((contract) => contract.id === 'ctr_1')!.acceptsNegativeHours = true;
				await bookFirst();
				const credited = await runOnePsa(psa, correcting(), { input: shorter() });
				expect(credited.items[1].json).toMatchObject({ status: 'duplicate', correction: { hours: -0.25 } });
				expect(bookedHours('aw-te-1')).toBe(0.5);
				// Changed again, back up: a second correction, counted with the first.
				const longer = await runOnePsa(psa, correcting(), { input: changed({ duration: 3600 }) });
				expect(longer.items[1].json).toMatchObject({ status: 'duplicate', correction: { externalId: 'aw-te-1:correction:2', hours: 0.5, bookedBefore: 0.5 } });
				expect(bookedHours('aw-te-1')).toBe(1);
			});

			it('another day or contract is not corrected: left unbilled with both values', async () => {
				await bookFirst();
				const redated = await runOnePsa(psa, correcting(), { input: changed({ startDateLocal: '2024-05-09', duration: 3 * 3600 }) });
				expect(redated.items[1].json).toMatchObject({ status: 'failed', changedAfterBooking: { booked: { date: '2024-05-02' }, now: { date: '2024-05-09' } } });
				expect(psa.fake.state().timeEntries).toHaveLength(3);
			});
		});

		it('a re-run of the very same request is not looked up again (the PSA replays what it booked)', async () => {
			await bookFirst();
			const again = await runOnePsa(psa, exportParameters(), { input: entries(3) });
			expect(statuses(again)).toEqual({ duplicate: 3 });
			expect(psa.fake.log.filter((r) => r.method === 'GET')).toHaveLength(0);
		});
	});

	describe('a PSA whose batch is all or nothing (the other reading of the assumed batch endpoint)', () => {
		beforeEach(() => psa.fake.seed({ contracts: [{ id: 'ctr_strict', number: 'C-9', companyId: 'cmp_acme', batchAllOrNothing: true }] }));

		it('one entry already booked refuses the batch with 409; posted alone, only that one is a duplicate', async () => {
			await runOnePsa(psa, exportParameters(), { input: entries(1, 'ctr_strict', 2) });
			psa.fake.log.length = 0;

			const run = await runOnePsa(psa, exportParameters(), { input: entries(5, 'ctr_strict') });
			expect(run.error).toBeUndefined();
			expect(psa.fake.log.filter((r) => r.path.endsWith('/batch')).map((r) => r.status)).toEqual([409]);
			expect(psa.fake.log.filter((r) => r.path === '/api/contracts/ctr_strict/time-entries')).toHaveLength(5);
			expect(run.items.map((i) => i.json.status)).toEqual(['created', 'created', 'duplicate', 'created', 'created']);
			expect(psa.fake.state().timeEntries.map((e) => e.externalId).sort()).toEqual(['aw-te-0', 'aw-te-1', 'aw-te-2', 'aw-te-3', 'aw-te-4']);
		});

		it('one invalid entry (25 hours) refuses the batch with 422; posted alone, only that one fails, with the PSA\'s reason', async () => {
			const input = entries(4, 'ctr_strict');
			input[1].json.duration = 25 * 3600;
			const run = await runOnePsa(psa, exportParameters(), { input });
			expect(run.items.map((i) => i.json.status)).toEqual(['created', 'failed', 'created', 'created']);
			expect(run.items[1].json.reason).toMatch(/hours must be a number above 0 and at most 24/);
			expect(psa.fake.state().timeEntries).toHaveLength(3);
		});

		it('a refusal about the contract itself is not repeated per entry', async () => {
			psa.fake.seed({ contracts: [{ id: 'ctr_strict_old', number: 'C-10', companyId: 'cmp_acme', batchAllOrNothing: true, status: 'expired' }] });
			const run = await runOnePsa(psa, exportParameters(), { input: entries(3, 'ctr_strict_old') });
			expect(run.items.map((i) => i.json.status)).toEqual(['failed', 'failed', 'failed']);
			expect(psa.fake.log.filter((r) => r.path.startsWith('/api/contracts/ctr_strict_old/'))).toHaveLength(1);
		});
	});

	it('an expired contract fails its entries with the PSA\'s reason; a missing one names the contract', async () => {
		const run = await runOnePsa(psa, exportParameters(), {
			input: [...entries(2, 'ctr_old'), ...entries(2, 'ctr_gone', 10)],
		});
		expect(run.items.map((i) => i.json.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
		expect(run.items[0].json.reason).toMatch(/contract_not_active/);
		expect(run.items[2].json.reason).toMatch(/Contract ctr_gone does not exist/);
		expect(psa.fake.state().timeEntries).toHaveLength(0);
	});

	it('an item without a contract stops the export before anything is sent, naming the project', async () => {
		const input = entries(3);
		input[1].json.contractId = '';
		const run = await runOnePsa(psa, exportParameters(), { input });
		expect(run.error?.message).toBe('No PSA contract for awork project "Website relaunch" (p1)');
		expect(psa.fake.log).toHaveLength(0);

		const continued = await runOnePsa(psa, exportParameters(), { input, continueOnFail: true });
		expect(continued.items.map((i) => i.json.status)).toEqual(['created', 'failed', 'created']);
		expect(continued.items[1].json.reason).toMatch(/Website relaunch/);
	});

	it('a key without the write permission gets an error naming the permission and product', async () => {
		psa.fake.setTenant({ tenantId: 'tenant-1', permissions: ['contracts:read'] });
		const run = await runOnePsa(psa, exportParameters(), { input: entries(2) });
		expect(run.error?.message).toBe(
			'The One PSA refused POST /api/contracts/ctr_1/time-entries/batch: the key lacks permission "time_entries:write" for product "psa"',
		);
		expect(run.error?.description).toMatch(/Hub -> Settings -> API Keys/);

		const continued = await runOnePsa(psa, exportParameters(), { input: entries(2), continueOnFail: true });
		expect(continued.items.map((i) => i.json.status)).toEqual(['failed', 'failed']);
		expect(continued.items[0].json.reason).toMatch(/time_entries:write/);
	});

	it('with Entries Without a Contract = Report Them as Failed, those become failed items while a rejected credential still fails the node', async () => {
		const input = entries(2);
		input[1].json.contractId = '';
		const fine = await runOnePsa(psa, exportParameters({ withoutContract: 'fail' }), { input });
		expect(fine.error).toBeUndefined();
		expect(fine.items.map((i) => i.json.status)).toEqual(['created', 'failed']);
		expect(fine.items[1].json.reason).toMatch(/No PSA contract/);

		psa.fake.setTenant({ tenantId: 'tenant-1', integrationKey: 'another-key' });
		const refused = await runOnePsa(psa, exportParameters({ withoutContract: 'fail' }), { input: entries(2, 'ctr_1', 5) });
		expect(refused.error?.message).toMatch(/did not accept the credentials/);
		expect(psa.fake.state().timeEntries).toHaveLength(1);
	});

	it('books every entry exactly once through 503s and connections cut after the write', async () => {
		await fetch(`${psa.controlUrl}/faults`, {
			method: 'PUT',
			body: JSON.stringify({ errorRate: 0.1, resetAfterCommitRate: 0.2 }),
		});
		const run = await runOnePsa(psa, exportParameters({ batchSize: 10 }), { input: entries(60) });
		expect(run.error).toBeUndefined();
		expect(psa.fake.log.some((r) => r.fault === 'resetAfterCommit')).toBe(true);
		expect(statuses(run)).toEqual({ created: 60 });
		const booked = psa.fake.state().timeEntries;
		expect(booked).toHaveLength(60);
		expect(new Set(booked.map((e) => e.externalId)).size).toBe(60);
	}, 60_000);
});

/**
 * Invoice positions as Time Entry > To Invoice Positions outputs them (run in the engine on awork
 * time entries), posted to the fake PSA without being dressed up as time entries: booked under
 * their positionId, with their seconds as hours, their text and the local day of their last entry,
 * and billing exactly the entries they list. Expected values are worked out by hand from
 * aworkTimeEntry: entry n lasts 1800 + (n % 8) × 900 s and starts on 2024-05-(n + 1).
 */
describe('Time entry: Export to Contract, invoice positions as input', () => {
	const awork = new AworkTestBed();
	let psa: RunningFakeOnePsa;
	const posId = (...ids: string[]) => `pos-${createHash('sha256').update([...ids].sort().join(',')).digest('hex').slice(0, 40)}`;
	const contracts = exportParameters({
		contractIdField: 'contractId',
		contractsByProject: '={{ [{ projectId: "p1", contractId: "ctr_1" }, { projectId: "p2", contractId: "ctr_old" }, { projectId: "p3", contractId: "ctr_strict" }] }}',
		withoutContract: 'fail',
	});
	const positionsOf = async (records: IDataObject[], parameters: INodeParameters = {}) => {
		const run = await awork.run(
			{ resource: 'timeEntry', operation: 'toInvoicePositions', positionLevel: 'project', positionText: 'project', positionUnit: 'hours', defaultRate: 0, roundingRule: 'none', ...parameters },
			{ input: items(records) },
		);
		expect(run.error).toBeUndefined();
		return items(run.items.map((item) => item.json));
	};
	const exported = async (input: ReturnType<typeof items>) => {
		const run = await runOnePsa(psa, contracts, { input });
		expect(run.error).toBeUndefined();
		return run.items.map((item) => item.json);
	};
	const p2 = { projectId: 'p2', project: { id: 'p2', name: 'Intranet' } };

	beforeAll(async () => {
		await awork.start();
	});
	afterAll(async () => await awork.stop());
	beforeEach(async () => {
		psa = await startSeededPsa();
		psa.fake.seed({ contracts: [{ id: 'ctr_strict', number: 'C-9', companyId: 'cmp_acme', batchAllOrNothing: true }] });
	});
	afterEach(async () => await psa.close());

	it('books each position once under its positionId, with its hours, text and last day, and settles exactly its entries', async () => {
		const positions = await positionsOf([aworkTimeEntry(1), aworkTimeEntry(2), aworkTimeEntry(3, p2)]);
		const out = await exported(positions);
		// 2700 s + 3600 s = 1.75 h, dated by entry 2 (2024-05-03), text = the project's name.
		expect(psa.fake.state().timeEntries.map(({ contractId, externalId, hours, date, description }) => ({ contractId, externalId, hours, date, description }))).toEqual([
			{ contractId: 'ctr_1', externalId: posId('aw-te-1', 'aw-te-2'), hours: 1.75, date: '2024-05-03', description: 'Website relaunch' },
		]);
		expect(out.map((json) => [json.status, json.kind, json.externalId, json.aworkTimeEntryIds, json.coveredAworkTimeEntryIds])).toEqual([
			['created', 'position', posId('aw-te-1', 'aw-te-2'), ['aw-te-1', 'aw-te-2'], ['aw-te-1', 'aw-te-2']],
			// The PSA refuses the expired contract: nothing of it is billed.
			['failed', 'position', posId('aw-te-3'), [], ['aw-te-3']],
		]);
		expect(out[1].reason).toMatch(/contract_not_active/);
		expect(out.map((json) => [json.projectId, json.projectName, json.seconds])).toEqual([['p1', 'Website relaunch', 6300], ['p2', 'Intranet', 4500]]);
	});

	it('a replay of the same positions is answered from the PSA\'s stored answer: duplicate, billed, nothing booked twice and nothing looked up', async () => {
		const positions = await positionsOf([aworkTimeEntry(1), aworkTimeEntry(2)]);
		await exported(positions);
		psa.fake.log.length = 0;
		const again = await exported(positions);
		expect(again.map((json) => [json.status, json.aworkTimeEntryIds])).toEqual([['duplicate', ['aw-te-1', 'aw-te-2']]]);
		expect(psa.fake.state().timeEntries).toHaveLength(1);
		expect(psa.fake.log.filter((request) => request.method === 'GET')).toHaveLength(0);
	});

	it('a position whose entries were booked under it before keeps its ID (Position ID From Field): the PSA answers duplicate and only the entries still unbilled are billed', async () => {
		const first = await exported(await positionsOf([aworkTimeEntry(1), aworkTimeEntry(2)]));
		const planned = String(first[0].externalId);
		// awork billed entry 1 only; entry 2 comes back, carrying the position planned for it.
		const remainder = await positionsOf([{ ...aworkTimeEntry(2), plannedPosition: { externalId: planned } }], {
			positionOptions: { positionIdField: 'plannedPosition.externalId' },
		});
		expect(remainder.map((item) => item.json.positionId)).toEqual([planned]);
		psa.fake.log.length = 0;
		const out = await exported(remainder);
		expect(out.map((json) => [json.status, json.aworkTimeEntryIds])).toEqual([['duplicate', ['aw-te-2']]]);
		// Still the one booking of 1.75 h: a position is not compared with its booking (its hours differ by design).
		expect(psa.fake.state().timeEntries.map((entry) => [entry.externalId, entry.hours])).toEqual([[planned, 1.75]]);
		expect(psa.fake.log.filter((request) => request.method === 'GET')).toHaveLength(0);
	});

	it('a batch the PSA refuses because one position is booked already is posted position by position: that one is a duplicate, the other is created', async () => {
		const p3 = (n: number) => aworkTimeEntry(n, { projectId: 'p3', project: { id: 'p3', name: 'Support' } });
		await exported(await positionsOf([p3(1)], { positionLevel: 'entry' }));
		psa.fake.log.length = 0;
		const out = await exported(await positionsOf([p3(1), p3(2)], { positionLevel: 'entry' }));
		expect(psa.fake.log.filter((request) => request.path.endsWith('/batch')).map((request) => request.status)).toEqual([409]);
		expect(out.map((json) => [json.status, json.externalId, json.aworkTimeEntryIds])).toEqual([
			['duplicate', posId('aw-te-1'), ['aw-te-1']],
			['created', posId('aw-te-2'), ['aw-te-2']],
		]);
		// 2700 s = 0.75 h, 3600 s = 1 h.
		expect(psa.fake.state().timeEntries.map((entry) => [entry.externalId, entry.hours]).sort()).toEqual(
			[[posId('aw-te-1'), 0.75], [posId('aw-te-2'), 1]].sort(),
		);
	});
});
