import { pause, throwIfCancelled } from './pause';

/**
 * A budget of units that a platform counts per time window, other than calls: recipients of a
 * batch send, groups of a group send. One call may spend many units, so the call limiter alone
 * cannot keep such a send under the platform's limit.
 *
 * Budgets are shared per account and counted over a sliding window, 2 % under the documented
 * limit (as the call limiter), so bursts never exceed what the platform counts in any window.
 */
export class UnitBudget {
	private readonly spent: Array<{ at: number; units: number }> = [];
	private inWindow = 0;
	/** Units of calls not yet answered (see `takeUntilAnswered`): counted until they are. */
	private unanswered = 0;

	constructor(
		/** Units the platform allows per window. */
		readonly limit: number,
		readonly windowMs: number,
	) {}

	private get capacity(): number {
		return Math.max(1, Math.floor(this.limit * 0.98));
	}

	/** When `units` more may be spent (`now` if at once). */
	readyAt(units: number, now = Date.now()): number {
		this.prune(now);
		// A single spend larger than the window's capacity waits for an empty window, then goes alone.
		const need = Math.min(units, this.capacity);
		let free = this.capacity - this.inWindow - this.unanswered;
		if (free >= need) return now;
		for (const entry of this.spent) {
			free += entry.units;
			if (free >= need) return entry.at + this.windowMs;
		}
		// Only calls still waiting for their answer hold the units: look again shortly.
		return this.unanswered > 0 ? now + 20 : now;
	}

	record(units: number, at = Date.now()): void {
		this.prune(at);
		this.spent.push({ at, units });
		this.inWindow += units;
	}

	/** Waits until `units` may be spent, then spends them (checked and recorded in one tick). */
	async take(units: number, signal?: AbortSignal): Promise<void> {
		for (;;) {
			throwIfCancelled(signal);
			const now = Date.now();
			const at = this.readyAt(units, now);
			if (at <= now) {
				this.record(units, now);
				return;
			}
			await pause(Math.min(at - now, 1000), signal);
		}
	}

	/**
	 * Like `take`, for a platform that counts a unit when the call arrives: the units count from now
	 * until the returned function is called with the call's answer, and then for a whole window from
	 * that moment. The call arrived before its answer, so the platform's window for it has surely
	 * closed when the budget's has, however long the call took to get there.
	 */
	async takeUntilAnswered(units: number, signal?: AbortSignal): Promise<() => void> {
		for (;;) {
			throwIfCancelled(signal);
			const now = Date.now();
			const at = this.readyAt(units, now);
			if (at <= now) {
				this.unanswered += units;
				let answered = false;
				return () => {
					if (answered) return;
					answered = true;
					this.unanswered -= units;
					this.record(units);
				};
			}
			await pause(Math.min(at - now, 1000), signal);
		}
	}

	private prune(now: number): void {
		while (this.spent.length > 0 && this.spent[0].at <= now - this.windowMs) {
			this.inWindow -= this.spent.shift()!.units;
		}
	}
}

const budgets = new Map<string, UnitBudget>();

/** One budget per account and counted unit, shared by all nodes and executions in one n8n process (each has its own). */
export function sharedUnitBudget(key: string, limit: number, windowMs: number): UnitBudget {
	const mapKey = `${key}\u0000${limit}\u0000${windowMs}`;
	let budget = budgets.get(mapKey);
	if (!budget) {
		budget = new UnitBudget(limit, windowMs);
		budgets.set(mapKey, budget);
	}
	return budget;
}

/** Units one attempt of a call spends from a budget. */
export interface BudgetSpend {
	budget: UnitBudget;
	units: number;
}
