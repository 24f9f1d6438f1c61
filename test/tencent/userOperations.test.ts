// User → Get Profile, Update Profile, Get Online Status, Delete and Force Logout through n8n's engine
// against the fake Tencent API (test/fakes/fakeTencentUsers.ts holds the documented rules).
import type { INodeParameters } from 'n8n-workflow';

import { FakeTencent } from '../fakes/fakeTencent';
import { items, runNode } from '../helpers/engine';

const fake = new FakeTencent();

beforeAll(async () => {
	await fake.start();
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	fake.addUsers('alice', 'bob', 'carol');
});

const run = async (parameters: INodeParameters, options: Parameters<typeof runNode>[3] = {}) => await runNode('tencentCloudChat', parameters, fake.credentials(), options);
const body = (i = 0) => fake.requests[i].json as Record<string, unknown>;

describe('User → Update Profile and Get Profile', () => {
	it('sets standard and custom fields, then reads them back under readable names', async () => {
		const set = await run({
			resource: 'user',
			operation: 'updateProfile',
			userId: 'alice',
			updateFields: { nickname: 'Alice', gender: 'Gender_Type_Female', birthday: 19900131, avatarUrl: 'https://example.com/a.png' },
			customFields: { field: [{ name: 'Tag_Profile_Custom_Tier', value: 'gold' }] },
		});
		expect(set.error).toBeUndefined();
		expect(fake.requests[0].rawPath).toBe('/v4/profile/portrait_set');
		expect(body()).toEqual({
			From_Account: 'alice',
			ProfileItem: [
				{ Tag: 'Tag_Profile_IM_Nick', Value: 'Alice' },
				{ Tag: 'Tag_Profile_IM_Gender', Value: 'Gender_Type_Female' },
				{ Tag: 'Tag_Profile_IM_BirthDay', Value: 19900131 },
				{ Tag: 'Tag_Profile_IM_Image', Value: 'https://example.com/a.png' },
				{ Tag: 'Tag_Profile_Custom_Tier', Value: 'gold' },
			],
		});
		expect(set.output[0][0].json).toMatchObject({ updated: true, userId: 'alice' });

		const { output, error } = await run({
			resource: 'user',
			operation: 'getProfile',
			userIds: 'alice, bob',
			fields: ['Tag_Profile_IM_Nick', 'Tag_Profile_IM_Gender', 'Tag_Profile_IM_Image'],
			customFields: 'Tag_Profile_Custom_Tier',
		});
		expect(error).toBeUndefined();
		expect(body(1)).toEqual({ To_Account: ['alice', 'bob'], TagList: ['Tag_Profile_IM_Nick', 'Tag_Profile_IM_Gender', 'Tag_Profile_IM_Image', 'Tag_Profile_Custom_Tier'] });
		expect(output[0].map((item) => item.json)).toEqual([
			{ userId: 'alice', nickname: 'Alice', gender: 'Gender_Type_Female', avatarUrl: 'https://example.com/a.png', custom: { Tier: 'gold' }, resultCode: 0, resultInfo: '' },
			{ userId: 'bob', resultCode: 0, resultInfo: '' },
		]);
	});

	it('reads more than 100 users in calls of 100', async () => {
		const ids = Array.from({ length: 230 }, (_, n) => `u${n}`);
		fake.addUsers(...ids);
		const { output } = await run({ resource: 'user', operation: 'getProfile', userIds: ids.join(','), fields: ['Tag_Profile_IM_Nick'] });
		expect(fake.requests.map((r) => (r.json as { To_Account: string[] }).To_Account.length)).toEqual([100, 100, 30]);
		expect(output[0]).toHaveLength(230);
	});

	it('explains an account that was never imported (40003)', async () => {
		const { error } = await run({ resource: 'user', operation: 'getProfile', userIds: 'alice, ghost', fields: ['Tag_Profile_IM_Nick'] });
		expect(error?.message).toBe('The user has not been imported into the app (Tencent error 40003: account ghost does not exist) [item 0]');
		expect(fake.requests).toHaveLength(1);
	});

	it('refuses bad input before sending anything', async () => {
		const cases: Array<[INodeParameters, string]> = [
			[{ operation: 'updateProfile', userId: 'alice' }, 'Update Fields is empty [item 0]'],
			[{ operation: 'updateProfile', userId: 'alice', updateFields: { nickname: 'x'.repeat(501) } }, 'Nickname is too long (501 bytes; the limit is 500) [item 0]'],
			[{ operation: 'updateProfile', userId: 'alice', updateFields: { gender: 'female' } }, 'Gender "female" is not supported [item 0]'],
			[{ operation: 'updateProfile', userId: 'alice', updateFields: { level: -1 } }, 'Level is out of range (-1) [item 0]'],
			[
				{ operation: 'updateProfile', userId: 'alice', customFields: { field: [{ name: 'Tier', value: 'gold' }] } },
				'Custom Field 1 Name "Tier" is not a custom profile field name [item 0]',
			],
			[{ operation: 'getProfile', userIds: 'alice', fields: [] }, 'Fields is empty [item 0]'],
			[{ operation: 'getProfile', userIds: 'alice', fields: ['Tag_Profile_IM_Nick'], customFields: 'Tag_Profile_Custom_TooLongName' }, 'Custom Fields: "Tag_Profile_Custom_TooLongName" is not a custom profile field name [item 0]'],
		];
		for (const [parameters, message] of cases) {
			const { error } = await run({ resource: 'user', ...parameters });
			expect(error?.message).toBe(message);
		}
		expect(fake.requests).toHaveLength(0);
	});
});

describe('User → Get Online Status', () => {
	it('returns each user in the order asked, with devices when asked, and unknown users as not online', async () => {
		fake.userState.setLogin('alice', 'Online', [{ Platform: 'Web', Status: 'Online' }]);
		fake.userState.setLogin('bob', 'PushOnline', [{ Platform: 'iPhone', Status: 'PushOnline' }]);
		const { output } = await run({ resource: 'user', operation: 'getOnlineStatus', userIds: 'carol, ghost, alice, bob', includeDetails: true });
		expect(body()).toEqual({ To_Account: ['carol', 'ghost', 'alice', 'bob'], IsNeedDetail: 1 });
		expect(output[0].map((item) => item.json)).toEqual([
			{ userId: 'carol', status: 'Offline', online: false, devices: [] },
			{ userId: 'ghost', status: null, online: false, errorCode: 70107 },
			{ userId: 'alice', status: 'Online', online: true, devices: [{ Platform: 'Web', Status: 'Online' }] },
			{ userId: 'bob', status: 'PushOnline', online: true, devices: [{ Platform: 'iPhone', Status: 'PushOnline' }] },
		]);
	});

	it('queries more than 500 users in calls of 500', async () => {
		const ids = Array.from({ length: 1100 }, (_, n) => `s${n}`);
		fake.addUsers(...ids);
		const { output } = await run({ resource: 'user', operation: 'getOnlineStatus', userIds: ids });
		expect(fake.requests.map((r) => (r.json as { To_Account: string[] }).To_Account.length)).toEqual([500, 500, 100]);
		expect(body()).not.toHaveProperty('IsNeedDetail');
		expect(output[0]).toHaveLength(1100);
	});
});

describe('User → Delete', () => {
	it('deletes in calls of 100 and reports accounts that did not exist', async () => {
		const ids = Array.from({ length: 150 }, (_, n) => `d${n}`);
		fake.addUsers(...ids);
		fake.addConversation('d0', 1, 'alice', 1700000000);
		const { output } = await run({ resource: 'user', operation: 'delete', userIds: [...ids, 'ghost'] });
		expect(fake.requests.map((r) => (r.json as { DeleteItem: unknown[] }).DeleteItem.length)).toEqual([100, 51]);
		expect(body()).toMatchObject({ DeleteItem: expect.arrayContaining([{ UserID: 'd0' }]) });
		const result = output[0][0].json as { deleted: number; failed: number; results: Array<Record<string, unknown>> };
		expect(result.deleted).toBe(150);
		expect(result.failed).toBe(1);
		expect(result.results[150]).toEqual({ userId: 'ghost', deleted: false, resultCode: 70107, resultInfo: 'Err_TLS_PT_Open_Login_Account_Not_Exit' });
		expect(fake.users.has('d0')).toBe(false);
		expect(fake.conversations.has('d0')).toBe(false);
	});
});

describe('User → Force Logout', () => {
	it('invalidates the login state of one user per item', async () => {
		fake.userState.setLogin('alice', 'Online');
		const { output } = await run({ resource: 'user', operation: 'forceLogout', userId: '={{ $json.id }}' }, { input: [{ json: { id: 'alice' } }, { json: { id: 'bob' } }] });
		expect(fake.requests.map((r) => r.json)).toEqual([{ UserID: 'alice' }, { UserID: 'bob' }]);
		expect(output[0].map((item) => item.json)).toEqual([
			{ loggedOut: true, userId: 'alice' },
			{ loggedOut: true, userId: 'bob' },
		]);
		expect(fake.userState.kicked).toEqual(['alice', 'bob']);
		expect(fake.userState.logins.get('alice')?.state).toBe('Offline');
	});

	it('with Continue On Fail gives one item per input: unknown user (70107) and empty ID as errors', async () => {
		const { output, run: execution } = await run(
			{ resource: 'user', operation: 'forceLogout', userId: '={{ $json.id }}' },
			{ onError: 'continueErrorOutput', input: items(3, (i) => ({ id: ['alice', 'ghost', ' '][i] })) },
		);
		expect(execution.status).toBe('success');
		expect(output[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1].map((i) => i.json.error)).toEqual([
			'The user has not been imported into the app (Tencent error 70107: UserID not imported) [item 1]',
			'User ID is empty [item 2]',
		]);
		expect(fake.requests).toHaveLength(2);
	});
});
