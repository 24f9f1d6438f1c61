 
// What one benchmark scenario is: a fake platform with its documented limit, the node and its
// parameters, and the same requests for the plain HTTP client. Adding a platform or an operation
// means adding one module that exports a Scenario and listing it in ./index.ts.
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

/** Everything the client process needs to reach the fake: plain JSON. */
export interface ClientConfig {
	baseUrl: string;
	[key: string]: unknown;
}

/** One HTTP request as the plain client sends it. */
export interface RawRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Path and query string. */
	path: string;
	headers: Record<string, string>;
	body?: string;
}

export type RawOutcome = 'ok' | 'rateLimited' | 'failed';

/** What the fake counted during one row. */
export interface FakeCounters {
	/** Requests that reached the fake. */
	requests: number;
	/** Answers that refused a request for exceeding the platform's rate limit. */
	rateLimitAnswers: number;
	/** Scenario-specific counts, e.g. distinct UserSigs or token requests. */
	[key: string]: number;
}

/** A running fake, owned by the benchmark process. */
export interface FakeHandle {
	config: ClientConfig;
	/** Called before each row's process starts (before its warm-up). */
	beginRow?(): void;
	/** Forgets what was counted so far (called between the warm-up and the measured run). */
	resetCounters(): void;
	counters(): FakeCounters;
	stop(): Promise<void>;
}

export interface ExtraTarget {
	name: string;
	met: boolean;
	detail: string;
}

export interface Scenario {
	id: string;
	title: string;
	/** The platform's documented limit in requests per second, as the fake enforces it. */
	limitPerSecond: number;
	/** False when the platform documents no limit (the figure is then the node's rate). */
	limitDocumented: boolean;
	limitNote: string;
	/** The node's pace in this scenario (its defaults unless `parameters` sets the options). */
	pace: { requestsPerSecond: number; maxConcurrent: number };
	/** Starts the fake, with `latencyMs` added to every answer, ready for `size` items. */
	startFake(size: number, latencyMs: number): Promise<FakeHandle>;
	node: {
		type: string;
		parameters: INodeParameters;
		credentials(config: ClientConfig): Record<string, ICredentialDataDecryptedObject>;
		/** The json of input item `i`. */
		input(i: number): IDataObject;
	};
	/** Prepares the plain client (e.g. fetches a token once) and returns item i's request. */
	rawClient(config: ClientConfig): Promise<(i: number) => RawRequest>;
	classify(status: number, body: string): RawOutcome;
	/** Scenario-specific targets, checked on the node row's counters. */
	extraTargets?(counters: FakeCounters): ExtraTarget[];
}
