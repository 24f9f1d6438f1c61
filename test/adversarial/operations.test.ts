/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// Property-based sweep over every operation in the table: generated values reach the node through
// expressions on real input items, the node runs in n8n's engine against the fakes, and each run
// must end in one of two ways per item — refused with a message naming the parameter and the item,
// with nothing sent, or sent exactly as the API documents it. Under Continue On Fail every input
// item gets its output. Seeded: ADVERSARIAL_SEED and ADVERSARIAL_RUNS reproduce or widen a run.
import fc from 'fast-check';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { Reader } from './model';
import type { Wire } from './platforms';
import { TencentPlatform, createPlatforms } from './platforms';
import type { OperationEntry } from './table';
import { ANY_UINT32, NOW, OPERATIONS } from './table';
import { Tally } from './tally';

const SEED = Number(process.env.ADVERSARIAL_SEED ?? 20261123);
const RUNS = Number(process.env.ADVERSARIAL_RUNS ?? 40);
/** Operations whose output is a list (zero or more items per input item), by operation or by title. */
const LIST_OUTPUT = new Set(['getMany', 'getHistory', 'check', 'getAll', 'create', 'getSummary', 'search', 'getProfile', 'getOnlineStatus', 'getGroupHistory', 'getMembers', 'easemobIm / group / get', 'tencentCloudChat / group / get']);

const platforms = createPlatforms();
const tally = new Tally('operations');

beforeAll(async () => {
	for (const platform of Object.values(platforms)) {
		await platform.start();
		platform.permissive();
	}
	const tencent = platforms.tencent as TencentPlatform;
	tencent.fake.conversationPageSize = 1000;
	tencent.fake.historyPageSize = 1000;
});
afterAll(async () => {
	for (const platform of Object.values(platforms)) await platform.stop();
	tally.save();
});

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((k) => [k, sortKeys((value as IDataObject)[k])]),
		);
	}
	return value;
}

/** Replaces values the node picks itself (random IDs, "now") by placeholders, on both sides alike. */
function canonical(wire: Wire, fromSecond: number, toSecond: number): string {
	let body = wire.body;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const copy: IDataObject = { ...(body as IDataObject) };
		for (const key of ['MsgRandom', 'Random', 'MsgSeq']) {
			const v = copy[key];
			if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) copy[key] = ANY_UINT32;
		}
		if (typeof copy.MaxTime === 'number' && copy.MaxTime >= fromSecond - 1 && copy.MaxTime <= toSecond + 1) copy.MaxTime = NOW;
		body = copy;
	}
	return JSON.stringify(sortKeys({ ...wire, body }));
}

/** The message starts with one of the labels the model refused (it names the parameter). */
function namesOneOf(message: string, labels: string[]): true | { message: string; labels: string[] } {
	return labels.some((label) => message.startsWith(label)) || { message, labels };
}

type Mode = 'stop' | 'continueRegularOutput' | 'continueErrorOutput';

function runArbitrary(entry: OperationEntry) {
	return fc.record({
		items: fc.array(fc.record(entry.values), { minLength: 1, maxLength: 4 }),
		present: fc.subarray(entry.optional ?? []),
		flags: entry.flags ?? fc.constant({}),
		mode: fc.constantFrom<Mode>('stop', 'continueRegularOutput', 'continueErrorOutput'),
	});
}

async function checkRun(entry: OperationEntry, run: ReturnType<typeof runArbitrary> extends fc.Arbitrary<infer T> ? T : never): Promise<void> {
	const platform = platforms[entry.platform];
	platform.reset();
	const settings = { present: run.present, flags: run.flags };
	const values = run.items.map((item) => {
		const v: IDataObject = { ...(item as IDataObject) };
		for (const key of entry.optional ?? []) if (!run.present.includes(key)) delete v[key];
		return v;
	});
	const expectations = values.map((v) => {
		const reader = new Reader();
		const wires = entry.expect(v, reader, settings);
		return { wires: reader.ok ? wires : undefined, refused: reader.refused };
	});

	const fromSecond = Math.floor(Date.now() / 1000);
	const result = await runNode(entry.node, entry.parameters(settings), platform.credentials(), {
		onError: run.mode === 'stop' ? undefined : run.mode,
		input: values.map((json) => ({ json })),
	});
	const toSecond = Math.floor(Date.now() / 1000);
	const all = platform.requests();
	const sent = all.filter((req) => !platform.auxiliary?.(req));

	const row = entry.title;
	tally.add(row, 'runs');
	tally.add(row, run.mode === 'stop' ? 'stop-on-fail-runs' : 'continue-on-fail-runs');
	tally.add(row, 'cases', values.length);
	tally.add(row, 'requests', sent.length);

	for (const req of all) expect({ request: `${req.method} ${req.rawPath}`, problems: platform.checkTransport(req) }).toEqual({ request: `${req.method} ${req.rawPath}`, problems: [] });

	const firstRefused = expectations.findIndex((e) => e.wires === undefined);
	if (run.mode === 'stop' && firstRefused >= 0) {
		// Validation of every item happens before anything is sent.
		expect(sent.map((r) => `${r.method} ${r.rawPath}`)).toEqual([]);
		expect(result.error).toBeDefined();
		const message = String(result.error?.message);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(message).toContain(`[item ${firstRefused}]`);
		expect(namesOneOf(message, expectations[firstRefused].refused)).toBe(true);
		tally.add(row, 'refused-before-sending', values.length);
		return;
	}

	const expected = expectations.flatMap((e) => e.wires ?? []).map((w) => canonical(w, fromSecond, toSecond));
	const actual = sent.map((req) => canonical(platform.wire(req), fromSecond, toSecond));
	expect(actual.sort()).toEqual(expected.sort());

	if (run.mode === 'stop') {
		expect(result.error?.message).toBeUndefined();
	}
	const outputs: INodeExecutionData[] = result.output.flat();
	const byItem = new Map<number, INodeExecutionData[]>();
	for (const out of outputs) {
		const paired = out.pairedItem as { item: number } | undefined;
		expect(typeof paired?.item).toBe('number');
		byItem.set(paired!.item, [...(byItem.get(paired!.item) ?? []), out]);
	}
	expectations.forEach((e, i) => {
		const mine = byItem.get(i) ?? [];
		if (e.wires === undefined) {
			expect(mine).toHaveLength(1);
			const text = String(mine[0].json.error);
			expect(text).toContain(`[item ${i}]`);
			expect(namesOneOf(text, e.refused)).toBe(true);
			if (run.mode === 'continueErrorOutput') expect(result.output[1]).toContain(mine[0]);
			tally.add(row, 'refused-before-sending');
		} else {
			for (const out of mine) expect(out.json.error).toBeUndefined();
			if (!LIST_OUTPUT.has(entry.operation) && !LIST_OUTPUT.has(entry.title)) expect(mine).toHaveLength(1);
			tally.add(row, 'sent-as-documented');
		}
	});
}

describe.each(OPERATIONS.map((entry, index) => ({ entry, index, title: entry.title })))('$title', ({ entry, index }) => {
	it(`refuses bad values before sending and sends good ones as documented (${RUNS} runs)`, async () => {
		await fc.assert(
			fc.asyncProperty(runArbitrary(entry), async (run) => await checkRun(entry, run)),
			{ numRuns: Math.min(RUNS, entry.runs ?? RUNS), seed: SEED + index, endOnFailure: true },
		);
	}, 180_000);
});
