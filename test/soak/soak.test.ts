/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The short fault soak (npm run soak runs the long one). Slow answers take 1.5 s against a
// request timeout shortened from the nodes' 30 s to 1 s (see shortenRequestTimeout).
import type { CancelReport, SoakReport } from './soak';
import { shortenRequestTimeout, soakCancel, soakTencent, soakThulium, summaryLine } from './soak';

jest.setTimeout(60_000);

const reports: SoakReport[] = [];
let cancel: CancelReport | undefined;
let restore: () => void;

beforeAll(() => {
	restore = shortenRequestTimeout(1000);
});
afterAll(() => {
	restore();
	console.log(summaryLine(reports, cancel));
});

function expectSound(report: SoakReport, expectedReported: number) {
	expect(report.lost).toEqual([]);
	expect(report.outputs).toBe(report.items);
	expect(report.inOrder).toBe(true);
	expect(report.unrecovered).toBe(0);
	expect(report.reportedWrongly).toBe(0);
	expect(report.reported).toBe(expectedReported);
	expect(report.duplicates).toBe(0);
	expect(report.recovered).toBeGreaterThan(0);
}

it('Tencent Cloud Chat send: every transient fault recovered, every message delivered once', async () => {
	const report = await soakTencent({ items: 400, slowMs: 1500 });
	reports.push(report);
	expectSound(report, 8);
	for (const kind of ['5xx', 'slow', 'reset', 'sigExpired']) expect(report.faults[kind]).toBeGreaterThan(0);
	expect((report.faults.rateLimit60007 ?? 0) + (report.faults.rateLimit60018 ?? 0)).toBeGreaterThan(0);
});

it('Thulium Chat delete content: every transient fault recovered, 404s reported once', async () => {
	const report = await soakThulium({ items: 300, slowMs: 1500 });
	reports.push(report);
	expectSound(report, 6);
	for (const kind of ['5xx', 'slow', 'reset', 'rateLimit429']) expect(report.faults[kind]).toBeGreaterThan(0);
});

it('stops promptly when the execution is cancelled', async () => {
	cancel = await soakCancel(3000, 700);
	expect(cancel.status).toBe('canceled');
	expect(cancel.sent).toBeLessThan(3000);
	expect(cancel.stopMs).toBeLessThan(500);
	expect(cancel.lateRequests).toBe(0);
	expect(cancel.duplicates).toBe(0);
});
