import { RequestPacer } from '../../../nodes/shared/pacer';

// A fake clock: waiting advances time, so the test asserts on when each request was allowed.
function pacerWithClock(windows: { limit: number; intervalMs: number }[]) {
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
		take: async () => {
			await pacer.acquire();
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
		pacer.observeBudget(61000, 1000, 999);
		for (let i = 0; i < 499; i++) await take();
		expect(granted[499]).toBe(0);
	});

	it('counts what other clients spent of the same budget, so it waits instead of meeting a 429', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 100, intervalMs: 61000 }]);
		await take();
		// Another process used 89 of the 100: 10 left after this request.
		pacer.observeBudget(61000, 100, 10);
		for (let i = 0; i < 11; i++) await take();
		expect(granted.slice(1, 11).every((t) => t === 0)).toBe(true);
		expect(granted[11]).toBeGreaterThanOrEqual(61000);
	});

	it('ignores budgets of windows it does not have, and unreadable values', async () => {
		const { pacer, take, granted } = pacerWithClock([{ limit: 2, intervalMs: 1000 }]);
		pacer.observeBudget(60000, 1000, 0);
		pacer.observeBudget(1000, Number.NaN, -1);
		for (let i = 0; i < 3; i++) await take();
		expect(granted).toEqual([0, 0, 1001]);
	});
});
