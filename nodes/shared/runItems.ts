import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { unexpectedError } from './errors';
import { ExecutionCancelledError, pause, throwIfCancelled } from './pause';
import type { KeyedWindowLimiter, RateLimiter } from './rateLimiter';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, backoffDelay, transientOptions } from './retry';
import type { BudgetSpend } from './unitBudget';

/** How fast one node execution may call one provider account. */
export interface Pace {
	limiter: RateLimiter;
	requestsPerSecond: number;
	maxConcurrent: number;
	/**
	 * This process's share (0 to 1] of the platform's limits, when several n8n processes (queue-mode
	 * workers) use the same app: applied to the call rate, to unit budgets and to per-key limits.
	 */
	share?: number;
	retry?: RetryPolicy;
	/** Secrets to mask in any message that escapes (errors of unexpected kinds). */
	secrets?: ReadonlyArray<string | undefined>;
}

/** What an operation gets to make its HTTP calls for one item. */
export interface ItemSession {
	readonly itemIndex: number;
	readonly signal?: AbortSignal;
	/** This process's share (0 to 1] of the platform's limits (Pace.share); budgets spent outside `call` divide their units by it. */
	readonly share: number;
	/**
	 * Makes one provider call: waits for a rate slot (and the item's key slot), runs `attempt`,
	 * and retries it with backoff when it throws an error marked `transient` (shared/retry).
	 * `spend` lists units the platform counts besides calls (recipients, groups): every attempt,
	 * retries included, waits for and spends them before its call slot, since the platform counts
	 * each attempt it receives.
	 */
	call<T>(attempt: () => Promise<T>, options?: CallOptions): Promise<T>;
}

export interface CallOptions {
	spend?: readonly BudgetSpend[];
}

export interface ItemOperation<P> {
	/**
	 * Reads and validates the item's parameters. Runs for every item before any request is sent,
	 * so bad input fails the node (or the item, under Continue On Fail) with nothing sent.
	 */
	prepare(itemIndex: number): P | Promise<P>;
	/** Sends the item's request(s) through `session.call` and returns its output json. */
	run(session: ItemSession, plan: P): Promise<IDataObject | IDataObject[]>;
	/** Limits calls per key (e.g. per user), picking other items while a key is busy. */
	throttle?: { limiter: KeyedWindowLimiter; keyOf(plan: P): string | undefined };
}

interface Job<P> {
	itemIndex: number;
	plan: P;
	key?: string;
}

/** Hands out jobs in input order, skipping jobs whose throttle key has no free slot yet. */
class Dispatcher<P> {
	private readonly queues = new Map<string, Array<Job<P>>>();
	private stopped = false;

	constructor(
		jobs: Array<Job<P>>,
		private readonly limiter: KeyedWindowLimiter | undefined,
		private readonly signal: AbortSignal | undefined,
		private readonly share: number,
	) {
		for (const job of jobs) {
			// Jobs without a key get a queue of their own, so they never wait for anyone.
			const queueKey = job.key === undefined ? `\u0000${job.itemIndex}` : `k${job.key}`;
			const queue = this.queues.get(queueKey);
			if (queue) queue.push(job);
			else this.queues.set(queueKey, [job]);
		}
	}

	stop(): void {
		this.stopped = true;
	}

	async next(): Promise<Job<P> | undefined> {
		for (;;) {
			if (this.stopped || this.queues.size === 0) return undefined;
			throwIfCancelled(this.signal);
			const now = Date.now();
			let earliest = Infinity;
			for (const [queueKey, queue] of this.queues) {
				const job = queue[0];
				const readyAt = job.key === undefined || !this.limiter ? now : this.limiter.readyAt(job.key, now, this.share);
				if (readyAt <= now) {
					queue.shift();
					// Re-append a key that still has jobs: keys take turns, so one busy user does not
					// hold up the others.
					this.queues.delete(queueKey);
					if (queue.length > 0) this.queues.set(queueKey, queue);
					if (job.key !== undefined && this.limiter) this.limiter.record(job.key, now);
					return job;
				}
				earliest = Math.min(earliest, readyAt);
			}
			await pause(Math.min(Math.max(earliest - now, 1), 1000), this.signal);
		}
	}
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	// n8n sends an item to the error output only if its json holds nothing but error/message/details.
	const json: IDataObject = { error: error.message };
	if (error.description) json.details = error.description;
	return { json, error, pairedItem: { item: itemIndex } };
}

/**
 * Runs one operation over all input items: bounded concurrency, a shared rate limit, retries of
 * transient failures, output in input order with pairedItem, and n8n's Continue On Fail rules.
 */
export async function runOverItems<P>(
	ctx: IExecuteFunctions,
	operation: ItemOperation<P>,
	pace: Pace,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const node = ctx.getNode();
	const continueOnFail = ctx.continueOnFail();
	const signal = ctx.getExecutionCancelSignal?.();
	const retry = pace.retry ?? DEFAULT_RETRY_POLICY;
	const share = pace.share ?? 1;
	// The call rate this process may use: its share of the configured rate.
	const perSecond = pace.requestsPerSecond * share;
	const results: INodeExecutionData[][] = new Array(items.length);

	const asItemError = (error: unknown, itemIndex: number) => {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) {
			if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
			return error;
		}
		return unexpectedError(node, itemIndex, error, pace.secrets);
	};

	// 1. Validate every item before sending anything.
	const jobs: Array<Job<P>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const plan = await operation.prepare(itemIndex);
			jobs.push({ itemIndex, plan, key: operation.throttle?.keyOf(plan) });
		} catch (error) {
			const itemError = asItemError(error, itemIndex);
			if (!continueOnFail) throw itemError;
			results[itemIndex] = [errorItem(itemError, itemIndex)];
		}
	}

	// 2. Send, a bounded number at a time.
	const dispatcher = new Dispatcher(jobs, operation.throttle?.limiter, signal, share);
	let failure: { itemIndex: number; error: NodeApiError | NodeOperationError } | undefined;

	const sessionFor = (job: Job<P>): ItemSession => {
		let keySlotTaken = true; // the dispatcher took the first key slot when it handed out the job
		return {
			itemIndex: job.itemIndex,
			share,
			signal,
			call: async <T>(attempt: () => Promise<T>, options?: CallOptions): Promise<T> => {
				// Retries of errors with their own cap (e.g. "re-sign once") are counted apart, so that an
				// earlier retry for another fault does not use up their retry.
				let cappedRetries = 0;
				let retries = 0;
				let rateLimitRetries = 0;
				for (;;) {
					if (job.key !== undefined && operation.throttle && !keySlotTaken) {
						const { limiter } = operation.throttle;
						await pause(Math.max(0, limiter.readyAt(job.key, Date.now(), share) - Date.now()), signal);
						limiter.record(job.key);
					}
					keySlotTaken = false;
					// Spending units / share from the whole budget is the same as a budget of limit × share.
					for (const { budget, units } of options?.spend ?? []) await budget.take(units / share, signal);
					// Returns at the moment the call may start: the window is checked now, not reserved earlier.
					await pace.limiter.acquire(perSecond, signal);
					let failed: unknown;
					try {
						return await attempt();
					} catch (error) {
						failed = error;
					}
					const hints = transientOptions(failed);
					if (!hints) throw asItemError(failed, job.itemIndex);
					const rateLimited = hints.rateLimited === true;
					const used = rateLimited ? rateLimitRetries : retries;
					if (used >= (rateLimited ? (retry.maxRateLimitRetries ?? retry.maxRetries) : retry.maxRetries)) throw asItemError(failed, job.itemIndex);
					if (hints.maxRetries !== undefined && cappedRetries++ >= hints.maxRetries) throw asItemError(failed, job.itemIndex);
					throwIfCancelled(signal);
					const delay = Math.max(backoffDelay(used, retry), hints.retryAfterMs ?? 0);
					if (rateLimited) {
						rateLimitRetries++;
						// Holds back every call of the account (those already waiting too) and cuts this
						// process's rate: other processes may be sending to the same app.
						pace.limiter.rateAnswer(delay);
						// A keyed call (e.g. per user) refused: the key's window may be full (other processes use
						// it too), so the key waits up to the longest backoff; its retries then span the window.
						if (job.key !== undefined && operation.throttle) {
							const { limiter } = operation.throttle;
							limiter.block(job.key, Date.now(), hints.retryAfterMs ?? Math.min(limiter.windowMs, retry.maxDelayMs));
						}
					} else {
						retries++;
					}
					await pause(delay, signal);
				}
			},
		};
	};

	const worker = async () => {
		for (;;) {
			const job = await dispatcher.next();
			if (!job) return;
			try {
				const output = await operation.run(sessionFor(job), job.plan);
				results[job.itemIndex] = ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(output), {
					itemData: { item: job.itemIndex },
				});
			} catch (error) {
				if (error instanceof ExecutionCancelledError || signal?.aborted) {
					dispatcher.stop();
					return;
				}
				const itemError = asItemError(error, job.itemIndex);
				if (continueOnFail) {
					results[job.itemIndex] = [errorItem(itemError, job.itemIndex)];
				} else {
					// Stop handing out work, let the requests in flight finish, then fail the node
					// with the earliest failed item.
					dispatcher.stop();
					if (!failure || job.itemIndex < failure.itemIndex) failure = { itemIndex: job.itemIndex, error: itemError };
				}
			}
		}
	};

	const workerCount = Math.max(1, Math.min(pace.maxConcurrent, jobs.length));
	await Promise.all(
		Array.from({ length: workerCount }, async () => {
			try {
				await worker();
			} catch (error) {
				dispatcher.stop();
				if (!(error instanceof ExecutionCancelledError)) throw unexpectedError(node, 0, error, pace.secrets);
			}
		}),
	);

	if (signal?.aborted) throw new NodeOperationError(node, 'The execution was cancelled before all items were processed');
	if (failure) throw failure.error;
	return [results.flat()];
}
