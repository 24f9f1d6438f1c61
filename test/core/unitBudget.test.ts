/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { UnitBudget, sharedUnitBudget } from '../../nodes/shared/unitBudget';

describe('UnitBudget', () => {
	it('lets units through up to 98 % of the limit per window, then waits for the oldest to leave it', () => {
		const budget = new UnitBudget(100, 1_000);
		// 98 units fit at once.
		expect(budget.readyAt(49, 0)).toBe(0);
		budget.record(49, 0);
		expect(budget.readyAt(49, 10)).toBe(10);
		budget.record(49, 10);
		// Full: the next unit waits until the first spend leaves the window.
		expect(budget.readyAt(1, 20)).toBe(1_000);
		expect(budget.readyAt(49, 20)).toBe(1_000);
		// 50 units need both earlier spends to leave.
		expect(budget.readyAt(50, 20)).toBe(1_010);
		expect(budget.readyAt(49, 1_000)).toBe(1_000);
	});

	it('never counts more than the limit inside any window', () => {
		const budget = new UnitBudget(20, 1_000);
		const spends: Array<{ at: number; units: number }> = [];
		let now = 0;
		for (let i = 0; i < 200; i++) {
			const units = 1 + (i % 3);
			now = Math.max(now, budget.readyAt(units, now));
			budget.record(units, now);
			spends.push({ at: now, units });
		}
		for (const { at } of spends) {
			const inWindow = spends.filter((s) => s.at >= at && s.at < at + 1_000).reduce((n, s) => n + s.units, 0);
			expect(inWindow).toBeLessThanOrEqual(20);
		}
	});

	it('lets a spend above the whole limit go alone into an empty window', () => {
		const budget = new UnitBudget(10, 1_000);
		budget.record(3, 0);
		expect(budget.readyAt(50, 100)).toBe(1_000);
		expect(budget.readyAt(50, 1_000)).toBe(1_000);
	});

	it('take() waits for the window and records the spend', async () => {
		const budget = new UnitBudget(10, 200);
		await budget.take(9);
		const start = Date.now();
		await budget.take(5);
		expect(Date.now() - start).toBeGreaterThanOrEqual(150);
	});

	it('takeUntilAnswered() counts units until the answer, then a whole window from the answer', async () => {
		const budget = new UnitBudget(10, 200);
		const answered = await budget.takeUntilAnswered(9);
		// Unanswered: the units are held however long the call takes.
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect(budget.readyAt(5)).toBeGreaterThan(Date.now());
		const answeredAt = Date.now();
		answered();
		answered(); // a second call changes nothing
		await budget.take(5);
		// The window started at the answer, not when the units were taken.
		expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(190);
		expect(budget.readyAt(5)).toBeGreaterThan(Date.now());
	});

	it('is shared per account, limit and window', () => {
		expect(sharedUnitBudget('a', 20, 1_000)).toBe(sharedUnitBudget('a', 20, 1_000));
		expect(sharedUnitBudget('a', 20, 1_000)).not.toBe(sharedUnitBudget('a', 6_000, 60_000));
	});
});
