/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Counts of generated cases per node/operation and outcome. Each test file adds its counts to a JSON
// file in a folder the report reads after the run (jest runs test files in separate processes).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Outcome =
	| 'runs'
	| 'cases'
	| 'refused-before-sending'
	| 'sent-as-documented'
	| 'requests'
	| 'continue-on-fail-runs'
	| 'stop-on-fail-runs'
	| 'rejected'
	| 'accepted'
	| 'clear-message'
	| 'no-secret-leaked';

const ROOT = path.resolve(__dirname, '..', '..');

/** The folder of this checkout's tallies (the report clears it before a run). */
export function tallyDir(): string {
	const id = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
	return process.env.ADVERSARIAL_TALLY_DIR ?? path.join(os.tmpdir(), `ncc-adversarial-${id}`);
}

export class Tally {
	private readonly rows = new Map<string, Partial<Record<Outcome, number>>>();

	constructor(private readonly suite: string) {}

	add(row: string, outcome: Outcome, n = 1): void {
		const counts = this.rows.get(row) ?? {};
		counts[outcome] = (counts[outcome] ?? 0) + n;
		this.rows.set(row, counts);
	}

	/** Writes this file's counts (call in afterAll). */
	save(): void {
		const dir = tallyDir();
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, `${this.suite}.json`), JSON.stringify({ suite: this.suite, rows: Object.fromEntries(this.rows) }, null, 1));
	}
}
