import { sleep } from 'n8n-workflow';

import { ExecutionCancelledError } from './pause';

/** The limiter's view of time: the real clock in nodes, a fake one in tests. */
export interface LimiterClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: LimiterClock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

/** How the limiter paces and adapts. */
export interface RateTuning {
	/** Stay this far under the configured rate: our clock and the provider's never agree exactly. */
	headroom: number;
	/** The window the provider counts calls in. */
	windowMs: number;
	/** A start may come this much earlier than even spacing allows, to make up for late timers. */
	toleranceMs: number;
	/** On a rate answer the process's rate is multiplied by this (multiplicative decrease). */
	cutFactor: number;
	/** Rate answers within this time of a cut are the same overshoot and cut only once. */
	cutQuietMs: number;
	/** The process never goes below this share of its configured rate. */
	minFactor: number;
	/** Share of the configured rate won back per second without a rate answer (additive increase). */
	growthPerSecond: number;
}

export const DEFAULT_RATE_TUNING: RateTuning = {
	headroom: 0.98,
	windowMs: 1000,
	toleranceMs: 10,
	cutFactor: 0.8,
	cutQuietMs: 1000,
	minFactor: 0.05,
	growthPerSecond: 0.04,
};

interface Waiter {
	perSecond: number;
	resolve(): void;
	reject(error: Error): void;
	signal?: AbortSignal;
	onAbort?: () => void;
}

/**
 * Paces the calls of one provider account within one n8n process (each process has its own).
 *
 * A call may start only when, at that very moment, both rules hold: it keeps the even spacing of
 * the rate (with `toleranceMs` of slack for late timers), and the last `windowMs` holds fewer starts
 * than the rate allows. Nothing is handed out in advance: after an event-loop stall the waiting
 * calls start one by one at the rate, never all together. Waiting calls queue in arrival order and
 * one timer wakes the first of them, so a thousand waiting calls cost no more than one.
 *
 * Processes do not share state (queue-mode workers each have their own limiter), so each adapts
 * to the provider's own answers: a rate answer cuts this process's rate sharply (`cutFactor`) and
 * holds every call of the account back, those already waiting included; then the rate creeps back
 * by `growthPerSecond`. Several workers on one app settle on their shares of the limit this way.
 *
 * Limiters are shared per platform account (see `sharedRateLimiter`), so two nodes or two
 * executions using the same app in one n8n process stay under the provider's limit together.
 */
export class RateLimiter {
	/** Theoretical start time of the next call (even spacing; GCRA). */
	private nextAt = -Infinity;
	/** Start times within the last window, oldest first. */
	private readonly starts: number[] = [];
	private holdUntil = -Infinity;
	/** The share of the configured rate this process uses now: cut on rate answers, grown back slowly. */
	private factor = 1;
	private lastCut = -Infinity;
	private grownAt = -Infinity;
	private readonly waiting: Waiter[] = [];
	private pumping = false;
	/** The configured rate of the latest start, to tell what share of it this process really used. */
	private configuredPerSecond = 0;

	constructor(
		private readonly clock: LimiterClock = REAL_CLOCK,
		readonly tuning: RateTuning = DEFAULT_RATE_TUNING,
	) {}

	/** The share of the configured rate this process uses now (1 until the provider refuses a call). */
	get currentFactor(): number {
		this.grow(this.clock.now());
		return this.factor;
	}

	/** Starts per second allowed now for a configured rate of `perSecond`. */
	effectiveRate(perSecond: number, now = this.clock.now()): number {
		this.grow(now);
		return perSecond * this.tuning.headroom * this.factor;
	}

	/**
	 * The fake-clock-testable core: starts a call at `now` if the rules allow it (and records it), and
	 * returns 0; otherwise returns how long to wait before asking again, and records nothing.
	 */
	tryStart(perSecond: number, now = this.clock.now()): number {
		if (now < this.holdUntil) return this.holdUntil - now;
		this.configuredPerSecond = perSecond;
		const rate = this.effectiveRate(perSecond, now);
		const interval = 1000 / rate;
		const spacedAt = this.nextAt - this.tuning.toleranceMs;
		if (now < spacedAt) return spacedAt - now;
		const { windowMs } = this.tuning;
		while (this.starts.length > 0 && this.starts[0] <= now - windowMs) this.starts.shift();
		const perWindow = Math.max(1, Math.floor((rate * windowMs) / 1000));
		if (this.starts.length >= perWindow) return this.starts[this.starts.length - perWindow] + windowMs - now;
		this.starts.push(now);
		this.nextAt = Math.max(this.nextAt, now) + interval;
		return 0;
	}

	/**
	 * Waits until a call may start and returns at that moment (the start is recorded in the same tick
	 * as the caller resumes). Callers are served in arrival order.
	 */
	async acquire(perSecond: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) throw new ExecutionCancelledError();
		if (this.waiting.length === 0 && this.tryStart(perSecond) === 0) return;
		await new Promise<void>((resolve, reject) => {
			const waiter: Waiter = { perSecond, resolve, reject, signal };
			if (signal) {
				waiter.onAbort = () => {
					const at = this.waiting.indexOf(waiter);
					if (at >= 0) this.waiting.splice(at, 1);
					reject(new ExecutionCancelledError());
				};
				signal.addEventListener('abort', waiter.onAbort, { once: true });
			}
			this.waiting.push(waiter);
			if (!this.pumping) void this.pump();
		});
	}

	/** Calls waiting for a start. */
	get queued(): number {
		return this.waiting.length;
	}

	private async pump(): Promise<void> {
		this.pumping = true;
		try {
			while (this.waiting.length > 0) {
				const head = this.waiting[0];
				const wait = this.tryStart(head.perSecond);
				if (wait <= 0) {
					this.waiting.shift();
					if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
					head.resolve();
					continue;
				}
				// Short sleeps: a hold-off or a cut made meanwhile is seen within a tenth of a second.
				await this.clock.sleep(Math.min(wait, 100));
			}
		} finally {
			this.pumping = false;
		}
	}

	/**
	 * The provider answered "too many requests": nobody starts again before `holdMs` from now, and
	 * this process's rate is cut (once per overshoot).
	 */
	rateAnswer(holdMs: number, now = this.clock.now()): void {
		this.holdUntil = Math.max(this.holdUntil, now + holdMs);
		// No growth while the provider keeps refusing: growth counts from the last rate answer.
		if (now - this.lastCut >= this.tuning.cutQuietMs) {
			// Cut from what this process really sent: a process held back by its CPU sends less than its
			// factor allows, and cutting the factor alone would not slow it. At most down to half the
			// factor in one cut, so that a process that sent only a few calls is not left at a trickle.
			const from = Math.min(this.factor, Math.max(this.usedFactor(now), this.factor / 2));
			this.factor = Math.max(this.tuning.minFactor, from * this.tuning.cutFactor);
			this.lastCut = now;
		}
		this.grownAt = now;
	}

	/** The share of the configured rate this process used over the last window (at most 1). */
	private usedFactor(now: number): number {
		const { windowMs, headroom } = this.tuning;
		while (this.starts.length > 0 && this.starts[0] <= now - windowMs) this.starts.shift();
		if (this.starts.length < 2 || this.configuredPerSecond <= 0) return 1;
		// Over the time since the oldest start in the window: a process that began sending a moment
		// ago is measured over that moment, not over a whole window.
		const spanMs = Math.max(now - this.starts[0], windowMs / 10);
		const perSecond = (this.starts.length * 1000) / spanMs;
		return Math.min(1, perSecond / (this.configuredPerSecond * headroom));
	}

	/** Nobody starts again before `ms` from now (without cutting the rate). */
	holdOff(ms: number, now = this.clock.now()): void {
		this.holdUntil = Math.max(this.holdUntil, now + ms);
	}

	private grow(now: number): void {
		if (this.factor >= 1) return;
		if (now > this.grownAt) {
			this.factor = Math.min(1, this.factor + (this.tuning.growthPerSecond * (now - this.grownAt)) / 1000);
		}
		this.grownAt = now;
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
 * `share` (0 to 1] is this process's share of the limit when several processes use the same app.
 */
export class KeyedWindowLimiter {
	private readonly calls = new Map<string, number[]>();
	/** Keys the platform refused: no call before this time (another process may have used the window). */
	private readonly blocked = new Map<string, number>();

	constructor(
		readonly limit: number,
		readonly windowMs: number,
	) {}

	/** Calls per key per window for this process's share (at least one). */
	limitFor(share = 1): number {
		return Math.max(1, Math.floor(this.limit * share + 1e-9));
	}

	/** When the next call for `key` may start (`now` if it may start at once). */
	readyAt(key: string, now = Date.now(), share = 1): number {
		const until = this.blocked.get(key) ?? 0;
		if (until <= now) this.blocked.delete(key);
		const recent = this.prune(key, now);
		const limit = this.limitFor(share);
		const free = recent.length < limit ? now : recent[recent.length - limit] + this.windowMs;
		return Math.max(free, until);
	}

	/**
	 * The platform refused a call for `key` although this process kept to its count: other processes
	 * used the key's window. No call for the key before `holdMs` from now (a whole window by default).
	 */
	block(key: string, now = Date.now(), holdMs = this.windowMs): void {
		this.blocked.set(key, Math.max(this.blocked.get(key) ?? 0, now + holdMs));
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
