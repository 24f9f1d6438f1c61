import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter, transient, transientOptions } from '../../nodes/shared/retry';

const node: INode = { id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };

describe('backoffDelay', () => {
	it('grows exponentially with jitter in [ceiling/2, ceiling] and is capped', () => {
		const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
		expect(backoffDelay(0, policy, () => 0)).toBe(50);
		expect(backoffDelay(0, policy, () => 1)).toBe(100);
		expect(backoffDelay(3, policy, () => 0)).toBe(400);
		expect(backoffDelay(3, policy, () => 1)).toBe(800);
		expect(backoffDelay(10, policy, () => 1)).toBe(1000);
		expect(backoffDelay(10, policy, () => 0)).toBe(500);
	});

	it('keeps the whole default retry budget under a minute', () => {
		const worst = Array.from({ length: DEFAULT_RETRY_POLICY.maxRetries }, (_, n) => backoffDelay(n, DEFAULT_RETRY_POLICY, () => 1));
		expect(worst.reduce((a, b) => a + b, 0)).toBeLessThan(60_000);
	});
});

describe('parseRetryAfter', () => {
	it('reads seconds and HTTP dates, capped at a minute', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(1.5)).toBe(1500);
		expect(parseRetryAfter('3600')).toBe(60_000);
		expect(parseRetryAfter(new Date(10_000).toUTCString(), 7_000)).toBe(3_000);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});
});

describe('transient', () => {
	it('marks an error as retryable without changing it', () => {
		const error = new NodeApiError(node, { message: 'busy' }, { message: 'busy' });
		expect(transientOptions(error)).toBeUndefined();
		expect(transient(error, { rateLimited: true })).toBe(error);
		expect(transientOptions(error)).toEqual({ rateLimited: true });
		expect(transientOptions(new Error('x'))).toBeUndefined();
	});
});
