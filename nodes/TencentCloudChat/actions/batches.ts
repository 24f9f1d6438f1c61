/** Splits a list into the per-call maximum a command takes (e.g. 100 UserIDs per account_check). */
export function inBatches<T>(list: readonly T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size) batches.push(list.slice(start, start + size));
	return batches;
}
