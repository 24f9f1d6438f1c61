// Conversation → Get Unread Count, Mark as Read, Pin and Unpin through n8n's engine against the fake
// Tencent API (test/fakes/fakeTencentConversations.ts holds the documented rules).
import type { INodeParameters } from 'n8n-workflow';

import { FakeTencent } from '../fakes/fakeTencent';
import { items, runNode } from '../helpers/engine';

const fake = new FakeTencent();

beforeAll(async () => {
	await fake.start();
	fake.addUsers('alice', 'bob', 'carol', ...Array.from({ length: 25 }, (_, n) => `p${n}`));
	fake.addGroup('@TGS#team', ['alice', 'bob']);
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	fake.unread.clear();
	fake.messages.length = 0;
	fake.conversations.clear();
});

const run = async (parameters: INodeParameters, options: Parameters<typeof runNode>[3] = {}) => await runNode('tencentCloudChat', parameters, fake.credentials(), options);
const send = async (from: string, to: string, text: string) => await run({ resource: 'message', operation: 'send', toAccount: to, messageType: 'text', text, additionalFields: { fromAccount: from } });
const commands = () => fake.requests.map((r) => r.rawPath);

describe('Conversation → Get Unread Count and Mark as Read', () => {
	it('counts what Send delivered, marks it read, and counts again', async () => {
		await send('bob', 'alice', 'one');
		await send('bob', 'alice', 'two');
		await send('carol', 'alice', 'three');
		fake.reset();

		let { output } = await run({ resource: 'conversation', operation: 'getUnreadCount', userId: 'alice' });
		expect(fake.requests[0].json).toEqual({ To_Account: 'alice' });
		expect(output[0][0].json).toEqual({ userId: 'alice', unreadCount: 3 });

		({ output } = await run({ resource: 'conversation', operation: 'markAsRead', userId: 'alice', peerAccount: 'bob' }));
		expect(fake.requests[1].json).toEqual({ Report_Account: 'alice', Peer_Account: 'bob' });
		expect(output[0][0].json).toEqual({ markedAsRead: true, userId: 'alice', peerAccount: 'bob' });

		({ output } = await run({ resource: 'conversation', operation: 'getUnreadCount', userId: 'alice', peerAccounts: 'bob, carol, ghost' }));
		expect(fake.requests[2].json).toEqual({ To_Account: 'alice', Peer_Account: ['bob', 'carol', 'ghost'] });
		expect(output[0][0].json).toEqual({
			userId: 'alice',
			unreadCount: 1,
			conversations: [
				{ peerAccount: 'bob', unreadCount: 0 },
				{ peerAccount: 'carol', unreadCount: 1 },
			],
			failedPeers: [{ peerAccount: 'ghost', errorCode: 70107 }],
		});
		expect(commands()).toEqual(['/v4/openim/get_c2c_unread_msg_num', '/v4/openim/admin_set_msg_read', '/v4/openim/get_c2c_unread_msg_num']);
	});

	it('asks about more than 10 peers in calls of 10', async () => {
		const peers = Array.from({ length: 25 }, (_, n) => `p${n}`);
		const { output } = await run({ resource: 'conversation', operation: 'getUnreadCount', userId: 'alice', peerAccounts: peers });
		expect(fake.requests.map((r) => (r.json as { Peer_Account: string[] }).Peer_Account.length)).toEqual([10, 10, 5]);
		expect((output[0][0].json.conversations as unknown[]).length).toBe(25);
	});

	it('marks read up to a time, sent as MsgReadTime in seconds; later messages stay unread', async () => {
		const now = Math.floor(Date.now() / 1000);
		await send('bob', 'alice', 'old');
		fake.messages[0].MsgTimeStamp = now - 3600;
		await send('bob', 'alice', 'new');
		fake.reset();
		const readUpTo = new Date((now - 60) * 1000).toISOString();
		const { output } = await run({ resource: 'conversation', operation: 'markAsRead', userId: 'alice', peerAccount: 'bob', readUpTo });
		expect(fake.requests[0].json).toEqual({ Report_Account: 'alice', Peer_Account: 'bob', MsgReadTime: String(now - 60) });
		expect(output[0][0].json).toEqual({ markedAsRead: true, userId: 'alice', peerAccount: 'bob', readUpTo });
		expect(fake.unread.get('alice|bob')).toBe(1);
	});

	it('explains an unknown user (90008) and refuses a bad date before sending', async () => {
		let { error } = await run({ resource: 'conversation', operation: 'markAsRead', userId: 'ghost', peerAccount: 'bob' });
		expect(error?.message).toBe('The sender or recipient does not exist (Tencent error 90008: Report_Account is missing or does not exist) [item 0]');
		fake.reset();
		({ error } = await run({ resource: 'conversation', operation: 'markAsRead', userId: 'alice', peerAccount: 'bob', readUpTo: 'yesterday' }));
		expect(error?.message).toBe('Read Up To is not a date [item 0]');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Conversation → Pin and Unpin', () => {
	it('pins one-to-one and group conversations, which Get Many then lists first, and unpins them', async () => {
		fake.addConversation('alice', 1, 'bob', 1700000000);
		fake.addConversation('alice', 1, 'carol', 1700000500);
		fake.addConversation('alice', 2, '@TGS#team', 1700000100);
		let result = await run({ resource: 'conversation', operation: 'pin', fromAccount: 'alice', conversationType: 'c2c', toAccount: 'bob' });
		expect(fake.requests[0].json).toEqual({ From_Account: 'alice', OperationType: 1, RecentContactItem: [{ Type: 1, To_Account: 'bob' }] });
		expect(result.output[0][0].json).toEqual({ pinned: true, fromAccount: 'alice', conversationType: 'c2c', toAccount: 'bob' });
		result = await run({ resource: 'conversation', operation: 'pin', fromAccount: 'alice', conversationType: 'group', groupId: '@TGS#team' });
		expect(fake.requests[1].json).toEqual({ From_Account: 'alice', OperationType: 1, RecentContactItem: [{ Type: 2, GroupId: '@TGS#team' }] });

		result = await run({ resource: 'conversation', operation: 'getMany', fromAccount: 'alice', returnAll: true });
		expect(result.output[0].map((item) => [item.json.To_Account ?? item.json.GroupId, item.json.TopFlag])).toEqual([
			['@TGS#team', 1],
			['bob', 1],
			['carol', 0],
		]);

		result = await run({ resource: 'conversation', operation: 'unpin', fromAccount: 'alice', conversationType: 'c2c', toAccount: 'bob' });
		expect(fake.requests[fake.requests.length - 1].json).toEqual({ From_Account: 'alice', OperationType: 2, RecentContactItem: [{ Type: 1, To_Account: 'bob' }] });
		expect(result.output[0][0].json).toEqual({ pinned: false, fromAccount: 'alice', conversationType: 'c2c', toAccount: 'bob' });
		expect(fake.conversationsOf('alice').get('1:bob')?.TopFlag).toBe(0);
	});

	it('with Continue On Fail gives one item per input: an unknown user (50001) and an empty group ID as errors', async () => {
		const { output, run: execution } = await run(
			{ resource: 'conversation', operation: 'pin', fromAccount: '={{ $json.from }}', conversationType: 'group', groupId: '={{ $json.group }}' },
			{ onError: 'continueErrorOutput', input: items(3, (i) => [{ from: 'alice', group: '@TGS#team' }, { from: 'ghost', group: '@TGS#team' }, { from: 'alice', group: '' }][i]) },
		);
		expect(execution.status).toBe('success');
		expect(output[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1].map((i) => i.json.error)).toEqual([
			'The user has not been imported into the app (Tencent error 50001: From_Account is not imported) [item 1]',
			'Group ID is empty [item 2]',
		]);
		expect(fake.requests).toHaveLength(2);
	});

	it('runs with Conversation Type from an expression: fields of other operations that depend on it (the Message Key of Edit) do not count as required', async () => {
		const { error, output } = await run(
			// With the type from an expression n8n asks for both of the operation's own fields.
			{ resource: 'conversation', operation: 'pin', fromAccount: 'alice', conversationType: '={{ $json.type }}', toAccount: 'bob', groupId: '@TGS#team' },
			{ input: [{ json: { type: 'c2c' } }] },
		);
		expect(error).toBeUndefined();
		expect(output[0][0].json).toEqual({ pinned: true, fromAccount: 'alice', conversationType: 'c2c', toAccount: 'bob' });
	});
});
