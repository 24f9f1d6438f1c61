// The fake's groups and chat rooms against the rules their pages state (each rule's URL is in
// test/fakes/fakeEasemobGroups.ts): the node's tests are only as good as the fake.
import { FakeEasemob } from '../fakes/fakeEasemob';

const fake = new FakeEasemob();
const APP = 'fake-app';
let token: string;

async function call(method: string, path: string, body?: unknown) {
	const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
	if (token) headers.authorization = `Bearer ${token}`;
	const answer = await fetch(`${fake.server.baseUrl}/${fake.orgName}/${APP}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}
const sendToRooms = (to: string[]) => call('POST', '/messages/chatrooms', { to, type: 'txt', body: { msg: 'hi' } });

beforeAll(async () => {
	await fake.start();
});
afterAll(async () => await fake.stop());
beforeEach(async () => {
	fake.reset();
	token = '';
	const answer = await call('POST', '/token', { grant_type: 'client_credentials', client_id: fake.clientId, client_secret: fake.clientSecret });
	token = String(answer.body.access_token);
	fake.clearLimits();
	for (const user of ['u1', 'u2', 'u3']) fake.addUser(APP, user);
});

describe('fake Easemob groups and chat rooms: what the pages state', () => {
	it('creates a group only with public and owner, and only for users that exist', async () => {
		expect((await call('POST', '/chatgroups', { owner: 'u1' })).body).toMatchObject({ error: 'invalid_parameter', error_description: 'group must contain public field!' });
		expect((await call('POST', '/chatgroups', { public: true })).body).toMatchObject({ error: 'invalid_parameter', error_description: 'owner must be provided' });
		expect((await call('POST', '/chatgroups', { public: 'yes', owner: 'u1' })).body).toMatchObject({ error: 'invalid_request_body' });
		expect((await call('POST', '/chatgroups', { public: true, owner: 'u1', members: ['nobody'] })).body).toMatchObject({ error: 'resource_not_found', error_description: "username nobody doesn't exist!" });
		expect((await call('POST', '/chatgroups', { public: true, owner: 'u1', maxusers: 1, members: ['u2', 'u3'] })).body).toMatchObject({ error: 'exceed_limit' });
		const created = await call('POST', '/chatgroups', { public: false, owner: 'u1', members: ['u2'] });
		const id = String((created.body.data as { groupid: string }).groupid);
		expect(fake.groups.get(id)).toMatchObject({ owner: 'u1', members: ['u2'] });
	});

	it('adds up to 60 members, refuses when all are members, and never removes the owner', async () => {
		const id = fake.groupApi.addGroup(APP, 'u1', ['u2']);
		expect((await call('POST', `/chatgroups/${id}/users`, { usernames: ['u2'] })).body).toMatchObject({ error: 'forbidden_op', error_description: expect.stringContaining('already in group') });
		expect((await call('POST', `/chatgroups/${id}/users`, { usernames: Array.from({ length: 61 }, (_, n) => `x${n}`) })).body).toMatchObject({ error: 'exceed_limit' });
		expect((await call('POST', `/chatgroups/${id}/users`, { usernames: ['u2', 'u3'] })).body.data).toEqual({ newmembers: ['u3'], groupid: id, action: 'add_member' });
		expect((await call('DELETE', `/chatgroups/${id}/users/u1,u2`)).body).toMatchObject({ error: 'forbidden_op', error_description: 'forbidden operation on group owner!' });
		expect((await call('DELETE', `/chatgroups/${id}/users/${Array.from({ length: 61 }, (_, n) => `x${n}`).join(',')}`)).body).toMatchObject({ error: 'invalid_parameter' });
		expect((await call('DELETE', `/chatgroups/${id}/users/u2,u3`)).status).toBe(200);
		expect((await call('DELETE', `/chatgroups/${id}/users/u2`)).body).toMatchObject({ error: 'forbidden_op', error_description: 'users [u2] are not members of this group!' });
	});

	it('refuses update fields Easemob cannot change', async () => {
		const id = fake.groupApi.addGroup(APP, 'u1');
		expect((await call('PUT', `/chatgroups/${id}`, { groupid: '1' })).body).toMatchObject({ error: 'invalid_parameter', error_description: 'some of [groupid] are not valid fields' });
		expect((await call('PUT', '/chatgroups/404404', { groupname: 'x' })).body).toMatchObject({ error: 'resource_not_found', error_description: 'grpID 404404 does not exist!' });
	});

	it('counts chat room messages per room: with 10 rooms a call, the 11th call in a second gets 403', async () => {
		const to = Array.from({ length: 10 }, (_, n) => `r${n}`);
		const statuses = [];
		for (let i = 0; i < 11; i++) statuses.push((await sendToRooms(to)).status);
		expect(statuses).toEqual([...Array(10).fill(200), 403]);
		expect((await sendToRooms([...to, 'r10'])).body).toMatchObject({ error: 'message_send_error', error_description: "params to's size can't exceed limit 10" });
	});

	it('counts chat room send calls: the 21st call in a second gets 429', async () => {
		const statuses = [];
		for (let i = 0; i < 21; i++) statuses.push((await sendToRooms(['r1'])).status);
		expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
		expect(statuses[20]).toBe(429);
	});

	it('counts chat room creations: 50 a second', async () => {
		const statuses = [];
		for (let i = 0; i < 51; i++) statuses.push((await call('POST', '/chatrooms', { name: `r${i}`, description: 'd', owner: 'u1' })).status);
		expect(statuses.slice(0, 50)).toEqual(Array(50).fill(200));
		expect(statuses[50]).toBe(429);
		expect((await call('POST', '/chatrooms', { name: 'r', owner: 'u1' })).status).toBe(429);
		fake.clearLimits();
		expect((await call('POST', '/chatrooms', { name: 'r', owner: 'u1' })).body).toMatchObject({ error: 'invalid_parameter', error_description: 'description must be provided' });
		expect((await call('POST', '/chatrooms', { name: 'r', description: 'd', owner: 'u1', members: [] })).body).toMatchObject({ error: 'invalid_parameter' });
	});
});
