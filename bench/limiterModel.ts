/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// npm run bench:limiter [-- --runs 20] [--workers 2 --items 1000 --cpu 134 --skew 0]
//
// A model of queue mode in simulated time, to see what the rate limiter's tuning does when several
// processes adapt to one limit without shared state. Several n8n workers, each with its own
// RateLimiter (the node's own code, on a simulated clock) and a CPU that starts at most `cpu`
// requests a second, send `items` each to a platform that accepts 200 calls in any sliding second
// (the fake Tencent's rule) and answers in 20 ms. A refused call is retried as the scheduler does it
// (the backoff of nodes/shared/retry.ts; the limiter is told of the rate answer). `skew` moves that
// many items from the second worker to the first (executions split unevenly). Prints, per scenario
// and tuning, the time to send everything, accepted calls per second as a share of min(limit, the
// workers' CPU), and over-limit answers as a share of requests. The figures of the real app come
// from npm run bench:app.
import { DEFAULT_RETRY_POLICY, backoffDelay } from '../nodes/shared/retry';
import type { RateTuning } from '../nodes/shared/rateLimiter';
import { DEFAULT_RATE_TUNING, RateLimiter } from '../nodes/shared/rateLimiter';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const at = args.indexOf(`--${name}`);
	return at >= 0 && args[at + 1] ? Number(args[at + 1]) : fallback;
};
const RUNS = option('runs', 20);
const LIMIT = 200;
const LATENCY_MS = 20;

const print = (...parts: unknown[]) => process.stdout.write(`${parts.map(String).join(' ')}\n`);

/** A seeded random source, so that every tuning meets the same jitter. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

interface Outcome {
	ms: number;
	requests: number;
	refused: number;
}

function simulate({ workers, items, cpu, skew }: Scenario, tuning: RateTuning, seed: number): Outcome {
	const random = seeded(seed);
	let now = 0;
	const clock = { now: () => now, sleep: async () => {} };
	const limiters = Array.from({ length: workers }, () => new RateLimiter(clock, tuning));
	const pending = Array.from({ length: workers }, (_, w) => (w === 0 ? items + skew : w === 1 ? items - skew : items));
	const retries: Array<Array<{ at: number; used: number }>> = Array.from({ length: workers }, () => []);
	const cpuFreeAt = Array.from({ length: workers }, () => random() * 5);
	const answers: Array<{ at: number; worker: number; refused: boolean; used: number }> = [];
	const accepted: number[] = [];
	let requests = 0;
	let refused = 0;
	let done = 0;
	const total = items * workers;
	while (done < total && now < 600_000) {
		// Answers due now.
		for (let a = answers.length - 1; a >= 0; a--) {
			const answer = answers[a];
			if (answer.at > now) continue;
			answers.splice(a, 1);
			if (!answer.refused) {
				done++;
				continue;
			}
			const delay = backoffDelay(answer.used, DEFAULT_RETRY_POLICY, random);
			limiters[answer.worker].rateAnswer(delay, now);
			retries[answer.worker].push({ at: now + delay, used: answer.used + 1 });
		}
		for (let w = 0; w < workers; w++) {
			if (now < cpuFreeAt[w]) continue;
			const due = retries[w].findIndex((r) => r.at <= now);
			if (due < 0 && pending[w] === 0) continue;
			if (limiters[w].tryStart(LIMIT, now) !== 0) continue;
			const used = due >= 0 ? retries[w].splice(due, 1)[0].used : 0;
			if (due < 0) pending[w]--;
			cpuFreeAt[w] = now + (1000 / cpu) * (0.8 + 0.4 * random());
			requests++;
			// The platform counts the call when it arrives (half the latency later).
			const arrives = now + LATENCY_MS / 2;
			while (accepted.length > 0 && accepted[0] <= arrives - 1000) accepted.shift();
			const ok = accepted.length < LIMIT;
			if (ok) accepted.push(arrives);
			else refused++;
			answers.push({ at: now + LATENCY_MS, worker: w, refused: !ok, used });
		}
		now += 1;
	}
	return { ms: now, requests, refused };
}

const T = DEFAULT_RATE_TUNING;
const tunings: Array<[string, RateTuning]> = [
	['default (cut to 80 %)', T],
	['cut to 70 %', { ...T, cutFactor: 0.7 }],
	['cut to 85 %', { ...T, cutFactor: 0.85 }],
];

interface Scenario {
	workers: number;
	items: number;
	cpu: number;
	skew: number;
}
const custom = ['workers', 'items', 'cpu', 'skew'].some((name) => args.includes(`--${name}`));
const scenarios: Scenario[] = custom
	? [{ workers: option('workers', 2), items: option('items', 1000), cpu: option('cpu', 134), skew: option('skew', 0) }]
	: [
			// Two workers as in npm run bench:app (each reached about 134 sends/s there), evenly and unevenly loaded.
			{ workers: 2, items: 1000, cpu: 134, skew: 0 },
			{ workers: 2, items: 1000, cpu: 134, skew: 300 },
			{ workers: 2, items: 1000, cpu: 250, skew: 0 },
			{ workers: 4, items: 500, cpu: 134, skew: 0 },
			{ workers: 8, items: 250, cpu: 100, skew: 0 },
		];

print(`Limit ${LIMIT} calls in any sliding second, answers in ${LATENCY_MS} ms, ${RUNS} runs per row (simulated time)`);
print('| Workers × items (uneven by) | CPU per worker | Tuning | Time | Accepted/s | Share of min(limit, CPU) | Over-limit answers |');
print('|---|---:|---|---:|---:|---:|---:|');
for (const scenario of scenarios) {
	for (const [name, tuning] of tunings) {
		let ms = 0;
		let requests = 0;
		let refusedCount = 0;
		for (let run = 0; run < RUNS; run++) {
			const outcome = simulate(scenario, tuning, run + 1);
			ms += outcome.ms;
			requests += outcome.requests;
			refusedCount += outcome.refused;
		}
		const perSecond = (scenario.items * scenario.workers * RUNS) / (ms / 1000);
		const reference = Math.min(LIMIT, scenario.cpu * scenario.workers);
		print(
			`| ${scenario.workers} × ${scenario.items}${scenario.skew ? ` (${scenario.skew})` : ''} | ${scenario.cpu}/s | ${name} | ${(ms / RUNS / 1000).toFixed(2)} s | ${perSecond.toFixed(1)} | ${((100 * perSecond) / reference).toFixed(1)} % | ${((100 * refusedCount) / requests).toFixed(2)} % |`,
		);
	}
}
