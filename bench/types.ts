// Types shared by the benchmark's parts (bench.ts, chart.ts, client.ts, app.ts): one home, so that
// no two scripts import each other.
import type { ClientConfig, FakeCounters, Scenario } from './scenarios/types';

export type RowKind = 'node' | 'helper' | 'undici' | 'naive' | 'allAtOnce';

export interface RowRequest {
	scenario: string;
	kind: RowKind;
	size: number;
	config: ClientConfig;
	/** Stops starting new items after this long (naive row); the figures are then per item done. */
	timeCapMs?: number;
	/** Node row: sample the measured run's allocations and attribute them to packages. */
	profile?: boolean;
}

/** Allocations per item made by one package (or one of this package's files), in KB. */
export interface AllocationShare {
	owner: string;
	kbPerItem: number;
}

export interface RowResult {
	done: number;
	ok: number;
	failed: number;
	rateLimited: number;
	elapsedMs: number;
	cpuMs: number;
	p50Ms: number;
	p95Ms: number;
	baselineRss: number;
	peakRss: number;
	/** Heap still in use after the run and a full garbage collection, above the baseline's. */
	retainedHeap: number;
	capped: boolean;
	/** For the node row: every output item in input order, one per input item. */
	inOrder?: boolean;
	allocations?: AllocationShare[];
}

/** One measured row of the engine benchmark: a scenario, a size and a kind of client. */
export interface Row {
	scenario: Scenario;
	size: number;
	kind: RowKind;
	result: RowResult;
	counters: FakeCounters;
}
