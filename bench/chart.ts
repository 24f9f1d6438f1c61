 
// Draws docs/benchmarks.svg: one group of bars per scenario and size (items/s of each row), with
// the platform's limit as a dashed line. Plain SVG text, no dependency.
import type { AppRun, Row, RowKind } from './types';

const COLORS: Record<RowKind, string> = {
	node: '#2b7a4b',
	helper: '#7a5aa8',
	undici: '#4a78b5',
	naive: '#b0892f',
	allAtOnce: '#b5443d',
};

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function chart(rows: Row[], labels: Record<RowKind, string>): string {
	const groups: Array<{ title: string; limit: number; rows: Row[] }> = [];
	for (const row of rows) {
		const title = `${row.scenario.title}, ${row.size.toLocaleString('en-US')} items`;
		let group = groups.find((g) => g.title === title);
		if (!group) {
			group = { title, limit: row.scenario.limitPerSecond, rows: [] };
			groups.push(group);
		}
		group.rows.push(row);
	}
	const rate = (row: Row) => row.result.ok / (row.result.elapsedMs / 1000);
	// The axis ends at 1.6 × the highest limit: a short all-at-once burst can show thousands per
	// second; its bar is cut (marked ») and its label keeps the value.
	const max = Math.max(...groups.map((g) => g.limit)) * 1.6;
	const left = 150;
	const width = 860;
	const plot = width - left - 190;
	const bar = 14;
	const x = (value: number) => left + (plot * value) / max;
	const parts: string[] = [];
	let y = 56;
	for (const group of groups) {
		parts.push(`<text x="10" y="${y}" font-weight="bold">${escape(group.title)}</text>`);
		y += 8;
		const top = y;
		for (const row of group.rows) {
			const value = Math.min(rate(row), max);
			const cut = rate(row) > max ? ' »' : '';
			const capped = row.result.capped ? ' ⏱' : '';
			const failed = row.result.failed + row.result.rateLimited;
			parts.push(`<text x="${left - 6}" y="${y + bar - 3}" text-anchor="end">${escape(labels[row.kind])}</text>`);
			parts.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(value) - left).toFixed(1)}" height="${bar}" fill="${COLORS[row.kind]}"/>`);
			const note = `${rate(row).toFixed(1)}/s${cut}${capped}${failed > 0 ? `, ${failed.toLocaleString('en-US')} failed` : ''}`;
			parts.push(`<text x="${(x(value) + 4).toFixed(1)}" y="${y + bar - 3}">${escape(note)}</text>`);
			y += bar + 4;
		}
		const lx = x(group.limit).toFixed(1);
		parts.push(`<line x1="${lx}" y1="${top - 4}" x2="${lx}" y2="${y}" stroke="#333" stroke-dasharray="4 3"/>`);
		parts.push(`<text x="${lx}" y="${y + 11}" text-anchor="middle" fill="#333">limit ${group.limit}/s</text>`);
		y += 34;
	}
	const height = y;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="22" font-size="14" font-weight="bold">Items per second against each platform's limit (dashed)</text>
<text x="10" y="38" fill="#555">Successful items per second; ⏱ = sampled for a limited time and extrapolated</text>
${parts.join('\n')}
</svg>
`;
}

/**
 * Draws docs/app-benchmark.svg: accepted items/s per mode and run of npm run bench:app, with the
 * limit as a dashed line and each run's over-limit answers as a share of its requests.
 */
export function appChart(runs: AppRun[], limit: number): string {
	const left = 260;
	const width = 860;
	const plot = width - left - 230;
	const bar = 16;
	const max = limit * 1.25;
	const x = (value: number) => left + (plot * Math.min(value, max)) / max;
	const parts: string[] = [];
	let y = 56;
	for (const mode of ['regular', 'queue'] as const) {
		const group = runs.filter((r) => r.mode === mode);
		if (group.length === 0) continue;
		parts.push(`<text x="10" y="${y}" font-weight="bold">${mode === 'regular' ? 'Regular mode: one n8n process' : 'Queue mode: main + 2 workers, Redis, PostgreSQL'}</text>`);
		y += 8;
		const top = y;
		for (const run of group) {
			const label = run.limited ? `limited${run.share !== 100 ? `, share ${run.share} %` : ', adapting'}` : 'limit lifted (ceiling)';
			const overLimit = run.requests > 0 ? (100 * run.overLimit) / run.requests : 0;
			parts.push(`<text x="${left - 6}" y="${y + bar - 4}" text-anchor="end">${escape(label)}</text>`);
			parts.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(run.perSecond) - left).toFixed(1)}" height="${bar}" fill="${run.limited ? '#2b7a4b' : '#9bb7a5'}"/>`);
			const note = `${run.perSecond.toFixed(1)}/s, ${overLimit.toFixed(2)} % over-limit, ${run.lost} lost`;
			parts.push(`<text x="${(x(run.perSecond) + 4).toFixed(1)}" y="${y + bar - 4}">${escape(note)}</text>`);
			y += bar + 5;
		}
		const lx = x(limit).toFixed(1);
		parts.push(`<line x1="${lx}" y1="${top - 4}" x2="${lx}" y2="${y}" stroke="#333" stroke-dasharray="4 3"/>`);
		parts.push(`<text x="${lx}" y="${y + 11}" text-anchor="middle" fill="#333">limit ${limit}/s</text>`);
		y += 34;
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="22" font-size="14" font-weight="bold">Accepted items per second in the real n8n app (Tencent fake, limit dashed)</text>
<text x="10" y="38" fill="#555">10 webhook executions × 200 message sends at once; over-limit answers as a share of requests</text>
${parts.join('\n')}
</svg>
`;
}
