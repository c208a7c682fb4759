import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import { CASES, E, ENTRIES, IDS } from './fixtures/invoicePositions';
import { AworkTestBed, json } from '../harness';

const bed = new AworkTestBed();
beforeAll(async () => {
	await bed.start();
});
afterAll(async () => {
	await bed.stop();
});
beforeEach(() => bed.clearLog());

const input = (entries: IDataObject[] = ENTRIES) => entries.map((entry) => ({ json: entry }));
const positions = (parameters: Record<string, unknown>, options: { input?: { json: IDataObject }[]; continueOnFail?: boolean } = {}) =>
	bed.run({ resource: 'timeEntry', operation: 'toInvoicePositions', ...parameters } as never, { input: options.input ?? input(), continueOnFail: options.continueOnFail });
const pairedItems = (item: { pairedItem?: unknown }) => (item.pairedItem as Array<{ item: number }>).map((paired) => paired.item);

describe('awork node: Time Entry > To Invoice Positions', () => {
	it.each(CASES)('$name', async ({ parameters, positions: expected }) => {
		const result = await positions(parameters);
		expect(result.error).toBeUndefined();
		expect(
			result.items.map((item) => {
				const { text, quantity, unit, unitPrice, amount, seconds, timeEntryIds } = item.json;
				return { text, quantity, unit, unitPrice, amount, seconds, timeEntryIds, items: pairedItems(item) };
			}),
		).toEqual(expected);
		expect(json(result).map((position) => position.position)).toEqual(expected.map((_, index) => index + 1));
		// Works on the input only: no request to awork.
		expect(bed.requests).toHaveLength(0);
	});

	it('keeps the facts all entries of a position share, and the tracked time before rounding', async () => {
		const result = await positions({ positionLevel: 'task', positionText: 'auto', positionUnit: 'hours', defaultRate: 100, roundingRule: 'up', roundingStepMinutes: 60, roundingPer: 'position' });
		const [design] = json(result);
		expect(design).toMatchObject({
			text: 'Design',
			level: 'task',
			groupKey: IDS.T1,
			projectId: IDS.P1,
			projectName: 'Website',
			taskName: 'Design',
			// Anna and Ben both worked on it: no single user.
			userId: null,
			userName: null,
			typeOfWorkName: 'Design',
			// 6300 s tracked, up to whole hours: 7200 s.
			trackedSeconds: 6300,
			seconds: 7200,
			timeEntryCount: 2,
			from: '2026-03-02T09:00:00Z',
			to: '2026-03-02T13:45:00.000Z',
		});
		// Entries without a task are summed together.
		expect(json(result).map((position) => position.text)).toEqual(['Design', 'Build', 'Setup', 'No task']);
	});

	it('bills an entry given twice once, pairing the position with both items', async () => {
		const result = await positions({ positionLevel: 'task', positionText: 'auto', positionUnit: 'hours', defaultRate: 100, roundingRule: 'none' }, { input: input([...ENTRIES, ENTRIES[0]]) });
		const [design] = result.items;
		// E1 + E2 = 3600 + 2700 = 6300 s = 1.75 h, not 2.75 h.
		expect(design.json).toMatchObject({ quantity: 1.75, amount: 175, timeEntryIds: [E.e1, E.e2] });
		expect(pairedItems(design)).toEqual([0, 1, 6]);
	});

	it('stops at an item that is not a time entry, naming it; with continue on fail it becomes an error item', async () => {
		const broken = [...ENTRIES.slice(0, 2), { id: 'x', note: 'no duration' } as IDataObject];
		const failed = await positions({ positionLevel: 'project', defaultRate: 100, roundingRule: 'none' }, { input: input(broken) });
		expect(failed.error?.message).toBe('Input item 2 is not an awork time entry: time entry x has no "duration" in seconds (nor a start and end)');

		const continued = await positions({ positionLevel: 'project', defaultRate: 100, roundingRule: 'none' }, { input: input(broken), continueOnFail: true });
		expect(json(continued)).toHaveLength(2);
		expect(json(continued)[0]).toMatchObject({ text: 'Website', quantity: 1.75 });
		expect(json(continued)[1]).toEqual({ id: 'x', note: 'no duration', error: 'Input item 2 is not an awork time entry: time entry x has no "duration" in seconds (nor a start and end)' });
		expect(pairedItems(continued.items[0])).toEqual([0, 1]);
		expect(continued.items[1].pairedItem).toEqual({ item: 2 });
	});

	it('names the parameter when a setting is unusable', async () => {
		const noKey = await positions({ positionLevel: 'key', positionGroupKey: ' ', roundingRule: 'none' });
		expect(noKey.error?.message).toBe('Group By Field: enter the field path to group by, e.g. typeOfWork.name');
		const emptyRow = await positions({ positionLevel: 'project', roundingRule: 'none', rateTable: { rate: [{ matchBy: 'user', value: '', rate: 10 }] } });
		expect(emptyRow.error?.message).toBe('Rate Table, row 1: "Project, Type of Work or User" is empty');
	});

	it('gives each position an ID that depends only on the set of entries it covers', async () => {
		const settings = { positionLevel: 'project', positionText: 'auto', positionUnit: 'hours', defaultRate: 100, roundingRule: 'none' };
		const forward = json(await positions(settings));
		const backward = json(await positions(settings, { input: input([...ENTRIES].reverse()) }));
		expect(forward.length).toBeGreaterThan(1);
		for (const position of forward) {
			const ids = [...(position.timeEntryIds as string[])].sort();
			const expected = 'pos-' + createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 40);
			expect(position.positionId).toBe(expected);
			expect(backward.find((other) => other.groupKey === position.groupKey)?.positionId).toBe(expected);
		}
		expect(new Set(forward.map((position) => position.positionId)).size).toBe(forward.length);
		// One entry fewer: another position, another ID.
		const fewer = json(await positions(settings, { input: input(ENTRIES.slice(1)) }));
		expect(fewer.find((other) => other.groupKey === forward[0].groupKey)?.positionId).not.toBe(forward[0].positionId);
	});

	it('outputs every time entry with its position when asked, in input order and paired one to one', async () => {
		const nonBillable = { ...ENTRIES[2], id: 'not-billable', isBillable: false };
		const entries = [...ENTRIES, nonBillable];
		const settings = { positionLevel: 'task', positionText: 'auto', positionUnit: 'hours', defaultRate: 100, roundingRule: 'none' };
		const grouped = json(await positions(settings, { input: input(entries) }));
		const result = await positions({ ...settings, positionOptions: { output: 'entries' } }, { input: input(entries) });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual(entries.map((entry) => entry.id));
		expect(result.items.map((item) => item.pairedItem)).toEqual(entries.map((_, item) => ({ item })));
		const billable = result.items.filter((item) => item.json.isBillable !== false);
		expect(billable.length).toBeGreaterThan(2);
		for (const item of billable) {
			const position = item.json.invoicePosition as IDataObject;
			const full = grouped.find((candidate) => candidate.positionId === position.positionId)!;
			expect(full.timeEntryIds).toContain(item.json.id);
			expect(position).toEqual({ ...full, timeEntryIds: undefined });
			expect(position).not.toHaveProperty('timeEntryIds');
		}
		// Not billable: on no position, but still passed on, not dropped.
		const left = result.items.filter((item) => item.json.isBillable === false);
		expect(left.map((item) => item.json.id)).toContain('not-billable');
		for (const item of left) expect(item.json.invoicePosition).toBeNull();
	});

	it('gives no positions for no input', async () => {
		const result = await positions({ positionLevel: 'project', roundingRule: 'none' }, { input: [] });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});
});
