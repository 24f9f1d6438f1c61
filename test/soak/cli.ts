/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// npm run soak [-- --items 5000] [--real-timeout]
// The long fault soak. By default slow answers take 3 s against the nodes' 30 s request timeout
// shortened to 2 s; with --real-timeout they take 31 s against the real 30 s.
import { NODE_TIMEOUT_MS, shortenRequestTimeout, soakCancel, soakEasemob, soakTencent, soakTencentBatch, soakThulium, soakThuliumSend, soakThuliumStart, summaryLine } from './soak';
import type { SoakReport } from './soak';

const print = (...parts: unknown[]) => process.stdout.write(`${parts.map(String).join(' ')}\n`);
const printError = (...parts: unknown[]) => process.stderr.write(`${parts.map((p) => (p instanceof Error ? (p.stack ?? p.message) : String(p))).join(' ')}\n`);

const args = process.argv.slice(2);
const at = args.indexOf('--items');
const count = at >= 0 ? Number(args[at + 1]) : 5000;
const realTimeout = args.includes('--real-timeout');

async function main(): Promise<void> {
	const restore = realTimeout ? () => undefined : shortenRequestTimeout(2000);
	const slowMs = realTimeout ? NODE_TIMEOUT_MS + 1000 : 3000;
	const reports: SoakReport[] = [];
	reports.push(await soakTencent({ items: count, slowMs }));
	// 50 recipients an item: past 12,000 recipients the documented per-minute limit is reached.
	reports.push(await soakTencentBatch({ items: Math.ceil(count / 16), recipients: 50, slowMs }));
	reports.push(await soakThulium({ items: Math.ceil(count / 2), slowMs }));
	reports.push(await soakThuliumStart({ items: Math.ceil(count / 5), slowMs }));
	reports.push(await soakThuliumSend({ items: Math.ceil(count / 5), slowMs }));
	reports.push(await soakEasemob('send', { items: Math.ceil(count / 2), slowMs }));
	reports.push(await soakEasemob('sendToGroups', { items: Math.ceil(count / 10), slowMs }));
	reports.push(await soakEasemob('delete', { items: Math.ceil(count / 2), slowMs }));
	const cancel = await soakCancel(count, 50);
	restore();
	const problems: string[] = [];
	for (const r of reports) {
		print(`${r.name}: ${r.items} items in ${(r.ms / 1000).toFixed(1)} s, faults ${JSON.stringify(r.faults)}`);
		if (r.outputs !== r.items || !r.inOrder) problems.push(`${r.name}: ${r.outputs} outputs for ${r.items} items, in order: ${r.inOrder}`);
		if (r.unrecovered > 0) problems.push(`${r.name}: ${r.unrecovered} transient faults not recovered: ${r.lost.slice(0, 5).join('; ')}`);
		if (r.reportedWrongly > 0) problems.push(`${r.name}: ${r.reportedWrongly} non-transient faults retried or not reported`);
		if (r.duplicates > 0) problems.push(`${r.name}: ${r.duplicates} messages delivered twice`);
		if (r.tokens !== undefined && r.tokens !== 1) problems.push(`${r.name}: ${r.tokens} token requests after the tokens expired (expected 1)`);
	}
	if (cancel.status !== 'canceled' || cancel.stopMs < 0 || cancel.stopMs > 1000 || cancel.lateRequests > 20) problems.push(`cancel: ${JSON.stringify(cancel)}`);
	print(summaryLine(reports, cancel));
	for (const p of problems) printError(`FAILED: ${p}`);
	process.exit(problems.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
	printError(error);
	process.exit(1);
});
