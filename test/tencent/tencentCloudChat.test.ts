/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { inflateSync } from 'node:zlib';

import type { INodeParameters } from 'n8n-workflow';

import { FakeTencent, verifyUserSig } from '../fakes/fakeTencent';
import { items, runNode } from '../helpers/engine';

const fake = new FakeTencent();
const WRONG_KEY = ['wrong', 'key', 'value', '1234'].join('-');
const wrongKey = WRONG_KEY;
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await fake.start();
	credentials = {
		tencentCloudChatApi: {
			region: 'custom',
			customBaseUrl: ` ${baseUrl} `,
			sdkAppId: ` ${fake.sdkAppId} `,
			secretKey: ` ${fake.secretKey}\n`,
			adminIdentifier: 'administrator',
		},
	};
	fake.addUsers('alice', 'bob', 'carol');
	fake.addGroup('@TGS#team', ['alice', 'bob']);
});
afterAll(async () => await fake.stop());
beforeEach(() => fake.reset());

const run = async (parameters: INodeParameters, options: Parameters<typeof runNode>[3] = {}, creds = credentials) =>
	await runNode('tencentCloudChat', parameters, creds, options);

const body = (i = 0) => fake.requests[i].json as Record<string, unknown>;

describe('every request', () => {
	it('carries sdkappid, identifier, a verifiable UserSig, a uint32 random and contenttype=json', async () => {
		const { run: execution } = await run({ resource: 'user', operation: 'import', userId: 'dave' }, { input: items(3) });
		expect(execution.status).toBe('success');
		expect(fake.requests).toHaveLength(3);
		const randoms = new Set<string>();
		for (const req of fake.requests) {
			expect(req.method).toBe('POST');
			expect(req.rawPath).toBe('/v4/im_open_login_svc/account_import');
			expect(req.headers['content-type']).toMatch(/^application\/json/);
			expect([...req.query.keys()].sort()).toEqual(['contenttype', 'identifier', 'random', 'sdkappid', 'usersig']);
			expect(req.query.get('sdkappid')).toBe(String(fake.sdkAppId));
			expect(req.query.get('identifier')).toBe('administrator');
			expect(req.query.get('contenttype')).toBe('json');
			const random = Number(req.query.get('random'));
			expect(Number.isInteger(random) && random >= 0 && random < 2 ** 32).toBe(true);
			randoms.add(req.query.get('random')!);
			const now = Math.floor(Date.now() / 1000);
			expect(verifyUserSig(req.query.get('usersig')!, { sdkAppId: fake.sdkAppId, identifier: 'administrator', secretKey: fake.secretKey, now })).toBe(0);
		}
		expect(randoms.size).toBe(3);
		// One signature, reused (it lives 24 hours).
		expect(new Set(fake.requests.map((r) => r.query.get('usersig'))).size).toBe(1);
	});

	it('refuses a non-numeric SDKAppID and plain http:// to another host before sending', async () => {
		let result = await run(
			{ resource: 'user', operation: 'import', userId: 'dave' },
			{},
			{ tencentCloudChatApi: { ...credentials.tencentCloudChatApi, sdkAppId: '14000x' } },
		);
		expect(result.error?.message).toMatch(/SDKAppID must be digits only, e.g. 1400000000 \(it is "14000x"\)/);
		result = await run(
			{ resource: 'user', operation: 'import', userId: 'dave' },
			{},
			{ tencentCloudChatApi: { ...credentials.tencentCloudChatApi, customBaseUrl: 'http://example.com' } },
		);
		expect(result.error?.message).toMatch(/plain http:\/\/ for "example.com"/);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Conversation → Delete', () => {
	const del = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'conversation',
		operation: 'delete',
		fromAccount: 'alice',
		conversationType: 'c2c',
		toAccount: 'bob',
		...extra,
	});

	it('deletes a one-to-one conversation with the documented body', async () => {
		fake.addConversation('alice', 1, 'bob', 1700000000);
		const { output } = await run(del({ clearRoamingMessages: true }));
		expect(fake.requests[0].rawPath).toBe('/v4/recentcontact/delete');
		expect(fake.requests[0].body).toBe('{"From_Account":"alice","Type":1,"To_Account":"bob","ClearRamble":1}');
		expect(output[0]).toEqual([
			{ json: { deleted: true, fromAccount: 'alice', conversationType: 'c2c', toAccount: 'bob', clearRoamingMessages: true }, pairedItem: { item: 0 } },
		]);
		expect(fake.conversationsOf('alice').has('1:bob')).toBe(false);
	});

	it('deletes a group conversation with ToGroupid and ClearRamble 0', async () => {
		fake.addConversation('alice', 2, '@TGS#team', 1700000000);
		const { output } = await run(del({ conversationType: 'group', groupId: '@TGS#team', toAccount: 'ignored' }));
		expect(body()).toEqual({ From_Account: 'alice', Type: 2, ToGroupid: '@TGS#team', ClearRamble: 0 });
		expect(output[0][0].json).toEqual({ deleted: true, fromAccount: 'alice', conversationType: 'group', groupId: '@TGS#team', clearRoamingMessages: false });
		expect(fake.conversationsOf('alice').size).toBe(0);
	});

	it('explains a user that was never imported (50001) without retrying', async () => {
		const { error } = await run(del({ fromAccount: 'nobody' }));
		expect(error?.message).toBe('The user has not been imported into the app (Tencent error 50001: From_Account is not imported) [item 0]');
		expect(error?.description).toMatch(/import the user first/);
		expect(fake.requests).toHaveLength(1);
	});

	it('refuses empty accounts before sending anything', async () => {
		const { error } = await run(del({ toAccount: '={{ $json.to }}' }), { input: items(2, (i) => ({ to: i === 0 ? 'bob' : '  ' })) });
		expect(error?.message).toBe('To Account is empty [item 1]');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Conversation → Get Many', () => {
	beforeAll(() => {
		fake.addUsers('erin');
		for (let i = 0; i < 7; i++) fake.addConversation('erin', 1, `peer${i}`, 1700000000 + i);
		fake.addConversation('erin', 2, '@TGS#pinned', 1600000000, true);
	});

	it('pages with the four cursors until CompleteFlag, pinned conversations first', async () => {
		const { output } = await run({ resource: 'conversation', operation: 'getMany', fromAccount: 'erin', returnAll: true });
		expect(fake.requests).toHaveLength(3);
		expect(body(0)).toEqual({ From_Account: 'erin', TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 63 });
		const second = body(1);
		expect(second.TopStartIndex).toBe(1);
		expect(second.StartIndex).toBe(2);
		expect(second.TimeStamp).toBeGreaterThan(0);
		expect(output[0].map((i) => i.json.To_Account ?? i.json.GroupId)).toEqual(['@TGS#pinned', 'peer6', 'peer5', 'peer4', 'peer3', 'peer2', 'peer1', 'peer0']);
		expect(output[0][0].json).toEqual({
			conversationType: 'group',
			Type: 2,
			GroupId: '@TGS#pinned',
			MsgTime: 1600000000,
			TopFlag: 1,
			StandardMark: '',
			CustomMark: '',
			ContactGroupId: [],
		});
		expect(output[0].every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at the limit', async () => {
		const { output } = await run({ resource: 'conversation', operation: 'getMany', fromAccount: 'erin', returnAll: false, limit: 4 });
		expect(output[0]).toHaveLength(4);
		expect(fake.requests).toHaveLength(2);
	});
});

describe('Message → Send', () => {
	const send = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'message',
		operation: 'send',
		toAccount: 'bob',
		messageType: 'text',
		text: 'Hello Bob',
		...extra,
	});

	it('sends a text message with the optional fields and outputs the MsgKey', async () => {
		const { output } = await run(
			send({
				additionalFields: {
					fromAccount: 'alice',
					syncToSender: false,
					messageLifetime: 3600,
					offlinePushTitle: 'Shop',
					offlinePushText: 'New message',
					cloudCustomData: '{"order":42}',
				},
			}),
		);
		expect(fake.requests[0].rawPath).toBe('/v4/openim/sendmsg');
		const sent = body();
		expect(sent).toEqual({
			MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Hello Bob' } }],
			From_Account: 'alice',
			CloudCustomData: '{"order":42}',
			OfflinePushInfo: { PushFlag: 0, Title: 'Shop', Desc: 'New message' },
			SyncOtherMachine: 2,
			MsgLifeTime: 3600,
			To_Account: 'bob',
			MsgSeq: expect.any(Number),
			MsgRandom: expect.any(Number),
		});
		const stored = fake.messages[fake.messages.length - 1];
		expect(output[0][0].json).toEqual({
			MsgTime: stored.MsgTimeStamp,
			MsgKey: stored.MsgKey,
			MsgId: `${stored.MsgKey}-id`,
			To_Account: 'bob',
			From_Account: 'alice',
			MsgSeq: sent.MsgSeq,
			MsgRandom: sent.MsgRandom,
		});
		// The first message started the conversation on both sides.
		expect(fake.conversationsOf('bob').has('1:alice')).toBe(true);
	});

	it('sends a custom message from the admin', async () => {
		await run(send({ messageType: 'custom', customData: '{"type":"order"}', customDescription: 'Order update' }));
		expect(body().MsgBody).toEqual([{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"type":"order"}', Desc: 'Order update' } }]);
		expect(body().From_Account).toBeUndefined();
	});

	it('uses a fresh MsgRandom per item and keeps output order', async () => {
		fake.server.latencyMs = 20;
		const { output } = await run(send({ toAccount: '={{ $json.to }}', text: '={{ "n" + $itemIndex }}' }), {
			input: items(6, (i) => ({ to: ['alice', 'bob', 'carol'][i % 3] })),
		});
		expect(new Set(fake.requests.map((r) => (r.json as { MsgRandom: number }).MsgRandom)).size).toBe(6);
		expect(output[0].map((i) => i.json.To_Account)).toEqual(['alice', 'bob', 'carol', 'alice', 'bob', 'carol']);
		expect(output[0].map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
	});

	it('retries after a transient failure with the same MsgRandom, and the message arrives exactly once', async () => {
		// 20004 after the message was stored: Tencent drops the repeated MsgRandom.
		fake.faultCommands.add('openim/sendmsg');
		fake.faults = [91000, 502, 60007];
		const before = fake.duplicatesDropped;
		const { output, run: execution } = await run(send({ text: 'exactly once' }));
		expect(execution.status).toBe('success');
		expect(fake.commandRequests('openim/sendmsg')).toHaveLength(4);
		const randoms = fake.commandRequests('openim/sendmsg').map((r) => (r.json as { MsgRandom: number }).MsgRandom);
		expect(new Set(randoms).size).toBe(1);
		expect(fake.deliveries.get(randoms[0])).toBe(1);
		expect(fake.duplicatesDropped).toBe(before);
		expect(output[0][0].json.MsgRandom).toBe(randoms[0]);
	});

	it('a repeated send (same MsgRandom and content) is delivered once', async () => {
		const { output } = await run(send({ text: 'twice?' }));
		const first = fake.commandRequests('openim/sendmsg')[0];
		const before = fake.messages.length;
		// Replay the exact request, as a retry after a lost answer would.
		const url = `${fake.server.baseUrl}${first.rawPath}?${first.query.toString()}`;
		const replay = (await (await fetch(url, { method: 'POST', body: first.body, headers: { 'Content-Type': 'application/json' } })).json()) as Record<
			string,
			unknown
		>;
		expect(replay.MsgKey).toBe(output[0][0].json.MsgKey);
		expect(fake.messages.length).toBe(before);
		expect(fake.deliveries.get((first.json as { MsgRandom: number }).MsgRandom)).toBe(1);
	});

	it('gives up after the retries and reports the code, the text and a hint', async () => {
		fake.faultCommands.add('openim/sendmsg');
		fake.faults = [20005, 20005, 20005, 20005, 20005];
		const { error } = await run(send());
		// 20005 is an internal error on Tencent's side: whether the message was stored stays unknown.
		expect(error?.message).toBe('Tencent Cloud Chat had a temporary problem (Tencent error 20005: injected error 20005); the message may have been delivered [item 0]');
		expect(error?.description).toMatch(/may have been delivered.*Get History.*usually temporary/);
		expect(fake.commandRequests('openim/sendmsg')).toHaveLength(5);
	});

	it('refuses bad input before sending anything', async () => {
		for (const params of [
			send({ text: '={{ "" }}' }),
			send({ toAccount: '={{ "  " }}' }),
			send({ additionalFields: { messageLifetime: 700000 } }),
			send({ toAccount: 'x'.repeat(33) }),
			send({ messageType: 'custom', customData: '={{ null }}' }),
		]) {
			const { error } = await run(params);
			expect(error?.message).toMatch(/\[item 0\]$/);
		}
		expect(fake.requests).toHaveLength(0);
	});

	it('with Continue On Fail gives one item per input', async () => {
		const { output, run: execution } = await run(send({ toAccount: '={{ $json.to }}' }), {
			onError: 'continueErrorOutput',
			input: [{ json: { to: 'bob' } }, { json: { to: 'ghost' } }, { json: { to: '' } }, { json: { to: 'carol' } }],
		});
		expect(execution.status).toBe('success');
		expect(output[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(output[1].map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(output[1][0].json.error).toBe('The sender or recipient does not exist (Tencent error 90003: To_Account does not exist) [item 1]');
		expect(output[1][1].json.error).toBe('To Account is empty [item 2]');
		expect(fake.requests).toHaveLength(3);
	});
});

describe('UserSig errors', () => {
	const importUser = { resource: 'user', operation: 'import', userId: 'frank' };

	it('re-signs once after 70001 and succeeds', async () => {
		await run(importUser);
		const firstSig = fake.requests[0].query.get('usersig')!;
		const issued = JSON.parse(inflateSync(Buffer.from(firstSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString())[
			'TLS.time'
		] as number;
		// Wait for the next second so the new signature differs from the old one.
		while (Math.floor(Date.now() / 1000) <= issued) await new Promise((r) => setTimeout(r, 50));
		fake.server.reset();
		fake.expireSignaturesIssuedUpTo = issued;
		const { run: execution, output } = await run(importUser);
		expect(execution.status).toBe('success');
		expect(output[0][0].json).toEqual({ imported: true, userId: 'frank' });
		expect(fake.errorsAnswered).toEqual([70001]);
		const sigs = fake.requests.map((r) => r.query.get('usersig'));
		expect(sigs).toHaveLength(2);
		expect(sigs[0]).toBe(firstSig);
		expect(sigs[1]).not.toBe(firstSig);
	});

	it('explains a wrong secret key (70009), a wrong region (70016) and a non-admin identifier (60010)', async () => {
		let result = await run(importUser, {}, { tencentCloudChatApi: { ...credentials.tencentCloudChatApi, secretKey: wrongKey } });
		expect(result.error?.message).toMatch(/^Tencent could not verify the UserSig: wrong secret key \(Tencent error 70009/);
		expect(result.error?.description).toMatch(/Chat console/);
		fake.wrongRegion = true;
		result = await run(importUser);
		expect(result.error?.message).toMatch(/chosen region \(Tencent error 70016/);
		expect(result.error?.description).toMatch(/region/);
		fake.wrongRegion = false;
		result = await run(importUser, {}, { tencentCloudChatApi: { ...credentials.tencentCloudChatApi, adminIdentifier: 'alice' } });
		expect(result.error?.message).toMatch(/^The Admin Identifier is not an App admin \(Tencent error 60010/);
		expect(fake.errorsAnswered).toEqual([70009, 70016, 60010]);
	});

	it('keeps the secret key and the UserSig out of every output and error', async () => {
		const runs = [
			await run(importUser),
			await run(importUser, {}, { tencentCloudChatApi: { ...credentials.tencentCloudChatApi, secretKey: wrongKey } }),
			await run({ resource: 'message', operation: 'send', toAccount: 'ghost', messageType: 'text', text: 'x' }, { onError: 'continueRegularOutput' }),
		];
		fake.faults = [502, 502, 502, 502, 502];
		runs.push(await run(importUser));
		const sigs = new Set(fake.requests.map((r) => r.query.get('usersig')!));
		expect(sigs.size).toBeGreaterThan(0);
		for (const { serialized } of runs) {
			expect(serialized).not.toContain(fake.secretKey);
			expect(serialized).not.toContain(WRONG_KEY);
			for (const sig of sigs) expect(serialized).not.toContain(sig);
		}
		expect(runs[3].error?.message).toBe('Tencent Cloud Chat answered with HTTP 502 [item 0]');
	});
});

describe('network failures', () => {
	it('retries a refused connection and then explains it, naming the address', async () => {
		const closed = new FakeTencent();
		const closedUrl = await closed.start();
		await closed.stop();
		const started = Date.now();
		const { error } = await run({ resource: 'user', operation: 'import', userId: 'zed' }, {}, { tencentCloudChatApi: { ...credentials.tencentCloudChatApi, customBaseUrl: closedUrl } });
		expect(error?.message).toBe('Tencent Cloud Chat could not be reached: The server refused the connection [item 0]');
		expect(error?.description).toContain(closedUrl);
		// Four retries with backoff happened before giving up.
		expect(Date.now() - started).toBeGreaterThan(900);
	});
});

describe('Message → Send to Many', () => {
	const sendToMany = (toAccounts: unknown, extra: INodeParameters = {}): INodeParameters => ({
		resource: 'message',
		operation: 'sendToMany',
		toAccounts: toAccounts as string,
		messageType: 'text',
		text: 'Sale starts now',
		...extra,
	});

	it('splits more than 500 recipients into calls and reports failed recipients one by one', async () => {
		const ids = Array.from({ length: 1203 }, (_, i) => `buyer${i}`);
		fake.addUsers(...ids.filter((_, i) => i !== 7 && i !== 900));
		const { output } = await run(sendToMany('={{ $json.ids }}', { additionalFields: { fromAccount: 'alice' } }), { input: [{ json: { ids } }] });
		const calls = fake.commandRequests('openim/batchsendmsg');
		expect(calls.map((c) => (c.json as { To_Account: string[] }).To_Account.length)).toEqual([500, 500, 203]);
		expect(calls.flatMap((c) => (c.json as { To_Account: string[] }).To_Account)).toEqual(ids);
		expect(new Set(calls.map((c) => (c.json as { MsgRandom: number }).MsgRandom)).size).toBe(3);
		expect((calls[0].json as Record<string, unknown>).From_Account).toBe('alice');
		expect(output[0]).toHaveLength(1);
		const result = output[0][0].json;
		expect(result).toMatchObject({ recipients: 1203, sent: 1201, failed: 2, calls: 3 });
		expect(result.failedRecipients).toEqual([
			{ toAccount: 'buyer7', errorCode: 90003 },
			{ toAccount: 'buyer900', errorCode: 90003 },
		]);
		expect((result.msgKeys as string[]).length).toBe(3);
	});

	it('takes a comma-separated list and drops duplicates', async () => {
		await run(sendToMany(' alice, bob ,alice,,carol '));
		expect(body().To_Account as string[]).toEqual(['alice', 'bob', 'carol']);
	});
});

describe('Message → Send to Group', () => {
	it('sends with GroupId and a Random that a retry repeats', async () => {
		fake.faultCommands.add('group_open_http_svc/send_group_msg');
		fake.faults = [10002];
		const { output } = await run({
			resource: 'message',
			operation: 'sendToGroup',
			groupId: '@TGS#team',
			messageType: 'text',
			text: 'Hi team',
			additionalFields: { fromAccount: 'bob', onlineOnly: true },
		});
		const calls = fake.commandRequests('group_open_http_svc/send_group_msg');
		expect(calls).toHaveLength(2);
		expect(calls[0].body).toBe(calls[1].body);
		expect(calls[0].json).toEqual({
			GroupId: '@TGS#team',
			Random: expect.any(Number),
			MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'Hi team' } }],
			From_Account: 'bob',
			OnlineOnlyFlag: 1,
		});
		const random = (calls[0].json as { Random: number }).Random;
		expect(fake.deliveries.get(random)).toBe(1);
		expect(output[0][0].json).toEqual({ MsgTime: expect.any(Number), MsgSeq: expect.any(Number), GroupId: '@TGS#team', Random: random });
	});

	it('explains an unknown group', async () => {
		const { error } = await run({ resource: 'message', operation: 'sendToGroup', groupId: '@TGS#none', messageType: 'text', text: 'x' });
		expect(error?.message).toBe('The group does not exist (Tencent error 10010: group does not exist) [item 0]');
	});
});

describe('Message → Recall and Get History', () => {
	beforeAll(() => fake.addUsers('gina', 'hank'));

	it('recalls a message sent by Send, and refuses an invalid MsgKey (90054)', async () => {
		const sent = await run({
			resource: 'message',
			operation: 'send',
			toAccount: 'hank',
			messageType: 'text',
			text: 'oops',
			additionalFields: { fromAccount: 'gina' },
		});
		const msgKey = sent.output[0][0].json.MsgKey as string;
		fake.server.reset();
		const { output } = await run({ resource: 'message', operation: 'recall', fromAccount: 'gina', toAccount: 'hank', msgKey });
		expect(fake.requests[0].rawPath).toBe('/v4/openim/admin_msgwithdraw');
		expect(body()).toEqual({ From_Account: 'gina', To_Account: 'hank', MsgKey: msgKey });
		expect(output[0][0].json).toEqual({ recalled: true, fromAccount: 'gina', toAccount: 'hank', msgKey });
		expect(fake.messages.find((m) => m.MsgKey === msgKey)?.MsgFlagBits).toBe(8);

		const bad = await run({ resource: 'message', operation: 'recall', fromAccount: 'gina', toAccount: 'hank', msgKey: '1_2_3' });
		expect(bad.error?.message).toBe('The message key is invalid (Tencent error 90054: invalid MsgKey) [item 0]');
		expect(bad.error?.description).toMatch(/MsgKey that Send returned/);
	});

	it('pages through the history with LastMsgKey and LastMsgTime, newest first', async () => {
		const texts = Array.from({ length: 7 }, (_, i) => `m${i}`);
		await run(
			{
				resource: 'message',
				operation: 'send',
				toAccount: 'hank',
				messageType: 'text',
				text: '={{ $json.t }}',
				additionalFields: { fromAccount: 'gina' },
				options: { maxConcurrentRequests: 1 },
			},
			{ input: texts.map((t) => ({ json: { t } })) },
		);
		fake.server.reset();
		const { output } = await run({
			resource: 'message',
			operation: 'getHistory',
			operatorAccount: 'hank',
			peerAccount: 'gina',
			returnAll: true,
			simplify: false,
		});
		const calls = fake.commandRequests('openim/admin_getroammsg');
		expect(calls.length).toBe(3);
		expect(body(0)).toEqual({ Operator_Account: 'hank', Peer_Account: 'gina', MaxCnt: 100, MinTime: 0, MaxTime: expect.any(Number) });
		expect(body(1).LastMsgKey).toBe(output[0][2].json.MsgKey);
		expect(body(1).MaxTime).toBe(output[0][2].json.MsgTimeStamp);
		const got = output[0].map((i) => (i.json.MsgBody as Array<{ MsgContent: { Text: string } }>)[0].MsgContent.Text);
		expect(got.slice(0, 7)).toEqual([...texts].reverse());
		expect(got).toHaveLength(8); // and the recalled "oops"

		fake.server.reset();
		const limited = await run({ resource: 'message', operation: 'getHistory', operatorAccount: 'hank', peerAccount: 'gina', returnAll: false, limit: 2 });
		expect(limited.output[0]).toHaveLength(2);
		expect(body(0).MaxCnt).toBe(2);
		// Simplified by default.
		const newest = output[0][0].json;
		expect(limited.output[0][0].json).toEqual({
			msgKey: newest.MsgKey,
			fromAccount: 'gina',
			toAccount: 'hank',
			sentAt: new Date((newest.MsgTimeStamp as number) * 1000).toISOString(),
			messageTypes: ['TIMTextElem'],
			text: 'm6',
			recalled: false,
		});
	});

	it('no longer returns messages after the conversation was deleted with Clear Roaming Messages', async () => {
		await run({ resource: 'conversation', operation: 'delete', fromAccount: 'hank', conversationType: 'c2c', toAccount: 'gina', clearRoamingMessages: true });
		const { output } = await run({ resource: 'message', operation: 'getHistory', operatorAccount: 'hank', peerAccount: 'gina', returnAll: true });
		expect(output[0]).toHaveLength(0);
	});
});

describe('User → Import and Check', () => {
	it('imports a user with nickname and avatar', async () => {
		const { output } = await run({
			resource: 'user',
			operation: 'import',
			userId: 'ivan',
			additionalFields: { nickname: 'Ivan', faceUrl: 'https://example.com/i.png' },
		});
		expect(body()).toEqual({ UserID: 'ivan', Nick: 'Ivan', FaceUrl: 'https://example.com/i.png' });
		expect(output[0][0].json).toEqual({ imported: true, userId: 'ivan', nickname: 'Ivan', faceUrl: 'https://example.com/i.png' });
		expect(fake.users.has('ivan')).toBe(true);
	});

	it('refuses a UserID longer than 32 bytes before sending', async () => {
		const { error } = await run({ resource: 'user', operation: 'import', userId: 'ü'.repeat(17) });
		expect(error?.message).toMatch(/longer than 32 bytes \[item 0\]$/);
		expect(fake.requests).toHaveLength(0);
	});

	it('checks more than 100 users in calls of 100', async () => {
		const ids = Array.from({ length: 250 }, (_, i) => (i % 50 === 0 ? 'alice' + i : `unknown${i}`));
		fake.addUsers(...ids.filter((id) => id.startsWith('alice')));
		const { output } = await run({ resource: 'user', operation: 'check', userIds: '={{ $json.ids }}' }, { input: [{ json: { ids } }] });
		const calls = fake.commandRequests('im_open_login_svc/account_check');
		expect(calls.map((c) => (c.json as { CheckItem: unknown[] }).CheckItem.length)).toEqual([100, 100, 50]);
		expect((calls[0].json as { CheckItem: unknown[] }).CheckItem[0]).toEqual({ UserID: 'alice0' });
		expect(output[0]).toHaveLength(250);
		expect(output[0][0].json).toEqual({ userId: 'alice0', imported: true, accountStatus: 'Imported', resultCode: 0, resultInfo: '' });
		expect(output[0].filter((i) => i.json.imported).length).toBe(5);
	});
});

describe('pace', () => {
	it('recovers from 60007 (rate limit) by slowing down: every item succeeds, each delivered once', async () => {
		fake.rateLimit = new (fake.rateLimit.constructor as new (l: number, w: number) => typeof fake.rateLimit)(20, 1000);
		const { output, run: execution } = await run(
			{ resource: 'message', operation: 'send', toAccount: 'bob', messageType: 'text', text: '={{ "burst " + $itemIndex }}' },
			{ input: items(40) },
		);
		expect(execution.status).toBe('success');
		expect(output[0]).toHaveLength(40);
		expect(fake.errorsAnswered.filter((c) => c === 60007).length).toBeGreaterThan(0);
		const randoms = output[0].map((i) => i.json.MsgRandom as number);
		expect(randoms.every((r) => fake.deliveries.get(r) === 1)).toBe(true);
	});

	it('keeps to the default 200 requests per second with 20 concurrent requests', async () => {
		fake.server.latencyMs = 60;
		const started = Date.now();
		const { run: execution } = await run({ resource: 'user', operation: 'import', userId: '={{ "pace" + $itemIndex }}' }, { input: items(300) });
		const elapsed = Date.now() - started;
		expect(execution.status).toBe('success');
		// Event-loop stalls on a busy machine can bunch a few arrivals; those few get 60007 and are retried.
		expect(fake.errorsAnswered.filter((code) => code !== 60007)).toEqual([]);
		expect(fake.errorsAnswered.length).toBeLessThan(15);
		expect(fake.server.maxInFlight).toBeLessThanOrEqual(20);
		expect(elapsed).toBeGreaterThan(1400);
	});
});
