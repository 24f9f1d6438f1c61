// Easemob IM → Chat Room through the real n8n engine against the fake (test/fakes/fakeEasemobGroups.ts):
// create and delete, and sends counted the way Easemob counts them (10 rooms a call, 20 calls and
// 100 room messages a second per app), never repeated when delivery is unknown.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FakeEasemob } from '../fakes/fakeEasemob';
import { items, runNode } from '../helpers/engine';
import type { EasemobCredentials } from './helpers';
import { credentialsFor, freshApp } from './helpers';

const fake = new FakeEasemob();
let app: string;
let credentials: EasemobCredentials;

beforeAll(async () => await fake.start());
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	// A fresh app per test: Easemob counts messages per app, and so do the node's budgets.
	app = freshApp(fake);
	credentials = credentialsFor(fake, app);
	for (const user of ['owner1', 'alice', 'bob']) fake.addUser(app, user);
});

const json = (output: Array<Array<{ json: IDataObject }>>) => output[0].map((item) => item.json);
const rooms = (count: number, prefix = 'r') => Array.from({ length: count }, (_, n) => `${prefix}${n}`);
const sendToRooms = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'chatRoom',
	operation: 'sendMessage',
	chatRoomIds: '={{ $json.rooms }}',
	messageType: 'txt',
	text: '={{ "Question " + $json.n }}',
	...extra,
});
const delivered = () => [...fake.deliveredBy.values()].reduce((n, ids) => n + ids.length, 0);
const deliveredTwice = () => [...fake.deliveries.values()].filter((n) => n > 1).length;

describe('Easemob IM → Chat Room → Create and Delete', () => {
	it('creates a chat room with the documented body; it exists afterwards and can be deleted', async () => {
		const { output } = await runNode(
			'easemobIm',
			{ resource: 'chatRoom', operation: 'create', name: 'Launch Q&A', description: 'Questions', owner: 'owner1', additionalFields: { maxusers: 300, members: 'alice', custom: 'launch' } },
			credentials,
		);
		const [req] = fake.apiRequests;
		expect(req.method).toBe('POST');
		expect(req.rawPath).toBe(`/${fake.orgName}/${app}/chatrooms`);
		expect(req.json).toStrictEqual({ name: 'Launch Q&A', description: 'Questions', owner: 'owner1', maxusers: 300, members: ['alice'], custom: 'launch' });
		const [created] = json(output);
		expect(created).toMatchObject({ created: true, name: 'Launch Q&A', owner: 'owner1' });
		const id = String(created.chatRoomId);
		expect(fake.groupApi.chatrooms.get(id)).toMatchObject({ owner: 'owner1', members: ['alice'], maxusers: 300 });

		fake.server.reset();
		const removed = await runNode('easemobIm', { resource: 'chatRoom', operation: 'delete', chatRoomId: id }, credentials);
		expect(fake.apiRequests[0].method).toBe('DELETE');
		expect(fake.apiRequests[0].rawPath).toBe(`/${fake.orgName}/${app}/chatrooms/${id}`);
		expect(json(removed.output)).toEqual([{ deleted: true, chatRoomId: id }]);
		expect(fake.groupApi.chatrooms.has(id)).toBe(false);
		const again = await runNode('easemobIm', { resource: 'chatRoom', operation: 'delete', chatRoomId: id }, credentials);
		expect(again.error?.message).toBe(`Chat room "${id}" was not found (resource_not_found: grpID ${id} does not exist!) [item 0]`);
	});

	it('refuses a missing description or too many members before sending; reports an unknown owner per item', async () => {
		const { output } = await runNode(
			'easemobIm',
			{ resource: 'chatRoom', operation: 'create', name: 'Room', description: '={{ $json.d }}', owner: '={{ $json.o }}', additionalFields: { maxusers: '={{ $json.max }}', members: 'alice,bob' } },
			credentials,
			{ input: [{ json: { d: '', o: 'owner1', max: 10 } }, { json: { d: 'x', o: 'owner1', max: 1 } }, { json: { d: 'x', o: 'ghost', max: 10 } }], onError: 'continueRegularOutput' },
		);
		const out = json(output);
		expect(out[0].error).toBe('Description is empty [item 0]');
		expect(out[1].error).toBe('Members lists 2 users; Max Members is 1 [item 1]');
		expect(out[2].error).toBe("Easemob: resource_not_found: username ghost doesn't exist! [item 2]");
		expect(fake.apiRequests).toHaveLength(1);
	});

	it('does not repeat a creation whose outcome is unknown', async () => {
		fake.injectFault = () => 502;
		const { error } = await runNode('easemobIm', { resource: 'chatRoom', operation: 'create', name: 'R', description: 'D', owner: 'owner1' }, credentials);
		expect(error?.message).toMatch(/^The chat room may have been created: /);
		expect(fake.apiRequests).toHaveLength(1);
	});
});

describe('Easemob IM → Chat Room → Send Message', () => {
	it('sends to chat rooms ten per call with the documented body and priority', async () => {
		const { output } = await runNode('easemobIm', sendToRooms({ additionalFields: { from: 'alice', chatroomMsgLevel: 'high', ext: '{"k":"v"}' } }), credentials, {
			input: items(1, (n) => ({ n, rooms: rooms(25) })),
		});
		expect(fake.apiRequests.map((r) => r.rawPath)).toEqual(Array(3).fill(`/${fake.orgName}/${app}/messages/chatrooms`));
		expect(fake.apiRequests.map((r) => (r.json as { to: string[] }).to.length)).toEqual([10, 10, 5]);
		expect(fake.apiRequests[0].json).toStrictEqual({ type: 'txt', body: { msg: 'Question 0' }, ext: { k: 'v' }, from: 'alice', chatroom_msg_level: 'high', to: rooms(10) });
		const [out] = json(output);
		expect(out).toMatchObject({ sent: true, recipients: 25, type: 'txt' });
		expect(Object.keys(out.messageIds as IDataObject)).toEqual(rooms(25));
		expect([...fake.messages.values()].filter((m) => m.chatType === 'chatroom')).toHaveLength(25);
	});

	it('sends custom and command messages as Send to Users does', async () => {
		await runNode('easemobIm', sendToRooms({ messageType: 'custom', customEvent: 'gift', customExts: '{"amount": 3}' }), credentials, { input: items(1, (n) => ({ n, rooms: 'r1' })) });
		await runNode('easemobIm', sendToRooms({ messageType: 'cmd', action: 'refresh' }), credentials, { input: items(1, (n) => ({ n, rooms: 'r1' })) });
		expect(fake.apiRequests.map((r) => r.json)).toEqual([
			{ type: 'custom', body: { customExts: { amount: '3' }, customEvent: 'gift' }, to: ['r1'] },
			{ type: 'cmd', body: { action: 'refresh' }, to: ['r1'] },
		]);
	});

	it('40 items of 10 rooms stay under 100 room messages and 20 calls a second: no 403, no 429, each delivered once', async () => {
		const { output, run } = await runNode('easemobIm', sendToRooms(), credentials, {
			input: items(40, (n) => ({ n, rooms: rooms(10) })),
			onError: 'continueRegularOutput',
		});
		expect(run.status).toBe('success');
		expect(output[0].filter((item) => item.json.error !== undefined).map((item) => item.json.error)).toEqual([]);
		expect(fake.sendLimitAnswers).toBe(0);
		expect(fake.rateLimitAnswers).toBe(0);
		expect(fake.apiRequests).toHaveLength(40);
		expect(delivered()).toBe(400);
		expect(deliveredTwice()).toBe(0);
	});

	it('a 403 "message send reach limit" is waited out and repeated: Easemob delivered nothing', async () => {
		fake.messageSendReachLimit = 1;
		const { output } = await runNode('easemobIm', sendToRooms(), credentials, { input: items(1, (n) => ({ n, rooms: 'r1,r2' })) });
		expect(output[0][0].json).toMatchObject({ sent: true, recipients: 2 });
		expect(fake.apiRequests).toHaveLength(2);
		expect(delivered()).toBe(2);
	});

	it('does not send again when delivery is unknown, and says which rooms already got it', async () => {
		let calls = 0;
		fake.injectAfterDelivery = () => (++calls === 2 ? { kind: 'reset' } : undefined);
		const { error } = await runNode('easemobIm', sendToRooms(), credentials, { input: items(1, (n) => ({ n, rooms: rooms(15) })) });
		expect(error?.message).toMatch(/^The message may have been delivered: /);
		expect(error?.description).toContain('already sent to 10 of 15 recipients');
		expect(fake.apiRequests).toHaveLength(2);
		expect(delivered()).toBe(15);
		expect(deliveredTwice()).toBe(0);
	});

	it('refuses bad input before sending anything', async () => {
		const { output } = await runNode('easemobIm', sendToRooms({ additionalFields: { chatroomMsgLevel: '={{ $json.level }}' } }), credentials, {
			input: [{ json: { n: 0, rooms: '', level: 'high' } }, { json: { n: 1, rooms: 'r1', level: 'urgent' } }],
			onError: 'continueRegularOutput',
		});
		const out = json(output);
		expect(out[0].error).toBe('Chat Room IDs is empty [item 0]');
		expect(out[1].error).toBe('Priority "urgent" is not supported [item 1]');
		expect(fake.apiRequests).toHaveLength(0);
	});
});
