/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// The short fault soak (npm run soak runs the long one). Slow answers take 2.5 s against a
// request timeout shortened from the nodes' 30 s to 2 s (see shortenRequestTimeout).
import { FakeTencent } from '../fakes/fakeTencent';
import { runNode } from '../helpers/engine';
import type { CancelReport, SoakReport } from './soak';
import { shortenRequestTimeout, soakCancel, soakEasemob, soakTencent, soakTencentBatch, soakThulium, soakThuliumSend, soakThuliumStart, summaryLine } from './soak';

const print = (...parts: unknown[]) => process.stdout.write(`${parts.map(String).join(' ')}\n`);

jest.setTimeout(60_000);

const reports: SoakReport[] = [];
let cancel: CancelReport | undefined;
let restore: () => void;

beforeAll(() => {
	restore = shortenRequestTimeout(2000);
});
afterAll(() => {
	restore();
	print(summaryLine(reports, cancel));
});

/** Faults after which a send's delivery is unknown. */
const unclearFaults = (report: SoakReport) =>
	['5xx', 'slow', 'reset', 'dropAfterDelivery', '5xxAfterDelivery'].reduce((n, kind) => n + (report.faults[kind] ?? 0), 0);

/**
 * Easemob sends: every item accounted for (delivered once, or reported as possibly delivered after
 * an unclear answer and never sent again), drops and 502s after delivery among the faults.
 */
function expectSendsAccountedFor(report: SoakReport) {
	expectNothingLost(report);
	for (const kind of ['dropAfterDelivery', '5xxAfterDelivery']) expect(report.faults[kind]).toBeGreaterThan(0);
	// Every item whose send got a 5xx, a late or a cut answer is reported, and only those.
	expect(report.reported).toBeGreaterThan(0);
	expect(report.reported).toBeLessThanOrEqual(unclearFaults(report));
}

/** One output per item, in order; no transient fault unrecovered, nothing reported wrongly or sent twice. */
function expectNothingLost(report: SoakReport) {
	expect(report.lost).toEqual([]);
	expect(report.outputs).toBe(report.items);
	expect(report.inOrder).toBe(true);
	expect(report.unrecovered).toBe(0);
	expect(report.wrong).toEqual([]);
	expect(report.reportedWrongly).toBe(0);
	expect(report.duplicates).toBe(0);
}

function expectSound(report: SoakReport, expectedReported: number) {
	expectNothingLost(report);
	expect(report.reported).toBe(expectedReported);
	expect(report.recovered).toBeGreaterThan(0);
}

it('Tencent Cloud Chat send: every transient fault recovered, every message delivered once', async () => {
	const report = await soakTencent({ items: 400, slowMs: 2500 });
	reports.push(report);
	expectSound(report, 8);
	for (const kind of ['5xx', 'after5xx', 'slow', 'reset', 'sigExpired']) expect(report.faults[kind]).toBeGreaterThan(0);
	// Timeouts, resets and 5xx answers hid sends that had arrived: their retries were recognised by
	// MsgSeq and MsgRandom.
	expect(report.deduplicated).toBeGreaterThan(0);
	// One signature before the expiry, one after. A 70001 answer that arrives just after the new
	// signature was made also drops it; made again within the same second it is the same string, so a
	// third one appears only when that falls across a second boundary.
	expect(report.signatures).toBeGreaterThanOrEqual(2);
	expect(report.signatures).toBeLessThanOrEqual(3);
	expect((report.faults.rateLimit60007 ?? 0) + (report.faults.rateLimit60018 ?? 0)).toBeGreaterThan(0);
});

it('Tencent Cloud Chat send to many: drops and 5xx after delivery retried, every recipient gets each message once', async () => {
	const report = await soakTencentBatch({ items: 120, recipients: 50, slowMs: 2500 });
	reports.push(report);
	expect(report.lost).toEqual([]);
	expect(report.wrong).toEqual([]);
	expect(report.outputs).toBe(report.items);
	expect(report.inOrder).toBe(true);
	expect(report.reportedWrongly).toBe(0);
	expect(report.duplicates).toBe(0);
	// Every item accounted for: delivered to all its recipients once, or reported as maybe delivered.
	expect(report.recovered + report.reported).toBeGreaterThan(0);
	expect((report.faults.after5xx ?? 0) + (report.faults.reset ?? 0) + (report.faults.slow ?? 0)).toBeGreaterThan(0);
	expect(report.deduplicated).toBeGreaterThan(0);
});

it('Thulium Chat send message: unclear answers reported and never repeated, no message stored twice', async () => {
	const report = await soakThuliumSend({ items: 300, slowMs: 2500 });
	reports.push(report);
	expect(report.lost).toEqual([]);
	expect(report.wrong).toEqual([]);
	expect(report.outputs).toBe(report.items);
	expect(report.inOrder).toBe(true);
	expect(report.unrecovered).toBe(0);
	expect(report.reportedWrongly).toBe(0);
	expect(report.duplicates).toBe(0);
	expect(report.reported).toBeGreaterThan(0);
	for (const kind of ['5xx', 'after5xx', 'rateLimit429']) expect(report.faults[kind]).toBeGreaterThan(0);
});

it('Thulium Chat delete content: every transient fault recovered, 404s reported once', async () => {
	const report = await soakThulium({ items: 300, slowMs: 2500 });
	reports.push(report);
	expectSound(report, 6);
	for (const kind of ['5xx', 'slow', 'reset', 'rateLimit429']) expect(report.faults[kind]).toBeGreaterThan(0);
});

it('Thulium Chat start: unclear failures reported and never repeated, no conversation started twice', async () => {
	const report = await soakThuliumStart({ items: 300, slowMs: 2500 });
	reports.push(report);
	expect(report.lost).toEqual([]);
	expect(report.outputs).toBe(report.items);
	expect(report.inOrder).toBe(true);
	expect(report.unrecovered).toBe(0);
	expect(report.wrong).toEqual([]);
	expect(report.reportedWrongly).toBe(0);
	expect(report.duplicates).toBe(0);
	expect(report.reported).toBeGreaterThan(0);
	expect(report.faults.rateLimit429).toBeGreaterThan(0);
});

it('Easemob IM send: 429 and expired tokens retried, unclear failures reported and never re-sent', async () => {
	const report = await soakEasemob('send', { items: 400, slowMs: 2500 });
	reports.push(report);
	expectSendsAccountedFor(report);
	for (const kind of ['5xx', 'slow', 'reset', 'rateLimit429', 'tokenExpired']) expect(report.faults[kind]).toBeGreaterThan(0);
	expect(report.recovered).toBeGreaterThan(0);
	// The whole run fetched one new token after the old ones expired.
	expect(report.tokens).toBe(1);
});

it('Easemob IM send to groups: paced by groups, drops and 5xx after delivery reported, nothing delivered twice', async () => {
	const report = await soakEasemob('sendToGroups', { items: 150, slowMs: 2500 });
	reports.push(report);
	expectSendsAccountedFor(report);
});

it('Easemob IM conversation delete: every transient fault recovered, 404s reported once', async () => {
	const report = await soakEasemob('delete', { items: 400, slowMs: 2500 });
	reports.push(report);
	expectSound(report, 8);
	for (const kind of ['5xx', 'slow', 'reset', 'rateLimit429', 'tokenExpired']) expect(report.faults[kind]).toBeGreaterThan(0);
	expect(report.tokens).toBe(1);
});

it('stops promptly when the execution is cancelled', async () => {
	// Cancelled once 50 sends reached the platform, wherever validating the items left the clock.
	cancel = await soakCancel(2000, 50);
	expect(cancel.status).toBe('canceled');
	expect(cancel.sentAtCancel).toBeGreaterThanOrEqual(50);
	expect(cancel.sent).toBeLessThan(2000);
	expect(cancel.stopMs).toBeGreaterThanOrEqual(0);
	expect(cancel.stopMs).toBeLessThan(500);
	// n8n ends a cancelled run at once, so a request that was already on its way may still arrive after
	// the end; at most the 20 in flight (Max Concurrent Requests). Sending on after the cancel would
	// add about 200 in the second the soak keeps listening.
	expect(cancel.lateRequests).toBeLessThanOrEqual(20);
	expect(cancel.duplicates).toBe(0);
});

it('re-signs after 70001 even when the item was already retried for another fault', async () => {
	const fake = new FakeTencent();
	const baseUrl = await fake.start();
	try {
		fake.addUsers('bob');
		fake.faults = [502, 70001];
		const { output } = await runNode(
			'tencentCloudChat',
			{ resource: 'message', operation: 'send', toAccount: 'bob', messageType: 'text', text: 'hi' },
			{ tencentCloudChatApi: { region: 'custom', customBaseUrl: baseUrl, sdkAppId: String(fake.sdkAppId), secretKey: fake.secretKey, adminIdentifier: 'administrator' } },
			{ onError: 'continueRegularOutput' },
		);
		expect(output[0][0].json.error).toBeUndefined();
		expect(fake.requests).toHaveLength(3);
		expect(fake.deliveries.size).toBe(1);
	} finally {
		await fake.stop();
	}
});
