import { AworkTestBed, byId, json, paired } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => await bed.start());
afterAll(async () => await bed.stop());
beforeEach(() => bed.reset());

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();

function seedEntries() {
	const [alpha, beta] = bed.seed({ projects: [{ name: 'Alpha' }, { name: 'Beta' }] }).projects;
	const [other] = bed.seed({ users: [{ firstName: 'Otto', lastName: 'Other' }] }).users;
	const me = bed.store.meUserId;
	const entries = bed.seed({
		timeEntries: [
			{ projectId: alpha.id, isBillable: true, isBilled: false, startDateUtc: at(5), duration: 3600, userId: me },
			{ projectId: alpha.id, isBillable: true, isBilled: true, startDateUtc: at(6), duration: 3600, userId: me },
			{ projectId: alpha.id, isBillable: false, isBilled: false, startDateUtc: at(7), duration: 3600, userId: me },
			{ projectId: beta.id, isBillable: true, isBilled: false, startDateUtc: at(8), duration: 1800, userId: other.id },
			{ projectId: alpha.id, isBillable: true, isBilled: false, startDateUtc: at(31, 23), duration: 600, userId: me },
			{ projectId: alpha.id, isBillable: true, isBilled: false, startDateUtc: new Date(Date.UTC(2026, 1, 1)).toISOString(), duration: 600, userId: me },
		],
	}).timeEntries;
	return { alpha: String(alpha.id), beta: String(beta.id), other: String(other.id), ids: entries.map((e) => String(e.id)) };
}

describe('awork node: time entries, get many', () => {
	it('reads billable, unbilled entries of a closed window (from inclusive, before exclusive)', async () => {
		const { ids } = seedEntries();
		const result = await bed.run({
			resource: 'timeEntry',
			operation: 'getMany',
			returnAll: true,
			filters: { isBillable: 'true', isBilled: 'false', startFrom: '2026-01-01', startBefore: '2026-02-01T00:00:00Z' },
		});
		expect(result.error).toBeUndefined();
		expect(json(result).map((e) => e.id)).toEqual([ids[0], ids[3], ids[4]]);
		const [request] = bed.requestsTo('GET', /\/timeentries$/);
		expect(request.query.filterby).toBe(
			"isBillable eq true and isBilled eq false and startDateUtc ge datetime'2026-01-01T00:00:00Z' and startDateUtc lt datetime'2026-02-01T00:00:00Z'",
		);
		expect(request.query.orderby).toBe('startDateUtc,id');
	});

	it('reads one project through its own list, and filters by user', async () => {
		const { alpha, beta, other, ids } = seedEntries();
		const perProject = await bed.run({
			resource: 'timeEntry',
			operation: 'getMany',
			projectId: byId(alpha),
			returnAll: true,
			filters: { isBillable: 'any', isBilled: 'any' },
		});
		expect(perProject.items).toHaveLength(5);
		expect(bed.requests[0].path).toBe(`/api/v1/projects/${alpha}/timeentries`);
		const byUser = await bed.run({ resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { isBillable: 'any', isBilled: 'any', userId: byId(other) } });
		expect(json(byUser).map((e) => e.id)).toEqual([ids[3]]);
		expect(json(byUser)[0].projectId).toBe(beta);
	});

	it('Simplify keeps IDs, times, duration, note, the billing flags and ID and name of what an entry belongs to', async () => {
		seedEntries();
		const parameters = { resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { isBillable: 'any', isBilled: 'any' } };
		const raw = json(await bed.run({ ...parameters, simple: false }));
		// Simplified is the default.
		const simple = json(await bed.run(parameters));
		expect(simple.map((entry) => entry.id)).toEqual(raw.map((entry) => entry.id));
		const nested = (value: unknown, keys: string[]) => Object.fromEntries(keys.map((key) => [key, (value as Record<string, unknown>)?.[key] ?? null]));
		simple.forEach((entry, index) => {
			const full = raw[index] as Record<string, any>;
			expect(entry).toEqual({
				id: full.id,
				projectId: full.projectId,
				taskId: full.taskId,
				userId: full.userId,
				typeOfWorkId: full.typeOfWorkId,
				startDateUtc: full.startDateUtc,
				startTimeUtc: full.startTimeUtc,
				endDateUtc: full.endDateUtc,
				endTimeUtc: full.endTimeUtc,
				startDateLocal: full.startDateLocal,
				startTimeLocal: full.startTimeLocal,
				endDateLocal: full.endDateLocal,
				endTimeLocal: full.endTimeLocal,
				timezone: full.timezone,
				duration: full.duration,
				note: full.note,
				isBillable: full.isBillable,
				isBilled: full.isBilled,
				user: nested(full.user, ['id', 'firstName', 'lastName']),
				project: full.project ? { ...nested(full.project, ['id', 'name']), ...(full.project.company !== undefined ? { company: full.project.company && nested(full.project.company, ['id', 'name']) } : {}) } : null,
				task: full.task ? nested(full.task, ['id', 'name']) : null,
				typeOfWork: full.typeOfWork ? nested(full.typeOfWork, ['id', 'name']) : null,
			});
			expect(entry.user).toMatchObject({ firstName: expect.any(String) });
		});
		expect(JSON.stringify(simple).length).toBeLessThan(JSON.stringify(raw).length * 0.6);
	});

	it('filters by Updated Since', async () => {
		seedEntries();
		const filters = { isBillable: 'any', isBilled: 'any' };
		const past = await bed.run({ resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { ...filters, updatedSince: '2000-01-01' } });
		expect(past.items).toHaveLength(6);
		const future = await bed.run({ resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { ...filters, updatedSince: '2999-01-01T00:00:00+01:00' } });
		expect(future.items).toHaveLength(0);
		expect(bed.requests[1].query.filterby).toBe("updatedOn ge datetime'2998-12-31T23:00:00Z'");
	});

	it('names the window field that is wrong', async () => {
		const reversed = await bed.run({ resource: 'timeEntry', operation: 'getMany', filters: { startFrom: '2026-02-01', startBefore: '2026-01-01' } }, { timezone: 'Europe/Berlin' });
		expect(reversed.error?.message).toBe('Start Before (2025-12-31T23:00:00.000Z) must be later than Start From (2026-01-31T23:00:00.000Z)');
		const bad = await bed.run({ resource: 'timeEntry', operation: 'getMany', filters: { startFrom: '01/02/2026' } });
		expect(bad.error?.message).toMatch(/^Start From: "01\/02\/2026" is not a date: expected an ISO 8601 date/);
		expect(bed.requests).toHaveLength(0);
	});

	it('pages 2300 entries in 3 requests, and a limit of 1500 in 2', async () => {
		bed.fake.generateTimeEntries({ count: 2300, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
		const all = await bed.run({ resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { isBillable: 'any', isBilled: 'any' } });
		expect(all.items).toHaveLength(2300);
		expect(new Set(json(all).map((e) => e.id)).size).toBe(2300);
		expect(bed.requests.map((e) => e.query.page)).toEqual(['1', '2', '3']);
		bed.clearLog();
		const limited = await bed.run({ resource: 'timeEntry', operation: 'getMany', limit: 1500, filters: { isBillable: 'any', isBilled: 'any' } });
		expect(limited.items).toHaveLength(1500);
		expect(bed.requests).toHaveLength(2);
	});

	it('gets one entry', async () => {
		const { ids } = seedEntries();
		const result = await bed.run({ resource: 'timeEntry', operation: 'get', timeEntryId: ids[1] });
		expect(json(result)[0]).toMatchObject({ id: ids[1], isBilled: true });
	});
});

describe('awork node: mark billed / unbilled', () => {
	it('sends the IDs of all items in one request and answers one item per ID, paired to its item', async () => {
		const { ids } = seedEntries();
		const result = await bed.run(
			{ resource: 'timeEntry', operation: 'markBilled', timeEntryIds: '={{ $json.ids }}' },
			{ input: [{ json: { ids: `${ids[0]}, ${ids[3]}` } }, { json: { ids: [ids[4].toUpperCase()] } }] },
		);
		expect(result.error).toBeUndefined();
		const sent = bed.requestsTo('POST', /batch\/setIsBilled$/);
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toEqual({ timeEntryIds: [ids[0], ids[3], ids[4]], isBilled: true });
		expect(json(result)).toEqual([
			{ id: ids[0], status: 'ok', isBilled: true },
			{ id: ids[3], status: 'ok', isBilled: true },
			{ id: ids[4], status: 'ok', isBilled: true },
		]);
		expect(paired(result)).toEqual([0, 0, 1]);
		expect([ids[0], ids[3], ids[4]].map((id) => bed.store.timeEntries.get(id)!.isBilled)).toEqual([true, true, true]);
	});

	it('fails loudly listing the IDs awork did not mark, unless partial failure is allowed', async () => {
		const { ids } = seedEntries();
		const missing = '00000000-0000-0000-0000-000000000001';
		const params = { resource: 'timeEntry', operation: 'markBilled', timeEntryIds: `${ids[0]},${ids[2]},${missing}` };
		const failed = await bed.run(params);
		expect(failed.error?.message).toBe(`awork did not mark 2 of 3 time entries as billed: badRequest: ${ids[2]}; notFound: ${missing}`);
		expect(bed.store.timeEntries.get(ids[0])!.isBilled).toBe(true);

		const partial = await bed.run({ ...params, options: { continueOnPartialFailure: true } });
		expect(partial.error).toBeUndefined();
		expect(json(partial).map((r) => [r.id, r.status])).toEqual([
			[ids[0], 'ok'],
			[ids[2], 'badRequest'],
			[missing, 'notFound'],
		]);
		expect(json(partial)[2].error).toBe('awork reported notFound for this time entry');
	});

	it('with All or Nothing, awork changes nothing and the untouched IDs are reported unchanged', async () => {
		const { ids } = seedEntries();
		const result = await bed.run({
			resource: 'timeEntry',
			operation: 'markBilled',
			timeEntryIds: `${ids[0]},${ids[2]}`,
			options: { requireAll: true, continueOnPartialFailure: true },
		});
		expect(bed.requestsTo('POST', /setIsBilled$/)[0].body).toEqual({ timeEntryIds: [ids[0], ids[2]], isBilled: true, requireAllTimeEntries: true });
		expect(json(result).map((r) => r.status)).toEqual(['unchanged', 'badRequest']);
		expect(bed.store.timeEntries.get(ids[0])!.isBilled).toBe(false);
	});

	it('chunks by the Chunk Size option, and keeps to a smaller size once awork refuses one', async () => {
		bed.fake.generateTimeEntries({ count: 2500, billableRatio: 1, billedRatio: 0 });
		const ids = [...bed.store.timeEntries.keys()];
		const small = await bed.run({ resource: 'timeEntry', operation: 'markBilled', timeEntryIds: ids.slice(0, 5).join(','), options: { chunkSize: 2 } });
		expect(small.items).toHaveLength(5);
		expect(bed.requestsTo('POST', /setIsBilled$/).map((e) => (e.body as { timeEntryIds: string[] }).timeEntryIds.length)).toEqual([2, 2, 1]);
		bed.clearLog();
		// The fake accepts at most 500 IDs per batch (awork documents no limit): 1000 is refused once.
		const large = await bed.run({ resource: 'timeEntry', operation: 'markBilled', timeEntryIds: ids.join(',') });
		expect(large.error).toBeUndefined();
		expect(large.items).toHaveLength(2500);
		expect(bed.requestsTo('POST', /setIsBilled$/).map((e) => [(e.body as { timeEntryIds: string[] }).timeEntryIds.length, e.status])).toEqual([
			[1000, 400],
			[500, 207],
			[500, 207],
			[500, 207],
			[500, 207],
			[500, 207],
		]);
		expect([...bed.store.timeEntries.values()].every((e) => e.isBilled)).toBe(true);
	});

	it('sends the first chunk alone, then up to 3 at a time', async () => {
		bed.fake.generateTimeEntries({ count: 1000, billableRatio: 1, billedRatio: 0 });
		const ids = [...bed.store.timeEntries.keys()].slice(0, 1000);
		let inFlight = 0;
		const seen: number[] = [];
		const restore = bed.wrapRoute('POST', '/api/v1/timeentries/batch/:operation', (original) => async (req) => {
			seen.push(++inFlight);
			await new Promise((resolve) => setTimeout(resolve, 30));
			inFlight -= 1;
			return await original(req);
		});
		try {
			const result = await bed.run({ resource: 'timeEntry', operation: 'markBilled', timeEntryIds: ids.join(','), options: { chunkSize: 100 } });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1000);
		} finally {
			restore();
		}
		expect(seen).toHaveLength(10);
		expect(seen[0]).toBe(1);
		expect(Math.max(...seen)).toBe(3);
		expect(ids.every((id) => bed.store.timeEntries.get(id)!.isBilled)).toBe(true);
	});

	it('takes the IDs from a field of each item: one ID, an array, or an empty array that marks nothing', async () => {
		const { ids } = seedEntries();
		const before = [...bed.store.timeEntries.values()].filter((entry) => entry.isBilled).length;
		const result = await bed.run(
			{ resource: 'timeEntry', operation: 'markBilled', timeEntryIdsFrom: 'field', timeEntryIdsField: 'aworkTimeEntryIds' },
			{
				input: [
					{ json: { status: 'created', aworkTimeEntryIds: [ids[0], ids[3]] } },
					{ json: { status: 'failed', aworkTimeEntryIds: [] } },
					{ json: { status: 'duplicate', aworkTimeEntryIds: ids[4] } },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /batch\/setIsBilled$/).map((e) => e.body)).toEqual([{ timeEntryIds: [ids[0], ids[3], ids[4]], isBilled: true }]);
		expect(json(result).map((r) => r.id)).toEqual([ids[0], ids[3], ids[4]]);
		expect(paired(result)).toEqual([0, 0, 2]);
		expect([...bed.store.timeEntries.values()].filter((entry) => entry.isBilled).length).toBeLessThanOrEqual(before + 3);
	});

	it('adds a Report output: per project and in total what was booked and billed, and each entry left unbilled with its reason', async () => {
		const { ids } = seedEntries();
		bed.store.forbiddenIds.add(ids[3]);
		const drift = { booked: { hours: 2, date: '2026-11-04', contractId: 'c1', psaTimeEntryId: 'te_9' }, now: { hours: 3, date: '2026-11-04', contractId: 'c1' } };
		const booking = (status: string, covered: string[], extra: Record<string, unknown>) => ({
			json: { status, coveredAworkTimeEntryIds: covered, aworkTimeEntryIds: status === 'failed' ? [] : covered, ...extra },
		});
		const result = await bed.run(
			{ resource: 'timeEntry', operation: 'markBilled', timeEntryIdsFrom: 'field', timeEntryIdsField: 'aworkTimeEntryIds', options: { addReport: true, continueOnPartialFailure: true } },
			{
				input: [
					booking('created', [ids[0]], { projectId: 'p1', contractId: 'c1', date: '2026-11-02', seconds: 5400 }),
					// A position of two entries; awork refuses one of them.
					booking('duplicate', [ids[1], ids[3]], { projectId: 'p1', contractId: 'c1', date: '2026-11-03', seconds: 3600 }),
					booking('failed', [ids[4]], { projectId: 'p2', contractId: '', seconds: 1800, reason: 'No PSA contract for awork project "Internal"' }),
					booking('failed', [ids[2]], { projectId: 'p1', contractId: 'c1', seconds: 0, reason: 'Hours must be more than 0' }),
					booking('failed', [ids[5]], { projectId: 'p1', contractId: 'c1', date: '2026-11-04', seconds: 10800, reason: 'Changed after booking: ...', changedAfterBooking: drift }),
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(json(result).map((r) => [r.id, r.status])).toEqual([
			[ids[0], 'ok'],
			[ids[1], 'ok'],
			[ids[3], 'unauthorized'],
		]);
		const [report] = (result.outputs[1] ?? []).map((item) => item.json);
		expect(report).toMatchObject({ bookings: 5, timeEntries: 6, exported: 1, alreadyInPsa: 1, markedBilled: 2, failed: 3, withoutContract: 1, changedAfterBooking: 1, corrected: 0 });
		expect(report.projects).toEqual([
			{ projectId: 'p1', contractId: 'c1', entries: 5, hours: 5.5, exported: 1, alreadyInPsa: 2, billed: 2, failed: 3, withoutContract: 0, changedAfterBooking: 1 },
			{ projectId: 'p2', contractId: null, entries: 1, hours: 0.5, exported: 0, alreadyInPsa: 0, billed: 0, failed: 0, withoutContract: 1, changedAfterBooking: 0 },
		]);
		expect(report.failures).toEqual([
			{
				timeEntryId: ids[3],
				projectId: 'p1',
				date: '2026-11-03',
				hours: null,
				reason: expect.stringMatching(/^Booked in The One PSA \(duplicate\) but awork did not mark it billed: unauthorized/),
			},
			{ timeEntryId: ids[4], projectId: 'p2', date: null, hours: 0.5, reason: 'No PSA contract for awork project "Internal"' },
			{ timeEntryId: ids[2], projectId: 'p1', date: null, hours: 0, reason: 'Hours must be more than 0' },
			{ timeEntryId: ids[5], projectId: 'p1', date: '2026-11-04', hours: 3, reason: 'Changed after booking: ...', changedAfterBooking: drift },
		]);
		// A duplicate that a correction entry brought to awork's hours is billed and counted as corrected.
		const corrected = await bed.run(
			{ resource: 'timeEntry', operation: 'markBilled', timeEntryIdsFrom: 'field', timeEntryIdsField: 'aworkTimeEntryIds', options: { addReport: true } },
			{ input: [booking('duplicate', [ids[0]], { projectId: 'p1', contractId: 'c1', date: '2026-11-02', seconds: 10800, correction: { externalId: `${ids[0]}:correction:1`, hours: 1 } })] },
		);
		expect((corrected.outputs[1] ?? [])[0]?.json).toMatchObject({ alreadyInPsa: 1, markedBilled: 1, corrected: 1, failures: [] });
		// Without the option there is one output, as before.
		const plain = await bed.run({ resource: 'timeEntry', operation: 'markBilled', timeEntryIds: ids[0] });
		expect(plain.outputs).toHaveLength(1);
	});

	it('names the field when an item lacks it or holds no awork ID, and sends nothing', async () => {
		const { ids } = seedEntries();
		const params = { resource: 'timeEntry', operation: 'markBilled', timeEntryIdsFrom: 'field', timeEntryIdsField: 'aworkTimeEntryIds' };
		const missing = await bed.run(params, { input: [{ json: { aworkTimeEntryIds: [ids[0]] } }, { json: { ids: [ids[1]] } }] });
		expect(missing.error?.message).toBe('Field With IDs: item 1 has no field "aworkTimeEntryIds"');
		const wrong = await bed.run(params, { input: [{ json: { aworkTimeEntryIds: ['not-an-id'] } }] });
		expect(wrong.error?.message).toBe('Field With IDs ("aworkTimeEntryIds"): "not-an-id" is not an awork ID');
		const empty = await bed.run({ ...params, timeEntryIdsField: ' ' }, { input: [{ json: { aworkTimeEntryIds: [ids[0]] } }] });
		expect(empty.error?.message).toBe('Field With IDs: enter the name of the field that holds the time entry IDs');
		expect(bed.requestsTo('POST', /setIsBilled$/)).toHaveLength(0);
		expect(bed.store.timeEntries.get(ids[0])!.isBilled).toBe(false);
	});

	it('marks unbilled, and with continue on fail keeps going past an item with a bad ID', async () => {
		const { ids } = seedEntries();
		const result = await bed.run(
			{ resource: 'timeEntry', operation: 'markUnbilled', timeEntryIds: '={{ $json.id }}' },
			{ input: [{ json: { id: ids[1] } }, { json: { id: "x' or 1 eq 1" } }], continueOnFail: true },
		);
		expect(json(result)).toEqual([
			{ id: "x' or 1 eq 1", error: 'Time Entry IDs: "x\'", "or", "1", "eq", "1" are not awork IDs' },
			{ id: ids[1], status: 'ok', isBilled: false },
		]);
		expect(paired(result)).toEqual([1, 0]);
		expect(bed.store.timeEntries.get(ids[1])!.isBilled).toBe(false);
		expect(bed.requestsTo('POST', /setIsBilled$/)[0].body).toEqual({ timeEntryIds: [ids[1]], isBilled: false });
	});
});
