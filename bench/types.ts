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
	/** Node row: time spent in n8n's parameter and expression evaluation (getNodeParameter). */
	parameters?: boolean;
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
	/** Node row with `parameters`: milliseconds spent in getNodeParameter during the measured run. */
	parameterMs?: number;
}

/** One measured row of the engine benchmark: a scenario, a size and a kind of client. */
export interface Row {
	scenario: Scenario;
	size: number;
	kind: RowKind;
	result: RowResult;
	counters: FakeCounters;
}

/** One measured run of the app benchmark (npm run bench:app): Tencent sends in the real n8n app. */
export interface AppRun {
	mode: 'regular' | 'queue';
	/** False: the fake's limit was lifted, so the run shows the ceiling n8n reaches on this host. */
	limited: boolean;
	/** Share of the Rate Limit (%) set in the node. */
	share: number;
	items: number;
	/** Items the fake delivered (distinct recipients). */
	accepted: number;
	lost: number;
	/** Deliveries beyond one per item. */
	duplicates: number;
	requests: number;
	overLimit: number;
	/** Most requests that reached the fake within any one second. */
	busiestSecond: number;
	/** Accepted items per second, from the first request to the last. */
	perSecond: number;
	wallMs: number;
	failedExecutions: number;
	/** Executions each queue-mode worker ran (empty in regular mode). */
	executionsPerWorker: number[];
	/** Requests that reached the fake in each second from the first one. */
	requestsPerSecond: number[];
}

/** Easemob's per-user deletion limit with several workers. */
export interface EasemobSpacing {
	share: number;
	deletes: number;
	requests: number;
	refused: number;
	/** Most delete requests for one user within any minute (refused ones included). */
	mostPerUserPerMinute: number;
	failedExecutions: number;
	wallMs: number;
}
