/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// `npm start` itself (scripts/start.sh), as a newcomer runs it, on a machine where the sandbox's
// default ports are already taken: it must come up on other ports and list them, serve the editor with
// the package's nodes and the examples, log what the fake platforms received (secrets masked), and
// stop everything it started on Ctrl-C. The default ports are held only to be taken; whatever else
// may listen there (e.g. another sandbox) serves that purpose just as well.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { FakeEasemob } from '../fakes/fakeEasemob';
import { FakeTencent } from '../fakes/fakeTencent';
import { FakeThulium } from '../fakes/fakeThulium';
import { PACKAGE_NAME } from './helpers/n8nApp';
import { PLATFORMS } from './sandbox/platforms';

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_PORTS = [5678, 5679, 5700, ...PLATFORMS.map((p) => p.port)];
const EXAMPLE_IDS = readdirSync(path.join(ROOT, 'examples'))
	.filter((f) => f.endsWith('.json'))
	.map((f) => (JSON.parse(readFileSync(path.join(ROOT, 'examples', f), 'utf8')) as { id: string }).id);

/** Holds a port on 127.0.0.1 if it is free; resolves either way (a taken port is what we want). */
async function hold(port: number): Promise<net.Server | undefined> {
	return await new Promise((resolve) => {
		const server = net.createServer((socket) => socket.destroy());
		server.once('error', () => resolve(undefined));
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

async function accepts(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

const held: net.Server[] = [];
let dir = '';
let child: ChildProcess;
let output = '';
let exited: Promise<number | null>;

async function waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		const match = pattern.exec(output);
		if (match) return match;
		if (child.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`npm start output never matched ${String(pattern)}:\n${output.slice(-6000)}`);
}

function url(label: string): string {
	const match = new RegExp(`^\\s+${label}:\\s+(http://127\\.0\\.0\\.1:\\d+)`, 'm').exec(output);
	if (!match) throw new Error(`npm start did not list "${label}":\n${output.slice(-4000)}`);
	return match[1];
}

beforeAll(async () => {
	for (const port of DEFAULT_PORTS) {
		const server = await hold(port);
		if (server) held.push(server);
	}
	dir = mkdtempSync(path.join(process.env.NCC_E2E_TMP ?? os.tmpdir(), 'ncc-start-'));
	const env: NodeJS.ProcessEnv = { ...process.env, NCC_SANDBOX_DIR: dir };
	delete env.NODE_ENV;
	for (const name of ['N8N_PORT', 'N8N_RUNNERS_BROKER_PORT', 'NCC_LOG_PORT', ...PLATFORMS.map((p) => p.portEnv)]) delete env[name];
	// As a user runs it: npm start, in a process group of its own (as a terminal's foreground job).
	child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	if (process.env.NCC_E2E_PIDS && child.pid) appendFileSync(process.env.NCC_E2E_PIDS, `${child.pid}\n`);
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
	await waitFor(/The sandbox is running/, 300_000);
}, 320_000);

afterAll(async () => {
	if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
	await Promise.all(held.map(async (s) => await new Promise((r) => s.close(r))));
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start with the default ports taken', () => {
	it('lists every URL, none on a taken default port', () => {
		const listed = ['n8n editor', 'request log', ...PLATFORMS.map((p) => p.label)].map((label) => Number(new URL(url(label)).port));
		expect(new Set(listed).size).toBe(listed.length);
		// Every default port was taken when npm start began (held here, or by whatever listened there).
		for (const port of listed) expect(DEFAULT_PORTS).not.toContain(port);
		expect(output).toMatch(/port 5678 \(the n8n editor\) is taken; using \d+ instead/);
	});

	it('serves the editor with the package installed, the sandbox credentials and every example', async () => {
		const editor = url('n8n editor');
		expect((await fetch(`${editor}/healthz`)).status).toBe(200);
		const login = await fetch(`${editor}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'ncc-e2e' },
			// The sandbox's throw-away login, as scripts/lib.sh sets it and npm start prints it.
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets
			body: JSON.stringify({ emailOrLdapLoginId: 'sandbox@example.com', password: 'Sandbox-passw0rd' }),
		});
		expect(login.status).toBe(200);
		const cookie = /n8n-auth=[^;]*/.exec(login.headers.get('set-cookie') ?? '')![0];
		const headers = { cookie, 'browser-id': 'ncc-e2e' };
		const workflows = (await (await fetch(`${editor}/rest/workflows`, { headers })).json()) as { data: Array<{ id: string }> };
		expect(workflows.data.map((w) => w.id).sort()).toEqual(expect.arrayContaining([...EXAMPLE_IDS].sort()));
		const credentials = (await (await fetch(`${editor}/rest/credentials`, { headers })).json()) as { data: Array<{ id: string }> };
		expect(credentials.data.map((c) => c.id)).toEqual(expect.arrayContaining(['sandboxThuliumApi', 'sandboxTencentApi', 'sandboxEasemobApi']));
		const installed = readdirSync(path.join(dir, 'n8n', '.n8n', 'nodes', 'node_modules'));
		expect(installed).toContain(PACKAGE_NAME);
	});

	it('logs what a workflow sent to a fake platform, live and on the log page, with secrets masked', async () => {
		const editor = url('n8n editor');
		const form = await fetch(`${editor}/webhook/website-form`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ firstName: 'Jan', lastName: 'Kowalski', email: 'jan.kowalski@example.org' }),
		});
		expect(form.status).toBe(200);
		const log = url('request log');
		const page = await fetch(log);
		expect(await page.text()).toContain('Sandbox request log');
		const entries = (await (await fetch(`${log}/exchanges.json`)).json()) as Array<{ platform: string; method: string; status: number; headers: Record<string, string>; checks: string[] }>;
		const thulium = entries.filter((e) => e.platform === 'Thulium' && e.method === 'POST');
		expect(thulium.length).toBeGreaterThanOrEqual(2);
		for (const entry of thulium) {
			expect(entry.headers.authorization).toBe('Basic ***');
			expect(entry.checks).toContain('Basic auth: user name and password match');
			expect(entry.status).toBeLessThan(300);
		}
		await waitFor(/Thulium: POST \/api\/\S+ -> 20\d/, 10_000);
		// The fakes' secrets (the same on every start) appear nowhere, nor the Basic auth value.
		const thuliumFake = new FakeThulium();
		const secrets = [thuliumFake.password, Buffer.from(`${thuliumFake.username}:${thuliumFake.password}`).toString('base64'), new FakeTencent().secretKey, new FakeEasemob().clientSecret];
		const shown = output + JSON.stringify(entries);
		for (const secret of secrets) expect(shown).not.toContain(secret);
	});

	it('Ctrl-C (SIGINT to npm and everything in its process group) stops everything it started', async () => {
		const ports = ['n8n editor', 'request log', ...PLATFORMS.map((p) => p.label)].map((label) => Number(new URL(url(label)).port));
		const broker = Number(/task broker: 127\.0\.0\.1:(\d+)/.exec(output)![1]);
		process.kill(-child.pid!, 'SIGINT');
		await exited;
		expect(output).toContain('Stopping n8n and the fake platforms');
		expect(output).toContain('Sandbox stopped; nothing it started is left running');
		for (let i = 0; i < 40 && groupAlive(child.pid!); i++) await new Promise((r) => setTimeout(r, 250));
		expect(groupAlive(child.pid!)).toBe(false);
		for (const port of [...ports, broker]) expect(await accepts(port)).toBe(false);
		// No process runs from the sandbox's folder any more (the fake platforms' backend does).
		const running = readdirSync('/proc')
			.filter((entry) => /^\d+$/.test(entry))
			.map((pid) => {
				try {
					return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
				} catch {
					return '';
				}
			})
			.filter((command) => command.includes(dir));
		expect(running).toEqual([]);
	});
});
