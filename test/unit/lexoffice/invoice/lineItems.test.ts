import { germanDay } from '../../../../nodes/Lexoffice/helpers/parameters';
import { lineItemOf, lineItemsOf, servicePeriodOf, type UnitSettings } from '../../../../nodes/Lexoffice/helpers/invoice/lineItems';
import { referenceIn, remarkWithReference } from '../../../../nodes/Lexoffice/helpers/invoice/reference';
import type { InvoiceLine } from '../../../../nodes/shared/billing/invoiceLine';

const units: UnitSettings = { billIn: 'asPositions', hoursPerDay: 8, names: { hours: 'Stunde', days: 'Tag' } };
const net19 = { taxType: 'net' as const, taxRatePercentage: 19 };
const line = (overrides: Partial<InvoiceLine> = {}): InvoiceLine => ({ positionId: 'pos-1', text: 'Design', quantity: 1.5, unit: 'hours', unitPrice: 95, timeEntryIds: ['te-1'], ...overrides });

describe('Lexoffice line items', () => {
	it('converts hours to days of the configured length and back, keeping the amount', () => {
		const days = lineItemOf(line({ quantity: 12, unitPrice: 100 }), { ...units, billIn: 'days' }, net19);
		expect(days).toMatchObject({ quantity: 1.5, unitName: 'Tag', unitPrice: { netAmount: 800 } });
		const hours = lineItemOf(line({ quantity: 0.5, unit: 'days', unitPrice: 800 }), { ...units, billIn: 'hours' }, net19);
		expect(hours).toMatchObject({ quantity: 4, unitName: 'Stunde', unitPrice: { netAmount: 100 } });
	});

	it('rounds quantity and price to Lexware\'s 4 decimals', () => {
		const item = lineItemOf(line({ quantity: 1, unitPrice: 100 }), { ...units, billIn: 'days', hoursPerDay: 7.5 }, net19);
		expect(item).toMatchObject({ quantity: 0.1333, unitPrice: { netAmount: 750 } });
	});

	it('keeps a long text whole in the description and shortens the name to 255', () => {
		const item = lineItemOf(line({ text: 'x'.repeat(300) }), units, net19);
		expect(String(item.name)).toHaveLength(255);
		expect(item.description).toBe('x'.repeat(300));
		expect(() => lineItemOf(line({ text: 'x'.repeat(2001) }), units, net19)).toThrow(/"text" has 2001 characters/);
	});

	it('refuses more than 300 positions, saying how to have fewer', () => {
		expect(() => lineItemsOf(Array.from({ length: 301 }, () => line()), units, net19)).toThrow(/at most 300 line items\. Choose a coarser level/);
	});

	it('finds the service period of the positions', () => {
		expect(servicePeriodOf([{ from: '2026-05-03T08:00:00Z', to: '2026-05-03T09:00:00Z' }, { date: '2026-05-07' }])).toEqual({ first: '2026-05-03', last: '2026-05-07' });
		expect(servicePeriodOf([{ text: 'manual' }])).toBeUndefined();
		// 22:30 UTC on 3 May is already 4 May in Germany (summer time).
		expect(servicePeriodOf([{ from: '2026-05-03T22:30:00Z' }])).toEqual({ first: '2026-05-04', last: '2026-05-04' });
	});

	it('writes and finds the reference line in the remark, and no other awork text', () => {
		const ref = 'awork-0123456789abcdef01234567';
		const remark = remarkWithReference('Zahlbar in 14 Tagen', ref);
		expect(remark).toBe(`Zahlbar in 14 Tagen\n\nRef: ${ref}`);
		expect(referenceIn(remark)).toBe(ref);
		expect(referenceIn(`${remark}0`)).toBeNull();
		expect(referenceIn('Ref: awork-xyz')).toBeNull();
		expect(referenceIn(undefined)).toBeNull();
	});

	it('takes the day of an instant in Germany', () => {
		expect(germanDay(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
		expect(germanDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
		expect(germanDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
	});
});
