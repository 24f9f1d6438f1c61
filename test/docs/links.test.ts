/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Every relative link and anchor in the project's Markdown resolves: the file or folder exists, and
// an anchor names a heading of its page (as GitHub turns headings into anchors). Links to the web are
// not followed (tests stay on this machine).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const PAGES = ['README.md', 'CHANGELOG.md', 'SECURITY.md', 'examples/README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The text outside fenced code blocks and inline code, where links are links. */
function prose(markdown: string): string {
	return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const match of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
		const text = match[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '');
		const base = text
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count === 0 ? base : `${base}-${count}`);
	}
	for (const match of markdown.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(match[1]);
	return anchors;
}

function links(markdown: string): string[] {
	const text = prose(markdown);
	const found: string[] = [];
	for (const match of text.matchAll(/!?\[(?:[^\]]|\][^(])*?\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) found.push(match[1]);
	for (const match of text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)) found.push(match[1]);
	for (const match of text.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)) found.push(match[1]);
	return found;
}

const cases = PAGES.flatMap((page) =>
	links(readFileSync(path.join(ROOT, page), 'utf8'))
		.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target))
		.map((target) => [page, target] as const),
);

describe('links in the Markdown pages', () => {
	it('finds the pages and their relative links', () => {
		for (const page of PAGES) expect(existsSync(path.join(ROOT, page))).toBe(true);
		expect(cases.length).toBeGreaterThan(20);
	});

	it.each(cases)('%s → %s resolves', (page, target) => {
		const [file, anchor] = target.split('#', 2) as [string, string | undefined];
		const resolved = file === '' ? path.join(ROOT, page) : path.resolve(path.dirname(path.join(ROOT, page)), decodeURIComponent(file));
		expect(path.relative(ROOT, resolved).startsWith('..')).toBe(false);
		if (!existsSync(resolved)) throw new Error(`${page} links to ${target}, but ${path.relative(ROOT, resolved)} does not exist`);
		if (anchor === undefined) return;
		if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) throw new Error(`${page} links to ${target}: an anchor into a non-Markdown file`);
		const anchors = headingAnchors(readFileSync(resolved, 'utf8'));
		if (!anchors.has(decodeURIComponent(anchor))) {
			throw new Error(`${page} links to ${target}, but ${path.relative(ROOT, resolved)} has no heading with that anchor; it has: ${[...anchors].join(', ')}`);
		}
	});
});

describe('headingAnchors', () => {
	it('makes anchors as GitHub does', () => {
		expect([...headingAnchors('# Credential: Thulium API\n## Website form → Thulium chat\n## Notes\n## Notes\n```\n# not a heading\n```\n')]).toEqual([
			'credential-thulium-api',
			'website-form--thulium-chat',
			'notes',
			'notes-1',
		]);
	});
});
