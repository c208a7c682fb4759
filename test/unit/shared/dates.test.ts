import { DateTime } from 'luxon';
import { NodeOperationError, type INode } from 'n8n-workflow';
import { DateValueError, dayIn, parseDate, parseDay, readDate, readDay, todayFor, utcIso, type DateContext } from '../../../nodes/shared/dates';
import { resetClock, setClockAt } from './datesClock';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

const utcOf = (value: unknown, zone: string) => utcIso(parseDate(value, zone)!);

function context(zone: string): DateContext {
	return { getNode: () => ({ name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }) as INode, getTimezone: () => zone };
}

describe('parseDate: text without an offset is read in the workflow time zone', () => {
	it.each([
		// Berlin switches to summer time on 2026-03-29 at 02:00 (+01:00 before, +02:00 after).
		['2026-03-29T01:30', BERLIN, '2026-03-29T00:30:00Z'],
		['2026-03-29T03:30', BERLIN, '2026-03-29T01:30:00Z'],
		['2026-03-29T01:30:00', BERLIN, '2026-03-29T00:30:00Z'],
		['  2026-03-29T01:30:00.250  ', BERLIN, '2026-03-29T00:30:00.250Z'],
		// New York switches on 2026-03-08 at 02:00 (-05:00 before, -04:00 after).
		['2026-03-08T01:30', NEW_YORK, '2026-03-08T06:30:00Z'],
		['2026-03-08T03:30', NEW_YORK, '2026-03-08T07:30:00Z'],
		['2026-03-29T01:30', 'UTC', '2026-03-29T01:30:00Z'],
		['2026-03-29 01:30', BERLIN, '2026-03-29T00:30:00Z'],
	])('%s in %s is %s', (text, zone, expected) => {
		expect(utcOf(text, zone)).toBe(expected);
	});

	it('reads a date alone as the start of that day in the zone', () => {
		const parsed = parseDate('2026-03-29', BERLIN)!;
		expect(utcIso(parsed)).toBe('2026-03-28T23:00:00Z');
		expect(parsed.toISO()).toBe('2026-03-29T00:00:00.000+01:00');
		expect(utcOf('2026-07-01', BERLIN)).toBe('2026-06-30T22:00:00Z');
		expect(utcOf('2026-07-01', NEW_YORK)).toBe('2026-07-01T04:00:00Z');
	});

	it('moves a time in the spring-forward gap past the gap, and reads a repeated autumn hour at its second (winter) offset, as luxon does', () => {
		// 02:30 does not exist in Berlin on 2026-03-29; luxon moves it forward by the hour skipped.
		expect(parseDate('2026-03-29T02:30', BERLIN)!.toISO()).toBe('2026-03-29T03:30:00.000+02:00');
		// 02:30 happens twice on 2026-10-25 (00:30 and 01:30 UTC); luxon takes the later one, +01:00.
		expect(parseDate('2026-10-25T02:30', BERLIN)!.toISO()).toBe('2026-10-25T02:30:00.000+01:00');
		expect(utcOf('2026-10-25T02:30', BERLIN)).toBe('2026-10-25T01:30:00Z');
		// An offset picks either one.
		expect(utcOf('2026-10-25T02:30+02:00', BERLIN)).toBe('2026-10-25T00:30:00Z');
	});
});

describe('parseDate: an offset or Z is kept', () => {
	it('keeps Z whatever the workflow zone', () => {
		const parsed = parseDate('2026-03-29T01:30:00Z', BERLIN)!;
		expect(utcIso(parsed)).toBe('2026-03-29T01:30:00Z');
		expect(parsed.offset).toBe(0);
	});

	it('keeps +02:00 and its offset', () => {
		const parsed = parseDate('2026-03-29T01:30:00+02:00', NEW_YORK)!;
		expect(utcIso(parsed)).toBe('2026-03-28T23:30:00Z');
		expect(parsed.offset).toBe(120);
		expect(parsed.hour).toBe(1);
	});

	it('keeps the zone of a luxon DateTime and reads a JS Date as its instant', () => {
		const tokyo = DateTime.fromISO('2026-03-29T09:00', { zone: 'Asia/Tokyo' });
		const parsed = parseDate(tokyo, BERLIN)!;
		expect(parsed.toMillis()).toBe(tokyo.toMillis());
		expect(parsed.offset).toBe(540);
		const fromJs = parseDate(new Date('2026-03-29T00:30:00Z'), BERLIN)!;
		expect(fromJs.toISO()).toBe('2026-03-29T01:30:00.000+01:00');
	});

	it('reads RFC 2822 text with its offset', () => {
		expect(utcOf('Sun, 29 Mar 2026 01:30:00 +0200', BERLIN)).toBe('2026-03-28T23:30:00Z');
	});
});

describe('parseDay: the calendar day the value names', () => {
	it('is the day as written, in its own offset, or in the workflow zone', () => {
		expect(parseDay('2026-03-29', BERLIN)).toBe('2026-03-29');
		expect(parseDay('2026-03-29T23:30:00Z', BERLIN)).toBe('2026-03-29');
		expect(parseDay('2026-03-29T00:30:00+02:00', NEW_YORK)).toBe('2026-03-29');
		// A JS Date has no zone of its own: its day is the one in the workflow zone.
		expect(parseDay(new Date('2026-03-29T23:30:00Z'), BERLIN)).toBe('2026-03-30');
		expect(parseDay(new Date('2026-03-29T23:30:00Z'), NEW_YORK)).toBe('2026-03-29');
	});
});

describe('parseDate: empty and invalid values', () => {
	it.each([undefined, null, '', '   '])('%p is not set', (value) => {
		expect(parseDate(value, BERLIN)).toBeUndefined();
		expect(parseDay(value, BERLIN)).toBeUndefined();
	});

	it.each([
		['tomorrow', /expected an ISO 8601 date such as 2026-03-29/],
		['31.03.2026', /expected an ISO 8601 date/],
		['2026-02-30', /30 .*as a day, which is invalid/],
		['2026-03-29T25:00', /25 .*as a hour, which is invalid/],
		[1774744200000, /is a number, not a date/],
		[{ date: '2026-03-29' }, /is of type object, not a date/],
		[['2026-03-29'], /is a list, not a date/],
		[new Date(Number.NaN), /invalid JavaScript Date/],
		[DateTime.invalid('broken'), /invalid luxon DateTime \(broken\)/],
	])('%p fails: %p', (value, reason) => {
		expect(() => parseDate(value, BERLIN)).toThrow(DateValueError);
		expect(() => parseDate(value, BERLIN)).toThrow(reason);
	});

	it('names an unknown workflow time zone', () => {
		expect(() => parseDate('2026-03-29', 'Mars/Olympus')).toThrow('the workflow\'s time zone "Mars/Olympus" is not a known time zone');
	});
});

describe('readDate and readDay: node errors name the field and what was wrong', () => {
	it('reads in the context time zone', () => {
		expect(utcIso(readDate(context(BERLIN), '2026-03-29T01:30', 'Due On', 0)!)).toBe('2026-03-29T00:30:00Z');
		expect(utcIso(readDate(context(NEW_YORK), '2026-03-29T01:30', 'Due On', 0)!)).toBe('2026-03-29T05:30:00Z');
		expect(readDay(context(BERLIN), new Date('2026-03-29T23:30:00Z'), 'Invoice Date', 0)).toBe('2026-03-30');
	});

	it('throws a NodeOperationError with the field, the value, the reason, the item and the zone', () => {
		let error: NodeOperationError | undefined;
		try {
			readDate(context(BERLIN), '2026-13-01', 'Due On', 3);
		} catch (caught) {
			error = caught as NodeOperationError;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toMatch(/^Due On: "2026-13-01" is not a date: .*13 .*as a month, which is invalid/);
		expect(error!.context.itemIndex).toBe(3);
		expect(error!.description).toContain("workflow's time zone (Europe/Berlin)");
		expect(() => readDay(context(BERLIN), 'soon', 'Invoice Date', 0)).toThrow(/^Invoice Date: "soon" is not a date: expected an ISO 8601 date/);
	});
});

describe('dayIn and todayFor: the day an empty date field means is today in the workflow\'s time zone', () => {
	afterEach(resetClock);

	it.each([
		// The UTC day and the zone's day differ.
		['2026-12-07T23:30:00Z', BERLIN, '2026-12-08'],
		['2026-12-08T03:00:00Z', 'America/Los_Angeles', '2026-12-07'],
		['2026-12-07T16:00:00Z', 'Asia/Tokyo', '2026-12-08'],
		// Berlin's last minute of a summer day, and midnight after the switch to winter time (+01:00).
		['2026-07-01T21:59:59Z', BERLIN, '2026-07-01'],
		['2026-10-25T23:00:00Z', BERLIN, '2026-10-26'],
		['2026-12-07T23:30:00Z', 'UTC', '2026-12-07'],
	])('%s in %s is %s', (at, zone, day) => {
		expect(dayIn(zone, new Date(at))).toBe(day);
	});

	it('takes now when no instant is given', () => {
		setClockAt('2026-12-07T23:30:00Z');
		expect(dayIn(BERLIN)).toBe('2026-12-08');
		expect(dayIn(NEW_YORK)).toBe('2026-12-07');
	});

	it('refuses an unknown zone or an invalid instant instead of giving some day', () => {
		expect(() => dayIn('Mars/Olympus', new Date('2026-12-07T23:30:00Z'))).toThrow(DateValueError);
		expect(() => dayIn('Mars/Olympus')).toThrow('the workflow\'s time zone "Mars/Olympus" is not a known time zone');
		expect(() => dayIn(BERLIN, new Date(Number.NaN))).toThrow(DateValueError);
	});

	it('todayFor reads the context\'s zone, and an unknown one is a node error naming the field and the item', () => {
		setClockAt('2026-12-08T03:00:00Z');
		expect(todayFor(context(BERLIN), 'Invoice Date', 0)).toBe('2026-12-08');
		expect(todayFor(context('America/Los_Angeles'), 'Invoice Date', 0)).toBe('2026-12-07');
		let error: NodeOperationError | undefined;
		try {
			todayFor(context('Mars/Olympus'), 'Invoice Date', 2);
		} catch (caught) {
			error = caught as NodeOperationError;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error!.message).toBe('Invoice Date: empty means today, but the workflow\'s time zone "Mars/Olympus" is not a known time zone');
		expect(error!.context.itemIndex).toBe(2);
	});
});
