/**
 * Spaces request starts evenly: at most `perSecond` starts in any second, without bursts.
 *
 * Limiters are shared per platform account (see `sharedRateLimiter`), so two nodes or two
 * executions using the same app in one n8n process stay under the provider's limit together.
 */
export class RateLimiter {
	private nextSlot = 0;

	/**
	 * Reserves the next start slot and returns how long to wait for it. The reservation happens
	 * before anyone awaits, so concurrent callers get distinct slots.
	 */
	reserve(perSecond: number, now = Date.now()): number {
		// Stay 2 % under the configured rate: our clock and the provider's never agree exactly.
		const interval = 1000 / (perSecond * 0.98);
		const slot = Math.max(this.nextSlot, now);
		this.nextSlot = slot + interval;
		return slot - now;
	}

	/** After the provider said "too many requests", nobody starts again before `ms` from now. */
	holdOff(ms: number, now = Date.now()): void {
		this.nextSlot = Math.max(this.nextSlot, now + ms);
	}
}

const limiters = new Map<string, RateLimiter>();

export function sharedRateLimiter(key: string): RateLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}

/**
 * At most `limit` calls per key in any `windowMs` (e.g. Easemob: 5 conversation deletions a minute
 * per user). Used by the scheduler to pick items whose key is free instead of failing them.
 */
export class KeyedWindowLimiter {
	private readonly calls = new Map<string, number[]>();

	constructor(
		readonly limit: number,
		readonly windowMs: number,
	) {}

	/** When the next call for `key` may start (`now` if it may start at once). */
	readyAt(key: string, now = Date.now()): number {
		const recent = this.prune(key, now);
		if (recent.length < this.limit) return now;
		return recent[recent.length - this.limit] + this.windowMs;
	}

	record(key: string, at = Date.now()): void {
		const recent = this.prune(key, at);
		recent.push(at);
		this.calls.set(key, recent);
	}

	private prune(key: string, now: number): number[] {
		const recent = (this.calls.get(key) ?? []).filter((t) => t > now - this.windowMs);
		if (recent.length === 0) this.calls.delete(key);
		return recent;
	}
}

const keyedLimiters = new Map<string, KeyedWindowLimiter>();

export function sharedKeyedLimiter(key: string, limit: number, windowMs: number): KeyedWindowLimiter {
	let limiter = keyedLimiters.get(key);
	if (!limiter) {
		limiter = new KeyedWindowLimiter(limit, windowMs);
		keyedLimiters.set(key, limiter);
	}
	return limiter;
}
