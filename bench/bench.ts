/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// npm run bench [-- --quick] [--sizes 1000,10000] [--latency 50] [--scenarios id,id] [--rows node,helper,undici,naive,allAtOnce] [--profile] [--no-write]
// npm run bench -- --app: the real n8n app in regular and queue mode instead (bench/app.ts).
//
// Drives the built nodes through n8n's WorkflowExecute against the fake platforms (latency added,
// documented limits enforced), next to n8n's HTTP helper alone, a plain undici loop, a one-at-a-time
// loop and an all-at-once burst sending the same requests. Prints a table and the targets; writes
// docs/benchmarks.md and docs/benchmarks.svg (unless --quick, --profile or --no-write). --profile
// also prints who allocates the node row's memory, per item.
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chart } from './chart';
import { SCENARIOS } from './scenarios';
import type { FakeHandle, Scenario } from './scenarios/types';
import type { AllocationShare, Row, RowKind, RowRequest, RowResult } from './types';

const print = (...parts: unknown[]) => process.stdout.write(`${parts.map(String).join(' ')}\n`);
const printError = (...parts: unknown[]) => process.stderr.write(`${parts.map((p) => (p instanceof Error ? (p.stack ?? p.message) : String(p))).join(' ')}\n`);

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
	const at = args.indexOf(`--${name}`);
	return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const quick = flag('quick');
const sizes = option('sizes', quick ? '200' : '1000,10000')
	.split(',')
	.map(Number);
const latencyMs = Number(option('latency', '50'));
const wanted = option('scenarios', '');
const scenarios = wanted ? SCENARIOS.filter((s) => wanted.split(',').includes(s.id)) : SCENARIOS;
/** Attributes the node row's allocations to packages; its figures are then not comparable: no page is written. */
const profile = flag('profile');
const write = !quick && !profile && !flag('no-write');
/** The one-at-a-time row runs on the smallest size only, for at most this long. */
const NAIVE_CAP_MS = quick ? 3000 : 10_000;

const LABELS: Record<RowKind, string> = {
	node: 'our node (defaults)',
	helper: "n8n's HTTP helper alone",
	undici: 'plain undici loop',
	naive: 'one at a time',
	allAtOnce: 'all at once',
};

async function runRow(scenario: Scenario, fake: FakeHandle, size: number, kind: RowKind): Promise<Row> {
	fake.beginRow?.();
	const child = fork(path.join(__dirname, 'client.ts'), [], {
		// BENCH_NODE_FLAGS: extra Node flags for the row processes, e.g. to study V8 heap settings.
		execArgv: ['-r', path.join(__dirname, 'register.js'), '--expose-gc', ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const request: RowRequest = {
		scenario: scenario.id,
		kind,
		size,
		config: fake.config,
		timeCapMs: kind === 'naive' ? NAIVE_CAP_MS : undefined,
		profile: kind === 'node' && profile,
	};
	const result = await new Promise<RowResult>((resolve, reject) => {
		child.on('message', (m: { ready?: boolean; result?: RowResult; error?: string }) => {
			if (m.ready) {
				fake.resetCounters();
				child.send('go');
			} else if (m.result) resolve(m.result);
			else if (m.error) reject(new Error(m.error));
		});
		child.on('exit', (code) => code !== 0 && reject(new Error(`client exited with ${code}`)));
		child.send(request);
	});
	return { scenario, size, kind, result, counters: fake.counters() };
}

function printAllocations(shares: AllocationShare[]): void {
	const total = shares.reduce((sum, share) => sum + share.kbPerItem, 0);
	print(`  Allocated per item: ${fmt(total, 1)} KB (sampled), by who allocates it:`);
	for (const share of shares.filter((s) => s.kbPerItem >= 0.5)) print(`  ${fmt(share.kbPerItem, 1).padStart(8)} KB  ${fmt((100 * share.kbPerItem) / total).padStart(3)} %  ${share.owner}`);
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const fmt = (n: number, digits = 0) =>
	n.toLocaleString('en-US', {
		maximumFractionDigits: digits,
		minimumFractionDigits: digits,
	});

function itemsPerSecond(row: Row): number {
	return row.result.ok / (row.result.elapsedMs / 1000);
}

function cells(row: Row): string[] {
	const { result, scenario } = row;
	const rate = itemsPerSecond(row);
	const failed = result.failed + result.rateLimited;
	const rateFailures = result.rateLimited + (row.kind === 'node' ? row.counters.rateLimitAnswers : 0);
	return [
		scenario.title,
		fmt(row.size),
		LABELS[row.kind] + (result.capped ? ` ⏱ ${fmt(result.done)} items in ${fmt(result.elapsedMs / 1000, 1)} s, extrapolated` : ''),
		fmt(rate, 1),
		`${fmt((100 * rate) / scenario.limitPerSecond)} %`,
		`${fmt(failed)}${rateFailures > 0 ? ` (${fmt(rateFailures)} rate-limited)` : ''}`,
		`${fmt(result.p50Ms, 1)} / ${fmt(result.p95Ms, 1)}`,
		fmt(result.cpuMs / Math.max(1, result.done), 3),
		`${fmt(mb(result.peakRss))} (+${fmt(mb(result.peakRss - result.baselineRss))})`,
		fmt(mb(result.retainedHeap), 1),
	];
}

const HEADERS = [
	'Scenario',
	'Items',
	'Row',
	'Items/s',
	'Share of limit',
	'Failed items',
	'Latency p50 / p95 (ms)',
	'CPU ms / item',
	'Peak RSS MB (+ above baseline)',
	'Heap retained MB',
];

function markdownTable(rows: Row[]): string {
	const lines = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map((_, i) => (i >= 3 ? '---:' : '---')).join('|')}|`];
	for (const row of rows) lines.push(`| ${cells(row).join(' | ')} |`);
	return lines.join('\n');
}

function textTable(rows: Row[]): string {
	const all = [HEADERS, ...rows.map(cells)];
	const widths = HEADERS.map((_, c) => Math.max(...all.map((r) => r[c].length)));
	return all.map((r) => r.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ')).join('\n');
}

interface Target {
	name: string;
	met: boolean;
	detail: string;
}

function targets(rows: Row[]): Target[] {
	const out: Target[] = [];
	const find = (s: Scenario, size: number, kind: RowKind) => rows.find((r) => r.scenario === s && r.size === size && r.kind === kind);
	for (const scenario of scenarios) {
		for (const size of sizes) {
			const node = find(scenario, size, 'node');
			const plain = find(scenario, size, 'undici');
			if (!node) continue;
			const label = `${scenario.title}, ${fmt(size)} items`;
			const rate = itemsPerSecond(node);
			if (scenario.limitDocumented) {
				// Latency allows the limit when the workers can keep that many requests going.
				const latencyCeiling = (scenario.pace.maxConcurrent * 1000) / Math.max(1, latencyMs);
				const applies = latencyCeiling >= scenario.limitPerSecond;
				out.push({
					name: `${label}: ≥ 90 % of ${scenario.limitPerSecond}/s, zero items failed by rate limits`,
					met: (!applies || rate >= 0.9 * scenario.limitPerSecond) && node.result.failed === 0,
					detail: `${fmt(rate, 1)}/s = ${fmt((100 * rate) / scenario.limitPerSecond, 1)} %, ${node.result.failed} failed items, ${node.counters.rateLimitAnswers} rate-limit answers (retried)${applies ? '' : ' (latency does not allow the limit)'}`,
				});
			}
			if (plain) {
				const ratio = rate / itemsPerSecond(plain);
				out.push({
					name: `${label}: within 10 % of the plain undici loop`,
					met: ratio >= 0.9,
					detail: `${fmt(rate, 1)}/s vs ${fmt(itemsPerSecond(plain), 1)}/s (${fmt(100 * ratio, 1)} %)`,
				});
			}
			out.push({
				name: `${label}: one output item per input item, in order`,
				met: node.result.inOrder === true,
				detail: `${fmt(node.result.done)} output items`,
			});
			for (const extra of scenario.extraTargets?.(node.counters) ?? []) out.push({ ...extra, name: `${label}: ${extra.name}` });
			if (size >= 10_000) {
				const growth = (row: Row) => mb(row.result.peakRss - row.result.baselineRss);
				const helper = find(scenario, size, 'helper');
				const idle = `peak RSS +${fmt(growth(node), 1)} MB above the idle engine (baseline ${fmt(mb(node.result.baselineRss))} MB, peak ${fmt(mb(node.result.peakRss))} MB)`;
				const retained = `heap retained after the run +${fmt(mb(node.result.retainedHeap), 1)} MB`;
				out.push(
					helper
						? {
								name: `${label}: memory under 150 MB above the engine's baseline (n8n's HTTP helper sending the same requests)`,
								met: growth(node) - growth(helper) < 150,
								detail: `our node +${fmt(growth(node) - growth(helper), 1)} MB above n8n's HTTP helper alone; ${idle}, n8n's HTTP helper alone +${fmt(growth(helper), 1)} MB; ${retained}`,
							}
						: {
								name: `${label}: memory under 150 MB above the idle engine`,
								met: growth(node) < 150,
								detail: `${idle}; ${retained}`,
							},
				);
			}
		}
	}
	return out;
}

function versions(): Record<string, string> {
	const read = (name: string) => {
		try {
			return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [ROOT] }), 'utf8')) as { version: string }).version;
		} catch {
			return 'unknown';
		}
	};
	const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
	let commit = 'unknown';
	try {
		commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd: ROOT,
			encoding: 'utf8',
		}).trim();
	} catch {
		// not a git checkout
	}
	return {
		[own.name]: `${own.version} (${commit})`,
		'n8n-core': read('n8n-core'),
		'n8n-workflow': read('n8n-workflow'),
		undici: read('undici'),
		typescript: read('typescript'),
	};
}

function machine(): string {
	const cpus = os.cpus();
	return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 1024 ** 3, 1)} GB memory, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function page(rows: Row[], checked: Target[], started: Date): string {
	const v = versions();
	return `# Benchmarks

Measured with \`npm run bench\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.

- Machine: ${machine()}
- Versions: ${Object.entries(v)
		.map(([k, ver]) => `${k} ${ver}`)
		.join(', ')}
- Fakes: the test fakes of each platform on 127.0.0.1, ${latencyMs} ms added to every answer, the documented limits enforced (Tencent Cloud Chat: 200 calls/s per app, error 60007 beyond).

![Items per second against each platform's limit](benchmarks.svg)

## What each row is

All rows of a scenario run in the same benchmark, against the same fake, one after the other,
each in a process of its own (the fake runs in the benchmark process), so CPU time and memory are
the row's own.

- **our node (defaults)**: the built node run by n8n's \`WorkflowExecute\`, with the node's default
  pace (Tencent Cloud Chat: 200 requests/s, 20 concurrent; Thulium Chat: 10 concurrent, with Requests
  Per Second raised from its default 20 to its maximum 100 to keep the run short), "On Error: Continue"
  so that failures are counted rather than stopping the run.
- **n8n's HTTP helper alone**: the same requests, the same concurrency and spacing, sent through n8n's
  own HTTP helper (the function behind every node's \`this.helpers.httpRequest\`), with no node and no
  workflow, in a process in the same state as the node row's (n8n and the package loaded, the same
  one-item warm-up run): what n8n itself costs for these requests.
- **plain undici loop**: the same requests from a bare \`undici\` loop with the same number of
  concurrent requests and the same request spacing, no retries: the cost of the HTTP calls alone.
- **one at a time**: the same requests, one after the other, no pacing (a naive node). It runs on
  the smallest size for at most ${NAIVE_CAP_MS / 1000} s; its rate is extrapolated from the items done (marked ⏱).
- **all at once**: every item's request at once with \`Promise.allSettled\`, no pacing, no retries
  (what n8n's declarative nodes do). It finishes fast because most items fail with rate-limit errors.

Columns: items/s counts items that succeeded, over the row's wall time. Share of limit is that rate
over the platform's documented limit (Thulium documents none: its figure is the rate the node was set
to). Failed items include rate-limit refusals; for our node the rate-limit answers the fake gave are
counted even when a retry then succeeded. Latency is per HTTP request (the same as per item when
nothing is retried), measured in the client from the request's start to its answer, after waiting
for the rate slot. CPU ms / item is the client process's user + system CPU time over the items done.
Peak RSS is the client process's maximum resident memory; the baseline is its memory just before
the measured run (for the node and helper rows: after loading n8n, the package and a one-item
warm-up run). Heap retained is the JavaScript heap still in use after
the run and a full garbage collection (the run's result released), above the baseline's: the
difference between the two is garbage that V8 had not yet collected at the peak.

## Results

${markdownTable(rows)}

## Targets

| Target | Met | Measured |
|---|---|---|
${checked.map((t) => `| ${t.name} | ${t.met ? 'yes' : '**no**'} | ${t.detail} |`).join('\n')}

## Reading the figures

- **Rate-limit answers.** The node starts requests 2 % under the limit, evenly spaced. When the
  machine is busy (other processes, garbage collection), requests that were spaced apart at the start
  can reach the platform closer together, and a strict one-second window then refuses a few. The node
  retries them after a pause (no item fails), which costs some throughput; the plain loop, without
  retries, loses those items.
- **Memory.** Peak RSS counts garbage that V8 had not collected yet; the heap retained after the run
  is what the run really keeps. Nearly all of that garbage comes from n8n's HTTP helper, which every
  n8n node uses for its requests: for each request it builds an axios configuration, new connection
  agents and a new connection. V8 lets the garbage grow the young generation to its largest size and
  the old generation to a few times the live heap before it collects, so a fresh process's RSS climbs
  by some 200 MB over a long run whichever node makes the calls, as the row "n8n's HTTP helper alone"
  shows.
  The memory target therefore takes that row as the engine's baseline and shows the figures against
  the idle process next to it. \`npm run bench -- --profile\` attributes the node row's allocations per
  item to the packages that make them (sampling heap profiler). Running the node row with
  \`--max-old-space-size=128\` (set through \`BENCH_NODE_FLAGS\`) keeps its peak near +115 MB at a
  higher CPU cost per item.
- **Connections.** n8n's request helper, which the node uses as every n8n node must, opens a new
  connection for every request (\`Connection: close\`); the plain loop keeps its connections open. On
  loopback HTTP this costs little; against a platform over HTTPS every request also pays a TLS
  handshake, which these figures do not show.
- **One at a time** is bounded by latency: one item per round trip.
- **All at once** finishes quickly and reports high rates only because most items fail at once.

## Fault soak

\`npm run soak\` (and a shorter version in \`npm test\`) runs the nodes through the same engine while
the fakes inject faults: 5 % HTTP 502/503, 300 ms bursts of rate-limit answers (Tencent 60007/60018,
Thulium and Easemob 429), an expired UserSig (Tencent 70001) and expired app tokens (Easemob 401)
mid-run, 1 % answers slower than the request timeout
and 1 % connections reset mid-answer, and items the platform refuses for good (unknown users or
conversations). It checks that every input item gives exactly one output item, in order; that every
transient fault is recovered by retries; that refusals and unclear failures of requests that must not
be repeated (Thulium Start, Easemob sends) are reported without a retry; that one new Easemob token
serves the whole run after the expiry; that no message or conversation exists twice
(Tencent counts deliveries by MsgRandom); and that a cancelled run stops within a few hundred
milliseconds with no request after it. It prints one summary line.

## Scenarios

${scenarios.map((s) => `- **${s.title}**: limit ${s.limitNote}; node pace ${s.pace.requestsPerSecond}/s, ${s.pace.maxConcurrent} concurrent.`).join('\n')}

The scenarios live in \`bench/scenarios/\`, one module per platform; a new one is a module exporting a
\`Scenario\` (fake, node parameters, the same request for the plain client) listed in
\`bench/scenarios/index.ts\`.
`;
}

function writePage(rows: Row[], started: Date, complete: boolean): void {
	const partial = complete ? '' : '\n> **Partial run**: the benchmark was still running or was interrupted when this page was written.\n';
	fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), page(rows, targets(rows), started).replace('\n## What each row is', `${partial}\n## What each row is`));
	fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks.svg'), chart(rows, LABELS));
}

async function main(): Promise<void> {
	if (flag('app')) {
		// The real n8n app in regular and queue mode: scripts/bench-app.sh runs bench/app.ts.
		const { spawnSync } = await import('node:child_process');
		const result = spawnSync('bash', [path.join(ROOT, 'scripts', 'bench-app.sh'), ...args.filter((a) => a !== '--app')], { stdio: 'inherit' });
		process.exit(result.status ?? 1);
	}
	const started = new Date();
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) throw new Error('Build the package first: npm run build');
	const rows: Row[] = [];
	for (const scenario of scenarios) {
		for (const size of sizes) {
			const fake = await scenario.startFake(size, latencyMs);
			try {
				const onlyRows = option('rows', '');
				const kinds = (['node', 'helper', 'undici', ...(size === Math.min(...sizes) ? (['naive'] as RowKind[]) : []), 'allAtOnce'] as RowKind[]).filter(
					(kind) => !onlyRows || onlyRows.split(',').includes(kind),
				);
				for (const kind of kinds) {
					const row = await runRow(scenario, fake, size, kind);
					rows.push(row);
					print(cells(row).join(' | '));
					if (row.result.allocations) printAllocations(row.result.allocations);
				}
			} finally {
				await fake.stop();
			}
			// The page is rewritten after every scenario and size, so an interrupted run keeps what it measured.
			if (write) writePage(rows, started, false);
		}
	}
	const checked = targets(rows);
	print(`\n${textTable(rows)}\n`);
	print('Targets:');
	for (const t of checked) print(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.name}: ${t.detail}`);
	print(`\nMachine: ${machine()}`);
	if (write) {
		writePage(rows, started, true);
		print('Wrote docs/benchmarks.md and docs/benchmarks.svg');
	}
}

main().catch((error: unknown) => {
	printError(error);
	process.exit(1);
});
