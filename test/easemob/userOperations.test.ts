// User operations beyond create/get/list/delete, through the real n8n engine against the fake
// (test/fakes/fakeEasemobUsers.ts): online status (batch), offline message count, deactivate,
// activate, force logout and the push nickname.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FakeEasemob } from '../fakes/fakeEasemob';
import { items, runNode } from '../helpers/engine';
import type { EasemobCredentials } from './helpers';
import { credentialsFor } from './helpers';

const fake = new FakeEasemob();
const APP = 'fake-app';
let credentials: EasemobCredentials;

beforeAll(async () => {
	await fake.start();
	credentials = credentialsFor(fake);
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	fake.users.clear();
	for (const name of ['alice', 'bob', 'carol']) fake.addUser(APP, name);
});

const user = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'user', operation, username: 'alice', ...extra });
const json = (output: Array<Array<{ json: IDataObject }>>) => output[0].map((item) => item.json);
const path = (rest: string) => `/${fake.orgName}/${APP}/${rest}`;

describe('Easemob IM → User → Get Online Status', () => {
	it('posts the documented body and gives one item per user, unknown users offline', async () => {
		fake.userRoutes.setOnline(APP, 'bob');
		const { output, run } = await runNode('easemobIm', { resource: 'user', operation: 'getOnlineStatus', usernames: 'alice, bob, nobody' }, credentials);
		expect(run.status).toBe('success');
		expect(fake.apiRequests).toHaveLength(1);
		const [req] = fake.apiRequests;
		expect([req.method, req.rawPath]).toEqual(['POST', path('users/batch/status')]);
		expect(req.json).toStrictEqual({ usernames: ['alice', 'bob', 'nobody'] });
		expect(json(output)).toEqual([
			{ username: 'alice', status: 'offline', online: false },
			{ username: 'bob', status: 'online', online: true },
			{ username: 'nobody', status: 'offline', online: false },
		]);
		expect(output[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('asks 100 users per call, each user once (IDs ignore case)', async () => {
		const names = Array.from({ length: 230 }, (_, i) => `u${i}`);
		const { output } = await runNode('easemobIm', { resource: 'user', operation: 'getOnlineStatus', usernames: '={{ $json.names }}' }, credentials, {
			input: [{ json: { names: [...names, 'U0', 'u1'] } }],
		});
		expect(fake.apiRequests.map((r) => (r.json as { usernames: string[] }).usernames.length)).toEqual([100, 100, 30]);
		expect(json(output).map((j) => j.username)).toEqual(names);
	});

	it('the fake refuses more than 100 users with the documented 400', async () => {
		const tokenRun = await runNode('easemobIm', user('get'), credentials);
		expect(tokenRun.run.status).toBe('success');
		const token = String(fake.apiRequests[0].headers.authorization);
		const response = await fetch(`${fake.server.baseUrl}${path('users/batch/status')}`, {
			method: 'POST',
			headers: { Authorization: token, 'Content-Type': 'application/json' },
			body: JSON.stringify({ usernames: Array.from({ length: 101 }, (_, i) => `u${i}`) }),
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as IDataObject).error_description).toBe('request body exceeds maximum limit, maximum limit is 100');
	});

	it('refuses an empty list before sending anything; Continue On Fail gives one item per input item', async () => {
		const { output } = await runNode('easemobIm', { resource: 'user', operation: 'getOnlineStatus', usernames: '={{ $json.names }}' }, credentials, {
			input: items(2, (i) => ({ names: i === 0 ? 'alice' : '' })),
			onError: 'continueRegularOutput',
		});
		expect(json(output)).toEqual([{ username: 'alice', status: 'offline', online: false }, expect.objectContaining({ error: 'Usernames is empty [item 1]' })]);
		const stopped = await runNode('easemobIm', { resource: 'user', operation: 'getOnlineStatus', usernames: '={{ $json.names }}' }, credentials, {
			input: items(2, (i) => ({ names: i === 0 ? 'alice' : ['bob', 'x'.repeat(65)] })),
		});
		expect(stopped.error?.message).toBe('Usernames (entry 2) is too long (65 characters; the limit is 64) [item 1]');
		expect(fake.apiRequests.filter((r) => r.segments[3] === 'batch')).toHaveLength(1);
	});
});

describe('Easemob IM → User → Get Offline Message Count', () => {
	it('reads the count Easemob keeps for the user', async () => {
		fake.userRoutes.setOfflineCount(APP, 'alice', 7);
		const { output } = await runNode('easemobIm', user('getOfflineMessageCount', { username: '={{ $json.u }}' }), credentials, { input: items(2, (i) => ({ u: ['alice', 'Bob'][i] })) });
		expect(fake.apiRequests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([`GET ${path('users/alice/offline_msg_count')}`, `GET ${path('users/Bob/offline_msg_count')}`]);
		expect(json(output)).toEqual([
			{ username: 'alice', offlineMessageCount: 7 },
			{ username: 'Bob', offlineMessageCount: 0 },
		]);
	});

	it('a user that does not exist is a clear item error', async () => {
		const { error } = await runNode('easemobIm', user('getOfflineMessageCount', { username: 'ghost' }), credentials);
		expect(error?.message).toBe('User "ghost" was not found (service_resource_not_found: Service resource not found) [item 0]');
	});
});

describe('Easemob IM → User → Deactivate / Activate', () => {
	it('bans the user (logged out, activated false) and lifts the ban again', async () => {
		fake.userRoutes.setOnline(APP, 'alice');
		const banned = await runNode('easemobIm', user('deactivate'), credentials);
		expect(banned.run.status).toBe('success');
		expect(fake.apiRequests.map((r) => `${r.method} ${r.rawPath} ${r.body}`)).toEqual([`POST ${path('users/alice/deactivate')} `]);
		expect(json(banned.output)).toEqual([{ username: 'alice', uuid: expect.any(String), type: 'user', created: expect.any(Number), modified: expect.any(Number), activated: false, deactivated: true }]);
		expect(fake.users.get(APP)!.get('alice')!.activated).toBe(false);
		expect(fake.userRoutes.online.size).toBe(0);

		const lifted = await runNode('easemobIm', user('activate'), credentials);
		expect(fake.apiRequests[1].rawPath).toBe(path('users/alice/activate'));
		expect(json(lifted.output)).toEqual([{ username: 'alice', activated: true }]);
		expect(fake.users.get(APP)!.get('alice')!.activated).toBe(true);
	});

	it('a missing user fails its item with the documented 404; the others go on under Continue On Fail', async () => {
		const { output } = await runNode('easemobIm', user('deactivate', { username: '={{ $json.u }}' }), credentials, {
			input: items(3, (i) => ({ u: ['bob', 'ghost', 'carol'][i] })),
			onError: 'continueRegularOutput',
		});
		const out = json(output);
		expect(out.map((j) => j.deactivated ?? j.error)).toEqual([true, expect.stringContaining('User "ghost" was not found'), true]);
		expect(fake.users.get(APP)!.get('bob')!.activated).toBe(false);
		expect(fake.users.get(APP)!.get('carol')!.activated).toBe(false);
	});

	it('refuses a username Easemob cannot have before sending anything', async () => {
		const { error } = await runNode('easemobIm', user('activate', { username: '={{ $json.u }}' }), credentials, { input: items(2, (i) => ({ u: ['bob', '..'][i] })) });
		expect(error?.message).toBe('Username ".." is not a valid ID [item 1]');
		expect(fake.apiRequests).toHaveLength(0);
	});
});

describe('Easemob IM → User → Force Logout', () => {
	it('logs the user out on all devices', async () => {
		fake.userRoutes.setOnline(APP, 'alice');
		const { output } = await runNode('easemobIm', user('forceLogout'), credentials);
		expect(fake.apiRequests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([`GET ${path('users/alice/disconnect')}`]);
		expect(json(output)).toEqual([{ username: 'alice', loggedOut: true }]);
		expect(fake.userRoutes.online.size).toBe(0);
	});

	it('repeats the call after a server error (logging out twice changes nothing)', async () => {
		fake.fail5xx = 1;
		const { output, run } = await runNode('easemobIm', user('forceLogout'), credentials);
		expect(run.status).toBe('success');
		expect(fake.apiRequests.filter((r) => r.segments[4] === 'disconnect')).toHaveLength(2);
		expect(json(output)).toEqual([{ username: 'alice', loggedOut: true }]);
	});
});

describe('Easemob IM → User → Update Nickname', () => {
	it('puts the nickname and returns the updated user', async () => {
		const { output } = await runNode('easemobIm', user('updateNickname', { nickname: 'Alice Z.' }), credentials);
		const [req] = fake.apiRequests;
		expect([req.method, req.rawPath]).toEqual(['PUT', path('users/alice')]);
		expect(req.json).toStrictEqual({ nickname: 'Alice Z.' });
		expect(json(output)[0]).toMatchObject({ username: 'alice', nickname: 'Alice Z.', activated: true });
		expect(fake.users.get(APP)!.get('alice')!.nickname).toBe('Alice Z.');
	});

	it('refuses an empty or too long nickname before sending anything', async () => {
		const { output } = await runNode('easemobIm', user('updateNickname', { nickname: '={{ $json.n }}' }), credentials, {
			input: items(3, (i) => ({ n: ['ok', '', 'x'.repeat(101)][i] })),
			onError: 'continueRegularOutput',
		});
		expect(json(output).map((j) => j.error ?? j.nickname)).toEqual(['ok', 'Nickname is empty [item 1]', 'Nickname is too long (101 characters; the limit is 100) [item 2]']);
		expect(fake.apiRequests).toHaveLength(1);
	});
});
