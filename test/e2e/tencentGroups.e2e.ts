/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// Tencent Cloud Chat's Group resource inside the real n8n app: one workflow creates a group with
// members, mutes one of them, lists the members and sends to the group as the muted member (refused
// with 10017, the item on the error output), against the sandbox's fake Tencent.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { FakeTencent } from '../fakes/fakeTencent';
import { nodeOutput } from './examples';
import { N8nApp, PACKAGE_NAME } from './helpers/n8nApp';
import type { RunningSandbox } from './sandbox/platforms';
import { startSandbox } from './sandbox/platforms';

const WORKFLOW_ID = 'e2eTencentGroups';
const GROUP_ID = 'e2e-group';

let app: N8nApp;
let sandbox: RunningSandbox;
let tencent: FakeTencent;

beforeAll(async () => {
	app = new N8nApp();
	sandbox = await startSandbox({ fixedPorts: false });
	tencent = sandbox.get<FakeTencent>('tencent').fake;
	await app.installPackage();
	await app.importCredentials(sandbox.credentials);
	const credential = sandbox.credentials.find((c) => c.type === 'tencentCloudChatApi')!;
	const credentials = { tencentCloudChatApi: { id: credential.id, name: credential.name } };
	const node = (name: string, x: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
		id: `${WORKFLOW_ID}-${x}`,
		name,
		type: `${PACKAGE_NAME}.tencentCloudChat`,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials,
		...extra,
	});
	const workflow = {
		id: WORKFLOW_ID,
		name: WORKFLOW_ID,
		active: false,
		settings: {},
		nodes: [
			{ id: `${WORKFLOW_ID}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			node('Create', 200, { resource: 'group', operation: 'create', name: 'E2E group', groupType: 'Public', additionalFields: { groupId: GROUP_ID, ownerAccount: 'support', memberIds: 'alice, bob' } }),
			node('Mute', 400, { resource: 'group', operation: 'muteMember', groupId: '={{ $json.GroupId }}', userIds: 'bob', muteAction: 'mute', muteSeconds: 600 }),
			node('Members', 600, { resource: 'group', operation: 'getMembers', groupId: '={{ $json.GroupId }}', returnAll: true }, { executeOnce: true }),
			node(
				'Send as Bob',
				800,
				{ resource: 'message', operation: 'sendToGroup', groupId: GROUP_ID, messageType: 'text', text: 'Hello', additionalFields: { fromAccount: 'bob' } },
				{ executeOnce: true, onError: 'continueErrorOutput' },
			),
		],
		connections: {
			Start: { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
			Create: { main: [[{ node: 'Mute', type: 'main', index: 0 }]] },
			Mute: { main: [[{ node: 'Members', type: 'main', index: 0 }]] },
			Members: { main: [[{ node: 'Send as Bob', type: 'main', index: 0 }]] },
		},
	};
	const file = path.join(app.root, `${WORKFLOW_ID}.json`);
	writeFileSync(file, JSON.stringify(workflow));
	await app.importWorkflow(file);
});

afterAll(async () => {
	await app?.stop();
	await sandbox?.stop();
});

describe(`n8n ${process.env.NCC_N8N_VERSION ?? ''}: Tencent Cloud Chat groups`, () => {
	it('creates a group, mutes a member, lists the members, and the muted member cannot send', async () => {
		sandbox.reset();
		const run = await app.execute(WORKFLOW_ID);
		expect(run.status).toBe('success');
		expect(nodeOutput(run, 'Create')).toEqual([{ GroupId: GROUP_ID, Type: 'Public', Name: 'E2E group' }]);
		expect(nodeOutput(run, 'Mute')).toEqual([{ GroupId: GROUP_ID, userIds: ['bob'], muted: true, MuteTime: 600 }]);
		const members = nodeOutput(run, 'Members') as Array<{ Member_Account: string; Role: string; ShutUpUntil: number }>;
		expect(members.map((m) => [m.Member_Account, m.Role])).toEqual([
			['support', 'Owner'],
			['alice', 'Member'],
			['bob', 'Member'],
		]);
		expect(members[2].ShutUpUntil).toBeGreaterThan(Date.now() / 1000);
		const send = run.data.resultData.runData['Send as Bob'][0].data!.main;
		expect(send[0] ?? []).toHaveLength(0);
		expect(String((send[1]![0].json as { error: string }).error)).toMatch(/^The sender is muted in this group \(Tencent error 10017/);
		expect(tencent.groups.get(GROUP_ID)).toEqual(new Set(['support', 'alice', 'bob']));
		expect(tencent.groupMessages.filter((m) => m.GroupId === GROUP_ID)).toHaveLength(0);
	});
});
