/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Where n8n 1.x and 2.x differ for this package, in the real app (`npm run test:e2e` and
// `npm run test:e2e:n8n1` run this file in each): an expired Easemob token is refreshed exactly once
// and the run succeeds; platform error texts reach the user (a Tencent error code; an Easemob client
// secret the platform refuses reads as refused credentials, not as a network fault, and is not
// retried).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { IRun } from 'n8n-workflow';

import type { FakeEasemob } from '../fakes/fakeEasemob';
import type { FakeTencent } from '../fakes/fakeTencent';
import { nodeOutput } from './examples';
import { N8nApp, PACKAGE_NAME } from './helpers/n8nApp';
import type { RunningSandbox } from './sandbox/platforms';
import { DEMO_SUPPORT_USER, startSandbox } from './sandbox/platforms';

const REFUSED_CREDENTIAL_ID = 'e2eEasemobWrongSecret';

/** A workflow of a Manual Trigger and one node of this package. */
function workflow(id: string, node: { name: string; type: string; parameters: Record<string, unknown>; credentials: Record<string, { id: string; name: string }> }) {
	return {
		id,
		name: id,
		active: false,
		settings: {},
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-node`, typeVersion: 1, position: [240, 0], ...node, type: `${PACKAGE_NAME}.${node.type}` },
		],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}

function runError(run: IRun): { message: string; description: string } {
	const error = run.data.resultData.error as { message?: string; description?: string } | undefined;
	if (!error) throw new Error('the run did not fail');
	return { message: String(error.message ?? ''), description: String(error.description ?? '') };
}

let app: N8nApp;
let sandbox: RunningSandbox;
let easemob: FakeEasemob;
let tencent: FakeTencent;

beforeAll(async () => {
	app = new N8nApp();
	sandbox = await startSandbox({ fixedPorts: false });
	easemob = sandbox.get<FakeEasemob>('easemob').fake;
	tencent = sandbox.get<FakeTencent>('tencent').fake;
	await app.installPackage();
	const easemobCredential = sandbox.credentials.find((c) => c.type === 'easemobImApi')!;
	await app.importCredentials([
		...sandbox.credentials,
		{ ...easemobCredential, id: REFUSED_CREDENTIAL_ID, name: 'Easemob IM (wrong secret)', data: { ...easemobCredential.data, clientSecret: 'not-the-client-secret' } },
	]);
	const easemobRef = { id: easemobCredential.id, name: easemobCredential.name };
	const tencentCredential = sandbox.credentials.find((c) => c.type === 'tencentCloudChatApi')!;
	const workflows = [
		workflow('e2eEasemobGetUser', {
			name: 'Get User',
			type: 'easemobIm',
			parameters: { resource: 'user', operation: 'get', username: DEMO_SUPPORT_USER },
			credentials: { easemobImApi: easemobRef },
		}),
		workflow('e2eEasemobWrongSecret', {
			name: 'Get User',
			type: 'easemobIm',
			parameters: { resource: 'user', operation: 'get', username: DEMO_SUPPORT_USER },
			credentials: { easemobImApi: { id: REFUSED_CREDENTIAL_ID, name: 'Easemob IM (wrong secret)' } },
		}),
		workflow('e2eEasemobHistory', {
			name: 'Get History',
			type: 'easemobIm',
			parameters: { resource: 'message', operation: 'getHistory', hour: '={{ $now.minus({ hours: 1 }).toISO() }}', download: true, binaryPropertyName: 'archive' },
			credentials: { easemobImApi: easemobRef },
		}),
		workflow('e2eTencentUnknownUser', {
			name: 'Send',
			type: 'tencentCloudChat',
			parameters: { resource: 'message', operation: 'send', toAccount: 'nobody-here', messageType: 'text', text: 'Hello' },
			credentials: { tencentCloudChatApi: { id: tencentCredential.id, name: tencentCredential.name } },
		}),
	];
	for (const wf of workflows) {
		const file = path.join(app.root, `${wf.id}.json`);
		writeFileSync(file, JSON.stringify(wf));
		await app.importWorkflow(file);
	}
});

afterAll(async () => {
	await app?.stop();
	await sandbox?.stop();
});

describe(`n8n ${process.env.NCC_N8N_VERSION ?? ''}: tokens and platform errors`, () => {
	it('an expired Easemob app token is refreshed exactly once, and the run succeeds', async () => {
		// The first run fetches the app token and n8n stores it with the credential.
		sandbox.reset();
		expect((await app.execute('e2eEasemobGetUser')).status).toBe('success');
		expect(easemob.tokenRequests).toBe(1);

		// The stored token expires; the next run gets a 401, one new token, and the answer.
		easemob.expireAllTokens();
		easemob.tokenRequests = 0;
		easemob.expiredTokenAnswers.length = 0;
		const run = await app.execute('e2eEasemobGetUser');
		expect(run.status).toBe('success');
		expect(easemob.tokenRequests).toBe(1);
		expect(easemob.expiredTokenAnswers.length).toBeGreaterThan(0);
		expect(nodeOutput(run, 'Get User')).toEqual([expect.objectContaining({ username: DEMO_SUPPORT_USER })]);
	});

	it('a client secret Easemob refuses reads as refused credentials and is asked for once', async () => {
		sandbox.reset();
		const run = await app.execute('e2eEasemobWrongSecret');
		expect(run.status).toBe('error');
		const { message, description } = runError(run);
		expect(message).toMatch(/^Easemob refused the Client ID or Client Secret \(invalid_grant: client_secret does not match\)/);
		expect(message).not.toMatch(/could not be reached|refused the connection/i);
		expect(description).toMatch(/Client ID and ClientSecret/);
		expect(JSON.stringify(run.data.resultData.error)).not.toContain('not-the-client-secret');
		// Not retried: one token request, and no API call without a token.
		expect(easemob.tokenRequests).toBe(1);
		expect(easemob.apiRequests).toHaveLength(0);
	});

	it('an Easemob history export is downloaded as binary data the app keeps', async () => {
		// The sandbox holds an export of the last hour (UTC, as the fake is no China data centre).
		sandbox.reset();
		const run = await app.execute('e2eEasemobHistory');
		expect(run.status).toBe('success');
		const hour = new Date(Date.now() - 3600_000).toISOString().replace(/[-T:]/g, '').slice(0, 10);
		expect(nodeOutput(run, 'Get History')).toEqual([expect.objectContaining({ hour, found: true })]);
		const [item] = run.data.resultData.runData['Get History'][0].data!.main[0]!;
		expect(item.binary?.archive).toMatchObject({ fileName: `easemob-history-${hour}.gz`, mimeType: 'application/gzip' });
		expect(easemob.history.downloads).toHaveLength(1);
	});

	it("a Tencent error keeps the platform's error code and text", async () => {
		sandbox.reset();
		const run = await app.execute('e2eTencentUnknownUser');
		expect(run.status).toBe('error');
		const { message } = runError(run);
		expect(message).toMatch(/90003/);
		expect(message).toMatch(/To_Account does not exist/);
		expect(message).toMatch(/\[item 0\]$/);
		// A refusal is not retried: exactly one send reached the platform.
		expect(tencent.server.requests.filter((r) => r.rawPath.includes('sendmsg'))).toHaveLength(1);
	});
});
