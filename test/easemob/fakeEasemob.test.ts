/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// The fake Easemob server against the rules its pages state (each rule's URL is in
// test/fakes/fakeEasemob.ts): the node's tests are only as good as the fake.
import { FakeEasemob } from '../fakes/fakeEasemob';

const fake = new FakeEasemob();
const APP = 'fake-app';
let token: string;

async function call(method: string, path: string, body?: unknown, auth: string | null = `Bearer ${token}`) {
	const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
	if (auth !== null) headers.authorization = auth;
	const answer = await fetch(`${fake.server.baseUrl}/${fake.orgName}/${APP}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}
const send = (to: string[], endpoint = 'users') => call('POST', `/messages/${endpoint}`, { to, type: 'txt', body: { msg: 'hi' } });

beforeAll(async () => {
	await fake.start();
});
afterAll(async () => await fake.stop());
beforeEach(async () => {
	fake.reset();
	const answer = await call('POST', '/token', { grant_type: 'client_credentials', client_id: fake.clientId, client_secret: fake.clientSecret }, null);
	token = String(answer.body.access_token);
	fake.clearLimits();
});

describe('fake Easemob: what the pages state', () => {
	it('answers missing, corrupt and foreign tokens with the documented 401 bodies', async () => {
		expect((await call('GET', '/users/u1', undefined, null)).body).toMatchObject({ error: 'unauthorized', error_description: 'Unable to authenticate due to expired access token' });
		expect((await call('GET', '/users/u1', undefined, 'Bearer not-a-token!')).body).toMatchObject({ error: 'auth_bad_access_token', error_description: 'Unable to authenticate due to corrupt access token' });
		expect((await call('GET', '/users/u1', undefined, 'Bearer YWMtunknown')).body).toMatchObject({ error: 'auth_bad_access_token', error_description: 'Unable to authenticate' });
	});

	it('counts group messages per group: with 3 groups a call, the 8th call in a second gets 403', async () => {
		const answers = [];
		for (let i = 0; i < 8; i++) answers.push(await send(['g1', 'g2', 'g3'], 'chatgroups'));
		expect(answers.slice(0, 6).map((a) => a.status)).toEqual(Array(6).fill(200));
		// 6 calls = 18 messages; the 7th brings 21 > 20.
		expect(answers[6]).toMatchObject({ status: 403, body: { error: 'message_send_error', error_description: 'message send reach limit' } });
		expect(answers[7].status).toBe(403);
	});

	it('counts group calls: the 21st call in a second gets 429', async () => {
		fake.groupMessageLimit.limit = 1000;
		const statuses = [];
		for (let i = 0; i < 21; i++) statuses.push((await send(['g1'], 'chatgroups')).status);
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
		expect(statuses[20]).toBe(429);
	});

	it('counts one-to-one messages per recipient: 6,000 a minute, the 11th call of 600 gets 403', async () => {
		const to = Array.from({ length: 600 }, (_, i) => `u${i}`);
		const statuses = [];
		for (let i = 0; i < 11; i++) statuses.push((await send(to)).status);
		expect(statuses).toEqual([...Array(10).fill(200), 403]);
		// Even one more recipient is over.
		expect((await send(['u0'])).status).toBe(403);
	});

	it('validates sends with the documented texts', async () => {
		expect((await call('POST', '/messages/users', { to: [], type: 'txt', body: { msg: 'x' } })).body).toMatchObject({ error: 'message_send_error', error_description: "param to can't be empty" });
		expect((await call('POST', '/messages/users', { from: '', to: ['a'], type: 'txt', body: { msg: 'x' } })).body.error_description).toBe("param from can't be empty");
		expect((await call('POST', '/messages/chatgroups', { to: ['1', '2', '3', '4'], type: 'txt', body: { msg: 'x' } })).body.error_description).toBe("params to's size can't exceed limit 3");
		expect((await call('POST', '/messages/users', { to: ['a'], type: 'txt', body: { msg: 'x' }, ext: 'no' })).body.error_description).toBe('param ext must be JSONObject');
		expect((await call('POST', '/messages/users', { to: ['a'], type: 'txt', body: { msg: 'x'.repeat(5200) } })).body.error_description).toBe('message is too large');
		expect((await call('POST', '/messages/users', { to: ['a'], type: 'txt', body: { msg: 'x' }, sync_device: 'yes' })).body.error).toBe('invalid_request_body');
	});

	it('creates no conversation for a REST send unless the console switch is on', async () => {
		await call('POST', '/messages/users', { from: 'alice', to: ['bob'], type: 'txt', body: { msg: 'x' } });
		expect(fake.hasConversation(APP, 'bob', 'chat', 'alice')).toBe(false);
		fake.restMessagesWriteConversations = true;
		await call('POST', '/messages/users', { from: 'alice', to: ['bob'], type: 'txt', body: { msg: 'y' } });
		expect(fake.hasConversation(APP, 'bob', 'chat', 'alice')).toBe(true);
	});

	it('recalls by any recaller (from defaults to admin) within the time limit, or with force after it', async () => {
		const sent = await call('POST', '/messages/users', { from: 'alice', to: ['bob'], type: 'txt', body: { msg: 'x' } });
		const id = String((sent.body.data as Record<string, string>).bob);
		fake.recallTimeLimitMs = 0;
		await new Promise((resolve) => setTimeout(resolve, 5));
		expect((await call('POST', '/messages/msg_recall', { msg_id: id, to: 'bob', chat_type: 'chat' })).body).toMatchObject({ error: 'message_recall_error', error_description: 'exceed recall time limit' });
		expect((await call('POST', '/messages/msg_recall', { msg_id: id, to: 'carol', chat_type: 'chat', force: true })).body.error_description).toBe("can't find msg to");
		const recalled = await call('POST', '/messages/msg_recall', { msg_id: id, to: 'bob', chat_type: 'chat', force: true });
		expect(recalled.body.data).toEqual({ recalled: 'yes', chattype: 'chat', from: 'admin', to: 'bob', msg_id: id });
		expect((await call('POST', '/messages/msg_recall', { msg_id: id, to: 'bob', chat_type: 'chat', force: true })).body.error_description).toBe('not_found msg');
	});

	it('lists users with limit clamped to 1..100 and a cursor while more follow', async () => {
		for (let i = 0; i < 3; i++) fake.addUser(APP, `u${i}`);
		const first = await call('GET', '/users?limit=2');
		expect(first.body).toMatchObject({ count: 2, params: { limit: ['2'] } });
		const second = await call('GET', `/users?limit=2&cursor=${String(first.body.cursor)}`);
		expect(second.body.count).toBe(1);
		expect(second.body.cursor).toBeUndefined();
		expect((await call('GET', '/users?limit=500')).body.count).toBe(3);
	});
});
