/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Fault soak: runs the built nodes through WorkflowExecute against the fakes while they inject
// faults, and checks that nothing is lost, nothing is sent twice, transient faults are recovered,
// the others reported without retry, and that a cancelled run stops promptly.
// Used by test/soak/soak.test.ts (a few hundred items) and by `npm run soak` (thousands).
import http from 'node:http';

import { FakeEasemob } from '../fakes/fakeEasemob';
import { FakeTencent } from '../fakes/fakeTencent';
import { FakeThulium } from '../fakes/fakeThulium';
import type { NetworkFault, RecordedRequest } from '../fakes/fakeServer';
import { seededRandom } from '../fakes/fakeServer';
import { items, runNode } from '../helpers/engine';

/** The nodes' request timeout (not configurable in the nodes). */
export const NODE_TIMEOUT_MS = 30_000;

/**
 * The nodes give every request a 30 s timeout and offer no setting for it. To test "slow answers
 * past the timeout" in seconds, the soak shortens that one timeout where n8n's HTTP client arms it:
 * the timers its HTTP stack starts with exactly 30 s (axios, follow-redirects) and the socket
 * timeout (ClientRequest#setTimeout). The client's own timeout handling runs unchanged.
 * Returns a function that restores the originals.
 */
export function shortenRequestTimeout(toMs: number): () => void {
	const originalRequest = http.ClientRequest.prototype.setTimeout;
	http.ClientRequest.prototype.setTimeout = function (this: http.ClientRequest, ms: number, callback?: () => void) {
		return originalRequest.call(this, ms === NODE_TIMEOUT_MS ? toMs : ms, callback);
	} as typeof originalRequest;
	const originalTimer = globalThis.setTimeout;
	const call = originalTimer as unknown as (...args: unknown[]) => unknown;
	const timer = function (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) {
		return call(callback, ms === NODE_TIMEOUT_MS ? toMs : ms, ...args);
	};
	Object.defineProperties(timer, Object.getOwnPropertyDescriptors(originalTimer));
	globalThis.setTimeout = timer as typeof originalTimer;
	return () => {
		http.ClientRequest.prototype.setTimeout = originalRequest;
		globalThis.setTimeout = originalTimer;
	};
}

export interface SoakOptions {
	items: number;
	seed?: number;
	latencyMs?: number;
	/** How long a slow answer takes: longer than the request timeout in force. */
	slowMs: number;
}

export interface FaultCounts {
	[kind: string]: number;
}

export interface SoakReport {
	name: string;
	items: number;
	outputs: number;
	inOrder: boolean;
	faults: FaultCounts;
	/** Transient faults whose item then succeeded. */
	recovered: number;
	/** Transient faults whose item ended in an error (must be 0). */
	unrecovered: number;
	/** Items reported as errors (the non-transient faults). */
	reported: number;
	/** Items expected to be reported that were not, or were sent more than once. */
	reportedWrongly: number;
	duplicates: number;
	/** Retries of requests the platform had already carried out, which it recognised and dropped. */
	deduplicated: number;
	/** Distinct signatures the platform saw (Tencent: UserSigs). */
	signatures?: number;
	/** App tokens the platform issued during the run (Easemob). */
	tokens?: number;
	/** Items that should have succeeded but ended in an error, with their messages. */
	lost: string[];
	/** Items reported or retried against the rules, with what happened. */
	wrong: string[];
	ms: number;
}

type Tally = Map<number, number>;

/** One output item per input item, each paired with its input, in input order. */
function inInputOrder(out: Array<{ pairedItem?: unknown }>, count: number): boolean {
	return out.length === count && out.every((item, i) => (item.pairedItem as { item: number }).item === i);
}
const bump = (map: Tally, key: number) => map.set(key, (map.get(key) ?? 0) + 1);

function count(faults: FaultCounts, kind: string): void {
	faults[kind] = (faults[kind] ?? 0) + 1;
}

function note(plan: FaultPlan, item: number, kind: string): void {
	count(plan.faults, kind);
	bump(plan.perItem, item);
	const kinds = plan.kindsPerItem.get(item) ?? [];
	kinds.push(kind);
	plan.kindsPerItem.set(item, kinds);
}

/** Per-request fault plan shared by both platforms: 5 % 5xx, bursts, slow answers, resets. */
class FaultPlan {
	readonly faults: FaultCounts = {};
	/** Transient faults per item. */
	readonly perItem: Tally = new Map();
	/** Fault kinds per item, in request order. */
	readonly kindsPerItem = new Map<number, string[]>();
	private readonly random: () => number;
	private burstUntil = 0;
	private requests = 0;

	constructor(
		seed: number,
		private readonly slowMs: number,
		private readonly burstCodes: number[],
	) {
		this.random = seededRandom(seed);
	}

	/** Requests whose answer already gets a network fault: they get no application fault too. */
	private readonly cut = new WeakSet<RecordedRequest>();

	/** An application answer for this request (5xx or a rate-limit code), or undefined. */
	answer(item: number | undefined, req: RecordedRequest): number | undefined {
		if (item === undefined || this.cut.has(req)) return undefined;
		this.requests++;
		// Every 150th request starts a burst: for 300 ms every request gets a rate-limit answer.
		if (this.requests % 150 === 0 && Date.now() >= this.burstUntil) this.burstUntil = Date.now() + 300;
		if (Date.now() < this.burstUntil) {
			const code = this.burstCodes[Math.floor(this.random() * this.burstCodes.length)];
			note(this, item, `rateLimit${code}`);
			return code;
		}
		if (this.random() < 0.05) {
			const status = this.random() < 0.5 ? 502 : 503;
			note(this, item, '5xx');
			return status;
		}
		return undefined;
	}

	/**
	 * A 5xx answered after the platform carried the request out (a message stored), for 3 % of the
	 * requests that got no other fault; undefined otherwise.
	 */
	afterDelivery(item: number | undefined, req: RecordedRequest): number | undefined {
		if (item === undefined || this.cut.has(req)) return undefined;
		if (this.random() >= 0.03) return undefined;
		note(this, item, 'after5xx');
		return this.random() < 0.5 ? 502 : 503;
	}

	/** A network fault for this answer, or undefined. */
	network(item: number | undefined, req: RecordedRequest): NetworkFault | undefined {
		if (item === undefined) return undefined;
		const roll = this.random();
		if (roll < 0.02) this.cut.add(req);
		if (roll < 0.01) {
			note(this, item, 'slow');
			return { kind: 'slow', delayMs: this.slowMs };
		}
		if (roll < 0.02) {
			note(this, item, 'reset');
			return { kind: 'reset' };
		}
		return undefined;
	}
}

/**
 * Tencent Cloud Chat, Message → Send to `items` users. Every 50th item goes to a user that does
 * not exist (90003: reported, never retried). Faults: 5 % HTTP 502/503 before the send, 3 % HTTP
 * 502/503 after the message was stored, 300 ms bursts of 60007/60018, one signature expiry (70001)
 * mid-run, 1 % slow answers, 1 % connections reset mid-answer (after the message was stored).
 * Deliveries are counted by MsgRandom: a retried send must never arrive twice.
 */
export async function soakTencent(options: SoakOptions): Promise<SoakReport> {
	const fake = new FakeTencent();
	const baseUrl = await fake.start();
	const started = Date.now();
	try {
		fake.server.latencyMs = options.latencyMs ?? 20;
		const ghost = (i: number) => i % 50 === 49;
		for (let i = 0; i < options.items; i++) if (!ghost(i)) fake.addUsers(`user${i}`);
		const plan = new FaultPlan(options.seed ?? 7, options.slowMs, [60007, 60018]);
		const itemOf = (req: RecordedRequest) => {
			const to = (req.json as { To_Account?: unknown } | undefined)?.To_Account;
			const match = typeof to === 'string' ? /^(user|ghost)(\d+)$/.exec(to) : null;
			return match && match[1] === 'user' ? Number(match[2]) : undefined;
		};
		let expired = false;
		fake.injectFault = (req) => {
			// Once, after two seconds: every signature issued so far expires (the node must re-sign).
			if (!expired && Date.now() - started > 2000) {
				expired = true;
				fake.expireSignaturesIssuedUpTo = Math.floor(Date.now() / 1000) - 1;
			}
			return plan.answer(itemOf(req), req);
		};
		fake.server.networkFault = (req) => (req.segments[2] === 'sendmsg' ? plan.network(itemOf(req), req) : undefined);
		fake.failAfterProcessing = (req) => plan.afterDelivery(itemOf(req), req);

		const credentials = {
			tencentCloudChatApi: {
				region: 'custom',
				customBaseUrl: baseUrl,
				sdkAppId: String(fake.sdkAppId),
				secretKey: fake.secretKey,
				adminIdentifier: 'administrator',
			},
		};
		const result = await runNode(
			'tencentCloudChat',
			{
				resource: 'message',
				operation: 'send',
				toAccount: '={{ $json.to }}',
				messageType: 'text',
				text: 'Soak message',
			},
			credentials,
			{
				input: items(options.items, (i) => ({
					to: ghost(i) ? `ghost${i}` : `user${i}`,
				})),
				onError: 'continueRegularOutput',
			},
		);
		const out = result.output[0] ?? [];
		const faults: FaultCounts = {
			...plan.faults,
			sigExpired: fake.errorsAnswered.filter((c) => c === 70001).length,
		};
		const lost: string[] = [];
		const wrong: string[] = [];
		let reported = 0;
		let reportedWrongly = 0;
		let recovered = 0;
		let unrecovered = 0;
		out.forEach((item, i) => {
			const error = item.json.error;
			if (ghost(i)) {
				const sent = fake.requests.filter((r) => (r.json as { To_Account?: string } | undefined)?.To_Account === `ghost${i}`);
				// Sent once; or refused for the expired signature first, then once more with a new one.
				const signatures = new Set(sent.map((r) => r.query.get('usersig'))).size;
				if (error !== undefined && sent.length >= 1 && signatures === sent.length && sent.length <= 2) reported++;
				else reportedWrongly++;
				return;
			}
			const faultsHere = plan.perItem.get(i) ?? 0;
			if (error === undefined) recovered += faultsHere;
			else {
				unrecovered += Math.max(1, faultsHere);
				lost.push(`item ${i} (${faultsHere} earlier faults): ${String(error)}`);
			}
		});
		// 70001 answers carry no item we can tell apart here: they count as recovered when no item was lost.
		if (lost.length === 0) recovered += faults.sigExpired;
		else unrecovered += faults.sigExpired;
		const duplicates = fake.duplicateDeliveries();
		return {
			name: 'Tencent Cloud Chat send',
			items: options.items,
			outputs: out.length,
			inOrder: inInputOrder(out, options.items),
			faults,
			recovered,
			unrecovered,
			reported,
			reportedWrongly,
			duplicates,
			deduplicated: fake.duplicatesDropped,
			signatures: fake.userSigsSeen.size,
			lost,
			wrong,
			ms: Date.now() - started,
		};
	} finally {
		await fake.stop();
	}
}

/**
 * Tencent Cloud Chat, Message → Send to Many: `items` items of `recipients` users each (one
 * batchsendmsg call per item). Faults as for Send: 5 % HTTP 502/503 before the send, 3 % after the
 * messages were stored, 1 % slow answers and 1 % resets after they were stored, bursts of 60007, and
 * the documented limit of 12,000 messages a minute counted per recipient. Every recipient must get
 * each message exactly once; an item whose outcome stayed unknown must say so.
 */
export async function soakTencentBatch(options: SoakOptions & { recipients?: number }): Promise<SoakReport> {
	const fake = new FakeTencent();
	const baseUrl = await fake.start();
	const started = Date.now();
	const perItem = options.recipients ?? 50;
	try {
		fake.server.latencyMs = options.latencyMs ?? 20;
		const users = (i: number) => Array.from({ length: perItem }, (_, r) => `b${i}r${r}`);
		for (let i = 0; i < options.items; i++) fake.addUsers(...users(i));
		const plan = new FaultPlan(options.seed ?? 19, options.slowMs, [60007]);
		const itemOf = (req: RecordedRequest) => {
			const to = (req.json as { To_Account?: unknown } | undefined)?.To_Account;
			const match = Array.isArray(to) && typeof to[0] === 'string' ? /^b(\d+)r0$/.exec(to[0]) : null;
			return match ? Number(match[1]) : undefined;
		};
		fake.injectFault = (req) => plan.answer(itemOf(req), req);
		fake.server.networkFault = (req) => (req.segments[2] === 'batchsendmsg' ? plan.network(itemOf(req), req) : undefined);
		fake.failAfterProcessing = (req) => plan.afterDelivery(itemOf(req), req);
		const result = await runNode(
			'tencentCloudChat',
			{ resource: 'message', operation: 'sendToMany', toAccounts: '={{ $json.to }}', messageType: 'text', text: '={{ "Batch " + $itemIndex }}' },
			{
				tencentCloudChatApi: {
					region: 'custom',
					customBaseUrl: baseUrl,
					// An app of its own per run: the per-recipient budget is shared per app in this process.
					sdkAppId: String(fake.sdkAppId),
					secretKey: fake.secretKey,
					adminIdentifier: 'administrator',
				},
			},
			{ input: items(options.items, (i) => ({ to: users(i) })), onError: 'continueRegularOutput' },
		);
		const out = result.output[0] ?? [];
		const received = new Map<string, number>();
		for (const m of fake.messages) {
			const key = `${m.To_Account}|${JSON.stringify(m.MsgBody)}`;
			received.set(key, (received.get(key) ?? 0) + 1);
		}
		const lost: string[] = [];
		const wrong: string[] = [];
		let recovered = 0;
		let unrecovered = 0;
		let reported = 0;
		let reportedWrongly = 0;
		out.forEach((item, i) => {
			const body = JSON.stringify([{ MsgType: 'TIMTextElem', MsgContent: { Text: `Batch ${i}` } }]);
			const counts = users(i).map((u) => received.get(`${u}|${body}`) ?? 0);
			const faultsHere = plan.perItem.get(i) ?? 0;
			const error = item.json.error;
			if (error === undefined) {
				if (counts.every((c) => c === 1)) recovered += faultsHere;
				else {
					unrecovered += Math.max(1, faultsHere);
					lost.push(`item ${i}: succeeded but delivered ${counts.filter((c) => c !== 1).length} recipients not exactly once`);
				}
				return;
			}
			// An error is accounted for only when it says the outcome is unknown and nothing arrived twice.
			if (/may have been delivered/.test(String(error)) && counts.every((c) => c <= 1)) reported++;
			else {
				reportedWrongly++;
				wrong.push(`item ${i} (${(plan.kindsPerItem.get(i) ?? []).join(',')}): ${String(error)}`);
			}
		});
		return {
			name: 'Tencent Cloud Chat send to many',
			items: options.items,
			outputs: out.length,
			inOrder: inInputOrder(out, options.items),
			faults: { ...plan.faults, recipientLimit: fake.errorsAnswered.filter((c) => c === 60007).length - (plan.faults.rateLimit60007 ?? 0) },
			recovered,
			unrecovered,
			reported,
			reportedWrongly,
			duplicates: fake.duplicateDeliveries(),
			deduplicated: fake.duplicatesDropped,
			signatures: fake.userSigsSeen.size,
			lost,
			wrong,
			ms: Date.now() - started,
		};
	} finally {
		await fake.stop();
	}
}

/**
 * Thulium Chat, Conversation → Send Message into `items` conversations. Thulium documents no way
 * to recognise a repeated message, so a send whose answer is a 5xx, late, or cut after the message
 * was stored is reported ("may have been delivered") and never repeated; 429 (nothing was done) is
 * retried. Faults: 5 % HTTP 502/503 before, 3 % after the message was stored, bursts of 429, 1 % slow
 * answers, 1 % connections reset after the message was stored. Messages are counted per
 * conversation: none twice, and every item either delivered once or reported.
 */
export async function soakThuliumSend(options: SoakOptions): Promise<SoakReport> {
	const fake = new FakeThulium();
	const baseUrl = await fake.start();
	const started = Date.now();
	try {
		fake.server.latencyMs = options.latencyMs ?? 20;
		for (let i = 0; i < options.items; i++) {
			fake.conversations.set(`conv-${i}`, { id: `conv-${i}`, chatQueueId: 3, client: {}, status: 'ACTIVE', createdAt: '2026-01-01 00:00:00.000', messages: [] });
		}
		const plan = new FaultPlan(options.seed ?? 23, options.slowMs, [429]);
		const itemOf = (req: RecordedRequest) => {
			const match = /^conv-(\d+)$/.exec(req.segments[2] ?? '');
			return match ? Number(match[1]) : undefined;
		};
		fake.injectFault = (req) => plan.answer(itemOf(req), req);
		fake.server.networkFault = (req) => plan.network(itemOf(req), req);
		fake.failAfterProcessing = (req) => plan.afterDelivery(itemOf(req), req);
		const result = await runNode(
			'thuliumChat',
			{ resource: 'conversation', operation: 'sendMessage', conversationId: '={{ $json.id }}', text: '={{ "Message " + $itemIndex }}', options: { requestsPerSecond: 100 } },
			{ thuliumApi: { baseUrl, username: fake.username, password: fake.password } },
			{ input: items(options.items, (i) => ({ id: `conv-${i}` })), onError: 'continueRegularOutput' },
		);
		const out = result.output[0] ?? [];
		const lost: string[] = [];
		const wrong: string[] = [];
		let reported = 0;
		let reportedWrongly = 0;
		let recovered = 0;
		let unrecovered = 0;
		let duplicates = 0;
		out.forEach((item, i) => {
			const stored = fake.conversations.get(`conv-${i}`)?.messages.filter((m) => m.text === `Message ${i}`).length ?? 0;
			duplicates += Math.max(0, stored - 1);
			const kinds = plan.kindsPerItem.get(i) ?? [];
			const error = item.json.error;
			if (error === undefined) {
				if (stored === 1) recovered += kinds.length;
				else {
					unrecovered += Math.max(1, kinds.length);
					lost.push(`item ${i} (${kinds.join(',')}): succeeded with ${stored} messages stored`);
				}
				return;
			}
			const sent = fake.requests.filter((r) => r.segments[2] === `conv-${i}`).length;
			// Reported as unclear, at most one message stored, and nothing sent after the unclear answer.
			const unclearLast = ['5xx', 'after5xx', 'slow', 'reset'].includes(kinds[kinds.length - 1] ?? '');
			if (/may have been delivered/.test(String(error)) && stored <= 1 && unclearLast && sent === kinds.length) reported++;
			else {
				reportedWrongly++;
				wrong.push(`item ${i} (${kinds.join(',')}, ${sent} sent, ${stored} stored): ${String(error)}`);
			}
		});
		return {
			name: 'Thulium Chat send message',
			items: options.items,
			outputs: out.length,
			inOrder: inInputOrder(out, options.items),
			faults: plan.faults,
			recovered,
			unrecovered,
			reported,
			reportedWrongly,
			duplicates,
			deduplicated: 0,
			lost,
			wrong,
			ms: Date.now() - started,
		};
	} finally {
		await fake.stop();
	}
}

/**
 * Thulium Chat, Conversation → Delete Content for `items` conversations (idempotent: every fault
 * is retried). Every 50th conversation does not exist (404: reported, never retried). Faults: 5 %
 * HTTP 502/503, 300 ms bursts of 429, 1 % slow answers, 1 % connections reset mid-answer.
 */
export async function soakThulium(options: SoakOptions): Promise<SoakReport> {
	const fake = new FakeThulium();
	const baseUrl = await fake.start();
	const started = Date.now();
	try {
		fake.server.latencyMs = options.latencyMs ?? 20;
		const missing = (i: number) => i % 50 === 49;
		for (let i = 0; i < options.items; i++) {
			if (missing(i)) continue;
			fake.conversations.set(`conv-${i}`, {
				id: `conv-${i}`,
				chatQueueId: 3,
				client: {},
				status: 'CLOSED',
				createdAt: '2026-01-01 00:00:00.000',
				messages: [{ text: 'Hello', sent_by: 'customer' }],
			});
		}
		const plan = new FaultPlan(options.seed ?? 11, options.slowMs, [429]);
		const itemOf = (req: RecordedRequest) => {
			const match = /^conv-(\d+)$/.exec(req.segments[3] ?? '');
			// Missing conversations get no injected fault: their 404 must be the only answer.
			return match && !missing(Number(match[1])) ? Number(match[1]) : undefined;
		};
		fake.injectFault = (req) => plan.answer(itemOf(req), req);
		fake.server.networkFault = (req) => plan.network(itemOf(req), req);
		const result = await runNode(
			'thuliumChat',
			{
				resource: 'conversation',
				operation: 'deleteContent',
				conversationId: '={{ $json.id }}',
				participant: 'both',
				options: { requestsPerSecond: 100 },
			},
			{
				thuliumApi: {
					baseUrl,
					username: fake.username,
					password: fake.password,
				},
			},
			{
				input: items(options.items, (i) => ({ id: `conv-${i}` })),
				onError: 'continueRegularOutput',
			},
		);
		const out = result.output[0] ?? [];
		const lost: string[] = [];
		const wrong: string[] = [];
		let reported = 0;
		let reportedWrongly = 0;
		let recovered = 0;
		let unrecovered = 0;
		out.forEach((item, i) => {
			const error = item.json.error;
			if (missing(i)) {
				const sent = fake.requests.filter((r) => r.segments[3] === `conv-${i}`).length;
				if (error !== undefined && sent === 1) reported++;
				else reportedWrongly++;
				return;
			}
			const faultsHere = plan.perItem.get(i) ?? 0;
			const deleted = fake.conversations.get(`conv-${i}`)?.messages.every((m) => m.content_deleted) === true;
			if (error === undefined && deleted) recovered += faultsHere;
			else {
				unrecovered += Math.max(1, faultsHere);
				lost.push(`item ${i}: ${String(error ?? 'content not deleted')}`);
			}
		});
		return {
			name: 'Thulium Chat delete content',
			items: options.items,
			outputs: out.length,
			inOrder: inInputOrder(out, options.items),
			faults: plan.faults,
			recovered,
			unrecovered,
			reported,
			reportedWrongly,
			duplicates: 0,
			deduplicated: 0,
			lost,
			wrong,
			ms: Date.now() - started,
		};
	} finally {
		await fake.stop();
	}
}

/**
 * Thulium Chat, Conversation → Start for `items` clients. Starting a conversation cannot be
 * repeated safely: a 5xx, a timeout or a reset may hide a conversation that was created, so those
 * are reported and never retried; 429 (nothing was done) is retried. Faults: 5 % HTTP 502/503,
 * bursts of 429, 1 % slow answers, 1 % resets. Conversations are counted per client: none twice.
 */
export async function soakThuliumStart(options: SoakOptions): Promise<SoakReport> {
	const fake = new FakeThulium();
	const baseUrl = await fake.start();
	const started = Date.now();
	try {
		fake.server.latencyMs = options.latencyMs ?? 20;
		const plan = new FaultPlan(options.seed ?? 13, options.slowMs, [429]);
		const itemOf = (req: RecordedRequest) => {
			const id = req.query.get('client_id');
			return id !== null && /^\d+$/.test(id) ? Number(id) : undefined;
		};
		fake.injectFault = (req) => plan.answer(itemOf(req), req);
		fake.server.networkFault = (req) => plan.network(itemOf(req), req);
		const result = await runNode(
			'thuliumChat',
			{
				resource: 'conversation',
				operation: 'start',
				chatQueueId: { __rl: true, mode: 'id', value: '3' },
				additionalFields: { clientId: '={{ $json.client }}' },
				options: { requestsPerSecond: 100 },
			},
			{ thuliumApi: { baseUrl, username: fake.username, password: fake.password } },
			{ input: items(options.items, (i) => ({ client: String(i) })), onError: 'continueRegularOutput' },
		);
		const out = result.output[0] ?? [];
		const created = new Map<string, number>();
		for (const c of fake.conversations.values()) created.set(String(c.client.client_id), (created.get(String(c.client.client_id)) ?? 0) + 1);
		const lost: string[] = [];
		const wrong: string[] = [];
		let reported = 0;
		let reportedWrongly = 0;
		let recovered = 0;
		let unrecovered = 0;
		out.forEach((item, i) => {
			const kinds = plan.kindsPerItem.get(i) ?? [];
			const unsafe = kinds.findIndex((k) => k === '5xx' || k === 'slow' || k === 'reset');
			const error = item.json.error;
			if (unsafe >= 0) {
				const sent = fake.requests.filter((r) => r.query.get('client_id') === String(i)).length;
				// Reported, and nothing sent after the unclear answer.
				if (error !== undefined && unsafe === kinds.length - 1 && sent === kinds.length) reported++;
				else {
					reportedWrongly++;
					wrong.push(`item ${i} (${kinds.join(',')}, ${sent} sent): ${String(error ?? 'succeeded')}`);
				}
				return;
			}
			if (error === undefined && created.get(String(i)) === 1) recovered += kinds.length;
			else {
				unrecovered += Math.max(1, kinds.length);
				lost.push(`item ${i} (${kinds.join(',')}): ${String(error ?? 'no conversation')}`);
			}
		});
		return {
			name: 'Thulium Chat start',
			items: options.items,
			outputs: out.length,
			inOrder: inInputOrder(out, options.items),
			faults: plan.faults,
			recovered,
			unrecovered,
			reported,
			reportedWrongly,
			duplicates: [...created.values()].reduce((n, c) => n + Math.max(0, c - 1), 0),
			deduplicated: 0,
			lost,
			wrong,
			ms: Date.now() - started,
		};
	} finally {
		await fake.stop();
	}
}

/** What an Easemob soak runs: Message → Send to Users, Message → Send to Groups, or Conversation → Delete. */
export type EasemobSoakOperation = 'send' | 'sendToGroups' | 'delete';

/**
 * Easemob IM over `items` users, one request per item, while the fake injects: 5 % HTTP 502/503,
 * 300 ms bursts of 429 "This request has reached api limit", every app token expiring once mid-run,
 * 1 % slow answers and 1 % connections reset mid-answer; sends also get 2 % connections dropped and
 * 2 % HTTP 502 *after* Easemob delivered the message.
 *
 * - `send` (Message → Send to Users) and `sendToGroups` (Message → Send to Groups, paced to Easemob's
 *   20 group messages a second): a send may have been delivered when the answer is a 5xx, late or
 *   cut, and Easemob has no de-duplication key, so those items are reported ("may have been
 *   delivered") and their send is never repeated; 429, 403 "message send reach limit" and 401
 *   "expired access token" (nothing was done) are retried. Every item is accounted for: delivered
 *   once and output, or reported after an unclear answer and delivered at most once.
 * - `delete` (Conversation → Delete): idempotent, every transient fault is retried. Every 50th user
 *   does not exist: its 404 is reported, sent once.
 *
 * After the tokens expire, the whole run must fetch exactly one new token (single flight).
 */
export async function soakEasemob(operation: EasemobSoakOperation, options: SoakOptions): Promise<SoakReport> {
	const fake = new FakeEasemob();
	const baseUrl = await fake.start();
	const started = Date.now();
	// An app of its own per run: tokens are cached per app and client for the n8n process.
	const app = `soak-${operation}-${started}`;
	fake.apps.add(app);
	try {
		fake.server.latencyMs = options.latencyMs ?? 20;
		const sends = operation !== 'delete';
		const prefix = operation === 'sendToGroups' ? 'group' : 'user';
		const missing = (i: number) => operation === 'delete' && i % 50 === 49;
		for (let i = 0; i < options.items; i++) if (!missing(i)) fake.addUser(app, `user${i}`);
		fake.addUser(app, 'peer');
		const plan = new FaultPlan(options.seed ?? 17, options.slowMs, [429]);
		/** The input item a request is for (its recipient or user), if any. */
		const userItem = (req: RecordedRequest): number | undefined => {
			const target = sends ? (req.json as { to?: unknown[] } | undefined)?.to?.[0] : req.segments[3];
			const match = typeof target === 'string' ? /^(?:user|group)(\d+)$/.exec(target) : null;
			return match ? Number(match[1]) : undefined;
		};
		const itemOf = (req: RecordedRequest): number | undefined => {
			const item = userItem(req);
			// Missing users get no injected fault: their 404 must be the only answer.
			return item !== undefined && !missing(item) ? item : undefined;
		};
		/** Requests of each item whose answer left unclear whether a send was delivered, in order. */
		const unclearRequests = new Map<number, RecordedRequest[]>();
		const unclear = (item: number | undefined, req: RecordedRequest) => {
			if (item !== undefined) unclearRequests.set(item, [...(unclearRequests.get(item) ?? []), req]);
		};
		let tokensBeforeExpiry = -1;
		fake.injectFault = (req) => {
			// Once, two seconds after the first token: every token issued so far expires (n8n fetches a new
			// one; a token under a second old is never replaced, so the expiry must come later than that).
			const firstToken = fake.requests.find((r) => r.segments[2] === 'token');
			if (tokensBeforeExpiry < 0 && firstToken && Date.now() - firstToken.at > 2000) {
				tokensBeforeExpiry = fake.tokenRequests;
				fake.expireAllTokens();
			}
			const item = itemOf(req);
			const status = plan.answer(item, req);
			if (status !== undefined && status >= 500) unclear(item, req);
			return status;
		};
		fake.server.networkFault = (req) => {
			const item = itemOf(req);
			const fault = plan.network(item, req);
			if (fault) unclear(item, req);
			return fault;
		};
		// After Easemob delivered a send: the connection drops, or the answer is a 502.
		const afterDelivery = seededRandom((options.seed ?? 17) + 1);
		fake.injectAfterDelivery = (req) => {
			const item = itemOf(req);
			if (item === undefined) return undefined;
			const roll = afterDelivery();
			if (roll >= 0.04) return undefined;
			note(plan, item, roll < 0.02 ? 'dropAfterDelivery' : '5xxAfterDelivery');
			unclear(item, req);
			return roll < 0.02 ? { kind: 'reset' } : { kind: 'status', status: 502 };
		};
		const parameters =
			operation === 'send'
				? { resource: 'message', operation: 'sendToUsers', to: '={{ $json.user }}', messageType: 'txt', text: 'Soak message' }
				: operation === 'sendToGroups'
					? { resource: 'message', operation: 'sendToGroups', groupIds: '={{ $json.group }}', messageType: 'txt', text: 'Soak message' }
					: { resource: 'conversation', operation: 'delete', username: '={{ $json.user }}', conversationType: 'chat', conversationId: 'peer', deleteRoamingMessages: false };
		if (operation === 'delete') for (let i = 0; i < options.items; i++) if (!missing(i)) fake.addConversation(app, `user${i}`, 'chat', 'peer');
		const result = await runNode(
			'easemobIm',
			parameters,
			{
				easemobImApi: {
					baseUrl,
					orgName: fake.orgName,
					appName: app,
					clientId: fake.clientId,
					clientSecret: fake.clientSecret,
					accessToken: '',
				},
			},
			{ input: items(options.items, (i) => ({ user: `user${i}`, group: `group${i}` })), onError: 'continueRegularOutput' },
		);
		const out = result.output[0] ?? [];
		const requestsOf = new Map<number, RecordedRequest[]>();
		for (const req of fake.apiRequests) {
			const item = userItem(req);
			if (item !== undefined) requestsOf.set(item, [...(requestsOf.get(item) ?? []), req]);
		}
		const deliveredTo = new Map<string, number>();
		for (const message of fake.messages.values()) deliveredTo.set(message.to, (deliveredTo.get(message.to) ?? 0) + 1);
		const expired = new Set(fake.expiredTokenAnswers);
		// Refused before anything was done: an expired token, or the platform's own rate limits.
		const refused = new Set([...fake.expiredTokenAnswers, ...fake.rateLimitedRequests]);
		const faults: FaultCounts = { ...plan.faults, tokenExpired: expired.size };
		const lost: string[] = [];
		const wrong: string[] = [];
		let reported = 0;
		let reportedWrongly = 0;
		let recovered = 0;
		let unrecovered = 0;
		out.forEach((item, i) => {
			const error = item.json.error;
			const sent = requestsOf.get(i) ?? [];
			const expiredHere = sent.filter((req) => expired.has(req)).length;
			const faultsHere = (plan.perItem.get(i) ?? 0) + expiredHere;
			if (missing(i)) {
				// One request answered 404, after any refused for an expired token or a rate limit.
				const refusedHere = sent.filter((req) => refused.has(req)).length;
				if (error !== undefined && sent.length - refusedHere === 1) reported++;
				else {
					reportedWrongly++;
					wrong.push(`item ${i} (missing user, ${sent.length} sent, ${refusedHere} refused first): ${String(error ?? 'succeeded')}`);
				}
				return;
			}
			// A 401 status line says the platform did nothing, even when the rest of the answer is cut
			// off: n8n fetches a new token and repeats the request itself.
			const cut = unclearRequests.get(i)?.find((req) => !expired.has(req));
			if (sends && cut) {
				// Reported as possibly delivered, and nothing sent after the unclear answer.
				if (error !== undefined && String(error).includes('may have been delivered') && sent[sent.length - 1] === cut) reported++;
				else {
					reportedWrongly++;
					wrong.push(`item ${i} (${(plan.kindsPerItem.get(i) ?? []).join(',')}, ${sent.length} sent): ${String(error ?? 'succeeded')}`);
				}
				return;
			}
			const done = sends ? deliveredTo.get(`${prefix}${i}`) === 1 : !fake.hasConversation(app, `user${i}`, 'chat', 'peer');
			if (error === undefined && done) recovered += faultsHere;
			else {
				unrecovered += Math.max(1, faultsHere);
				lost.push(`item ${i} (${(plan.kindsPerItem.get(i) ?? []).join(',')}${expiredHere ? ',tokenExpired' : ''}): ${String(error ?? 'not done')}`);
			}
		});
		return {
			name: operation === 'send' ? 'Easemob IM send' : operation === 'sendToGroups' ? 'Easemob IM send to groups' : 'Easemob IM conversation delete',
			items: options.items,
			outputs: out.length,
			inOrder: inInputOrder(out, options.items),
			faults,
			recovered,
			unrecovered,
			reported,
			reportedWrongly,
			duplicates: [...deliveredTo.values()].reduce((n, c) => n + c - 1, 0),
			deduplicated: 0,
			tokens: tokensBeforeExpiry < 0 ? fake.tokenRequests : fake.tokenRequests - tokensBeforeExpiry,
			lost,
			wrong,
			ms: Date.now() - started,
		};
	} finally {
		await fake.stop();
	}
}

export interface CancelReport {
	items: number;
	/** Requests the fake received before the run ended. */
	sent: number;
	/** From the start of the run to the first request (validating every item comes first). */
	firstRequestMs: number;
	/** Requests the fake had received when the run was cancelled. */
	sentAtCancel: number;
	/** From the cancel to the end of the run. */
	stopMs: number;
	/** Requests that arrived after the run ended (those already in flight at the cancel, or a run going on). */
	lateRequests: number;
	status: string;
	duplicates: number;
}

/**
 * Cancels a Tencent send of `items` once `cancelAfterRequests` have reached the fake (so the cancel
 * lands while requests are being sent, however long validating the items took) and times the stop.
 * A one-item run first loads the package.
 */
export async function soakCancel(itemCount: number, cancelAfterRequests: number): Promise<CancelReport> {
	const fake = new FakeTencent();
	const baseUrl = await fake.start();
	try {
		fake.server.latencyMs = 50;
		for (let i = 0; i < itemCount; i++) fake.addUsers(`user${i}`);
		const credentials = {
			tencentCloudChatApi: { region: 'custom', customBaseUrl: baseUrl, sdkAppId: String(fake.sdkAppId), secretKey: fake.secretKey, adminIdentifier: 'administrator' },
		};
		const parameters = { resource: 'message', operation: 'send', toAccount: '={{ $json.to }}', messageType: 'text', text: 'Cancelled' };
		await runNode('tencentCloudChat', parameters, credentials, { input: items(1, () => ({ to: 'user0' })) });
		fake.reset();
		fake.deliveries.clear();
		const started = Date.now();
		const result = await runNode('tencentCloudChat', parameters, credentials, {
			input: items(itemCount, (i) => ({ to: `user${i}` })),
			cancelWhen: () => fake.requests.length >= cancelAfterRequests,
		});
		const ended = Date.now();
		const sentAtCancel = fake.requests.filter((r) => r.at <= (result.cancelledAt ?? ended)).length;
		const sent = fake.requests.length;
		// Listen on for a second: a run that went on sending would reach the fake about 200 more times.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		return {
			items: itemCount,
			sent,
			firstRequestMs: sent > 0 ? fake.requests[0].at - started : -1,
			sentAtCancel,
			stopMs: result.cancelledAt === undefined ? -1 : ended - result.cancelledAt,
			lateRequests: fake.requests.length - sent,
			status: result.run.status,
			duplicates: [...fake.deliveries.values()].reduce((n, c) => n + c - 1, 0),
		};
	} finally {
		await fake.stop();
	}
}

export function summaryLine(reports: SoakReport[], cancel?: CancelReport): string {
	const faults: FaultCounts = {};
	for (const r of reports) for (const [kind, n] of Object.entries(r.faults)) faults[kind] = (faults[kind] ?? 0) + n;
	const sum = (pick: (r: SoakReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
	const kinds = Object.entries(faults)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([k, n]) => `${k}=${n}`)
		.join(' ');
	const cancelled = cancel
		? ` | cancel: stopped ${cancel.stopMs} ms after cancel, ${cancel.sent}/${cancel.items} sent (first after ${cancel.firstRequestMs} ms, ${cancel.sentAtCancel} at the cancel), ${cancel.lateRequests} late`
		: '';
	return (
		`soak: items=${sum((r) => r.items)} faults: ${kinds} (total ${Object.values(faults).reduce((a, b) => a + b, 0)})` +
		` | signatures=${sum((r) => r.signatures ?? 0)} tokens after expiry=${sum((r) => r.tokens ?? 0)} | recovered=${sum((r) => r.recovered)} unrecovered=${sum((r) => r.unrecovered)} reported=${sum((r) => r.reported)} (not retried)` +
		` | duplicates=${sum((r) => r.duplicates) + (cancel?.duplicates ?? 0)} (repeats dropped by the platform: ${sum((r) => r.deduplicated)})${cancelled}`
	);
}
