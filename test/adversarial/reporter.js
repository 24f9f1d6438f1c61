// Jest reporter for `npm run test:adversarial`: after the run, prints how many generated cases ran
// per node/operation and how each ended, from the counts the adversarial test files wrote.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

function tallyDir() {
	const id = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
	return process.env.ADVERSARIAL_TALLY_DIR ?? path.join(os.tmpdir(), `ncc-adversarial-${id}`);
}

const SUITES = [
	{
		suite: 'operations',
		title: 'Generated parameters (property-based, through expressions, real engine, fakes)',
		columns: ['runs', 'cases', 'refused-before-sending', 'sent-as-documented', 'requests', 'stop-on-fail-runs', 'continue-on-fail-runs'],
	},
	{
		suite: 'secrets',
		title: 'Secrets in execution data (every error path, stop and continue on fail)',
		columns: ['cases', 'no-secret-leaked'],
	},
	{ suite: 'credentials', title: 'Credential values (credential test and run time)', columns: ['cases', 'rejected', 'clear-message', 'accepted'] },
	{ suite: 'triggers', title: 'Trigger callbacks (over HTTP)', columns: ['cases', 'rejected', 'accepted'] },
];

function table(header, rows) {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
	const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
	return [line(header), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

class AdversarialReporter {
	onRunStart() {
		fs.rmSync(tallyDir(), { recursive: true, force: true });
	}

	onRunComplete(_contexts, results) {
		const out = ['', 'Adversarial sweep: generated cases per node and outcome', ''];
		for (const { suite, title, columns } of SUITES) {
			const file = path.join(tallyDir(), `${suite}.json`);
			if (!fs.existsSync(file)) continue;
			const { rows } = JSON.parse(fs.readFileSync(file, 'utf8'));
			const names = Object.keys(rows).sort();
			const body = names.map((name) => [name, ...columns.map((c) => rows[name][c] ?? 0)]);
			body.push(['total', ...columns.map((c) => names.reduce((sum, n) => sum + (rows[n][c] ?? 0), 0))]);
			out.push(title, table(['node / operation', ...columns], body), '');
		}
		out.push(
			`Seed ${process.env.ADVERSARIAL_SEED ?? 20261123}, ${process.env.ADVERSARIAL_RUNS ?? 40} runs per operation; failed tests: ${results.numFailedTests}.`,
			'Reproduce or widen: ADVERSARIAL_SEED=<n> ADVERSARIAL_RUNS=<n> npm run test:adversarial',
			'',
		);
		process.stdout.write(`${out.join('\n')}\n`);
	}
}

module.exports = AdversarialReporter;
