/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// One benchmark row, in a process of its own so that its CPU time and memory are its alone (the
// fake platform runs in the parent). Protocol over IPC: parent sends a RowRequest; the client
// warms up, answers { ready, baselineRss }; the parent resets the fake's counters and sends "go";
// the client runs the measured work and answers a RowResult.
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';

import { ExecuteContext } from 'n8n-core';
import { Agent, request } from 'undici';

import { items, loadPackage, n8nHttpRequest, runNode } from '../test/helpers/engine';
import { scenarioById } from './scenarios';
import type { RawRequest, Scenario } from './scenarios/types';
import type { AllocationShare, RowRequest, RowResult } from './types';

const latencies: number[] = [];

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Times every HTTP request the engine makes (n8n's client runs on node:http). */
function timeHttpRequests(): void {
	const started = new WeakMap<ClientRequest, number>();
	diagnostics.subscribe('http.client.request.start', (message) => {
		started.set((message as { request: ClientRequest }).request, performance.now());
	});
	diagnostics.subscribe('http.client.response.finish', (message) => {
		const at = started.get((message as { request: ClientRequest }).request);
		if (at !== undefined) latencies.push(performance.now() - at);
	});
}

/** The node row and the helper row start from the same state: n8n and the package loaded, one item run. */
async function warmUpEngine(scenario: Scenario, req: RowRequest) {
	await loadPackage();
	const run = async (count: number) =>
		await runNode(scenario.node.type, scenario.node.parameters, scenario.node.credentials(req.config), {
			input: items(count, scenario.node.input),
			onError: 'continueRegularOutput',
		});
	await run(1); // loads the engine's lazy modules, computes signatures, fetches tokens
	return run;
}

type Send = (raw: RawRequest) => Promise<{ status: number; text: string }>;

/** The same requests through n8n's own HTTP helper, without a node or a workflow. */
function n8nHttpHelper(origin: string): Send {
	const viaHelper = n8nHttpRequest();
	return async (raw) => {
		const response = (await viaHelper({
			method: raw.method,
			url: `${origin}${raw.path}`,
			headers: raw.headers,
			body: raw.body,
			timeout: 30_000,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as { statusCode: number; body: unknown };
		return { status: response.statusCode, text: typeof response.body === 'string' ? response.body : JSON.stringify(response.body) };
	};
}

interface ProfileNode {
	callFrame: { url: string };
	selfSize: number;
	children: ProfileNode[];
}

/** Who made an allocation: the innermost frame that belongs to a package or to this package's build. */
function ownerOf(stack: Array<{ url: string }>): string {
	for (let i = stack.length - 1; i >= 0; i--) {
		const { url } = stack[i];
		const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
		if (name) return name;
		const at = url.indexOf('/dist/');
		if (at >= 0) return `this package: ${url.slice(at + 6)}`;
	}
	return 'Node.js and V8 (no package on the stack)';
}

/**
 * Samples every allocation of `work` (also objects already collected) with V8's sampling heap
 * profiler and returns KB per item by owner, largest first.
 */
async function profileAllocations(work: () => Promise<unknown>, count: number): Promise<AllocationShare[]> {
	const session = new Session();
	session.connect();
	await session.post('HeapProfiler.startSampling', {
		samplingInterval: 16_384,
		includeObjectsCollectedByMajorGC: true,
		includeObjectsCollectedByMinorGC: true,
	});
	await work();
	const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
	session.disconnect();
	const bytes = new Map<string, number>();
	const walk = (node: ProfileNode, stack: Array<{ url: string }>) => {
		const here = [...stack, node.callFrame];
		if (node.selfSize > 0) {
			const owner = ownerOf(here);
			bytes.set(owner, (bytes.get(owner) ?? 0) + node.selfSize);
		}
		for (const child of node.children) walk(child, here);
	};
	walk(profile.head, []);
	return [...bytes]
		.map(([owner, total]) => ({ owner, kbPerItem: total / count / 1024 }))
		.sort((a, b) => b.kbPerItem - a.kbPerItem);
}

/**
 * Times every getNodeParameter call of node executions (parameter resolution and n8n's expression
 * evaluation) in CPU milliseconds. Returns a reader that resets the total.
 */
function timeParameterReads(): () => number {
	let proto: object | null = ExecuteContext.prototype;
	while (proto && !Object.prototype.hasOwnProperty.call(proto, '_getNodeParameter')) proto = Object.getPrototypeOf(proto) as object | null;
	if (!proto) throw new Error("n8n-core's ExecuteContext has no _getNodeParameter to time");
	const owner = proto as { _getNodeParameter: (...args: unknown[]) => unknown };
	const original = owner._getNodeParameter;
	let total = 0;
	// CPU time, not wall time: on a shared machine the process may be descheduled mid-call.
	owner._getNodeParameter = function (this: unknown, ...args: unknown[]) {
		const t0 = process.cpuUsage();
		try {
			return original.apply(this, args);
		} finally {
			const used = process.cpuUsage(t0);
			total += (used.user + used.system) / 1000;
		}
	};
	return () => {
		const spent = total;
		total = 0;
		return spent;
	};
}

async function runNodeRow(scenario: Scenario, req: RowRequest, go: Promise<void>, ready: (rss: number) => void) {
	timeHttpRequests();
	const parameterTime = req.parameters ? timeParameterReads() : undefined;
	const run = await warmUpEngine(scenario, req);
	parameterTime?.();
	latencies.length = 0;
	global.gc?.();
	ready(process.memoryUsage().rss);
	await go;
	const cpu = process.cpuUsage();
	const t0 = performance.now();
	let result!: Awaited<ReturnType<typeof run>>;
	let allocations: AllocationShare[] | undefined;
	if (req.profile) {
		allocations = await profileAllocations(async () => {
			result = await run(req.size);
		}, req.size);
	} else {
		result = await run(req.size);
	}
	const elapsedMs = performance.now() - t0;
	const used = process.cpuUsage(cpu);
	const out = result.output[0] ?? [];
	const failed = out.filter((item) => item.json.error !== undefined).length;
	const inOrder = out.length === req.size && out.every((item, i) => (item.pairedItem as { item: number }).item === i);
	return {
		done: out.length,
		ok: out.length - failed,
		failed,
		rateLimited: 0,
		elapsedMs,
		cpuMs: (used.user + used.system) / 1000,
		capped: false,
		inOrder,
		allocations,
		parameterMs: parameterTime?.(),
	};
}

async function runRawRow(scenario: Scenario, req: RowRequest, go: Promise<void>, ready: (rss: number) => void) {
	const agent = new Agent({ keepAliveTimeout: 60_000 });
	const origin = req.config.baseUrl;
	let viaClient: Send = async (raw) => {
		const res = await request(`${origin}${raw.path}`, {
			method: raw.method,
			headers: raw.headers,
			body: raw.body,
			dispatcher: agent,
		});
		return { status: res.statusCode, text: await res.body.text() };
	};
	if (req.kind === 'helper') {
		await warmUpEngine(scenario, req);
		viaClient = n8nHttpHelper(origin);
	}
	let outcome = { ok: 0, failed: 0, rateLimited: 0 };
	const send = async (raw: RawRequest) => {
		const t0 = performance.now();
		try {
			const { status, text } = await viaClient(raw);
			latencies.push(performance.now() - t0);
			outcome[scenario.classify(status, text)]++;
		} catch {
			outcome.failed++;
		}
	};
	const make = await scenario.rawClient(req.config);
	await send(make(0)); // warm-up
	outcome = { ok: 0, failed: 0, rateLimited: 0 };
	latencies.length = 0;
	global.gc?.();
	ready(process.memoryUsage().rss);
	await go;
	const cpu = process.cpuUsage();
	const t0 = performance.now();
	let done = 0;
	let capped = false;
	if (req.kind === 'allAtOnce') {
		// What a declarative node does: every item's request at once.
		await Promise.allSettled(Array.from({ length: req.size }, async (_, i) => await send(make(i))));
		done = req.size;
	} else {
		// The same spacing as the node's limiter (2 % under the rate), the same number of workers.
		const concurrency = req.kind === 'naive' ? 1 : scenario.pace.maxConcurrent;
		const interval = req.kind === 'naive' ? 0 : 1000 / (scenario.pace.requestsPerSecond * 0.98);
		let nextSlot = 0;
		let nextItem = 0;
		const worker = async () => {
			for (;;) {
				if (nextItem >= req.size) return;
				if (req.timeCapMs !== undefined && performance.now() - t0 > req.timeCapMs) {
					capped = true;
					return;
				}
				const i = nextItem++;
				const now = performance.now();
				const slot = Math.max(nextSlot, now);
				nextSlot = slot + interval;
				if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
				await send(make(i));
				done++;
			}
		};
		await Promise.all(Array.from({ length: concurrency }, worker));
	}
	const elapsedMs = performance.now() - t0;
	const used = process.cpuUsage(cpu);
	await agent.close();
	return {
		done,
		...outcome,
		elapsedMs,
		cpuMs: (used.user + used.system) / 1000,
		capped,
	};
}

process.once('message', (message) => {
	void (async () => {
		const req = message as RowRequest;
		const scenario = scenarioById(req.scenario);
		let start!: () => void;
		const go = new Promise<void>((resolve) => (start = resolve));
		process.on('message', (m) => m === 'go' && start());
		let baselineRss = 0;
		let baselineHeap = 0;
		const ready = (rss: number) => {
			baselineRss = rss;
			baselineHeap = process.memoryUsage().heapUsed;
			process.send!({ ready: true });
		};
		const row = req.kind === 'node' ? await runNodeRow(scenario, req, go, ready) : await runRawRow(scenario, req, go, ready);
		const peakRss = process.resourceUsage().maxRSS * 1024;
		global.gc?.();
		const retainedHeap = process.memoryUsage().heapUsed - baselineHeap;
		const sorted = [...latencies].sort((a, b) => a - b);
		const result: RowResult = {
			...row,
			p50Ms: percentile(sorted, 50),
			p95Ms: percentile(sorted, 95),
			baselineRss,
			peakRss,
			retainedHeap,
		};
		process.send!({ result }, () => process.exit(0));
	})().catch((error: unknown) => {
		process.send!({ error: String((error as Error)?.stack ?? error) }, () => process.exit(1));
	});
});
