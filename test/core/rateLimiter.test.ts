import { KeyedWindowLimiter, RateLimiter, sharedKeyedLimiter, sharedRateLimiter } from '../../nodes/shared/rateLimiter';

describe('RateLimiter', () => {
	it('spaces reserved slots evenly, 2 % under the configured rate', () => {
		const limiter = new RateLimiter();
		const waits = Array.from({ length: 201 }, () => limiter.reserve(200, 1_000_000));
		expect(waits[0]).toBe(0);
		// 200/s at 98 % → one slot every 1000 / 196 ms: 200 slots take just over a second.
		expect(waits[200]).toBeCloseTo((200 * 1000) / 196, 6);
		const gaps = waits.slice(1).map((w, i) => w - waits[i]);
		expect(Math.min(...gaps)).toBeCloseTo(1000 / 196, 6);
	});

	it('never has more than the limit inside any one-second window', () => {
		const limiter = new RateLimiter();
		const starts = Array.from({ length: 1000 }, () => 5_000 + limiter.reserve(100, 5_000));
		for (let i = 0; i + 100 < starts.length; i++) expect(starts[i + 100] - starts[i]).toBeGreaterThanOrEqual(1000);
	});

	it('does not bank unused capacity: a quiet period gives no burst', () => {
		const limiter = new RateLimiter();
		limiter.reserve(10, 0);
		expect(limiter.reserve(10, 60_000)).toBe(0);
		expect(limiter.reserve(10, 60_000)).toBeCloseTo(1000 / 9.8, 6);
	});

	it('holds everybody off after the provider asked to slow down', () => {
		const limiter = new RateLimiter();
		limiter.holdOff(2_000, 10_000);
		expect(limiter.reserve(100, 10_000)).toBe(2_000);
	});

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

	it('is shared per key', () => {
		expect(sharedKeyedLimiter('x', 5, 1000)).toBe(sharedKeyedLimiter('x', 5, 1000));
	});
});
