/**
 * The demo prints the export's summary item in a few lines: the totals (with how many failures
 * were entries changed after their booking), one line per project, and every reported reason.
 */
import { describeExport } from '../../../../scripts/demo/report';

describe('demo: the export summary lines', () => {
	it('names the totals, entries changed after booking among the failed, each project and each reason', () => {
		const lines = describeExport([
			{
				closedBefore: '2026-12-01T23:00:00.000Z',
				timezone: 'Europe/Berlin',
				entriesFound: 6,
				exported: 3,
				alreadyInPsa: 1,
				markedBilled: 3,
				withoutContract: 1,
				failed: 2,
				changedAfterBooking: 1,
				projects: [
					{ project: 'Relaunch', contractId: 'ctr_1', entries: 5, hours: 7.5, exported: 3, billed: 3, failed: 2 },
					{ project: 'Internal', contractId: null, entries: 1, hours: 0.5 },
				],
				failures: [{ project: 'Relaunch', reason: 'Changed in awork at 2026-12-02T01:00:00Z, after this run read it' }],
			},
		]);
		expect(lines[0]).toBe(
			'    closed days before 2026-12-01T23:00:00.000Z (Europe/Berlin): 6 billable unbilled entries found, 3 exported, 1 already in the PSA, 3 marked billed in awork, 1 without contract, 2 failed (1 of them changed after booking)',
		);
		expect(lines.slice(1)).toEqual([
			'    Relaunch: contract ctr_1, 5 entries, 7.5 h -> 3 exported, 3 billed',
			'    Internal: NO contract, 1 entry, 0.5 h -> reported, left unbilled',
			'    reported: Changed in awork at 2026-12-02T01:00:00Z, after this run read it',
		]);
	});

	it('prints any other shape as JSON', () => {
		expect(describeExport([{ unexpected: true }])).toEqual(['    {"unexpected":true}']);
	});
});
