import { pacingSettings, RequestPacer, type RateWindow } from '../../../nodes/shared/pacer';

// A fake clock: waiting advances time, so the test asserts on when each request was allowed.
function pacerWithClock(windows: RateWindow[]) {
	let now = 0;
	const granted: number[] = [];
	const pacer = new RequestPacer(
		windows,
		() => now,
		async (ms) => {
			now += ms;
		},
	);
	return {
		pacer,
		granted,
		// One request, answered at once.
		take: async () => {
			await pacer.acquire();
			pacer.requestEnded();
			granted.push(now);
		},
		setNow: (t: number) => (now = t),
	};
}

function maxInAnyWindow(times: number[], intervalMs: number): number {
	let max = 0;
	for (let i = 0; i < times.length; i++) {
		const inWindow = times.filter((t) => t >= times[i] && t < times[i] + intervalMs).length;
		max = Math.max(max, inWindow);
	}
	return max;
}

describe('RequestPacer', () => {
	it('never lets more than the limit through in any interval, for every window', async () => {
		const { take, granted } = pacerWithClock([
			{ limit: 50, intervalMs: 1000 },
			{ limit: 1000, intervalMs: 60000 },
		]);
		for (let i = 0; i < 1200; i++) await take();
		expect(granted).toHaveLength(1200);
		expect(maxInAnyWindow(granted, 1000)).toBeLessThanOrEqual(50);
		expect(maxInAnyWindow(granted.slice(0, 1100), 60000)).toBeLessThanOrEqual(1000);
		// The budget is used, not wasted: the 1001st request waits for the first minute to pass.
		expect(granted[999]).toBeLessThan(60000);
		expect(granted[1000]).toBeGreaterThanOrEqual(60000);
	});

	it('serves 250 requests under 100/min in three windows', async () => {
		const { take, granted } = pacerWithClock([{ limit: 100, intervalMs: 60000 }]);
		for (let i = 0; i < 250; i++) await take();
		expect(maxInAnyWindow(granted, 60000)).toBe(100);
		expect(granted[249]).toBeGreaterThanOrEqual(120000);
		expect(granted[249]).toBeLessThan(121000);
	});

	it('serves concurrent callers one at a time, in call order', async () => {
		const { pacer } = pacerWithClock([{ limit: 2, intervalMs: 1000 }]);
		const order: number[] = [];
		await Promise.all([0, 1, 2, 3, 4].map(async (n) => {
			await pacer.acquire();
			order.push(n);
		}));
		expect(order).toEqual([0, 1, 2, 3, 4]);
	});

	it('after blockUntil, nobody is served before that time', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 10, intervalMs: 1000 }]);
		await take();
		pacer.blockUntil(5000);
		await take();
		expect(granted[1]).toBeGreaterThanOrEqual(5000);
	});

	it('follows a higher limit the server reports', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 100, intervalMs: 61000 }]);
		await take();
		pacer.observeBudget({ intervalMs: 61000, limit: 1000, remaining: 999 });
		for (let i = 0; i < 499; i++) await take();
		expect(granted[499]).toBe(0);
	});

	it('counts what other clients spent of the same budget, so it waits instead of meeting a 429', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 100, intervalMs: 61000 }]);
		await take();
		// Another process used 89 of the 100: 10 left after this request.
		pacer.observeBudget({ intervalMs: 61000, limit: 100, remaining: 10 });
		for (let i = 0; i < 11; i++) await take();
		expect(granted.slice(1, 11).every((t) => t === 0)).toBe(true);
		expect(granted[11]).toBeGreaterThanOrEqual(61000);
	});

	it('ignores budgets of windows it does not have, and unreadable values', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 2, intervalMs: 1000 }]);
		pacer.observeBudget({ intervalMs: 60000, limit: 1000, remaining: 0 });
		pacer.observeBudget({ intervalMs: 1000, limit: Number.NaN, remaining: -1 });
		for (let i = 0; i < 3; i++) await take();
		expect(granted).toEqual([0, 0, 1001]);
	});
	it('keeps its reserve under a limit the server reports', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 50, reserve: 5, intervalMs: 1000 }]);
		await take();
		pacer.observeBudget({ intervalMs: 1000, limit: 100, remaining: 99 });
		for (let i = 0; i < 100; i++) await take();
		expect(granted.filter((t) => t < 1000)).toHaveLength(95);
	});

	it('gives back what it counted for others when the server reports more left', async () => {
		const { pacer, take, granted, setNow } = pacerWithClock([{ limit: 100, intervalMs: 61000 }]);
		await take();
		pacer.observeBudget({ intervalMs: 61000, limit: 100, remaining: 0 });
		setNow(5000);
		// Another answer: the other client's requests have expired on the server, 90 are left.
		pacer.observeBudget({ intervalMs: 61000, limit: 100, remaining: 90 });
		for (let i = 0; i < 90; i++) await take();
		expect(granted.slice(1).every((t) => t === 5000)).toBe(true);
		// 1 + 90 of its own and the 9 the server still counts for others: the window is full.
		await take();
		expect(granted[91]).toBeGreaterThanOrEqual(61000);
	});

	it('counts what others spent until the reset the server reports, not a whole interval', async () => {
		const { pacer, take, granted, setNow } = pacerWithClock([{ limit: 10, intervalMs: 60000 }]);
		setNow(30000);
		await take();
		// A fixed-window server: its budget comes back at 40 s.
		pacer.observeBudget({ intervalMs: 60000, limit: 10, remaining: 0, resetAtMs: 40000 });
		await take();
		expect(granted[1]).toBeGreaterThanOrEqual(40000);
		expect(granted[1]).toBeLessThan(41000);
	});

	it('ignores reported budgets while following them is switched off', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 5, intervalMs: 1000 }]);
		pacingSettings.followServerBudget = false;
		try {
			pacer.observeBudget({ intervalMs: 1000, limit: 5, remaining: 0 });
		} finally {
			pacingSettings.followServerBudget = true;
		}
		for (let i = 0; i < 5; i++) await take();
		expect(granted).toEqual([0, 0, 0, 0, 0]);
	});
	it('keeps to its share of every window, even when the rest is free', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 100, intervalMs: 61000 }]);
		pacer.setShare(0.5);
		for (let i = 0; i < 51; i++) await take();
		expect(granted.filter((t) => t === 0)).toHaveLength(50);
		expect(granted[50]).toBeGreaterThanOrEqual(61000);
	});

	it('takes no share it cannot read as a part of one', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 4, intervalMs: 1000 }]);
		pacer.setShare(0);
		pacer.setShare(Number.NaN);
		for (let i = 0; i < 4; i++) await take();
		expect(granted).toEqual([0, 0, 0, 0]);
	});

	/** Three requests sent; the first answer says 5 of 10 are spent: it, and 4 of another client (our other 2 have not arrived). */
	async function twoOfOursOnTheWay() {
		const clock = pacerWithClock([{ limit: 10, intervalMs: 1000 }]);
		for (let i = 0; i < 3; i++) await clock.pacer.acquire();
		clock.pacer.requestEnded();
		clock.pacer.observeBudget({ intervalMs: 1000, limit: 10, remaining: 5 });
		return clock;
	}

	it('does not count its own requests still on the way as spent by others', async () => {
		const { pacer, take, granted } = await twoOfOursOnTheWay();
		// 5 counted + our 2 on the way = 7: three are left (once ours have their answers).
		pacer.requestEnded();
		pacer.requestEnded();
		for (let i = 0; i < 4; i++) await take();
		expect(granted).toEqual([0, 0, 0, 1001]);
	});

	it('keeps room for the requests others have on the way, as many as its own', async () => {
		const { take, granted } = await twoOfOursOnTheWay();
		// 5 counted, our 2 on the way, and (a guess) 2 of the other client's: one is left.
		for (let i = 0; i < 2; i++) await take();
		expect(granted).toEqual([0, 1001]);
	});

	it('yields half its share after a 429 while others spend the same budget, and wins it back over two intervals', async () => {
		const { pacer, take, granted, setNow } = pacerWithClock([{ limit: 100, intervalMs: 10_000 }]);
		await take();
		// The other client spent the rest, and this one met a 429.
		pacer.observeBudget({ intervalMs: 10_000, limit: 100, remaining: 0 });
		pacer.blockUntil(1000);
		// The other requests in flight with it meet the 429 too: that does not halve again.
		pacer.blockUntil(1000);
		setNow(10_001);
		for (let i = 0; i < 80; i++) await take();
		// One interval later the window is empty and half the yielded share is back: 75 of 100.
		expect(granted.filter((t) => t === 10_001)).toHaveLength(75);
		expect(granted[76]).toBeGreaterThanOrEqual(20_002);
	});

	it('does not yield when nobody else spends the budget', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 100, intervalMs: 1000 }]);
		await take();
		pacer.blockUntil(100);
		for (let i = 0; i < 99; i++) await take();
		expect(granted.filter((t) => t === 100)).toHaveLength(99);
	});
});
