/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The package inside the real n8n app: every example workflow runs against the sandbox's fake
// platforms (manual ones with `n8n execute`, webhook ones through a published workflow and a real
// HTTP request to `n8n start`), and n8n's own credential tester checks every sandbox credential.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ManualExample, WebhookExample } from './examples';
import { EXAMPLES } from './examples';
import { N8nApp, PACKAGE_NAME } from './helpers/n8nApp';
import type { RunningSandbox } from './sandbox/platforms';
import { SANDBOX_CREDENTIAL_IDS, startSandbox } from './sandbox/platforms';

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
// A throw-away login for the owner account of the test's own n8n instance.
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets
const OWNER = { email: 'e2e-owner@example.org', password: 'E2e-owner-passw0rd' };

interface WorkflowFile {
	id: string;
	name: string;
	nodes: Array<{ type: string; name: string }>;
}

const files = readdirSync(EXAMPLES_DIR)
	.filter((f) => f.endsWith('.json'))
	.sort();
const workflows = new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')) as WorkflowFile]));
const byKind = <K extends string>(kind: K) =>
	files.filter((f) => EXAMPLES[f]?.kind === kind).map((f) => [f, workflows.get(f)!.id] as const);
const manual = byKind('manual');
const webhook = byKind('webhook');

let app: N8nApp;
let sandbox: RunningSandbox;

beforeAll(async () => {
	app = new N8nApp();
	sandbox = await startSandbox({ fixedPorts: false });
	await app.installPackage();
	await app.importCredentials(sandbox.credentials);
	for (const file of files) await app.importWorkflow(path.join(EXAMPLES_DIR, file));
});

afterAll(async () => {
	await app?.stop();
	await sandbox?.stop();
});

beforeEach(() => sandbox.reset());

describe('examples/', () => {
	it.each(files)('%s has expectations and uses the package by its real type names', (file) => {
		expect(EXAMPLES[file]).toBeDefined();
		const workflow = workflows.get(file)!;
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,21}$/);
		expect(workflow.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote')).toBe(true);
		const ours = workflow.nodes.filter((n) => n.type.startsWith(`${PACKAGE_NAME}.`));
		expect(ours.length).toBeGreaterThan(0);
	});

	it('every expectation belongs to an example file', () => {
		expect(Object.keys(EXAMPLES).filter((f) => !files.includes(f))).toEqual([]);
	});
});

describe('manual examples, run with `n8n execute`', () => {
	if (manual.length === 0) it.todo('no manual example yet');
	it.each(manual)('%s', async (file, id) => {
		const run = await app.execute(id);
		(EXAMPLES[file] as ManualExample).check(run, sandbox);
	});
});

describe('`n8n start` with the published webhook examples', () => {
	beforeAll(async () => {
		for (const [, id] of webhook) await app.cli(['publish:workflow', `--id=${id}`]);
		await app.start();
		await app.setupOwner(OWNER);
	});

	it('loads the nodes under the package name', async () => {
		const response = await app.rest('GET', '/types/nodes.json');
		expect(response.status).toBe(200);
		const names = (response.body as Array<{ name: string }>).map((t) => t.name);
		for (const platform of sandbox.platforms) expect(names).toContain(`${PACKAGE_NAME}.${platform.node}`);
	});

	describe("n8n's credential tester", () => {
		it.each(SANDBOX_CREDENTIAL_IDS)('accepts the stored sandbox credential %s', async (id) => {
			const platform = sandbox.platforms.find((p) => p.credential.id === id)!;
			// What the editor sends when "Retry" is clicked on a saved credential: its data with secrets redacted.
			const stored = await app.rest('GET', `/rest/credentials/${id}?includeData=true`);
			expect(stored.status).toBe(200);
			const credential = (stored.body as { data: { id: string; name: string; type: string; data: Record<string, unknown> } }).data;
			expect(JSON.stringify(credential.data)).not.toContain(String(platform.credential.data.password ?? '\u0000'));
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
		});
	});

	describe('webhook examples, called over HTTP', () => {
		if (webhook.length === 0) it.todo('no webhook example yet');
		it.each(webhook)('%s', async (file, id) => {
			const expectation = EXAMPLES[file] as WebhookExample;
			const response = await app.http(`/webhook/${expectation.request.path}`, {
				method: expectation.request.method,
				headers: { 'content-type': 'application/json' },
				body: expectation.request.body === undefined ? undefined : JSON.stringify(expectation.request.body),
			});
			expectation.check({ status: response.status, body: response.body }, sandbox);

			// n8n saved the production execution as a success.
			const filter = encodeURIComponent(JSON.stringify({ workflowId: id }));
			let executions: Array<{ status: string; mode: string }> = [];
			for (let attempt = 0; attempt < 20; attempt++) {
				const list = await app.rest('GET', `/rest/executions?filter=${filter}`);
				executions = (list.body as { data: { results: Array<{ status: string; mode: string }> } }).data.results;
				if (executions.length > 0 && executions[0].status !== 'running' && executions[0].status !== 'new') break;
				await new Promise((r) => setTimeout(r, 250));
			}
			expect(executions).toHaveLength(1);
			expect(executions[0]).toMatchObject({ status: 'success', mode: 'webhook' });
		});
	});
});
