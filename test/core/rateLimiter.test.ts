/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { WindowCounter } from '../fakes/fakeServer';
import { ExecutionCancelledError } from '../../nodes/shared/pause';
import type { LimiterClock } from '../../nodes/shared/rateLimiter';
import { DEFAULT_RATE_TUNING, KeyedWindowLimiter, RateLimiter, sharedKeyedLimiter, sharedRateLimiter } from '../../nodes/shared/rateLimiter';

/**
 * A fake clock: time moves only when the limiter sleeps (or a test says so). `stalls` adds extra
 * time to given sleeps, as an event loop blocked by other work would.
 */
function fakeClock(start = 1_000_000) {
	const clock = {
		t: start,
		sleeps: 0,
		stalls: new Map<number, number>(),
		now: () => clock.t,
		sleep: async (ms: number) => {
			clock.sleeps++;
			// Let the callers released before this sleep run first, then move time on.
			await new Promise((resolve) => setImmediate(resolve));
			clock.t += Math.max(1, ms) + (clock.stalls.get(clock.sleeps) ?? 0);
		},
	};
	return clock satisfies LimiterClock;
}

/** Counts starts in every window of `windowMs` that begins at a start; returns the largest count. */
function busiestWindow(starts: number[], windowMs = 1000): number {
	let most = 0;
	for (let i = 0, j = 0; i < starts.length; i++) {
		while (starts[j] <= starts[i] - windowMs) j++;
		most = Math.max(most, i - j + 1);
	}
	return most;
}

/** Runs `count` callers through acquire() at once and returns the clock time each started at. */
async function startAll(limiter: RateLimiter, clock: { now(): number }, count: number, perSecond: number): Promise<number[]> {
	const starts: number[] = [];
	await Promise.all(
		Array.from({ length: count }, async () => {
			await limiter.acquire(perSecond);
			starts.push(clock.now());
		}),
	);
	return starts.sort((a, b) => a - b);
}

describe('RateLimiter: when a call may start', () => {
	it('starts one call, then asks the next to wait for even spacing, 2 % under the rate', () => {
		const limiter = new RateLimiter(fakeClock());
		expect(limiter.tryStart(200, 0)).toBe(0);
		// 200/s at 98 % → one start every 1000 / 196 ms; the first 10 ms of slack is for late timers.
		const interval = 1000 / 196;
		expect(limiter.tryStart(200, 0)).toBe(0);
		expect(limiter.tryStart(200, 0)).toBeCloseTo(2 * interval - DEFAULT_RATE_TUNING.toleranceMs, 6);
	});

	it('never lets more than the rate into any window, however the callers come', () => {
		const limiter = new RateLimiter(fakeClock());
		const starts: number[] = [];
		// Callers ask at irregular times (bursts, gaps, late timers).
		for (let t = 0; t < 5000; t += (t * 7919) % 5 === 0 ? 0.3 : 2.7) {
			if (limiter.tryStart(100, t) === 0) starts.push(t);
		}
		expect(busiestWindow(starts)).toBeLessThanOrEqual(98);
		expect(starts.length).toBeGreaterThan(4 * 98);
	});

	it('checks the time when the call starts: after an event-loop stall the waiting calls do not fire together', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock);
		// The fifth sleep of the limiter overruns by 400 ms (a stalled event loop).
		clock.stalls.set(5, 400);
		const starts = await startAll(limiter, clock, 120, 100);
		const gaps = starts.slice(1).map((at, i) => at - starts[i]);
		// Right after the stall only the slack for late timers (10 ms: one extra call) goes at once.
		expect(Math.max(...gaps)).toBeGreaterThanOrEqual(400);
		expect(gaps.filter((gap) => gap === 0).length).toBeLessThanOrEqual(3);
		expect(busiestWindow(starts)).toBeLessThanOrEqual(98);
	});

	it('does not bank unused capacity: a quiet period gives no burst', () => {
		const limiter = new RateLimiter(fakeClock());
		expect(limiter.tryStart(10, 0)).toBe(0);
		expect(limiter.tryStart(10, 60_000)).toBe(0);
		expect(limiter.tryStart(10, 60_000)).toBeCloseTo(1000 / 9.8 - DEFAULT_RATE_TUNING.toleranceMs, 6);
	});

	it('serves waiting calls in arrival order', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock);
		const order: number[] = [];
		await Promise.all(
			Array.from({ length: 10 }, async (_, i) => {
				await limiter.acquire(50);
				order.push(i);
			}),
		);
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});

	it('drops a waiting call whose execution is cancelled', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock);
		limiter.holdOff(10_000, clock.now());
		const controller = new AbortController();
		const waiting = limiter.acquire(100, controller.signal);
		expect(limiter.queued).toBe(1);
		controller.abort();
		await expect(waiting).rejects.toBeInstanceOf(ExecutionCancelledError);
		expect(limiter.queued).toBe(0);
	});
});

describe('RateLimiter: rate answers', () => {
	it('holds back every call of the account, those already waiting too', async () => {
		const clock = fakeClock();
		const limiter = new RateLimiter(clock);
		const started = clock.now();
		const waiting = startAll(limiter, clock, 5, 100);
		// The calls are queued; the provider refuses a call made elsewhere in this process.
		limiter.rateAnswer(2_000, started);
		const starts = await waiting;
		// The first call had started before the answer; the others wait out the hold.
		expect(starts.slice(1).every((at) => at >= started + 2_000)).toBe(true);
	});

	it('cuts the rate sharply once per overshoot and wins it back slowly', () => {
		const limiter = new RateLimiter(fakeClock());
		expect(limiter.effectiveRate(100, 0)).toBeCloseTo(98, 6);
		limiter.rateAnswer(0, 0);
		expect(limiter.effectiveRate(100, 0)).toBeCloseTo(98 * 0.8, 6);
		// More refusals from the same overshoot (within a second) do not cut again.
		limiter.rateAnswer(0, 300);
		limiter.rateAnswer(0, 600);
		expect(limiter.effectiveRate(100, 600)).toBeCloseTo(98 * 0.8, 6);
		// 4 % of the configured rate per quiet second.
		expect(limiter.effectiveRate(100, 3_100)).toBeCloseTo(98 * 0.9, 6);
		expect(limiter.effectiveRate(100, 60_000)).toBeCloseTo(98, 6);
		// A later overshoot cuts again.
		limiter.rateAnswer(0, 60_000);
		expect(limiter.effectiveRate(100, 60_000)).toBeCloseTo(98 * 0.8, 6);
	});

	it('spaces calls at the cut rate', () => {
		const limiter = new RateLimiter(fakeClock());
		limiter.rateAnswer(0, 0);
		const starts: number[] = [];
		for (let t = 0; t < 1000; t += 0.5) if (limiter.tryStart(100, t) === 0) starts.push(t);
		// 98 × 0.8 ≈ 78.4/s growing to 82.3/s within the second, plus one call of slack.
		expect(starts.length).toBeLessThanOrEqual(83);
		expect(starts.length).toBeGreaterThanOrEqual(78);
	});

	it('cuts from the rate the process really sent, when that was below its setting', () => {
		// A worker whose CPU lets it start only 60 calls a second while its setting allows 98: a cut of
		// the setting to 78 would not slow it at all.
		const limiter = new RateLimiter(fakeClock());
		for (let t = 0; t < 2000; t += 1000 / 60) expect(limiter.tryStart(100, t)).toBe(0);
		limiter.rateAnswer(0, 2000);
		// About 0.8 × 60/s (the last start came up to one spacing before the refusal).
		expect(limiter.effectiveRate(100, 2000)).toBeGreaterThan(60 * 0.75);
		expect(limiter.effectiveRate(100, 2000)).toBeLessThan(60 * 0.85);
	});

	it('cuts at most to half the rate at once, however little the process sent', () => {
		// Three calls in the last second: the refusal came from others' traffic.
		const limiter = new RateLimiter(fakeClock());
		for (const t of [0, 400, 800]) expect(limiter.tryStart(100, t)).toBe(0);
		limiter.rateAnswer(0, 900);
		expect(limiter.effectiveRate(100, 900)).toBeCloseTo(98 * 0.5 * 0.8, 6);
	});

	it('measures a process that began sending a moment ago over that moment', () => {
		// 20 calls in the 100 ms before the refusal: 200/s, i.e. the whole setting.
		const limiter = new RateLimiter(fakeClock());
		for (let t = 0; t < 100; t += 5) expect(limiter.tryStart(200, t)).toBe(0);
		limiter.rateAnswer(0, 100);
		expect(limiter.effectiveRate(200, 100)).toBeCloseTo(196 * 0.8, 6);
	});

	it('lets two processes without shared state settle on their shares of one limit', () => {
		// Two workers each configured for the whole 200/s of one app; the platform counts 200 per
		// sliding second and refuses beyond. Each worker has calls to make all the time.
		const platform = new WindowCounter(200, 1000);
		const workers = [new RateLimiter(fakeClock()), new RateLimiter(fakeClock())];
		const nextTry = [0, 0.37];
		let accepted = 0;
		let refused = 0;
		const end = 60_000;
		while (Math.min(...nextTry) < end) {
			const w = nextTry[0] <= nextTry[1] ? 0 : 1;
			const now = nextTry[w];
			const wait = workers[w].tryStart(200, now);
			if (wait > 0) {
				nextTry[w] = now + Math.max(wait, 0.25);
				continue;
			}
			if (platform.take('', now)) accepted++;
			else {
				refused++;
				workers[w].rateAnswer(250, now);
			}
			nextTry[w] = now + 0.25;
		}
		const perSecond = accepted / (end / 1000);
		expect(refused / (accepted + refused)).toBeLessThanOrEqual(0.05);
		expect(perSecond).toBeGreaterThanOrEqual(0.75 * 200);
	});
});

describe('RateLimiter: sharing', () => {
	it('is shared per account key', () => {
		expect(sharedRateLimiter('a')).toBe(sharedRateLimiter('a'));
		expect(sharedRateLimiter('a')).not.toBe(sharedRateLimiter('b'));
	});
});

describe('KeyedWindowLimiter', () => {
	it('allows `limit` calls per key in any window and tells when the next one may start', () => {
		const limiter = new KeyedWindowLimiter(5, 60_000);
		for (let t = 0; t < 5; t++) {
			expect(limiter.readyAt('alice', t * 1000)).toBe(t * 1000);
			limiter.record('alice', t * 1000);
		}
		expect(limiter.readyAt('alice', 5_000)).toBe(60_000);
		expect(limiter.readyAt('bob', 5_000)).toBe(5_000);
		expect(limiter.readyAt('alice', 60_001)).toBe(60_001);
	});

	it("keeps to this process's share of the per-key limit (at least one call per window)", () => {
		const limiter = new KeyedWindowLimiter(5, 60_000);
		expect(limiter.limitFor(0.5)).toBe(2);
		expect(limiter.limitFor(0.1)).toBe(1);
		limiter.record('alice', 0);
		limiter.record('alice', 1000);
		expect(limiter.readyAt('alice', 2000, 0.5)).toBe(60_000);
		expect(limiter.readyAt('alice', 2000, 1)).toBe(2000);
	});

	it('holds a key back for a whole window after the platform refused it (another process used the window)', () => {
		const limiter = new KeyedWindowLimiter(5, 60_000);
		limiter.record('alice', 0);
		limiter.block('alice', 1_000);
		expect(limiter.readyAt('alice', 1_000)).toBe(61_000);
		expect(limiter.readyAt('bob', 1_000)).toBe(1_000);
		expect(limiter.readyAt('alice', 61_000)).toBe(61_000);
	});

	it('is shared per key', () => {
		expect(sharedKeyedLimiter('x', 5, 1000)).toBe(sharedKeyedLimiter('x', 5, 1000));
	});
});
