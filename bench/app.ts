/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error */
// npm run bench:app (or npm run bench -- --app) [-- --executions 10] [--items 200] [--modes regular,queue] [--no-write]
//
// The package inside the real n8n app (provisioned by scripts/n8n-app.sh, run by scripts/bench-app.sh)
// against the fake Tencent Cloud Chat (200 calls/s per app, 20 ms added to every answer):
// - regular mode: one `n8n start`, `--executions` webhook executions of `--items` messages at once;
// - queue mode: Redis, PostgreSQL, `n8n start` (main) and two `n8n worker`, all on 127.0.0.1, started
//   and stopped here; the same load.
// Each mode is measured with the fake's limit lifted (the ceiling this n8n reaches on this host),
// then limited; queue mode once more with "Share of the Rate Limit" at 50 %. Also Easemob's
// 5 conversation deletions a minute per user with two workers. Prints the figures and the targets,
// and writes them with a chart into docs/performance.md and docs/app-benchmark.svg.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { Agent, request } from 'undici';

import { N8nApp, freePort } from '../test/e2e/helpers/n8nApp';
import { FakeEasemob } from '../test/fakes/fakeEasemob';
import { WindowCounter } from '../test/fakes/fakeServer';
import { FakeTencent } from '../test/fakes/fakeTencent';
import { appChart } from './chart';
import { scenarioById } from './scenarios';
import type { AppRun, EasemobSpacing, RowRequest, RowResult } from './types';

const print = (...parts: unknown[]) => process.stdout.write(`${parts.map(String).join(' ')}\n`);
const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const at = args.indexOf(`--${name}`);
	return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const EXECUTIONS = Number(option('executions', '10'));
const ITEMS = Number(option('items', '200'));
const MODES = option('modes', 'regular,queue').split(',');
const WRITE = !args.includes('--no-write');
const LIMIT = 200;
const LATENCY_MS = 20;
const WORKERS = 2;
const TARGETS = {
	regular: { overLimit: 0.01, share: 0.85 },
	queue: { overLimit: 0.05, share: 0.75 },
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (n: number, digits = 1) => `${fmt(100 * n, digits)} %`;

const agent = new Agent({ connections: 64, headersTimeout: 600_000, bodyTimeout: 600_000 });

/** Every process this script starts runs in its own group; all are ended on exit, whatever happens. */
const started = new Set<ChildProcess>();
function endGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// gone already
	}
}
process.on('exit', () => {
	for (const child of started) endGroup(child);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

function launch(command: string, argv: string[], options: { env?: NodeJS.ProcessEnv; log: string; uid?: number; gid?: number }): ChildProcess {
	const out = fs.openSync(options.log, 'a');
	const child = spawn(command, argv, { env: options.env ?? process.env, detached: true, stdio: ['ignore', out, out], uid: options.uid, gid: options.gid });
	fs.closeSync(out);
	started.add(child);
	const list = process.env.NCC_E2E_PIDS;
	if (list && child.pid !== undefined) fs.appendFileSync(list, `${child.pid}\n`);
	return child;
}

async function stopProcess(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) {
		started.delete(child);
		return;
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	endGroup(child, 'SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
	clearTimeout(timer);
	endGroup(child);
	started.delete(child);
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, log?: string): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	const tail = log && fs.existsSync(log) ? `\n${fs.readFileSync(log, 'utf8').slice(-3000)}` : '';
	throw new Error(`${what} was not ready after ${timeoutMs / 1000} s${tail}`);
}

const canConnect = async (port: number) =>
	await new Promise<boolean>((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => socket.end(() => resolve(true)));
		socket.once('error', () => resolve(false));
	});

// ---------------------------------------------------------------------------------------------
// Redis and PostgreSQL from the system's packages

interface QueueServices {
	redisPort: number;
	pgPort: number;
	stop(): Promise<void>;
}

function findExecutable(name: string, dirs: string[]): string | undefined {
	for (const dir of dirs) {
		const candidate = path.join(dir, name);
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

function queuePrerequisites(): { redis: string; pgBin: string } | string {
	const pathDirs = (process.env.PATH ?? '').split(':');
	const redis = findExecutable('redis-server', [...pathDirs, '/usr/bin', '/usr/sbin']);
	const pgVersions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
	const pgBin = pgVersions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
	const missing = [!redis && 'redis-server', !pgBin && 'postgresql'].filter(Boolean);
	if (missing.length > 0) {
		return `Queue mode needs Redis and PostgreSQL from the system's packages; missing: ${missing.join(', ')}.\n  Install them with: sudo apt-get update && sudo apt-get install -y redis-server postgresql\n  (the bench starts its own instances on free ports of 127.0.0.1 and stops them; the system services need not run)`;
	}
	return { redis: redis!, pgBin: pgBin! };
}

async function startQueueServices(bins: { redis: string; pgBin: string }, logDir: string): Promise<QueueServices> {
	const redisPort = await freePort();
	const pgPort = await freePort();
	const redis = launch(bins.redis, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
		log: path.join(logDir, 'redis.log'),
	});
	// PostgreSQL refuses to run as root: as root, the cluster belongs to the system's postgres user.
	const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ncc-bench-pg-'));
	let ids: { uid?: number; gid?: number } = {};
	if (process.getuid?.() === 0) {
		const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
		ids = { uid: id('-u'), gid: id('-g') };
		fs.chownSync(dataRoot, ids.uid!, ids.gid!);
	}
	const data = path.join(dataRoot, 'data');
	execFileSync(path.join(bins.pgBin, 'initdb'), ['-D', data, '-U', 'n8n', '-A', 'trust', '--no-sync'], { stdio: 'ignore', ...ids, cwd: dataRoot });
	const pgLog = path.join(dataRoot, 'postgres.log');
	const pg = launch(
		path.join(bins.pgBin, 'postgres'),
		['-D', data, '-p', String(pgPort), '-h', '127.0.0.1', '-k', dataRoot, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
		{ log: pgLog, ...ids },
	);
	await waitFor('Redis', async () => await canConnect(redisPort), 30_000, path.join(logDir, 'redis.log'));
	await waitFor(
		'PostgreSQL',
		() => {
			try {
				execFileSync(path.join(bins.pgBin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', '-d', 'postgres'], { stdio: 'ignore' });
				return true;
			} catch {
				return false;
			}
		},
		60_000,
		pgLog,
	);
	return {
		redisPort,
		pgPort,
		stop: async () => {
			await stopProcess(pg);
			await stopProcess(redis);
			fs.rmSync(dataRoot, { recursive: true, force: true });
		},
	};
}

// ---------------------------------------------------------------------------------------------
// The workflows

const TENCENT_CREDENTIAL_ID = 'benchTencentApi';
const EASEMOB_CREDENTIAL_ID = 'benchEasemobApi';

function webhookWorkflow(id: string, webhookPath: string, action: Record<string, unknown>) {
	return {
		id,
		name: `Bench ${webhookPath}`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Action', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: `${id}-1`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'noData', options: {} },
			},
			{
				id: `${id}-2`,
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			{ id: `${id}-3`, name: 'Action', position: [440, 0], ...action },
		],
	};
}

const tencentSend = (share?: number) => ({
	type: 'n8n-nodes-chat-conversations.tencentCloudChat',
	typeVersion: 1,
	parameters: {
		resource: 'message',
		operation: 'send',
		toAccount: '={{ $json.user }}',
		messageType: 'text',
		text: 'Benchmark message',
		options: share === undefined ? {} : { rateLimitShare: share },
	},
	credentials: { tencentCloudChatApi: { id: TENCENT_CREDENTIAL_ID, name: 'Tencent (bench)' } },
});

const easemobDelete = (share?: number) => ({
	type: 'n8n-nodes-chat-conversations.easemobIm',
	typeVersion: 1,
	parameters: {
		resource: 'conversation',
		operation: 'delete',
		username: '={{ $json.user }}',
		conversationType: 'chat',
		conversationId: '={{ $json.peer }}',
		options: share === undefined ? {} : { rateLimitShare: share },
	},
	credentials: { easemobImApi: { id: EASEMOB_CREDENTIAL_ID, name: 'Easemob (bench)' } },
});

const WORKFLOWS = [
	{ id: 'benchTencentSend', path: 'bench-tencent', action: tencentSend() },
	{ id: 'benchTencentHalf', path: 'bench-tencent-half', action: tencentSend(50) },
	{ id: 'benchEasemobDelete', path: 'bench-easemob', action: easemobDelete() },
	{ id: 'benchEasemobHalf', path: 'bench-easemob-half', action: easemobDelete(50) },
];

// ---------------------------------------------------------------------------------------------
// One n8n deployment (regular or queue mode) with the package installed

interface Deployment {
	app: N8nApp;
	workers: ChildProcess[];
	/** Each worker's log (queue mode): it names every execution the worker starts. */
	workerLogs: string[];
	stop(): Promise<void>;
}

async function deploy(mode: 'regular' | 'queue', fakes: { tencent: FakeTencent; easemob: FakeEasemob }, services?: QueueServices): Promise<Deployment> {
	const settings: Record<string, string> = {
		N8N_ENCRYPTION_KEY: 'bench-encryption-key-not-a-secret',
		EXECUTIONS_TIMEOUT: '-1',
		N8N_PAYLOAD_SIZE_MAX: '64',
	};
	if (mode === 'queue' && services) {
		Object.assign(settings, {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(services.redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(services.pgPort),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			QUEUE_HEALTH_CHECK_ACTIVE: 'false',
		});
	}
	const app = new N8nApp(settings);
	await app.installPackage();
	await app.importCredentials([
		{
			id: TENCENT_CREDENTIAL_ID,
			name: 'Tencent (bench)',
			type: 'tencentCloudChatApi',
			data: { region: 'custom', customBaseUrl: fakes.tencent.server.baseUrl, sdkAppId: String(fakes.tencent.sdkAppId), secretKey: fakes.tencent.secretKey, adminIdentifier: fakes.tencent.admin },
		},
		{
			id: EASEMOB_CREDENTIAL_ID,
			name: 'Easemob (bench)',
			type: 'easemobImApi',
			data: { baseUrl: fakes.easemob.server.baseUrl, orgName: fakes.easemob.orgName, appName: 'fake-app', clientId: fakes.easemob.clientId, clientSecret: fakes.easemob.clientSecret, accessToken: '' },
		},
	]);
	for (const workflow of WORKFLOWS) {
		const file = path.join(app.root, `${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(webhookWorkflow(workflow.id, workflow.path, workflow.action)));
		await app.importWorkflow(file);
		await app.cli(['publish:workflow', `--id=${workflow.id}`]);
	}
	const workers: ChildProcess[] = [];
	try {
		await app.start(180_000);
		// Queue mode: the workers run the executions, also the ones that check the webhooks below.
		if (mode === 'queue') {
			for (let w = 0; w < WORKERS; w++) {
				const log = path.join(app.root, `worker-${w}.log`);
				const env = app.env({
					N8N_LOG_LEVEL: 'info',
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
				});
				workers.push(launch(app.bin, ['worker', '--concurrency=10'], { env, log }));
				await waitFor(`n8n worker ${w + 1}`, () => fs.readFileSync(log, 'utf8').includes('n8n worker is now ready'), 180_000, log);
			}
		}
		// n8n activates published workflows after the editor is up: wait until the webhooks answer.
		for (const workflow of WORKFLOWS) {
			await waitFor(
				`the webhook of ${workflow.id}`,
				async () => {
					// No items: the workflow runs without calling the platform.
					const answer = await request(`${app.baseUrl}/webhook/${workflow.path}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ items: [] }),
						dispatcher: agent,
					});
					await answer.body.text();
					return answer.statusCode !== 404;
				},
				180_000,
			);
		}
	} catch (error) {
		print(app.startLog());
		for (const worker of workers) await stopProcess(worker);
		await app.stop();
		throw error;
	}
	return {
		app,
		workers,
		workerLogs: workers.map((_, w) => path.join(app.root, `worker-${w}.log`)),
		stop: async () => {
			for (const worker of workers) await stopProcess(worker);
			await app.stop();
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Runs

let reportedFailure = false;

async function post(app: N8nApp, webhookPath: string, items: unknown[]): Promise<number> {
	const response = await request(`${app.baseUrl}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items }),
		dispatcher: agent,
	});
	const text = await response.body.text();
	if (response.statusCode !== 200 && !reportedFailure) {
		reportedFailure = true;
		print(`    (an execution answered HTTP ${response.statusCode}: ${text.slice(0, 300)})`);
	}
	return response.statusCode;
}

/** Most of `times` inside any window of `windowMs`. */
function busiest(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[j] <= sorted[i] - windowMs) j++;
		most = Math.max(most, i - j + 1);
	}
	return most;
}

let runCounter = 0;

/** Executions each worker has started so far (queue mode), read from its log. */
function executionsStarted(deployment: Deployment): number[] {
	return deployment.workerLogs.map((log) => (fs.readFileSync(log, 'utf8').match(/Worker started execution/g) ?? []).length);
}

/** Requests per whole second from the first one, to see where a run loses time. */
function perSecondSeries(times: number[], first: number): number[] {
	const series: number[] = [];
	for (const at of times) {
		const second = Math.floor((at - first) / 1000);
		while (series.length <= second) series.push(0);
		series[second]++;
	}
	return series;
}

async function tencentRun(deployment: Deployment, fake: FakeTencent, mode: 'regular' | 'queue', limited: boolean, share?: number): Promise<AppRun> {
	const run = ++runCounter;
	const users = Array.from({ length: EXECUTIONS }, (_, e) => Array.from({ length: ITEMS }, (_, i) => `r${run}e${e}u${i}`));
	fake.addUsers(...users.flat());
	fake.server.reset();
	fake.errorsAnswered = [];
	fake.messages = [];
	fake.deliveries.clear();
	fake.rateLimit = new WindowCounter(limited ? LIMIT : Number.MAX_SAFE_INTEGER, 1000);
	const startedBefore = executionsStarted(deployment);
	const t0 = Date.now();
	const statuses = await Promise.all(users.map(async (list) => await post(deployment.app, share === undefined ? 'bench-tencent' : 'bench-tencent-half', list.map((user) => ({ user })))));
	const wallMs = Date.now() - t0;
	const expected = new Set(users.flat());
	const delivered = new Set(fake.messages.map((m) => m.To_Account).filter((to) => expected.has(to)));
	const times = fake.requests.map((r) => r.at);
	const first = Math.min(...times);
	const last = Math.max(...times);
	const overLimit = fake.errorsAnswered.filter((code) => code === 60007).length;
	return {
		mode,
		limited,
		share: share ?? 100,
		items: expected.size,
		accepted: delivered.size,
		lost: expected.size - delivered.size,
		duplicates: fake.messages.length - delivered.size,
		requests: fake.requests.length,
		overLimit,
		busiestSecond: busiest(times, 1000),
		perSecond: delivered.size / (Math.max(1, last - first + 1000 / LIMIT) / 1000),
		wallMs,
		failedExecutions: statuses.filter((status) => status !== 200).length,
		executionsPerWorker: executionsStarted(deployment).map((count, w) => count - startedBefore[w]),
		requestsPerSecond: perSecondSeries(times, first),
	};
}

/**
 * Easemob allows 5 conversation deletions a minute per user. Two executions at once (one per worker
 * in queue mode) delete `perUser` conversations for each of `users` users each.
 */
async function easemobRun(deployment: Deployment, fake: FakeEasemob, share?: number): Promise<EasemobSpacing> {
	const run = ++runCounter;
	const USERS = 4;
	const PER_EXECUTION = 3;
	const app = 'fake-app';
	const batches = Array.from({ length: 2 }, (_, e) =>
		Array.from({ length: USERS * PER_EXECUTION }, (_, i) => ({ user: `r${run}u${i % USERS}`, peer: `r${run}e${e}p${Math.floor(i / USERS)}` })),
	);
	for (let u = 0; u < USERS; u++) fake.addUser(app, `r${run}u${u}`);
	fake.server.reset();
	fake.rateLimitAnswers = 0;
	fake.userChannelLimit.clear();
	const t0 = Date.now();
	const statuses = await Promise.all(batches.map(async (batch) => await post(deployment.app, share === undefined ? 'bench-easemob' : 'bench-easemob-half', batch)));
	const deletes = fake.server.requests.filter((r) => r.method === 'DELETE' && r.rawPath.endsWith('/user_channel'));
	const byUser = new Map<string, number[]>();
	for (const r of deletes) {
		const user = r.segments[r.segments.length - 2].toLowerCase();
		byUser.set(user, [...(byUser.get(user) ?? []), r.at]);
	}
	return {
		share: share ?? 100,
		deletes: USERS * PER_EXECUTION * 2,
		requests: deletes.length,
		refused: fake.rateLimitAnswers,
		mostPerUserPerMinute: Math.max(0, ...[...byUser.values()].map((times) => busiest(times, 60_000))),
		failedExecutions: statuses.filter((status) => status !== 200).length,
		wallMs: Date.now() - t0,
	};
}

// ---------------------------------------------------------------------------------------------
// n8n's expression evaluation per item (the engine in a process of its own, as npm run bench does)

async function measureParameterTime(): Promise<{ cpuMsPerItem: number; parameterMsPerItem: number; items: number }> {
	const scenario = scenarioById('tencent-message-send');
	const size = 2000;
	const fake = await scenario.startFake(size, LATENCY_MS);
	try {
		const child = fork(path.join(__dirname, 'client.ts'), [], { execArgv: ['-r', path.join(__dirname, 'register.js')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const req: RowRequest = { scenario: scenario.id, kind: 'node', size, config: fake.config, parameters: true };
		const result = await new Promise<RowResult>((resolve, reject) => {
			child.on('message', (m: { ready?: boolean; result?: RowResult; error?: string }) => {
				if (m.ready) {
					fake.resetCounters();
					child.send('go');
				} else if (m.result) resolve(m.result);
				else if (m.error) reject(new Error(m.error));
			});
			child.on('exit', (code) => code !== 0 && reject(new Error(`client exited with ${code}`)));
			child.send(req);
		});
		return { cpuMsPerItem: result.cpuMs / result.done, parameterMsPerItem: (result.parameterMs ?? 0) / result.done, items: result.done };
	} finally {
		await fake.stop();
	}
}

// ---------------------------------------------------------------------------------------------
// Report

interface ModeResult {
	mode: 'regular' | 'queue';
	ceiling: AppRun;
	limited: AppRun;
	half?: AppRun;
	easemob?: EasemobSpacing[];
}

function runLine(run: AppRun, reference?: number): string {
	const ofReference = reference ? `, ${pct(run.perSecond / reference)} of min(limit, ceiling)` : '';
	return `${fmt(run.accepted)}/${fmt(run.items)} accepted (${run.lost} lost, ${run.duplicates} twice), ${fmt(run.overLimit)} over-limit answers = ${pct(run.overLimit / Math.max(1, run.requests), 2)} of ${fmt(run.requests)} requests, busiest second ${fmt(run.busiestSecond)} requests, ${fmt(run.perSecond, 1)} accepted items/s${ofReference}, ${run.failedExecutions} failed executions, ${fmt(run.wallMs / 1000, 1)} s${
		run.executionsPerWorker.length > 0 ? `; executions per worker ${run.executionsPerWorker.join(' / ')}` : ''
	}; requests per second ${run.requestsPerSecond.join(' ')}`;
}

interface Target {
	name: string;
	met: boolean;
	detail: string;
}

function targets(results: ModeResult[]): Target[] {
	const out: Target[] = [];
	for (const result of results) {
		const goal = TARGETS[result.mode];
		const reference = Math.min(LIMIT, result.ceiling.perSecond);
		for (const run of [result.limited, ...(result.half ? [result.half] : [])]) {
			const label = `${result.mode === 'regular' ? 'Regular mode' : `Queue mode, main + ${WORKERS} workers`}${run.share !== 100 ? `, Share of the Rate Limit ${run.share} %` : ''}`;
			const share = run.perSecond / reference;
			out.push({
				name: `${label}: 0 lost, over-limit ≤ ${pct(goal.overLimit, 0)} of requests, ≥ ${pct(goal.share, 0)} of min(limit, ceiling)`,
				met: run.lost === 0 && run.duplicates === 0 && run.overLimit / Math.max(1, run.requests) <= goal.overLimit && share >= goal.share,
				detail: `${run.lost} lost, ${pct(run.overLimit / Math.max(1, run.requests), 2)} over-limit, ${pct(share)} of ${fmt(reference, 1)}/s`,
			});
		}
		for (const spacing of result.easemob ?? []) {
			out.push({
				name: `Easemob, ${WORKERS} workers${spacing.share !== 100 ? `, Share ${spacing.share} %` : ''}: no deletion lost, at most 5 a minute per user reach Easemob's count`,
				met: spacing.failedExecutions === 0 && spacing.requests - spacing.refused === spacing.deletes,
				detail: `${spacing.deletes} deletions, ${spacing.refused} refused and retried, at most ${spacing.mostPerUserPerMinute} requests a minute for one user, ${spacing.failedExecutions} failed executions`,
			});
		}
	}
	return out;
}

function machine(): string {
	const cpus = os.cpus();
	return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 1024 ** 3, 1)} GB memory, ${os.type()} ${os.release()}, Node ${process.version}, load average ${os.loadavg().map((l) => fmt(l, 1)).join(' / ')} at the end (the machine is shared)`;
}

function section(results: ModeResult[], checked: Target[], parameters: Awaited<ReturnType<typeof measureParameterTime>> | undefined, when: Date): string {
	const rows: string[] = [];
	for (const result of results) {
		const reference = Math.min(LIMIT, result.ceiling.perSecond);
		const name = result.mode === 'regular' ? 'Regular' : `Queue (main + ${WORKERS} workers)`;
		for (const [label, run] of [
			['limit lifted (ceiling)', result.ceiling],
			['limited', result.limited],
			...(result.half ? [['limited, share 50 %', result.half] as const] : []),
		] as Array<[string, AppRun]>) {
			rows.push(
				`| ${name} | ${label} | ${fmt(run.accepted)} / ${fmt(run.items)} | ${run.lost} | ${fmt(run.overLimit)} (${pct(run.overLimit / Math.max(1, run.requests), 2)}) | ${fmt(run.busiestSecond)} | ${fmt(run.perSecond, 1)} | ${run.limited ? pct(run.perSecond / reference) : '—'} |`,
			);
		}
	}
	const easemob = results.flatMap((r) => r.easemob ?? []);
	return `Measured with \`npm run bench:app\` (the same as \`npm run bench -- --app\`) on ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC,
n8n 2.41.1, ${EXECUTIONS} webhook executions of ${ITEMS} Tencent Cloud Chat sends at once, against the fake
Tencent (limit ${LIMIT} calls/s per app counted over any sliding second, ${LATENCY_MS} ms added to every
answer). Host: ${machine()}.

![Accepted items per second in the real n8n app](app-benchmark.svg)

| Mode | Run | Items accepted | Lost | Over-limit answers (share of requests) | Busiest second (requests) | Accepted items/s | Share of min(limit, ceiling) |
|---|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

${easemob.length > 0 ? `Easemob's 5 conversation deletions a minute per user, two workers, two executions at once deleting 3 conversations for each of 4 users each (6 per user):\n\n${easemob.map((e) => `- ${e.share === 100 ? 'Adaptation only' : `Share of the Rate Limit ${e.share} %`}: ${e.deletes} deletions, ${e.refused} refused by the fake and retried, at most ${e.mostPerUserPerMinute} delete requests in any minute for one user, ${e.failedExecutions} failed executions, ${fmt(e.wallMs / 1000, 0)} s.`).join('\n')}\n\n` : ''}Targets:

${checked.map((t) => `- ${t.met ? 'Met' : '**Not met**'}: ${t.name} (${t.detail})`).join('\n')}
${parameters ? `\nn8n's parameter and expression evaluation (\`getNodeParameter\`, every item's parameters read and checked before anything is sent) takes ${fmt(parameters.parameterMsPerItem, 3)} ms of the ${fmt(parameters.cpuMsPerItem, 3)} ms of CPU per item (${pct(parameters.parameterMsPerItem / parameters.cpuMsPerItem)}) of n8n's engine running the node for ${fmt(parameters.items)} items (measured in a process of its own, as \`npm run bench\` does).\n` : ''}`;
}

function writeDocs(results: ModeResult[], checked: Target[], parameters: Awaited<ReturnType<typeof measureParameterTime>> | undefined, when: Date): void {
	const file = path.join(ROOT, 'docs', 'performance.md');
	const page = fs.readFileSync(file, 'utf8');
	const begin = '<!-- app-benchmark:begin -->';
	const end = '<!-- app-benchmark:end -->';
	const at = page.indexOf(begin);
	const until = page.indexOf(end);
	if (at < 0 || until < at) throw new Error(`docs/performance.md has no ${begin} … ${end} section to write into`);
	fs.writeFileSync(file, `${page.slice(0, at + begin.length)}\n${section(results, checked, parameters, when)}${page.slice(until)}`);
	fs.writeFileSync(path.join(ROOT, 'docs', 'app-benchmark.svg'), appChart(results.flatMap((r) => [r.ceiling, r.limited, ...(r.half ? [r.half] : [])]), LIMIT));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const when = new Date();
	for (const name of ['NCC_N8N_BIN', 'NCC_PACKAGE_TGZ']) {
		if (!process.env[name]) throw new Error(`${name} is not set: run this with "npm run bench:app"`);
	}
	const prerequisites = MODES.includes('queue') ? queuePrerequisites() : undefined;
	if (typeof prerequisites === 'string') {
		print(`!! ${prerequisites}`);
		process.exitCode = 2;
	}
	const tencent = new FakeTencent();
	await tencent.start();
	tencent.server.latencyMs = LATENCY_MS;
	const easemob = new FakeEasemob();
	await easemob.start();
	easemob.server.latencyMs = LATENCY_MS;
	const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncc-bench-app-'));
	const results: ModeResult[] = [];
	try {
		for (const mode of MODES as Array<'regular' | 'queue'>) {
			if (mode === 'queue' && typeof prerequisites !== 'object') continue;
			print(`\n==> ${mode} mode: starting ${mode === 'queue' ? `Redis, PostgreSQL, n8n main and ${WORKERS} workers` : 'n8n'}`);
			const services = mode === 'queue' && typeof prerequisites === 'object' ? await startQueueServices(prerequisites, logDir) : undefined;
			try {
				const deployment = await deploy(mode, { tencent, easemob }, services);
				try {
					// Warm-up: every process loads the package and signs once.
					const warm = mode === 'queue' ? 2 * WORKERS : 1;
					tencent.addUsers(...Array.from({ length: 5 }, (_, i) => `warm${i}`));
					await Promise.all(Array.from({ length: warm }, async () => await post(deployment.app, 'bench-tencent', Array.from({ length: 5 }, (_, i) => ({ user: `warm${i}` })))));
					const ceiling = await tencentRun(deployment, tencent, mode, false);
					print(`    limit lifted (ceiling): ${runLine(ceiling)}`);
					const reference = Math.min(LIMIT, ceiling.perSecond);
					// The stated share first: the adapting run's refusals cut the workers' limiters, and a run
					// right after it would start from that cut (they win 4 % a second back).
					const half = mode === 'queue' ? await tencentRun(deployment, tencent, mode, true, 50) : undefined;
					if (half) print(`    limited, share 50 %:    ${runLine(half, reference)}`);
					const limited = await tencentRun(deployment, tencent, mode, true);
					print(`    limited:                ${runLine(limited, reference)}`);
					const result: ModeResult = { mode, ceiling, limited, half };
					if (mode === 'queue') {
						result.easemob = [];
						for (const share of [undefined, 50]) {
							const spacing = await easemobRun(deployment, easemob, share);
							result.easemob.push(spacing);
							print(`    Easemob deletes${share ? `, share ${share} %` : ''}: ${spacing.deletes} deletions, ${spacing.refused} refused and retried, at most ${spacing.mostPerUserPerMinute} a minute for one user, ${spacing.failedExecutions} failed executions, ${fmt(spacing.wallMs / 1000, 0)} s`);
						}
					}
					results.push(result);
				} finally {
					await deployment.stop();
				}
			} finally {
				await services?.stop();
			}
		}
	} finally {
		await tencent.stop();
		await easemob.stop();
		await agent.close();
		fs.rmSync(logDir, { recursive: true, force: true });
	}
	print('\n==> n8n expression evaluation per item (engine, 2,000 items)');
	const parameters = await measureParameterTime();
	print(`    getNodeParameter: ${fmt(parameters.parameterMsPerItem, 3)} ms of ${fmt(parameters.cpuMsPerItem, 3)} ms CPU per item (${pct(parameters.parameterMsPerItem / parameters.cpuMsPerItem)})`);
	const checked = targets(results);
	print('\nTargets:');
	for (const t of checked) print(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.name}: ${t.detail}`);
	print(`\nHost: ${machine()}`);
	if (WRITE && results.length > 0) {
		writeDocs(results, checked, parameters, when);
		print('Wrote the figures into docs/performance.md and the chart into docs/app-benchmark.svg');
	}
	if (checked.some((t) => !t.met)) process.exitCode = 1;
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
