/** The export's time split: the floor it reports and what it concludes about 4x the baseline. */
import { floorMs, timeSplitMarkdown, type TimeSplit, type TimeSplitResult } from '../../../bench/exportTimeSplit';

function split(workflow: 'baseline' | 'shipped', figures: Partial<TimeSplit>): TimeSplit {
	return {
		workflow,
		entries: 10_000,
		wallMs: 1000,
		executionMs: 700,
		afterRunMs: 300,
		fakeBusyMs: 200,
		nodeMs: { 'Export to PSA': 250, 'Mark Billed in awork': 90, Settings: 1 },
		nodeOutputs: {
			Settings: { items: 1, chars: 300 },
			'Billable Entries of Closed Days': { items: 10_000, chars: 9_000_000 },
			'Export to PSA': { items: 10_000, chars: 4_600_000 },
			'Mark Billed in awork': { items: 10_001, chars: 1_300_000 },
		},
		smallRunWallMs: 200,
		smallRunOwnMs: 160,
		readItemsMs: 250,
		wallSamplesMs: [1000],
		...figures,
	};
}

describe('export time split', () => {
	it('adds the fakes, the small run and the read node\'s entries into the floor', () => {
		expect(floorMs(split('shipped', {}))).toBe(200 + 200 + 250);
	});

	it('says 4x is out of reach when the floor is above a quarter of the baseline', () => {
		const result: TimeSplitResult = { entries: 10_000, baseline: split('baseline', { wallMs: 2400 }), shipped: split('shipped', {}) };
		const text = timeSplitMarkdown(result);
		expect(text).toContain('4× the baseline at 10,000 entries is 0.60 s. The shipped run\'s floor is 0.65 s, so 4× is out of reach');
		expect(text).toContain('the floor is 3.69× the baseline');
		expect(text).toContain('Export to PSA 250 ms, Mark Billed in awork 90 ms, Settings 1 ms');
		expect(text).toContain(
			'30,002 items, 14.9 MB of JSON (Billable Entries of Closed Days 10,000 items, 9.0 MB; Export to PSA 10,000 items, 4.6 MB; Mark Billed in awork 10,001 items, 1.3 MB)',
		);
		expect(text).toContain('With servers that answered in no time, 4× the baseline would be 0.55 s and the floor 0.45 s.');
	});

	it('gives the time left for the nodes after the read when the floor is below it', () => {
		const result: TimeSplitResult = { entries: 10_000, baseline: split('baseline', { wallMs: 4000 }), shipped: split('shipped', {}) };
		expect(timeSplitMarkdown(result)).toContain('the nodes after the read would have 0.35 s for all their per-entry work; today they take 0.35 s');
	});
});
