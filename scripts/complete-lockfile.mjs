#!/usr/bin/env node
// Adds lockfile entries for optional, platform-specific packages that `npm install` could not
// resolve because the registry in use lacks those builds (e.g. @unrs/resolver-binding-android-*).
// Without them `npm ci` refuses the lockfile as "out of sync". The added entries carry the os/cpu/libc
// constraints of the package, so npm never installs them on a non-matching machine.
// Run after `npm install` whenever the lockfile changes: node scripts/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [location, entry] of Object.entries(packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const base = location === '' ? 'node_modules' : `${location}/node_modules`;
		// npm resolves a dependency in the nearest node_modules up the tree; hoisted is the usual case.
		const candidates = [`${base}/${name}`, `node_modules/${name}`];
		if (candidates.some((c) => packages[c])) continue;
		let meta;
		try {
			meta = JSON.parse(execFileSync('npm', ['view', `${name}@${version}`, 'os', 'cpu', 'libc', 'license', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) || '{}');
		} catch {
			meta = JSON.parse(execFileSync('npm', ['view', name, 'os', 'cpu', 'libc', 'license', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) || '{}');
		}
		if (Array.isArray(meta)) meta = meta[meta.length - 1] ?? {};
		packages[`node_modules/${name}`] = {
			version: String(version).replace(/^[^\d]*/, ''),
			...(meta.cpu ? { cpu: [].concat(meta.cpu) } : {}),
			dev: entry.dev ?? undefined,
			...(meta.libc ? { libc: [].concat(meta.libc) } : {}),
			...(meta.license ? { license: meta.license } : {}),
			optional: true,
			...(meta.os ? { os: [].concat(meta.os) } : {}),
		};
		added++;
		console.log(`added ${name}@${version} (${[].concat(meta.os ?? []).join(',')}/${[].concat(meta.cpu ?? []).join(',')})`);
	}
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} missing optional entr${added === 1 ? 'y' : 'ies'} added`);
