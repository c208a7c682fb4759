/**
 * The chain the workflow runs: awork's To Invoice Positions, an Edit Fields-like change of the
 * items, then sevDesk's Create Draft. The positions go in as the awork node outputs them.
 */
import { ENTRIES } from '../../awork/timeEntry/fixtures/invoicePositions';
import { AworkTestBed } from '../../awork/harness';
import { createDraft, runSevDesk, startSevDesk } from '../helpers';
import type { RunningFakeSevDesk } from '../../../../devkit/fakes/sevdesk';

describe('sevDesk Create Draft from the awork node\'s positions', () => {
	const bed = new AworkTestBed();
	let sevDesk: RunningFakeSevDesk;

	beforeAll(async () => {
		await bed.start();
	});
	afterAll(async () => await bed.stop());
	beforeEach(async () => {
		sevDesk = await startSevDesk();
	});
	afterEach(async () => await sevDesk.close());

	it('bills every time entry once, in one draft, also after a person renamed and re-priced a position', async () => {
		const positions = await bed.run(
			{ resource: 'timeEntry', operation: 'toInvoicePositions', positionLevel: 'task', positionText: 'auto', positionUnit: 'days', hoursPerDay: 8, defaultRate: 800 } as never,
			{ input: ENTRIES.map((entry) => ({ json: entry })) },
		);
		expect(positions.error).toBeUndefined();
		// What a person may do with Edit Fields between the two nodes.
		const edited = positions.items.map((item, index) => ({ json: index === 0 ? { ...item.json, text: 'Konzeption & Design', unitPrice: 900 } : item.json }));
		const run = await runSevDesk(sevDesk, createDraft(), { input: edited });
		expect(run.error).toBeUndefined();
		const [invoice] = run.items;
		// Every entry the positions cover, once (the awork node decides which entries are billable).
		const covered = positions.items.flatMap((item) => item.json.timeEntryIds as string[]);
		expect(covered.length).toBeGreaterThan(3);
		expect([...(invoice.json.timeEntryIds as string[])].sort()).toEqual([...new Set(covered)].sort());
		const [stored] = sevDesk.fake.state().invoices;
		expect(stored.positions).toHaveLength(positions.items.length);
		expect(stored.positions[0]).toMatchObject({ name: 'Konzeption & Design', price: '900', unity: { id: '12', objectName: 'Unity' } });
		// Net sum = the positions' amounts (with the one re-priced).
		const expected = edited.reduce((sum, item) => sum + Number(item.json.quantity) * Number(item.json.unitPrice), 0);
		expect(invoice.json.sumNet).toBeCloseTo(expected, 2);
	});
});
