/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { KeyedWindowLimiter, RateLimiter } from '../../nodes/shared/rateLimiter';
import { transient } from '../../nodes/shared/retry';
import { UnitBudget } from '../../nodes/shared/unitBudget';
import type { ItemOperation, Pace } from '../../nodes/shared/runItems';
import { runOverItems } from '../../nodes/shared/runItems';

const node: INode = { id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };

/** The parts of IExecuteFunctions the scheduler uses, behaving as n8n-core's do. */
function context(count: number, options: { continueOnFail?: boolean; signal?: AbortSignal } = {}): IExecuteFunctions {
	const input: INodeExecutionData[] = Array.from({ length: count }, (_, i) => ({ json: { i } }));
	return {
		getInputData: () => input,
		getNode: () => node,
		continueOnFail: () => options.continueOnFail ?? false,
		getExecutionCancelSignal: () => options.signal,
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (items: INodeExecutionData[], { itemData }: { itemData: { item: number } }) =>
				items.map((item) => ({ ...item, pairedItem: itemData })),
		},
	} as unknown as IExecuteFunctions;
}

const pace = (overrides: Partial<Pace> = {}): Pace => ({
	limiter: new RateLimiter(),
	requestsPerSecond: 1000,
	maxConcurrent: 4,
	retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 },
	...overrides,
});

const busy = () => transient(new NodeApiError(node, { message: 'busy' }, { message: 'busy' }));

describe('runOverItems', () => {
	it('keeps input order and pairs every output with its input, whatever finishes first', async () => {
		const op: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session, i) => await session.call(async () => {
				await new Promise((r) => setTimeout(r, (7 - i) * 5));
				return { i };
			}),
		};
		const [out] = await runOverItems(context(8), op, pace());
		expect(out.map((o) => [o.json.i, o.pairedItem])).toEqual(Array.from({ length: 8 }, (_, i) => [i, { item: i }]));
	});

	it('validates every item before running any', async () => {
		const ran: number[] = [];
		const op: ItemOperation<number> = {
			prepare: (i) => {
				if (i === 5) throw new NodeOperationError(node, 'bad [item 5]', { itemIndex: 5 });
				return i;
			},
			run: async (_s, i) => {
				ran.push(i);
				return {};
			},
		};
		await expect(runOverItems(context(6), op, pace())).rejects.toThrow('bad [item 5]');
		expect(ran).toEqual([]);
	});

	it('retries transient failures with backoff, and gives up after the policy\'s retries', async () => {
		let attempts = 0;
		const flaky: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session) => await session.call(async () => {
				attempts++;
				if (attempts < 3) throw busy();
				return { ok: true };
			}),
		};
		const [out] = await runOverItems(context(1), flaky, pace());
		expect(out[0].json).toEqual({ ok: true });
		expect(attempts).toBe(3);

		attempts = 0;
		const hopeless: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session) => await session.call(async () => {
				attempts++;
				throw busy();
			}),
		};
		await expect(runOverItems(context(1), hopeless, pace())).rejects.toThrow('busy');
		expect(attempts).toBe(4); // first try + 3 retries
	});

	it('never retries an error that is not marked transient', async () => {
		let attempts = 0;
		const op: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session) => await session.call(async () => {
				attempts++;
				throw new NodeApiError(node, { message: 'invalid' }, { message: 'invalid' });
			}),
		};
		const [out] = await runOverItems(context(2, { continueOnFail: true }), op, pace());
		expect(attempts).toBe(2);
		expect(out.map((o) => [o.json, o.pairedItem])).toEqual([
			[{ error: 'invalid' }, { item: 0 }],
			[{ error: 'invalid' }, { item: 1 }],
		]);
	});

	it('counts rate-limit answers apart from other transient failures', async () => {
		const slowDown = () => transient(new NodeApiError(node, { message: 'slow down' }, { message: 'slow down' }), { rateLimited: true, retryAfterMs: 1 });
		// 6 rate-limit answers and 3 server errors: both within their own budgets (8 and 3).
		const script = ['rate', 'busy', 'rate', 'rate', 'busy', 'rate', 'rate', 'busy', 'rate'];
		let attempts = 0;
		const op: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session) => await session.call(async () => {
				const step = script[attempts++];
				if (step === 'rate') throw slowDown();
				if (step === 'busy') throw busy();
				return { ok: true };
			}),
		};
		const policy = { maxRetries: 3, maxRateLimitRetries: 8, baseDelayMs: 1, maxDelayMs: 2 };
		const [out] = await runOverItems(context(1), op, pace({ retry: policy }));
		expect(out[0].json).toEqual({ ok: true });
		expect(attempts).toBe(script.length + 1);

		// The ninth rate-limit answer in a row is reported.
		attempts = 0;
		const always: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session) => await session.call(async () => {
				attempts++;
				throw slowDown();
			}),
		};
		await expect(runOverItems(context(1), always, pace({ retry: policy }))).rejects.toThrow('slow down');
		expect(attempts).toBe(9);
	});

	it('never has more than Max Concurrent Requests calls in flight', async () => {
		let inFlight = 0;
		let peak = 0;
		const op: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session) => await session.call(async () => {
				peak = Math.max(peak, ++inFlight);
				await new Promise((r) => setTimeout(r, 10));
				inFlight--;
				return {};
			}),
		};
		await runOverItems(context(30), op, pace({ maxConcurrent: 3 }));
		expect(peak).toBe(3);
	});

	it('spaces calls for the same key while other keys go ahead', async () => {
		const started: Record<string, number[]> = {};
		const t0 = Date.now();
		const keys = ['alice', 'alice', 'alice', 'bob', 'carol'];
		const op: ItemOperation<string> = {
			prepare: (i) => keys[i],
			run: async (session, key) => await session.call(async () => {
				(started[key] ??= []).push(Date.now() - t0);
				return { key };
			}),
			throttle: { limiter: new KeyedWindowLimiter(1, 150), keyOf: (key) => key },
		};
		const [out] = await runOverItems(context(5), op, pace());
		expect(out.map((o) => o.json.key)).toEqual(keys);
		expect(started.bob[0]).toBeLessThan(100);
		expect(started.carol[0]).toBeLessThan(100);
		const [a0, a1, a2] = started.alice;
		expect(a1 - a0).toBeGreaterThanOrEqual(145);
		expect(a2 - a1).toBeGreaterThanOrEqual(145);
	});

	it('stops handing out work once the execution is cancelled', async () => {
		const controller = new AbortController();
		let runs = 0;
		const op: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session) => await session.call(async () => {
				if (++runs === 3) controller.abort();
				await new Promise((r) => setTimeout(r, 5));
				return {};
			}),
		};
		await expect(runOverItems(context(100, { signal: controller.signal }), op, pace({ maxConcurrent: 1 }))).rejects.toThrow(/cancelled/);
		expect(runs).toBe(3);
	});

	it("applies the share of the limit to the call rate, unit budgets and per-key limits, and cuts the rate on a rate answer", async () => {
		const limiter = new RateLimiter();
		const budget = new UnitBudget(100, 60_000);
		const keys = new KeyedWindowLimiter(6, 60_000);
		let first = true;
		const op: ItemOperation<number> = {
			prepare: (i) => i,
			run: async (session) =>
				await session.call(
					async () => {
						if (first) {
							first = false;
							throw transient(new NodeApiError(node, { message: 'slow down' }, { message: 'slow down' }), { rateLimited: true, retryAfterMs: 1 });
						}
						return {};
					},
					{ spend: [{ budget, units: 10 }] },
				),
			throttle: { limiter: keys, keyOf: () => 'alice' },
		};
		await runOverItems(context(2), op, pace({ limiter, share: 0.5, retry: { maxRetries: 0, maxRateLimitRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } }));
		// Three attempts of 10 units, each counted as 20 of the whole budget (a budget of 50 for this process).
		expect(budget.readyAt(38, Date.now())).toBeLessThanOrEqual(Date.now());
		expect(budget.readyAt(39, Date.now())).toBeGreaterThan(Date.now());
		// Three calls for alice used this process's three of her six per window.
		expect(keys.readyAt('alice', Date.now(), 0.5)).toBeGreaterThan(Date.now());
		expect(keys.readyAt('alice', Date.now(), 1)).toBeLessThanOrEqual(Date.now());
		expect(limiter.currentFactor).toBeLessThan(1);
	});
});
