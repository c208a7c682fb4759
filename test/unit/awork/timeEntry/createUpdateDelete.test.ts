/**
 * Time Entry > Create, Update and Delete against the fake awork: what is sent, what a repeated or
 * retried run does (Match Key, lost answers), the billed-entry refusal, and the date rule (a start
 * without an offset is read in the workflow's time zone).
 */
import { byId, json } from '../harness';
import { loseNextAnswer, quickRetryBed } from '../retries';

const bed = quickRetryBed();

const typeOfWork = (name = 'Design') => [...bed.store.typesOfWork.values()].find((type) => type.name === name)!.id as string;
const entries = () => [...bed.store.timeEntries.values()];

function seedProjectAndTask() {
	const [project] = bed.seed({ projects: [{ name: 'Support', isBillableByDefault: true }] }).projects;
	const [task] = bed.seed({ tasks: [{ name: 'Printer offline', baseType: 'projecttask', projectId: String(project.id) }] }).tasks;
	return { projectId: String(project.id), taskId: String(task.id) };
}

const createParams = (extra: Record<string, unknown> = {}) => ({
	resource: 'timeEntry',
	operation: 'create',
	userId: byId(bed.store.meUserId),
	typeOfWorkId: typeOfWork(),
	start: '2026-03-02T09:30:00',
	durationMinutes: 90,
	...extra,
});

describe('awork node: Time Entry > Create', () => {
	it('books the time on the task, reading a start without offset in the workflow’s time zone', async () => {
		const { projectId, taskId } = seedProjectAndTask();
		const result = await bed.run(createParams({ additionalFields: { taskId: byId(taskId), note: 'T-1042: printer replaced' } }), {
			timezone: 'Europe/Berlin',
		});
		expect(result.error).toBeUndefined();
		const [request] = bed.requestsTo('POST', /\/timeentries$/);
		expect(request.body).toEqual({
			userId: bed.store.meUserId,
			typeOfWorkId: typeOfWork(),
			startDateUtc: '2026-03-02T08:30:00Z',
			duration: 5400,
			timezone: 'Europe/Berlin',
			taskId,
			note: 'T-1042: printer replaced',
		});
		expect(json(result)[0]).toMatchObject({ created: true, taskId, projectId, duration: 5400, startDateUtc: '2026-03-02T08:30:00.000Z', isBillable: true });
		expect(entries()).toHaveLength(1);
	});

	it('keeps an offset that is given, and takes another time zone for the entry', async () => {
		const result = await bed.run(createParams({ start: '2026-03-02T09:30:00-05:00', additionalFields: { timezone: 'America/New_York', isBillable: false } }), {
			timezone: 'Europe/Berlin',
		});
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('POST', /\/timeentries$/)[0].body).toMatchObject({ startDateUtc: '2026-03-02T14:30:00Z', timezone: 'America/New_York', isBillable: false });
	});

	it('without a Match Key every run creates another entry', async () => {
		await bed.run(createParams());
		await bed.run(createParams());
		expect(entries()).toHaveLength(2);
	});

	it('with a Match Key, a repeated run returns the entry it made and creates nothing', async () => {
		const params = createParams({ matchKey: 'psa-time:TE-5521', additionalFields: { note: 'Ticket T-7' } });
		const first = await bed.run(params);
		const again = await bed.run(params);
		expect(json(first)[0]).toMatchObject({ created: true, note: 'Ticket T-7\n\n[match key: psa-time:TE-5521]' });
		expect(json(again)[0]).toMatchObject({ created: false, id: json(first)[0].id });
		expect(bed.requestsTo('POST', /\/timeentries$/)).toHaveLength(1);
		// Another key is another entry.
		await bed.run(createParams({ matchKey: 'psa-time:TE-5522' }));
		expect(entries()).toHaveLength(2);
	});

	it('with a Match Key, a create whose answer was lost is found instead of made twice', async () => {
		const restore = loseNextAnswer(bed, 'POST', '/api/v1/timeentries');
		const result = await bed.run(createParams({ matchKey: 'psa-time:TE-9' }));
		restore();
		expect(result.error).toBeUndefined();
		expect(json(result)[0]).toMatchObject({ created: true, note: '[match key: psa-time:TE-9]' });
		expect(bed.requestsTo('POST', /\/timeentries$/).map((entry) => entry.fault)).toEqual(['resetAfterCommit']);
		expect(entries()).toHaveLength(1);
	});

	it('without a Match Key, a lost answer is an error saying the entry may exist, and nothing is sent twice', async () => {
		const restore = loseNextAnswer(bed, 'POST', '/api/v1/timeentries');
		const result = await bed.run(createParams());
		restore();
		expect(result.error?.message).toMatch(/may or may not have applied it/);
		expect(bed.requestsTo('POST', /\/timeentries$/)).toHaveLength(1);
		expect(entries()).toHaveLength(1);
	});

	// (An empty Start or a malformed ID in By ID mode n8n itself refuses before the node runs.)
	it('names the field that is wrong before sending anything', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ durationMinutes: 0 }, /^Duration \(Minutes\): "0" is not a number of minutes above 0$/],
			[{ start: '2026-02-30T10:00' }, /^Start: "2026-02-30T10:00" is not a date/],
			[{ additionalFields: { timezone: 'Mars/Olympus' } }, /^Time Zone: "Mars\/Olympus" is not an IANA time zone$/],
			[{ matchKey: 'key with spaces' }, /^Match Key: "key with spaces" is not a valid match key$/],
		];
		for (const [extra, message] of cases) {
			const result = await bed.run(createParams(extra));
			expect(result.error?.message).toMatch(message);
		}
		expect(bed.requestsTo('POST', /\/timeentries$/)).toHaveLength(0);
	});

	it('passes on awork’s refusal naming the field (an unknown type of work)', async () => {
		const result = await bed.run(createParams({ typeOfWorkId: '00000000-0000-4000-8000-000000000001' }));
		expect(result.error?.message).toMatch(/TypeOfWorkId/);
		expect(entries()).toHaveLength(0);
	});
});

function seedEntry(fields: Record<string, unknown> = {}) {
	const { projectId, taskId } = seedProjectAndTask();
	const [entry] = bed.seed({
		timeEntries: [
			{
				projectId,
				taskId,
				userId: bed.store.meUserId,
				typeOfWorkId: typeOfWork(),
				startDateUtc: '2026-03-02T08:00:00.000Z',
				duration: 3600,
				timezone: 'Europe/Berlin',
				isBillable: true,
				note: 'Original note',
				...fields,
			},
		],
	}).timeEntries;
	return { projectId, taskId, id: String(entry.id) };
}

describe('awork node: Time Entry > Update', () => {
	it('changes the chosen fields and keeps the others (awork’s PUT replaces the whole entry)', async () => {
		const { projectId, taskId, id } = seedEntry();
		const result = await bed.run({ resource: 'timeEntry', operation: 'update', timeEntryId: byId(id), updateFields: { durationMinutes: 45, note: 'Shorter' } });
		expect(result.error).toBeUndefined();
		expect(bed.requestsTo('PUT', /\/timeentries\//)[0].body).toEqual({
			isBillable: true,
			isBilled: false,
			taskId,
			projectId,
			note: 'Shorter',
			timezone: 'Europe/Berlin',
			duration: 2700,
			typeOfWorkId: typeOfWork(),
			userId: bed.store.meUserId,
			startDateUtc: '2026-03-02T08:00:00Z',
		});
		expect(json(result)[0]).toMatchObject({ id, duration: 2700, note: 'Shorter', taskId, startDateUtc: '2026-03-02T08:00:00.000Z' });
	});

	it('keeps the start when awork serves it as a UTC date plus a time', async () => {
		const { id } = seedEntry();
		bed.fake.setConfig({ timeEntryDateShape: 'dateAndTime' });
		try {
			const result = await bed.run({ resource: 'timeEntry', operation: 'update', timeEntryId: byId(id), updateFields: { note: 'x' } });
			expect(result.error).toBeUndefined();
			expect(bed.store.timeEntries.get(id)!.startDateUtc).toBe('2026-03-02T08:00:00.000Z');
		} finally {
			bed.fake.setConfig({ timeEntryDateShape: 'instant' });
		}
	});

	it('reads a new start in the workflow’s time zone, and a new project drops the old project’s task', async () => {
		const { id } = seedEntry();
		const [other] = bed.seed({ projects: [{ name: 'Internal' }] }).projects;
		const result = await bed.run(
			{ resource: 'timeEntry', operation: 'update', timeEntryId: byId(id), updateFields: { start: '2026-03-03 07:15', projectId: byId(String(other.id)) } },
			{ timezone: 'Europe/Berlin' },
		);
		expect(result.error).toBeUndefined();
		expect(json(result)[0]).toMatchObject({ projectId: other.id, taskId: null, startDateUtc: '2026-03-03T06:15:00.000Z' });
	});

	it('refuses a billed entry, naming it, and changes nothing', async () => {
		const { id } = seedEntry({ isBilled: true });
		const result = await bed.run({ resource: 'timeEntry', operation: 'update', timeEntryId: byId(id), updateFields: { note: 'Changed' } });
		expect(result.error?.message).toBe(`Time entry ${id} is billed, so it was not changed`);
		expect(bed.requestsTo('PUT', /\/timeentries\//)).toHaveLength(0);
		expect(bed.store.timeEntries.get(id)!.note).toBe('Original note');
	});

	it('changes a billed entry when allowed, and it stays billed', async () => {
		const { id } = seedEntry({ isBilled: true });
		const result = await bed.run({ resource: 'timeEntry', operation: 'update', timeEntryId: byId(id), updateFields: { note: 'Typo fixed' }, allowBilled: true });
		expect(result.error).toBeUndefined();
		expect(json(result)[0]).toMatchObject({ note: 'Typo fixed', isBilled: true });
	});

	it('asks for a field to change, and reports an unknown entry', async () => {
		const { id } = seedEntry();
		const empty = await bed.run({ resource: 'timeEntry', operation: 'update', timeEntryId: byId(id), updateFields: {} });
		expect(empty.error?.message).toBe('Update Fields: choose at least one field to change');
		const missing = await bed.run({ resource: 'timeEntry', operation: 'update', timeEntryId: byId('00000000-0000-4000-8000-000000000002'), updateFields: { note: 'x' } });
		expect(missing.error?.message).toMatch(/could not find \/timeentries\/00000000-0000-4000-8000-000000000002 \(404\)/);
	});
});

describe('awork node: Time Entry > Delete', () => {
	it('deletes an unbilled entry and outputs deleted and id', async () => {
		const { id } = seedEntry();
		const result = await bed.run({ resource: 'timeEntry', operation: 'delete', timeEntryId: byId(id) });
		expect(json(result)).toEqual([{ deleted: true, id }]);
		expect(bed.store.timeEntries.has(id)).toBe(false);
	});

	it('refuses a billed entry naming it, unless allowed', async () => {
		const { id } = seedEntry({ isBilled: true });
		const refused = await bed.run({ resource: 'timeEntry', operation: 'delete', timeEntryId: byId(id) }, { continueOnFail: true });
		expect(json(refused)[0].error).toBe(`Time entry ${id} is billed, so it was not deleted`);
		expect(bed.requestsTo('DELETE', /\/timeentries\//)).toHaveLength(0);
		expect(bed.store.timeEntries.has(id)).toBe(true);
		const allowed = await bed.run({ resource: 'timeEntry', operation: 'delete', timeEntryId: byId(id), allowBilled: true });
		expect(json(allowed)).toEqual([{ deleted: true, id }]);
	});

	it('a repeated run fails naming the entry, or outputs deleted: false with Ignore If Already Deleted', async () => {
		const { id } = seedEntry();
		await bed.run({ resource: 'timeEntry', operation: 'delete', timeEntryId: byId(id) });
		const again = await bed.run({ resource: 'timeEntry', operation: 'delete', timeEntryId: byId(id) });
		expect(again.error?.message).toBe(`Time entry ${id} was not found in awork, so it was not deleted`);
		const ignored = await bed.run({ resource: 'timeEntry', operation: 'delete', timeEntryId: byId(id), ignoreMissing: true });
		expect(json(ignored)).toEqual([{ deleted: false, id, alreadyDeleted: true }]);
	});

	it('a delete whose answer was lost is retried, and the 404 of the retry counts as deleted', async () => {
		const { id } = seedEntry();
		const restore = loseNextAnswer(bed, 'DELETE', '/api/v1/timeentries/:timeEntryId');
		const result = await bed.run({ resource: 'timeEntry', operation: 'delete', timeEntryId: byId(id) });
		restore();
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([{ deleted: true, id }]);
		expect(bed.requestsTo('DELETE', /\/timeentries\//).map((entry) => entry.status)).toEqual([expect.any(Number), 404]);
	});
});
