import { sleep } from 'n8n-workflow';

/** Longest single sleep, so that a stopped execution is noticed quickly even during long waits. */
const SLICE_MS = 100;

export class ExecutionCancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
		this.name = 'ExecutionCancelledError';
	}
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new ExecutionCancelledError();
}

/**
 * Waits `ms` milliseconds, in short slices so a cancelled execution stops waiting at once.
 * (n8n-workflow 2.41 exports no abortable sleep, and nodes may not use setTimeout.)
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	const end = Date.now() + ms;
	for (;;) {
		throwIfCancelled(signal);
		const left = end - Date.now();
		if (left <= 0) return;
		await sleep(Math.min(left, SLICE_MS));
	}
}
