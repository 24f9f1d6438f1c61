/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The package inside the real n8n app. Every example workflow runs against the sandbox's fake
// platforms: manual ones with `n8n execute`, webhook ones through a published workflow and real HTTP
// requests to `n8n start`, scheduled ones by publishing them with a short interval. n8n's own
// credential tester checks every sandbox credential. What each example must do is in ./examples.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ManualExample, ScheduledExample, WebhookExample, WorkflowJson } from './examples';
import { EXAMPLES } from './examples';
import { N8nApp, PACKAGE_NAME } from './helpers/n8nApp';
import type { RunningSandbox } from './sandbox/platforms';
import { SANDBOX_CREDENTIAL_IDS, startSandbox } from './sandbox/platforms';

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
// A throw-away login for the owner account of the suite's own n8n instance.
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets
const OWNER = { email: 'e2e-owner@example.org', password: 'E2e-owner-passw0rd' };

const files = readdirSync(EXAMPLES_DIR)
	.filter((f) => f.endsWith('.json'))
	.sort();
const workflows = new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')) as WorkflowJson]));
const byKind = (kind: string) => files.filter((f) => EXAMPLES[f]?.kind === kind).map((f) => [f, workflows.get(f)!.id] as const);
const manual = byKind('manual');
const webhook = byKind('webhook');
const scheduled = byKind('scheduled');

let app: N8nApp;
let sandbox: RunningSandbox;

beforeAll(async () => {
	app = new N8nApp();
	sandbox = await startSandbox({ fixedPorts: false });
	await app.installPackage();
	await app.importCredentials(sandbox.credentials);
	// One import for all examples: each n8n CLI call takes seconds.
	const prepared = files.map((file) => {
		const prepare = EXAMPLES[file]?.prepare;
		return prepare ? prepare(structuredClone(workflows.get(file)!), sandbox) : workflows.get(file)!;
	});
	const copy = path.join(app.root, 'examples.json');
	writeFileSync(copy, JSON.stringify(prepared));
	await app.importWorkflow(copy);
}, 600_000);

afterAll(async () => {
	await app?.stop();
	await sandbox?.stop();
});

beforeEach(() => sandbox.reset());

describe('examples/', () => {
	it.each(files)('%s has expectations, a sticky note and the package by its real type names', (file) => {
		expect(EXAMPLES[file]).toBeDefined();
		const workflow = workflows.get(file)!;
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,21}$/);
		expect(workflow.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote')).toBe(true);
		expect(workflow.nodes.some((n) => n.type.startsWith(`${PACKAGE_NAME}.`))).toBe(true);
	});

	it('every expectation belongs to an example file, and workflow IDs are unique', () => {
		expect(Object.keys(EXAMPLES).filter((f) => !files.includes(f))).toEqual([]);
		const ids = [...workflows.values()].map((w) => w.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

describe('manual examples, run with `n8n execute`', () => {
	if (manual.length === 0) {
		it.todo('no manual example yet');
	} else {
		it.each(manual)('%s', async (file, id) => {
			const run = await app.execute(id);
			(EXAMPLES[file] as ManualExample).check(run, sandbox);
		});
	}
});

describe('`n8n start` with the published webhook examples', () => {
	beforeAll(async () => {
		for (const [, id] of webhook) await app.cli(['publish:workflow', `--id=${id}`]);
		await app.start();
		await app.setupOwner(OWNER);
	}, 600_000);

	it('loads the nodes under the package name', async () => {
		const response = await app.rest('GET', '/types/nodes.json');
		expect(response.status).toBe(200);
		const names = (response.body as Array<{ name: string }>).map((t) => t.name);
		for (const platform of sandbox.platforms) {
			expect(names).toContain(`${PACKAGE_NAME}.${platform.node}`);
			// n8n makes the AI-agent tool variant of every node that is usable as a tool.
			expect(names).toContain(`${PACKAGE_NAME}.${platform.node}Tool`);
		}
		// Every node the examples use exists in this n8n (also those of examples the suite does not run).
		const used = new Set([...workflows.values()].flatMap((w) => w.nodes.map((n) => n.type)));
		expect([...used].filter((type) => !names.includes(type))).toEqual([]);
	});

	describe("n8n's credential tester", () => {
		it.each(SANDBOX_CREDENTIAL_IDS)('accepts the stored sandbox credential %s', async (id) => {
			const platform = sandbox.platforms.find((p) => p.credential.id === id)!;
			// What the editor sends on "Retry" for a saved credential: its data with the secrets redacted.
			const stored = await app.rest('GET', `/rest/credentials/${id}?includeData=true`);
			expect(stored.status).toBe(200);
			const credential = (stored.body as { data: { id: string; name: string; type: string; data: Record<string, unknown> } }).data;
			const result = await app.rest('POST', '/rest/credentials/test', {
				credentials: { id: credential.id, name: credential.name, type: credential.type, data: credential.data },
			});
			expect(result).toEqual({ status: 200, body: { data: { status: 'OK', message: expect.any(String) } } });
			expect(platform.server.requests.length).toBeGreaterThan(0);
		});

		it.each(SANDBOX_CREDENTIAL_IDS)('rejects %s with a wrong secret, with a clear message', async (id) => {
			const platform = sandbox.platforms.find((p) => p.credential.id === id)!;
			const { credential } = platform;
			const result = await app.rest('POST', '/rest/credentials/test', {
				credentials: { id: credential.id, name: credential.name, type: credential.type, data: platform.wrongSecret.data(credential) },
			});
			expect(result.status).toBe(200);
			const data = (result.body as { data: { status: string; message: string } }).data;
			expect(data.status).toBe('Error');
			expect(data.message).toMatch(platform.wrongSecret.message);
			expect(platform.server.requests.length).toBeGreaterThan(0);
		});
	});

	describe('webhook examples, called over HTTP', () => {
		if (webhook.length === 0) {
			it.todo('no webhook example yet');
		} else {
			it.each(webhook)('%s', async (file, id) => {
				const calls = (EXAMPLES[file] as WebhookExample).calls(sandbox);
				expect(calls.length).toBeGreaterThan(0);
				let started = 0;
				for (const call of calls) {
					const { method, path: urlPath, headers = {}, body } = call.request;
					const response = await app.http(`/webhook/${urlPath}`, {
						method,
						headers: { 'content-type': 'application/json', ...headers },
						body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
					});
					// A trigger answers before its workflow has run: wait for the execution before checking.
					if (call.startsExecution) {
						started += 1;
						await app.waitForExecutions(id, (e) => e.length >= started);
					}
					call.check({ status: response.status, headers: response.headers, body: response.body }, sandbox);
				}
				// n8n saved one successful production execution per call that starts one, and no other.
				const expected = calls.filter((c) => c.startsExecution).length;
				const executions = await app.waitForExecutions(id, (e) => e.length >= expected);
				expect(executions.map((e) => ({ status: e.status, mode: e.mode }))).toEqual(
					Array.from({ length: expected }, () => ({ status: 'success', mode: 'webhook' })),
				);
			});
		}
	});

	describe('scheduled examples, published with a short interval', () => {
		if (scheduled.length === 0) {
			it.todo('no scheduled example yet');
		} else {
			it.each(scheduled)('%s', async (file, id) => {
				await app.publish(id);
				try {
					await app.waitForExecutions(id, (e) => e.length >= 1, 60_000);
				} finally {
					await app.unpublish(id);
				}
				// At least one run, maybe two (the interval is short); all finished and successful.
				const executions = await app.waitForExecutions(id, () => true);
				expect(executions.length).toBeGreaterThan(0);
				for (const execution of executions) expect(execution).toMatchObject({ status: 'success', mode: 'trigger' });
				(EXAMPLES[file] as ScheduledExample).check(sandbox);
			});
		}
	});
});
