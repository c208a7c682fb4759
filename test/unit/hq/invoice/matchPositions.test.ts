import type { IDataObject } from 'n8n-workflow';
import type { InvoiceLine } from '../../../../nodes/shared/billing/invoiceLine';
import { DEFAULT_POSITION_SETTINGS, linesMissingFrom } from '../../../../nodes/Hq/helpers/positions';

const line = (text: string, quantity = 2.5, unitPrice = 100): InvoiceLine => ({ positionId: null, text, quantity, unit: 'hours', unitPrice, timeEntryIds: ['te-1'] });
const missing = (existing: IDataObject[], lines: InvoiceLine[]) => linesMissingFrom(existing, lines, '7', DEFAULT_POSITION_SETTINGS).map((l) => l.text);

describe('HQ: which lines a draft already holds (the replay rule)', () => {
	it('recognises a position however HQ renders its text: plainText, HTML wrapped in <p>, entities', () => {
		const lines = [line('R&D <sprint>'), line('Design\n  review')];
		expect(missing([{ text: 'R&amp;D &lt;sprint&gt;', amount1: 2.5, price: 100, unitId1: 1 }, { plainText: 'Design review', amount1: 2.5, price: 100 }], lines)).toEqual([]);
		expect(missing([{ text: '<p>R&amp;D &lt;sprint&gt;</p>', plainText: 'R&D <sprint>', amount1: 2.5, price: 100 }], lines)).toEqual(['Design\n  review']);
	});

	it('accepts quantities and prices HQ rounded to 2 decimals, but not another unit or amount', () => {
		expect(missing([{ plainText: 'A', amount1: 0.31, price: 800 }], [line('A', 0.3125, 800)])).toEqual([]);
		expect(missing([{ plainText: 'A', amount1: 2.5, price: 100, unitId1: 2 }], [line('A')])).toEqual(['A']);
		expect(missing([{ plainText: 'A', amount1: 3, price: 100 }], [line('A')])).toEqual(['A']);
	});

	it('counts equal lines: two equal lines need two positions', () => {
		expect(missing([{ plainText: 'A', amount1: 2.5, price: 100 }], [line('A'), line('A')])).toEqual(['A']);
	});
});
