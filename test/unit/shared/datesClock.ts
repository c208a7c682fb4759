/**
 * Sets the clock the nodes read "today" from, for tests of "empty date is today". Only Date is
 * faked: timers, nextTick and performance stay real, so HTTP to the fakes and n8n's engine work,
 * and the faked clock keeps running from `at` (advanceTimers) so nothing waits on a stopped clock.
 */
export function setClockAt(at: string): void {
	jest.useFakeTimers({
		now: new Date(at),
		advanceTimers: true,
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
}

/** Back to the real clock. */
export const resetClock = () => jest.useRealTimers();
