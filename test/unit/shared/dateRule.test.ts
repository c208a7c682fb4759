/**
 * One date rule for every node, in n8n's engine: a date without an offset is read in the
 * workflow's time zone, one with an offset keeps it. The awork node and The One PSA node must
 * send the same instant for the same text.
 */
import { startFakeOnePsa, type RunningFakeOnePsa } from '../../../devkit/fakes/onepsa';
import { AworkTestBed, byId } from '../awork/harness';
import { runOnePsa } from '../onePsa/helpers';

const BERLIN = 'Europe/Berlin';
const bed = new AworkTestBed();
let psa: RunningFakeOnePsa;

beforeAll(async () => {
	await bed.start();
	psa = await startFakeOnePsa();
	psa.fake.seed({ tickets: [{ id: 'tkt_1', number: 'T-0001', subject: 'VPN down' }] });
});
afterAll(async () => {
	await bed.stop();
	await psa.close();
});
beforeEach(() => bed.reset());

/** The instant the awork node sends as a task's Due On. */
async function aworkDueOn(text: string, timezone?: string): Promise<string> {
	const [project] = bed.seed({ projects: [{ name: 'Dates' }] }).projects;
	const run = await bed.run(
		{ resource: 'task', operation: 'create', projectId: byId(String(project.id)), name: 'Due', additionalFields: { dueOn: text } },
		{ timezone },
	);
	expect(run.error).toBeUndefined();
	return String((bed.requestsTo('POST', /\/tasks$/).at(-1)!.body as { dueOn?: unknown }).dueOn);
}

/** The instant The One PSA node sends as a ticket search's Updated After. */
async function psaUpdatedAfter(text: string, timezone?: string): Promise<string> {
	const run = await runOnePsa(
		psa,
		{ resource: 'ticket', operation: 'search', searchBy: 'title', search: 'vpn', returnAll: true, filters: { updatedAfter: text } },
		{ timezone },
	);
	expect(run.error).toBeUndefined();
	return String(psa.fake.log.at(-1)!.query.updatedAfter);
}

describe('date rule: awork and The One PSA read the same text as the same instant', () => {
	it('reads 2026-03-29T01:30 in Europe/Berlin (still +01:00 that night) as 00:30 UTC in both nodes', async () => {
		const awork = await aworkDueOn('2026-03-29T01:30', BERLIN);
		const onePsa = await psaUpdatedAfter('2026-03-29T01:30', BERLIN);
		expect(awork).toBe('2026-03-29T00:30:00Z');
		expect(Date.parse(onePsa)).toBe(Date.parse('2026-03-29T00:30:00Z'));
		expect(Date.parse(awork)).toBe(Date.parse(onePsa));
	});

	it('reads the hour after the switch at +02:00, and a date alone as midnight in the zone, in both nodes', async () => {
		for (const [text, utc] of [
			['2026-03-29T03:30', '2026-03-29T01:30:00Z'],
			['2026-03-29', '2026-03-28T23:00:00Z'],
		]) {
			expect(await aworkDueOn(text, BERLIN)).toBe(utc);
			expect(Date.parse(await psaUpdatedAfter(text, BERLIN))).toBe(Date.parse(utc));
		}
	});

	it('follows the workflow setting, not the server: the same text in America/New_York is five hours after UTC', async () => {
		expect(await aworkDueOn('2026-03-29T01:30', 'America/New_York')).toBe('2026-03-29T05:30:00Z');
		expect(Date.parse(await psaUpdatedAfter('2026-03-29T01:30', 'America/New_York'))).toBe(Date.parse('2026-03-29T05:30:00Z'));
	});

	it('keeps an offset or Z whatever the workflow zone', async () => {
		expect(await aworkDueOn('2026-03-29T01:30:00+02:00', BERLIN)).toBe('2026-03-28T23:30:00Z');
		expect(Date.parse(await psaUpdatedAfter('2026-03-29T01:30:00+02:00', BERLIN))).toBe(Date.parse('2026-03-28T23:30:00Z'));
		expect(await aworkDueOn('2026-03-29T01:30:00Z', BERLIN)).toBe('2026-03-29T01:30:00Z');
		expect(Date.parse(await psaUpdatedAfter('2026-03-29T01:30:00Z', BERLIN))).toBe(Date.parse('2026-03-29T01:30:00Z'));
	});

	it('fails in both nodes with an error that names the field and what was wrong', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Dates' }] }).projects;
		const awork = await bed.run(
			{ resource: 'task', operation: 'create', projectId: byId(String(project.id)), name: 'Due', additionalFields: { dueOn: '2026-02-30T10:00' } },
			{ timezone: BERLIN },
		);
		expect(awork.error?.message).toMatch(/^Due On: "2026-02-30T10:00" is not a date: .*30 .*day/);
		expect(bed.requestsTo('POST', /\/tasks$/)).toHaveLength(0);
		const onePsa = await runOnePsa(
			psa,
			{ resource: 'ticket', operation: 'search', searchBy: 'title', search: 'vpn', returnAll: true, filters: { updatedAfter: 'last week' } },
			{ timezone: BERLIN },
		);
		expect(onePsa.error?.message).toMatch(/^Updated After: "last week" is not a date: expected an ISO 8601 date/);
		expect(onePsa.error?.description).toContain('(Europe/Berlin)');
	});

	it('reads Start From of awork time entries and From Date of PSA time entries in the workflow zone', async () => {
		const [project] = bed.seed({ projects: [{ name: 'Dates' }] }).projects;
		const [before, after] = bed.seed({
			timeEntries: ['2026-03-28T23:20:00Z', '2026-03-28T23:40:00Z'].map((startDateUtc) => ({ projectId: project.id, startDateUtc, duration: 600 })),
		}).timeEntries;
		// 00:30 in Berlin is 23:30 UTC the day before: the entry at 23:40 UTC is in, the one at 23:20 is out.
		const awork = await bed.run(
			{ resource: 'timeEntry', operation: 'getMany', returnAll: true, simple: false, filters: { isBillable: 'any', isBilled: 'any', startFrom: '2026-03-29T00:30' } },
			{ timezone: BERLIN },
		);
		expect(awork.error).toBeUndefined();
		expect(awork.items.map((item) => item.json.id)).toEqual([after.id]);
		expect(awork.items.map((item) => item.json.id)).not.toContain(before.id);
		const onePsa = await runOnePsa(
			psa,
			{ resource: 'timeEntry', operation: 'getMany', returnAll: true, filters: { from: '2026-03-29T23:30:00Z' } },
			{ timezone: BERLIN },
		);
		expect(onePsa.error).toBeUndefined();
		// Text with Z keeps its offset: the day is the one written.
		expect(psa.fake.log.at(-1)!.query.from).toBe('2026-03-29');
	});
});
