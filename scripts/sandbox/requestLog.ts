/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console */
// The sandbox's request log: every request the fake platforms received and what they answered, with
// secrets masked (see Exchange in test/fakes/fakeServer.ts). Printed live to stdout (npm start shows
// it in the terminal) and served as a small page that refreshes itself.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Exchange } from '../../test/fakes/fakeServer';

export interface LoggedExchange extends Exchange {
	seq: number;
	platform: string;
}

/** Entries kept for the page; older ones drop off (the terminal keeps them all). */
const KEEP = 1000;
const PREVIEW = 240;

function preview(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > PREVIEW ? `${text.slice(0, PREVIEW)}… (${text.length} chars)` : text;
}

/** The terminal form: one headline, then what was sent, checked and answered. */
export function formatExchange(entry: LoggedExchange): string {
	const time = new Date(entry.at).toISOString().slice(11, 23);
	const query = Object.entries(entry.query)
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	const outcome = entry.status === undefined ? 'no answer' : String(entry.status);
	const lines = [`--- #${entry.seq} ${time} ${entry.platform}: ${entry.method} ${entry.path}${query ? `?${query}` : ''} -> ${outcome} (${entry.durationMs} ms)`];
	const auth = entry.headers.authorization;
	if (auth) lines.push(`    authorization: ${auth}`);
	if (entry.body !== '') lines.push(`    sent:     ${preview(entry.body)}`);
	for (const check of entry.checks) lines.push(`    checked:  ${check}`);
	if (entry.answer !== undefined && entry.answer !== '') lines.push(`    answered: ${preview(entry.answer)}`);
	if (entry.delivery) lines.push(`    note:     ${entry.delivery}`);
	return lines.join('\n');
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sandbox request log</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.2rem; } .muted { color: #666; }
details { border: 1px solid #ddd; border-radius: 6px; margin: .4rem 0; padding: .3rem .6rem; }
summary { cursor: pointer; font-family: ui-monospace, monospace; }
.ok { color: #13795b; } .bad { color: #b42318; }
pre { background: #f6f6f6; padding: .5rem; overflow-x: auto; margin: .3rem 0; }
.tag { display: inline-block; min-width: 9.5rem; font-weight: 600; }
</style></head><body>
<h1>Sandbox request log</h1>
<p class="muted">What the fake platforms received from n8n and what they answered, newest first. Secrets
(passwords, tokens, UserSigs, signatures) are masked. The page refreshes itself.</p>
<div id="log"><p class="muted">No request yet: run an example workflow in the n8n editor.</p></div>
<script>
const log = document.getElementById('log');
let after = 0;
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const block = (title, value) => value === undefined || value === '' ? '' :
  '<div><b>' + title + '</b><pre>' + esc(typeof value === 'string' ? value : JSON.stringify(value, null, 2)) + '</pre></div>';
async function poll() {
  try {
    const entries = await (await fetch('exchanges.json?after=' + after)).json();
    if (entries.length && after === 0) log.innerHTML = '';
    for (const e of entries) {
      after = Math.max(after, e.seq);
      const q = new URLSearchParams(e.query).toString();
      const ok = e.status !== undefined && e.status < 400;
      const el = document.createElement('details');
      el.innerHTML = '<summary><span class="tag">#' + e.seq + ' ' + esc(e.platform) + '</span> ' + esc(new Date(e.at).toLocaleTimeString()) + ' ' +
        esc(e.method) + ' ' + esc(e.path + (q ? '?' + q : '')) + ' &rarr; <span class="' + (ok ? 'ok' : 'bad') + '">' + esc(e.status ?? 'no answer') + '</span> (' + e.durationMs + ' ms)</summary>' +
        (e.checks.length ? '<div><b>Checked</b><ul>' + e.checks.map((c) => '<li>' + esc(c) + '</li>').join('') + '</ul></div>' : '') +
        block('Headers', e.headers) + block('Body sent', e.body) + block('Answer', e.answer) + block('Note', e.delivery);
      log.prepend(el);
    }
  } catch (error) { /* the sandbox stopped; keep what is shown */ }
  setTimeout(poll, 1000);
}
poll();
</script></body></html>
`;

export class RequestLog {
	readonly entries: LoggedExchange[] = [];
	private seq = 0;
	private server?: http.Server;
	private readonly sockets = new Set<Socket>();

	constructor(private readonly print: (text: string) => void = (text) => console.log(text)) {}

	/** The hook for FakeServer.onExchange of one platform. */
	recorder(platform: string): (exchange: Exchange) => void {
		return (exchange) => {
			const entry = { ...exchange, seq: ++this.seq, platform };
			this.entries.push(entry);
			if (this.entries.length > KEEP) this.entries.shift();
			this.print(formatExchange(entry));
		};
	}

	/** Serves the page on 127.0.0.1:<port> (0 = any free port); resolves to its address. */
	async listen(port: number): Promise<string> {
		const server = http.createServer((req, res) => {
			const url = new URL(req.url ?? '/', 'http://log');
			if (url.pathname === '/exchanges.json') {
				const after = Number(url.searchParams.get('after') ?? 0);
				res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
				return void res.end(JSON.stringify(this.entries.filter((e) => e.seq > after)));
			}
			if (url.pathname === '/') {
				res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
				return void res.end(PAGE);
			}
			res.writeHead(404).end();
		});
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', resolve);
		});
		this.server = server;
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}
}
