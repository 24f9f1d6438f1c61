/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions */
// Drives the real n8n app (provisioned by scripts/n8n-app.sh) through its CLI and its REST API, in a
// throw-away user folder. Every process it starts runs in its own process group and is killed by
// stop(), also when a test fails.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { IRun } from 'n8n-workflow';
import type { Dispatcher } from 'undici';
import { Agent, request } from 'undici';

export const PACKAGE_NAME = 'n8n-nodes-chat-conversations';

/** A free TCP port on 127.0.0.1 (released again right away). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set: run the end-to-end tests with "npm run test:e2e"`);
	return value;
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export class N8nApp {
	readonly root = mkdtempSync(path.join(process.env.NCC_E2E_TMP ?? os.tmpdir(), 'ncc-e2e-'));
	readonly userFolder = path.join(this.root, 'user');
	readonly bin = required('NCC_N8N_BIN');
	/** The app's version (NCC_N8N_VERSION, set by scripts/test-e2e.sh); its major picks the CLI commands. */
	readonly version = process.env.NCC_N8N_VERSION ?? '2';
	readonly major = Number(this.version.split('.')[0]);
	port = 0;
	private brokerPort = 0;
	private server?: ChildProcess;
	private serverExit?: Promise<void>;
	private readonly children = new Set<ChildProcess>();
	private cookie = '';
	private readonly agent = new Agent({ connections: 4 });
	private readonly killOnExit = () => this.killAll();

	/** `settings`: environment for every n8n process of this app (e.g. queue mode's database and Redis). */
	constructor(private readonly settings: Record<string, string> = {}) {
		process.once('exit', this.killOnExit);
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Installs the packed package where n8n loads community packages, so types keep their real names. */
	async installPackage(): Promise<void> {
		const tgz = required('NCC_PACKAGE_TGZ');
		const target = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		mkdirSync(target, { recursive: true });
		const result = await this.run('tar', ['xzf', tgz, '--strip-components=1', '-C', target], {});
		if (result.code !== 0) throw new Error(`unpacking ${tgz} failed: ${result.stderr}`);
		this.port = await freePort();
		this.brokerPort = await freePort();
	}

	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		// Jest sets NODE_ENV=test, which makes n8n silence its logger (and so --rawOutput): drop it.
		const inherited = { ...process.env };
		delete inherited.NODE_ENV;
		// The app runs on its own Node (n8n 1.x on Node 22), whatever Node runs jest.
		const nodeDir = process.env.NCC_N8N_NODE_DIR;
		if (nodeDir) inherited.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${inherited.PATH ?? ''}`;
		return {
			...inherited,
			N8N_USER_FOLDER: this.userFolder,
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_LOG_LEVEL: 'warn',
			...this.settings,
			...extra,
		};
	}

	/** Runs a command to its end, in its own process group. */
	async run(command: string, args: string[], env: NodeJS.ProcessEnv = this.env(), timeoutMs = 120_000): Promise<CliResult> {
		const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.track(child);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => this.kill(child), timeoutMs);
		const code = await new Promise<number | null>((resolve, reject) => {
			child.once('error', reject);
			child.once('close', (exitCode) => resolve(exitCode));
		}).finally(() => {
			clearTimeout(timer);
			this.kill(child);
			this.children.delete(child);
		});
		return { code, stdout, stderr };
	}

	/**
	 * Runs an n8n CLI command and fails with its output when it does not exit 0. Commands are written
	 * as n8n 2.x names them; on n8n 1.x `publish:workflow`/`unpublish:workflow --id=X` become
	 * `update:workflow --id=X --active=true|false`.
	 */
	async cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
		if (this.major < 2 && (args[0] === 'publish:workflow' || args[0] === 'unpublish:workflow')) {
			args = ['update:workflow', ...args.slice(1), `--active=${String(args[0] === 'publish:workflow')}`];
		}
		const result = await this.run(this.bin, args, this.env(extraEnv));
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited with ${String(result.code)}\n${result.stdout}\n${result.stderr}`);
		}
		return result;
	}

	/** Imports credentials (plain data; n8n encrypts them) through a file that is deleted right after. */
	async importCredentials(credentials: unknown[]): Promise<void> {
		const file = path.join(this.root, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		try {
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	async importWorkflow(file: string): Promise<void> {
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/**
	 * `n8n execute --id --rawOutput`: the run is printed through n8n's logger at level info, after other
	 * info lines, as pretty-printed JSON starting with a line "{".
	 */
	async execute(workflowId: string): Promise<IRun> {
		const result = await this.run(this.bin, ['execute', `--id=${workflowId}`, '--rawOutput'], this.env({ N8N_LOG_LEVEL: 'info' }));
		const start = result.stdout.search(/^\{$/m);
		const end = result.stdout.search(/^\}$/m);
		if (start < 0 || end < start) {
			throw new Error(`n8n execute --id=${workflowId} printed no run (exit ${String(result.code)})\n${result.stdout}\n${result.stderr}`);
		}
		return JSON.parse(result.stdout.slice(start, end + 1)) as IRun;
	}

	/** Starts `n8n start` and waits until the editor is served. */
	async start(timeoutMs = 120_000): Promise<void> {
		const log = path.join(this.root, 'n8n-start.log');
		const out = createWriteStream(log);
		const child = spawn(this.bin, ['start'], { env: this.env({ N8N_LOG_LEVEL: 'info' }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.server = child;
		this.track(child);
		this.serverExit = new Promise((resolve) => child.once('close', () => resolve()));
		child.stdout!.pipe(out);
		child.stderr!.pipe(out);
		let seen = '';
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`n8n start not ready after ${timeoutMs} ms\n${seen.slice(-4000)}`)), timeoutMs);
			const onData = (chunk: Buffer) => {
				seen += chunk.toString();
				if (seen.includes('Editor is now accessible via')) {
					clearTimeout(timer);
					resolve();
				}
			};
			child.stdout!.on('data', onData);
			child.stderr!.on('data', onData);
			child.once('close', (code) => {
				clearTimeout(timer);
				reject(new Error(`n8n start exited early (${String(code)})\n${seen.slice(-4000)}`));
			});
		});
	}

	startLog(): string {
		try {
			return readFileSync(path.join(this.root, 'n8n-start.log'), 'utf8').slice(-4000);
		} catch {
			return '';
		}
	}

	/** Creates the owner account (first start) and keeps its session cookie for rest(). */
	async setupOwner(owner: { email: string; password: string }): Promise<void> {
		const response = await this.rest('POST', '/rest/owner/setup', { ...owner, firstName: 'Sandbox', lastName: 'Owner' });
		if (response.status !== 200) throw new Error(`owner setup failed: ${response.status} ${JSON.stringify(response.body)}`);
	}

	/** An HTTP request to n8n (through this app's connection pool, closed by stop()). */
	async http(
		urlPath: string,
		options: { method?: Dispatcher.HttpMethod; headers?: Record<string, string>; body?: string } = {},
	): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string; body: unknown }> {
		const response = await request(`${this.baseUrl}${urlPath}`, { ...options, dispatcher: this.agent });
		const text = await response.body.text();
		let body: unknown = text;
		try {
			body = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: response.statusCode, headers: response.headers, text, body };
	}

	/** A call to n8n's REST API as the logged-in owner. */
	async rest(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', urlPath: string, body?: unknown): Promise<{ status: number; body: unknown }> {
		const response = await this.http(urlPath, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'ncc-e2e-browser',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers['set-cookie'];
		for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
			const match = /^n8n-auth=([^;]*)/.exec(line);
			if (match) this.cookie = `n8n-auth=${match[1]}`;
		}
		return { status: response.status, body: response.body };
	}

	/** Publishes (activates) a workflow in the running app, as the editor's Publish button does. */
	async publish(workflowId: string): Promise<void> {
		const workflow = await this.rest('GET', `/rest/workflows/${workflowId}`);
		const versionId = (workflow.body as { data?: { versionId?: string } }).data?.versionId;
		if (workflow.status !== 200 || !versionId) throw new Error(`workflow ${workflowId} not found: ${workflow.status}`);
		const result = await this.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
		if (result.status !== 200) throw new Error(`publishing ${workflowId} failed: ${result.status} ${JSON.stringify(result.body)}`);
	}

	async unpublish(workflowId: string): Promise<void> {
		const result = await this.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		if (result.status !== 200) throw new Error(`unpublishing ${workflowId} failed: ${result.status} ${JSON.stringify(result.body)}`);
	}

	/** The workflow's saved executions, newest first. */
	async executions(workflowId: string): Promise<Array<{ id: string; status: string; mode: string }>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = await this.rest('GET', `/rest/executions?filter=${filter}&limit=100`);
		if (list.status !== 200) throw new Error(`listing executions failed: ${list.status} ${JSON.stringify(list.body)}`);
		return (list.body as { data: { results: Array<{ id: string; status: string; mode: string }> } }).data.results;
	}

	/** Waits until `done` holds for the workflow's executions and none is still running. */
	async waitForExecutions(
		workflowId: string,
		done: (executions: Array<{ id: string; status: string; mode: string }>) => boolean,
		timeoutMs = 30_000,
	): Promise<Array<{ id: string; status: string; mode: string }>> {
		const end = Date.now() + timeoutMs;
		let executions = await this.executions(workflowId);
		while (Date.now() < end) {
			const settled = executions.every((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (settled && done(executions)) return executions;
			await new Promise((r) => setTimeout(r, 250));
			executions = await this.executions(workflowId);
		}
		return executions;
	}

	/** Stops every process this app started and removes its folder. */
	async stop(): Promise<void> {
		if (this.server) {
			this.kill(this.server, 'SIGTERM');
			let timer: NodeJS.Timeout | undefined;
			const exited = await Promise.race([
				this.serverExit!.then(() => true),
				new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 15_000))),
			]);
			clearTimeout(timer);
			if (!exited) this.kill(this.server, 'SIGKILL');
			this.server = undefined;
		}
		this.killAll();
		await this.agent.close();
		process.removeListener('exit', this.killOnExit);
		rmSync(this.root, { recursive: true, force: true });
	}

	/** Remembers a process group; scripts/test-e2e.sh also ends the groups listed in NCC_E2E_PIDS. */
	private track(child: ChildProcess): void {
		this.children.add(child);
		const list = process.env.NCC_E2E_PIDS;
		if (list && child.pid !== undefined) appendFileSync(list, `${child.pid}\n`);
	}

	private kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
		if (child.pid === undefined) return;
		try {
			process.kill(-child.pid, signal);
		} catch {
			// the group is gone already
		}
	}

	private killAll(): void {
		for (const child of this.children) this.kill(child);
		this.children.clear();
	}
}
