#!/usr/bin/env node
// npm run check:pack: what `npm pack` (and so `npm publish`) would ship, checked against what n8n
// needs and nothing more. Run after `npm run build`. Exits 1 with the reasons when the tarball would
// miss a node, credential or icon n8n loads, or carry anything else (sources, tests, scripts, maps
// of files that are not shipped, stray files).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const [report] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
);
const files = new Set(report.files.map((f) => f.path));
const problems = [];

// Top-level files npm always adds, plus the package's entry point.
const TOP_LEVEL = new Set(['package.json', 'README.md', 'LICENSE', pkg.main]);
// The build output: compiled code with its types and source maps, codex JSON, icons, schemas.
const BUILT = /^dist\/(package\.json|(credentials|nodes|icons)\/[\w./-]+\.(js|d\.ts|js\.map|json|svg|png))$/;
for (const file of files) {
	if (TOP_LEVEL.has(file) || BUILT.test(file)) continue;
	problems.push(`ships ${file}, which is not part of the built package`);
}
// A source map must belong to a shipped file; a map never carries the TypeScript sources.
for (const file of files) {
	if (file.endsWith('.js.map') && !files.has(file.slice(0, -'.map'.length))) problems.push(`ships ${file} without its .js`);
	if (file.endsWith('.js.map')) {
		const map = JSON.parse(readFileSync(path.join(root, file), 'utf8'));
		if (map.sourcesContent) problems.push(`${file} embeds the TypeScript sources`);
	}
}

// Everything n8n loads: the listed nodes and credentials, each node's codex, and their icons.
const listed = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
if (listed.length === 0) problems.push('package.json lists no nodes or credentials under "n8n"');
for (const file of listed) {
	if (!files.has(file)) {
		problems.push(`does not ship ${file} (listed in package.json "n8n")`);
		continue;
	}
	const code = readFileSync(path.join(root, file), 'utf8');
	for (const [, icon] of code.matchAll(/['"]file:([^'"]+\.(?:svg|png))['"]/g)) {
		const iconPath = path.posix.normalize(path.posix.join(path.posix.dirname(file), icon));
		if (!files.has(iconPath)) problems.push(`does not ship ${iconPath}, the icon of ${file}`);
	}
	if (file.endsWith('.node.js') && !files.has(file.replace(/\.js$/, '.json'))) problems.push(`does not ship the codex of ${file}`);
}
for (const required of ['package.json', 'README.md', 'LICENSE']) {
	if (!files.has(required)) problems.push(`does not ship ${required}`);
}

if (problems.length > 0) {
	console.error(`!! npm pack would ship the wrong files:\n${problems.map((p) => `   - ${p}`).join('\n')}`);
	process.exit(1);
}
console.log(`==> npm pack ships ${files.size} files (${(report.size / 1024).toFixed(0)} kB packed): only what n8n loads, README, LICENSE and package.json`);
