import type { NodeApiError } from 'n8n-workflow';

export interface RetryPolicy {
	/** Retries after the first attempt, for transient failures other than rate-limit answers. */
	maxRetries: number;
	/**
	 * Retries after rate-limit answers, counted apart: the provider did nothing and asked to wait, so
	 * repeating is always safe, and bursts of them should not use up the budget for real failures.
	 */
	maxRateLimitRetries?: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 4, maxRateLimitRetries: 8, baseDelayMs: 250, maxDelayMs: 10_000 };

export interface TransientOptions {
	/** The provider asked us to slow down: every request to this account waits. */
	rateLimited?: boolean;
	/** Server-given wait (Retry-After), in milliseconds. */
	retryAfterMs?: number;
	/**
	 * At most this many retries for errors with a cap in one call, counted apart from retries for
	 * other faults (e.g. Tencent 70001: re-sign once).
	 */
	maxRetries?: number;
}

const transientErrors = new WeakMap<NodeApiError, TransientOptions>();

/**
 * Marks a transport's error as one the provider documents as transient. The scheduler retries
 * the call; when retries run out, the error itself (clear and secret-free) is reported.
 */
export function transient(error: NodeApiError, options: TransientOptions = {}): NodeApiError {
	transientErrors.set(error, options);
	return error;
}

/** The retry hints of a transient error, or undefined for an error that must not be retried. */
export function transientOptions(error: unknown): TransientOptions | undefined {
	return error && typeof error === 'object' ? transientErrors.get(error as NodeApiError) : undefined;
}

/** Exponential backoff with full jitter: a random wait in [base·2ⁿ/2, base·2ⁿ], capped. */
export function backoffDelay(retry: number, policy: RetryPolicy, random = Math.random): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Number(text) * 1000, 60_000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.min(Math.max(0, date - now), 60_000);
}
