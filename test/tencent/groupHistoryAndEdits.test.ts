// Message → Get Group History, Recall Group Message and Edit through n8n's engine against the fake
// Tencent API (test/fakes/fakeTencentMessageHistory.ts holds the documented rules).
import type { INodeParameters } from 'n8n-workflow';

import { FakeTencent } from '../fakes/fakeTencent';
import { items, runNode } from '../helpers/engine';

const fake = new FakeTencent();

beforeAll(async () => {
	await fake.start();
	fake.addUsers('alice', 'bob');
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	fake.groupMessages.length = 0;
	fake.messages.length = 0;
	fake.historyState.groupState.clear();
	fake.addGroup('@TGS#team', ['alice', 'bob']);
});

const run = async (parameters: INodeParameters, options: Parameters<typeof runNode>[3] = {}) => await runNode('tencentCloudChat', parameters, fake.credentials(), options);

/** Sends `count` text messages "m1", "m2", … to the group through the node (MsgSeq 1 to count). */
async function sendToGroup(count: number): Promise<void> {
	const { error } = await run(
		{ resource: 'message', operation: 'sendToGroup', groupId: '@TGS#team', messageType: 'text', text: '={{ $json.text }}', additionalFields: { fromAccount: 'alice' } },
		{ input: items(count, (i) => ({ text: `m${i + 1}` })) },
	);
	expect(error).toBeUndefined();
	fake.reset();
}

const history = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'message', operation: 'getGroupHistory', groupId: '@TGS#team', returnAll: true, ...extra });

describe('Message → Get Group History', () => {
	it('pages back by ReqMsgSeq, 20 at a time, newest first', async () => {
		await sendToGroup(45);
		const { output } = await run(history());
		expect(fake.requests.map((r) => r.json)).toEqual([
			{ GroupId: '@TGS#team', ReqMsgNumber: 20 },
			{ GroupId: '@TGS#team', ReqMsgNumber: 20, ReqMsgSeq: 25 },
			{ GroupId: '@TGS#team', ReqMsgNumber: 20, ReqMsgSeq: 5 },
		]);
		expect(output[0]).toHaveLength(45);
		expect(output[0][0].json).toMatchObject({ groupId: '@TGS#team', msgSeq: 45, fromAccount: 'alice', messageTypes: ['TIMTextElem'], text: 'm45' });
		expect(output[0][44].json.text).toBe('m1');
		expect(typeof output[0][0].json.sentAt).toBe('string');
	});

	it('stops at the limit, starts at Up to Sequence, and returns raw messages without Simplify', async () => {
		await sendToGroup(30);
		const { output } = await run(history({ returnAll: false, limit: 3, simplify: false, filters: { upToSequence: 10 } }));
		expect(fake.requests.map((r) => r.json)).toEqual([{ GroupId: '@TGS#team', ReqMsgNumber: 3, ReqMsgSeq: 10 }]);
		expect(output[0].map((item) => item.json.MsgSeq)).toEqual([10, 9, 8]);
		expect(output[0][0].json).toMatchObject({ From_Account: 'alice', IsPlaceMsg: 0, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'm10' } }] });
	});

	it('leaves out placeholders of recalled messages and keeps paging past them', async () => {
		await sendToGroup(5);
		await run({ resource: 'message', operation: 'recallGroupMessage', groupId: '@TGS#team', msgSeqs: '4, 5' });
		fake.reset();
		const { output } = await run(history());
		expect(output[0].map((item) => item.json.msgSeq)).toEqual([3, 2, 1]);
	});

	it('explains an unknown group (10010) and refuses a bad sequence before sending', async () => {
		let { error } = await run(history({ groupId: '@TGS#nope' }));
		expect(error?.message).toBe('The group does not exist (Tencent error 10010: group does not exist) [item 0]');
		fake.reset();
		({ error } = await run(history({ filters: { upToSequence: 0 } })));
		expect(error?.message).toBe('Up to Sequence is out of range (0) [item 0]');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Message → Recall Group Message', () => {
	it('recalls in calls of 10 and reports sequences that hold no message', async () => {
		await sendToGroup(12);
		const seqs = [...Array.from({ length: 12 }, (_, n) => n + 1), 99];
		const { output } = await run({ resource: 'message', operation: 'recallGroupMessage', groupId: '@TGS#team', msgSeqs: seqs });
		expect(fake.requests.map((r) => r.json)).toEqual([
			{ GroupId: '@TGS#team', MsgSeqList: seqs.slice(0, 10).map((MsgSeq) => ({ MsgSeq })) },
			{ GroupId: '@TGS#team', MsgSeqList: seqs.slice(10).map((MsgSeq) => ({ MsgSeq })) },
		]);
		expect(output[0][0].json).toEqual({ groupId: '@TGS#team', recalled: seqs.slice(0, 12), failed: [{ msgSeq: 99, retCode: 10030 }] });
		expect(fake.historyState.groupState.get('@TGS#team:3')?.recalled).toBe(true);
	});

	it('refuses sequences that are not positive whole numbers before sending anything', async () => {
		for (const [msgSeqs, message] of [
			['1, x', 'Message Sequences (entry 2) must be a whole number, not "x" [item 0]'],
			['0', 'Message Sequences (entry 1) is out of range (0) [item 0]'],
			[' , ', 'Message Sequences is empty [item 0]'],
		]) {
			const { error } = await run({ resource: 'message', operation: 'recallGroupMessage', groupId: '@TGS#team', msgSeqs });
			expect(error?.message).toBe(message);
		}
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Message → Edit', () => {
	it('replaces the text of a one-to-one message sent by Send, as Get History then shows', async () => {
		const sent = await run({ resource: 'message', operation: 'send', toAccount: 'bob', messageType: 'text', text: 'helo', additionalFields: { fromAccount: 'alice' } });
		const msgKey = String(sent.output[0][0].json.MsgKey);
		fake.reset();
		const { output } = await run({ resource: 'message', operation: 'edit', conversationType: 'c2c', fromAccount: 'alice', toAccount: 'bob', msgKey, change: 'content', messageType: 'text', text: 'hello' });
		expect(fake.requests[0].rawPath).toBe('/v4/openim/modify_c2c_msg');
		expect(fake.requests[0].json).toEqual({ From_Account: 'alice', To_Account: 'bob', MsgKey: msgKey, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello' } }] });
		expect(output[0][0].json).toEqual({ edited: true, conversationType: 'c2c', fromAccount: 'alice', toAccount: 'bob', msgKey, changed: ['MsgBody'] });
		const after = await run({ resource: 'message', operation: 'getHistory', operatorAccount: 'bob', peerAccount: 'alice', returnAll: true });
		expect(after.output[0][0].json.text).toBe('hello');
	});

	it('replaces the content and the cloud custom data of a group message', async () => {
		await sendToGroup(2);
		const { output } = await run({
			resource: 'message',
			operation: 'edit',
			conversationType: 'group',
			groupId: '@TGS#team',
			msgSeq: 2,
			change: 'both',
			messageType: 'custom',
			customData: '{"v":2}',
			cloudCustomData: '{"edited":true}',
		});
		expect(fake.requests[0].rawPath).toBe('/v4/openim/modify_group_msg');
		expect(fake.requests[0].json).toEqual({ GroupId: '@TGS#team', MsgSeq: 2, MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"v":2}' } }], CloudCustomData: '{"edited":true}' });
		expect(output[0][0].json).toEqual({ edited: true, conversationType: 'group', groupId: '@TGS#team', msgSeq: 2, changed: ['MsgBody', 'CloudCustomData'] });
		const { output: raw } = await run(history({ simplify: false }));
		expect(raw[0][0].json).toMatchObject({ MsgSeq: 2, MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: '{"v":2}' } }], CloudCustomData: '{"edited":true}' });
	});

	it('with Continue On Fail gives one item per input: an unknown MsgKey (20001) and an empty text as errors', async () => {
		const sent = await run({ resource: 'message', operation: 'send', toAccount: 'bob', messageType: 'text', text: 'x', additionalFields: { fromAccount: 'alice' } });
		const msgKey = String(sent.output[0][0].json.MsgKey);
		fake.reset();
		const { output, run: execution } = await run(
			{ resource: 'message', operation: 'edit', conversationType: 'c2c', fromAccount: 'alice', toAccount: 'bob', msgKey: '={{ $json.key }}', change: 'content', messageType: 'text', text: '={{ $json.text }}' },
			{ onError: 'continueErrorOutput', input: items(3, (i) => [{ key: msgKey, text: 'y' }, { key: '1_2_3', text: 'y' }, { key: msgKey, text: '' }][i]) },
		);
		expect(execution.status).toBe('success');
		expect(output[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1].map((i) => i.json.error)).toEqual([
			'Tencent Cloud Chat refused the request (Tencent error 20001: no message with this MsgKey between these accounts) [item 1]',
			'Text is empty [item 2]',
		]);
		expect(fake.requests).toHaveLength(2);
	});
});
