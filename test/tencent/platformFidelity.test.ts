/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Tencent Cloud Chat as the docs describe it: de-duplication by sender + MsgSeq + MsgRandom +
// content within 120 s (a send without MsgSeq gets a random one), batchsendmsg counted per
// recipient, the callback and unread controls, AssistFlags 63 and the Riyadh data center.
import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { FakeTencent } from '../fakes/fakeTencent';
import { PACKAGE_ROOT, items, loadPackage, runNode } from '../helpers/engine';
import { cachedUserSig } from '../../nodes/TencentCloudChat/transport/userSig';

const fake = new FakeTencent();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await fake.start();
	credentials = {
		tencentCloudChatApi: { region: 'custom', customBaseUrl: baseUrl, sdkAppId: String(fake.sdkAppId), secretKey: fake.secretKey, adminIdentifier: 'administrator' },
	};
	fake.addUsers('alice', 'bob', 'carol');
	fake.addGroup('@TGS#team', ['alice', 'bob']);
});
afterAll(async () => await fake.stop());
beforeEach(() => fake.reset());

const run = async (parameters: INodeParameters, options: Parameters<typeof runNode>[3] = {}) => await runNode('tencentCloudChat', parameters, credentials, options);
const send = (text: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'message', operation: 'send', toAccount: 'bob', messageType: 'text', text, ...extra });
const textOf = (body: unknown[]) => ((body[0] as { MsgContent: { Text?: string } }).MsgContent.Text ?? '');
const storedWith = (text: string) => fake.messages.filter((m) => textOf(m.MsgBody) === text);

/** Posts a signed REST command to the fake directly, as any client of the documented API would. */
async function post(command: string, body: unknown): Promise<Record<string, unknown>> {
	const sig = cachedUserSig(fake.sdkAppId, 'administrator', fake.secretKey);
	const url = `${fake.server.baseUrl}/v4/${command}?sdkappid=${fake.sdkAppId}&identifier=administrator&usersig=${sig}&random=${Math.floor(Math.random() * 2 ** 32)}&contenttype=json`;
	const response = await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
	return (await response.json()) as Record<string, unknown>;
}

describe('the fake models Tencent de-duplication as documented', () => {
	const message = { To_Account: 'bob', MsgRandom: 77, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'dedup model' } }] };

	it('a repeated send without MsgSeq is a second message (Tencent picks a random MsgSeq)', async () => {
		const before = storedWith('dedup model').length;
		await post('openim/sendmsg', message);
		await post('openim/sendmsg', message);
		expect(storedWith('dedup model').length - before).toBe(2);
	});

	it('a repeat with the same MsgSeq, MsgRandom and content within 120 s is dropped; another content is not', async () => {
		const first = await post('openim/sendmsg', { ...message, MsgSeq: 4242, MsgRandom: 78 });
		const repeat = await post('openim/sendmsg', { ...message, MsgSeq: 4242, MsgRandom: 78 });
		expect(repeat.MsgKey).toBe(first.MsgKey);
		expect(fake.messages.filter((m) => m.MsgRandom === 78)).toHaveLength(1);
		await post('openim/sendmsg', { ...message, MsgSeq: 4242, MsgRandom: 78, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'other text' } }] });
		expect(fake.messages.filter((m) => m.MsgRandom === 78)).toHaveLength(2);
	});

	it('counts batchsendmsg per recipient: 12,000 messages a minute, answered 60007 beyond, nothing delivered', async () => {
		fake.batchRecipientLimit.record(11_800);
		const answer = await post('openim/batchsendmsg', { ...message, To_Account: ['alice', 'bob', 'carol'].concat(Array.from({ length: 200 }, () => 'bob')), MsgRandom: 79 });
		expect(answer).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60007 });
		expect(fake.messages.filter((m) => m.MsgRandom === 79)).toHaveLength(0);
		const fits = await post('openim/batchsendmsg', { ...message, To_Account: ['alice', 'carol'], MsgRandom: 80 });
		expect(fits).toMatchObject({ ActionStatus: 'OK' });
	});

	it('batchsendmsg triggers no callbacks; sendmsg triggers both unless ForbidCallbackControl names them', async () => {
		await post('openim/batchsendmsg', { ...message, To_Account: ['alice'], MsgRandom: 81 });
		expect(fake.callbacksDue).toHaveLength(0);
		await post('openim/sendmsg', { ...message, MsgRandom: 82 });
		expect(fake.callbacksDue.map((c) => c.command)).toEqual(['C2C.CallbackBeforeSendMsg', 'C2C.CallbackAfterSendMsg']);
		await post('openim/sendmsg', { ...message, MsgRandom: 83, ForbidCallbackControl: ['ForbidAfterSendMsgCallback'] });
		expect(fake.callbacksDue.map((c) => c.command).slice(2)).toEqual(['C2C.CallbackBeforeSendMsg']);
	});
});

describe('Message → Send: one message whatever the retries', () => {
	it('a dropped answer after delivery is retried with the same MsgSeq and MsgRandom: delivered once', async () => {
		let cut = 1;
		fake.server.networkFault = (req) => (req.segments[2] === 'sendmsg' && cut-- > 0 ? { kind: 'reset' } : undefined);
		const dropped = fake.duplicatesDropped;
		const { output, run: execution } = await run(send('after a reset'));
		expect(execution.status).toBe('success');
		const calls = fake.commandRequests('openim/sendmsg');
		expect(calls).toHaveLength(2);
		expect(calls[1].body).toBe(calls[0].body);
		expect(typeof (calls[0].json as { MsgSeq?: unknown }).MsgSeq).toBe('number');
		expect(storedWith('after a reset')).toHaveLength(1);
		expect(fake.duplicatesDropped).toBe(dropped + 1);
		expect(output[0][0].json.MsgKey).toBe(storedWith('after a reset')[0].MsgKey);
	});

	it('a 5xx after delivery is retried and the message arrives once', async () => {
		let failures = 2;
		fake.failAfterProcessing = (_req, command) => (command === 'openim/sendmsg' && failures-- > 0 ? 502 : undefined);
		const { run: execution } = await run(send('after two 502s'));
		expect(execution.status).toBe('success');
		expect(fake.commandRequests('openim/sendmsg')).toHaveLength(3);
		expect(storedWith('after two 502s')).toHaveLength(1);
	});

	it('items sent in the same second keep their order in the history (MsgSeq increases with the items)', async () => {
		await run(send('={{ "order " + $itemIndex }}'), { input: items(5) });
		const seqs = fake.commandRequests('openim/sendmsg').map((r) => r.json as { MsgSeq: number; MsgBody: unknown[] });
		const byItem = seqs.sort((a, b) => textOf(a.MsgBody).localeCompare(textOf(b.MsgBody))).map((r) => r.MsgSeq);
		expect([...byItem].sort((a, b) => a - b)).toEqual(byItem);
		expect(new Set(byItem).size).toBe(5);
	});

	it('when the outcome stays unknown after the last retry, the error says the message may have been delivered', async () => {
		fake.failAfterProcessing = (_req, command) => (command === 'openim/sendmsg' ? 503 : undefined);
		const { output } = await run(send('unknown outcome'), { onError: 'continueRegularOutput' });
		expect(output[0][0].json.error).toBe('Tencent Cloud Chat answered with HTTP 503; the message may have been delivered [item 0]');
		expect(output[0][0].error?.description).toMatch(/may have been delivered.*Get History/);
		expect(storedWith('unknown outcome')).toHaveLength(1);
	});

	it('never retries past the 120 s de-duplication window: a late retry could deliver a second message', async () => {
		// Every 5xx (after the message was stored) takes a minute: the clock of the node and of the fake
		// moves on. An app of its own, so that its rate limiter and UserSig live on that clock alone.
		const slow = new FakeTencent();
		slow.sdkAppId = 1400999999;
		const slowUrl = await slow.start();
		slow.addUsers('bob');
		const realNow = Date.now.bind(Date);
		let offset = 0;
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
		try {
			slow.failAfterProcessing = (_req, command) => {
				if (command !== 'openim/sendmsg') return undefined;
				offset += 60_000;
				return 502;
			};
			const { output } = await runNode('tencentCloudChat', send('slow platform'), {
				tencentCloudChatApi: { region: 'custom', customBaseUrl: slowUrl, sdkAppId: String(slow.sdkAppId), secretKey: slow.secretKey, adminIdentifier: 'administrator' },
			}, { onError: 'continueRegularOutput' });
			// Sent at 0 s (stored), 60 s (a repeat, dropped); a third attempt would arrive after 120 s.
			expect(slow.commandRequests('openim/sendmsg')).toHaveLength(2);
			expect(slow.messages.filter((m) => textOf(m.MsgBody) === 'slow platform')).toHaveLength(1);
			expect(output[0][0].json.error).toBe('Tencent Cloud Chat answered with HTTP 502; the message may have been delivered [item 0]');
			expect(output[0][0].error?.description).toMatch(/within 120 s of the first attempt/);
		} finally {
			clock.mockRestore();
			await slow.stop();
		}
	});

	it('a refusal that surely sent nothing does not say "may have been delivered"', async () => {
		const { output } = await run(send('to nobody', { toAccount: 'ghost' }), { onError: 'continueRegularOutput' });
		expect(output[0][0].json.error).toBe('The sender or recipient does not exist (Tencent error 90003: To_Account does not exist) [item 0]');
	});
});

describe('Message → Send to Many: one message per recipient, paced by recipients', () => {
	const sendToMany = (toAccounts: string, text: string): INodeParameters => ({ resource: 'message', operation: 'sendToMany', toAccounts, messageType: 'text', text });

	it('a dropped answer after delivery is retried with the same MsgSeq and MsgRandom: each recipient gets it once', async () => {
		let cut = 1;
		fake.server.networkFault = (req) => (req.segments[2] === 'batchsendmsg' && cut-- > 0 ? { kind: 'reset' } : undefined);
		const { output } = await run(sendToMany('alice, bob, carol', 'batch after reset'));
		expect(output[0][0].json).toMatchObject({ recipients: 3, sent: 3, failed: 0 });
		const calls = fake.commandRequests('openim/batchsendmsg');
		expect(calls).toHaveLength(2);
		expect(calls[1].body).toBe(calls[0].body);
		expect(storedWith('batch after reset').map((m) => m.To_Account).sort()).toEqual(['alice', 'bob', 'carol']);
	});

	it('waits for the per-recipient budget instead of being refused (12,000 messages a minute)', async () => {
		const recipients = Array.from({ length: 300 }, (_, i) => `crowd${i}`);
		fake.addUsers(...recipients);
		// This n8n process sent 11,800 batch messages for this app 59 s ago: the platform and the
		// node's shared budget both count them.
		await loadPackage();
		// The built module the engine loaded (the same module registry in this test file).
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { sharedUnitBudget } = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/unitBudget.js')) as typeof import('../../nodes/shared/unitBudget');
		const at = Date.now() - 59_000;
		sharedUnitBudget(`tencent:${fake.sdkAppId}:batchsendmsg`, 12_000, 60_000).record(11_800, at);
		fake.batchRecipientLimit.record(11_800, at);
		const started = Date.now();
		const { output, run: execution } = await run(sendToMany(recipients.join(','), 'paced by recipients'));
		expect(execution.status).toBe('success');
		expect(output[0][0].json).toMatchObject({ recipients: 300, sent: 300 });
		expect(fake.errorsAnswered).toEqual([]);
		// It waited for the old messages to leave the window.
		expect(Date.now() - started).toBeGreaterThan(500);
		expect(storedWith('paced by recipients')).toHaveLength(300);
	});

	it('a rate-limit answer (60007) means wait and retry, never a failed item', async () => {
		fake.faultCommands.add('openim/batchsendmsg');
		fake.faults = [60007, 60007];
		const { output, run: execution } = await run(sendToMany('alice, bob', 'after 60007'));
		expect(execution.status).toBe('success');
		expect(output[0][0].json).toMatchObject({ recipients: 2, sent: 2 });
		expect(storedWith('after 60007')).toHaveLength(2);
	});

	it('after an unclear last attempt the error says the message may have been delivered', async () => {
		fake.failAfterProcessing = (_req, command) => (command === 'openim/batchsendmsg' ? 502 : undefined);
		const { output } = await run(sendToMany('alice, bob', 'batch unknown'), { onError: 'continueRegularOutput' });
		expect(output[0][0].json.error).toMatch(/may have been delivered \[item 0\]$/);
		expect(storedWith('batch unknown')).toHaveLength(2);
	});
});

describe('Message → Send to Group', () => {
	it('a 5xx after delivery is retried with the same Random: the group gets the message once', async () => {
		let failures = 1;
		fake.failAfterProcessing = (_req, command) => (command === 'group_open_http_svc/send_group_msg' && failures-- > 0 ? 502 : undefined);
		const { run: execution } = await run({ resource: 'message', operation: 'sendToGroup', groupId: '@TGS#team', messageType: 'text', text: 'group once' });
		expect(execution.status).toBe('success');
		expect(fake.groupMessages.filter((m) => textOf(m.MsgBody) === 'group once')).toHaveLength(1);
	});
});

describe('callback and unread controls', () => {
	it('Send: skipCallbacks and sendMsgControl become ForbidCallbackControl and SendMsgControl, as the docs name them', async () => {
		fake.addUsers('dora');
		const { run: execution } = await run(
			send('quiet reply', {
				toAccount: 'dora',
				options: { skipCallbacks: ['ForbidBeforeSendMsgCallback', 'ForbidAfterSendMsgCallback'], sendMsgControl: ['NoUnread', 'NoLastMsg'] },
			}),
		);
		expect(execution.status).toBe('success');
		const sent = fake.commandRequests('openim/sendmsg')[0].json as Record<string, unknown>;
		expect(sent.ForbidCallbackControl).toEqual(['ForbidBeforeSendMsgCallback', 'ForbidAfterSendMsgCallback']);
		expect(sent.SendMsgControl).toEqual(['NoUnread', 'NoLastMsg']);
		// No callback reaches a trigger, no unread count, no conversation-list update.
		expect(fake.callbacksDue).toHaveLength(0);
		expect(fake.unread.get('dora|administrator')).toBeUndefined();
		expect(fake.conversationsOf('dora').size).toBe(0);
	});

	it('Send to Group: the same options for group messages', async () => {
		await run({
			resource: 'message',
			operation: 'sendToGroup',
			groupId: '@TGS#team',
			messageType: 'text',
			text: 'quiet group',
			options: { skipCallbacks: ['ForbidBeforeSendMsgCallback'], sendMsgControl: ['NoLastMsg'] },
		});
		const sent = fake.commandRequests('group_open_http_svc/send_group_msg')[0].json as Record<string, unknown>;
		expect(sent.ForbidCallbackControl).toEqual(['ForbidBeforeSendMsgCallback']);
		expect(sent.SendMsgControl).toEqual(['NoLastMsg']);
		expect(fake.callbacksDue.map((c) => c.command)).toEqual(['Group.CallbackAfterSendMsg']);
	});

	it('without the options, nothing is added and both callbacks fire', async () => {
		await run(send('plain'));
		const sent = fake.commandRequests('openim/sendmsg')[0].json as Record<string, unknown>;
		expect(sent.ForbidCallbackControl).toBeUndefined();
		expect(sent.SendMsgControl).toBeUndefined();
		expect(fake.callbacksDue.map((c) => c.command)).toEqual(['C2C.CallbackBeforeSendMsg', 'C2C.CallbackAfterSendMsg']);
	});

	it('refuses an unknown control value (from an expression) before sending', async () => {
		const { error } = await run(send('bad', { options: { skipCallbacks: '={{ ["ForbidEverything"] }}' } }));
		expect(error?.message).toBe('Skip Callbacks has an unknown value "ForbidEverything" [item 0]');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Conversation → Get Many with AssistFlags 63', () => {
	it('asks for the complete fields and outputs the conversation marks and groups', async () => {
		fake.addUsers('erin2');
		fake.addConversation('erin2', 1, 'bob', 1700000000);
		fake.conversationsOf('erin2').get('1:bob')!.StandardMark = '01';
		fake.conversationsOf('erin2').get('1:bob')!.ContactGroupId = [2];
		const { output } = await run({ resource: 'conversation', operation: 'getMany', fromAccount: 'erin2', returnAll: true });
		expect((fake.requests[0].json as { AssistFlags: number }).AssistFlags).toBe(63);
		expect(output[0][0].json).toMatchObject({ To_Account: 'bob', StandardMark: '01', CustomMark: '', ContactGroupId: [2] });
	});
});
