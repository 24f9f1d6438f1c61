// Group → Create, Get, Get Many, Update, Delete, Add Members, Remove Members, Get Members and Mute
// Member through n8n's real engine against the fake Tencent API (test/fakes/fakeTencentGroups.ts).
import type { INodeParameters } from 'n8n-workflow';

import { FakeTencent } from '../fakes/fakeTencent';
import { items, runNode } from '../helpers/engine';

const fake = new FakeTencent();
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await fake.start();
	credentials = {
		tencentCloudChatApi: {
			region: 'custom',
			customBaseUrl: baseUrl,
			sdkAppId: String(fake.sdkAppId),
			secretKey: fake.secretKey,
			adminIdentifier: 'administrator',
		},
	};
	fake.addUsers('alice', 'bob', 'carol', 'dave');
});
afterAll(async () => await fake.stop());
beforeEach(() => fake.reset());

const run = async (parameters: INodeParameters, options: Parameters<typeof runNode>[3] = {}) =>
	await runNode('tencentCloudChat', parameters, credentials, options);
const group = (operation: string, parameters: INodeParameters = {}): INodeParameters => ({ resource: 'group', operation, ...parameters });
const sendAs = (groupId: string, fromAccount: string) => ({
	resource: 'message',
	operation: 'sendToGroup',
	groupId,
	messageType: 'text',
	text: 'hello',
	additionalFields: { fromAccount },
});
const users = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('Group → Create', () => {
	it('creates a group with a custom ID, owner, profile and members; more than 100 members are added after', async () => {
		const many = users('crew', 150);
		fake.addUsers(...many);
		const { output, error } = await run(
			group('create', {
				name: 'Support',
				groupType: 'Public',
				additionalFields: {
					groupId: 'support_1',
					ownerAccount: 'alice',
					introduction: 'Customer support',
					notification: 'Be kind',
					faceUrl: 'https://example.org/a.png',
					maxMemberCount: 500,
					applyJoinOption: 'FreeAccess',
					memberIds: '={{ $json.members }}',
				},
			}),
			{ input: [{ json: { members: many } }] },
		);
		expect(error).toBeUndefined();
		const [create] = fake.commandRequests('group_open_http_svc/create_group');
		expect(create.json).toEqual({
			Type: 'Public',
			Name: 'Support',
			GroupId: 'support_1',
			Owner_Account: 'alice',
			Introduction: 'Customer support',
			Notification: 'Be kind',
			FaceUrl: 'https://example.org/a.png',
			MaxMemberCount: 500,
			ApplyJoinOption: 'FreeAccess',
			MemberList: many.slice(0, 100).map((Member_Account) => ({ Member_Account })),
		});
		const adds = fake.commandRequests('group_open_http_svc/add_group_member');
		expect(adds.map((r) => r.json)).toEqual([{ GroupId: 'support_1', MemberList: many.slice(100).map((Member_Account) => ({ Member_Account })) }]);
		expect(fake.groups.get('support_1')).toEqual(new Set(['alice', ...many]));
		expect(fake.groupApi.profiles.get('support_1')).toMatchObject({ Name: 'Support', Owner_Account: 'alice', MaxMemberNum: 500, ApplyJoinOption: 'FreeAccess' });
		const json = output[0][0].json;
		expect(json).toMatchObject({ GroupId: 'support_1', Type: 'Public', Name: 'Support' });
		expect(json.MoreMembers).toHaveLength(50);
	});

	it('returns the ID Tencent assigns, and the group can be sent to', async () => {
		const { output } = await run(group('create', { name: 'Lobby', groupType: 'ChatRoom' }));
		const id = String(output[0][0].json.GroupId);
		expect(id).toMatch(/^@TGS#/);
		expect(fake.groups.has(id)).toBe(true);
		const sent = await run(sendAs(id, 'administrator'));
		expect(sent.error).toBeUndefined();
	});

	it('does not repeat a create whose outcome is unknown (a second group could be made)', async () => {
		const before = fake.groups.size;
		fake.failAfterProcessing = (_req, command) => (command === 'group_open_http_svc/create_group' ? 502 : undefined);
		const { error } = await run(group('create', { name: 'Once' }));
		expect(fake.commandRequests('group_open_http_svc/create_group')).toHaveLength(1);
		expect(fake.groups.size).toBe(before + 1);
		expect(error?.message).toBe('Tencent Cloud Chat answered with HTTP 502 [item 0]');
		expect(error?.description).toMatch(/may have been created.*Get Many.*Custom Group ID/);
	});

	it('retries a create refused for the call rate (nothing was created)', async () => {
		fake.faultCommands.add('group_open_http_svc/create_group');
		fake.faults = [60007];
		const { error } = await run(group('create', { name: 'Retry', additionalFields: { groupId: 'retry_1' } }));
		expect(error).toBeUndefined();
		expect(fake.commandRequests('group_open_http_svc/create_group')).toHaveLength(2);
		expect(fake.groups.has('retry_1')).toBe(true);
	});

	it('explains a custom ID already in use (10021)', async () => {
		fake.addGroup('taken', ['alice']);
		const { error } = await run(group('create', { name: 'Dup', additionalFields: { groupId: 'taken' } }));
		expect(error?.message).toBe('The group ID is already in use (Tencent error 10021: the group ID is already used) [item 0]');
		expect(error?.description).toMatch(/Choose another Group ID/);
	});

	it('refuses bad input before sending anything', async () => {
		for (const [params, message] of [
			[group('create', { name: '={{ "  " }}' }), 'Group Name is empty [item 0]'],
			[group('create', { name: '客服中心客服中心客服中心' }), 'Group Name is too long (36 bytes; the limit is 30) [item 0]'],
			[group('create', { name: 'x', additionalFields: { groupId: 'g'.repeat(49) } }), 'Custom Group ID is too long (49 characters; the limit is 48) [item 0]'],
			[group('create', { name: 'x', groupType: 'AVChatRoom', additionalFields: { memberIds: 'alice' } }), 'Member User IDs cannot be used with audio-video groups [item 0]'],
			[group('create', { name: 'x', groupType: '={{ "Work" }}' }), 'Group Type "Work" is not supported [item 0]'],
			[group('create', { name: 'x', additionalFields: { introduction: 'i'.repeat(241) } }), 'Introduction is too long (241 characters; the limit is 240) [item 0]'],
		] as const) {
			const { error } = await run(params);
			expect(error?.message).toBe(message);
		}
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Group → Get', () => {
	it('gives one item per group, with the error code of a group that does not exist, and members only when asked', async () => {
		fake.addGroup('@TGS#get1', ['alice', 'bob']);
		let result = await run(group('get', { groupIds: '@TGS#get1, @TGS#nope' }));
		expect(fake.requests[0].json).toEqual({ GroupIdList: ['@TGS#get1', '@TGS#nope'], ResponseFilter: { GroupBaseInfoFilter: expect.arrayContaining(['Name', 'MemberNum', 'Owner_Account']) } });
		expect(result.output[0].map((i) => i.json)).toEqual([
			expect.objectContaining({ GroupId: '@TGS#get1', ErrorCode: 0, Type: 'Public', MemberNum: 2 }),
			{ GroupId: '@TGS#nope', ErrorCode: 10015, ErrorInfo: 'invalid group ID' },
		]);
		expect(result.output[0][0].json.MemberList).toBeUndefined();
		fake.reset();
		result = await run(group('get', { groupIds: '@TGS#get1', includeMembers: true }));
		expect(fake.requests[0].json).toEqual({ GroupIdList: ['@TGS#get1'] });
		expect((result.output[0][0].json.MemberList as Array<{ Member_Account: string }>).map((m) => m.Member_Account)).toEqual(['alice', 'bob']);
	});

	it('asks for at most 50 groups per call', async () => {
		const ids = users('@TGS#many', 120);
		for (const id of ids) fake.addGroup(id, ['alice']);
		const { output } = await run(group('get', { groupIds: '={{ $json.ids }}' }), { input: [{ json: { ids } }] });
		expect(fake.requests.map((r) => (r.json as { GroupIdList: string[] }).GroupIdList.length)).toEqual([50, 50, 20]);
		expect(output[0]).toHaveLength(120);
	});
});

describe('Group → Get Many', () => {
	it('pages with Next until it is 0, at most 10,000 IDs per call and 1 call per second', async () => {
		const ids = users('bulk_', 10_005);
		for (const id of ids) fake.groups.set(id, new Set());
		try {
			const { output, error } = await run(group('getMany', { returnAll: true }));
			expect(error).toBeUndefined();
			const calls = fake.commandRequests('group_open_http_svc/get_appid_group_list');
			// A call the fake refused for its 1 call/s (60007: on a busy machine a request may arrive late) is retried.
			expect(fake.errorsAnswered.filter((code) => code !== 60007)).toEqual([]);
			const bodies = calls.map((r) => JSON.stringify(r.json)).filter((body, i, all) => body !== all[i - 1]);
			expect(bodies.map((body) => JSON.parse(body) as unknown)).toEqual([
				{ Limit: 10_000, Next: 0 },
				{ Limit: 10_000, Next: 10_000 },
			]);
			expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(1000);
			expect(output[0].length).toBe(fake.groups.size);
			expect(output[0].at(-1)?.json).toEqual({ GroupId: 'bulk_10004' });
		} finally {
			for (const id of ids) fake.groups.delete(id);
		}
	});

	it('stops at the limit and filters by type', async () => {
		await run(group('create', { name: 'Community one', groupType: 'Community' }));
		fake.reset();
		const { output } = await run(group('getMany', { returnAll: false, limit: 2, filters: { groupType: 'Community' } }));
		expect(fake.requests[0].json).toEqual({ Limit: 2, Next: 0, GroupType: 'Community' });
		expect(output[0].map((i) => String(i.json.GroupId))).toEqual([expect.stringMatching(/^@TGS#_/)]);
	});
});

describe('Group → Update and Delete', () => {
	it('changes the profile and mutes everyone with MuteAllMember On', async () => {
		fake.addGroup('upd_1', ['alice']);
		const { output } = await run(group('update', { groupId: 'upd_1', updateFields: { name: 'Renamed', notification: '', maxMemberNum: 50, muteAllMember: true } }));
		expect(fake.requests[0].json).toEqual({ GroupId: 'upd_1', Name: 'Renamed', Notification: '', MaxMemberNum: 50, MuteAllMember: 'On' });
		expect(fake.groupApi.profiles.get('upd_1')).toMatchObject({ Name: 'Renamed', MaxMemberNum: 50, MuteAllMember: 'On' });
		expect(output[0][0].json).toMatchObject({ GroupId: 'upd_1', updated: true });
		// Only the owner, admins and the App admin may send now.
		expect((await run(sendAs('upd_1', 'alice'))).error?.message).toBe('The sender is muted in this group (Tencent error 10017: all members are muted in this group) [item 0]');
		expect((await run(sendAs('upd_1', 'administrator'))).error).toBeUndefined();
	});

	it('refuses an update without fields, and explains an unknown group', async () => {
		let { error } = await run(group('update', { groupId: 'upd_1', updateFields: {} }));
		expect(error?.message).toBe('Update Fields is empty [item 0]');
		expect(fake.requests).toHaveLength(0);
		({ error } = await run(group('update', { groupId: 'ghost', updateFields: { name: 'x' } })));
		expect(error?.message).toBe('The group does not exist (Tencent error 10015: invalid group ID) [item 0]');
	});

	it('disbands a group: it is gone, and sending to it fails', async () => {
		fake.addGroup('del_1', ['alice']);
		const { output } = await run(group('delete', { groupId: 'del_1' }));
		expect(output[0][0].json).toEqual({ GroupId: 'del_1', deleted: true });
		expect(fake.groups.has('del_1')).toBe(false);
		const sent = await run(sendAs('del_1', 'administrator'));
		expect(sent.error?.message).toMatch(/^The group does not exist \(Tencent error 10010/);
		const again = await run(group('delete', { groupId: 'del_1' }));
		expect(again.error?.message).toBe('The group does not exist (Tencent error 10010: the group has been disbanded) [item 0]');
	});

	it('a retry after a lost answer that finds the group gone counts as disbanded', async () => {
		fake.addGroup('del_2', ['alice']);
		let first = true;
		fake.failAfterProcessing = (_req, command) => {
			if (command !== 'group_open_http_svc/destroy_group' || !first) return undefined;
			first = false;
			return 502;
		};
		const { output, error } = await run(group('delete', { groupId: 'del_2' }));
		expect(error).toBeUndefined();
		expect(fake.commandRequests('group_open_http_svc/destroy_group')).toHaveLength(2);
		expect(fake.errorsAnswered).toEqual([502, 10010]);
		expect(output[0][0].json).toEqual({ GroupId: 'del_2', deleted: true, doneByEarlierAttempt: true });
	});
});

describe('Group → Add and Remove Members', () => {
	it('adds in calls of at most 300 and reports who was added, already a member or failed', async () => {
		const crowd = users('fan', 350);
		fake.addUsers(...crowd);
		fake.addGroup('add_1', ['alice']);
		const { output } = await run(group('addMembers', { groupId: 'add_1', userIds: '={{ $json.ids }}', additionalFields: { silence: true } }), {
			input: [{ json: { ids: ['alice', 'ghost', ...crowd] } }],
		});
		const calls = fake.commandRequests('group_open_http_svc/add_group_member');
		expect(calls.map((r) => (r.json as { MemberList: unknown[] }).MemberList.length)).toEqual([300, 52]);
		expect((calls[0].json as { Silence: number }).Silence).toBe(1);
		const json = output[0][0].json;
		expect(json.alreadyMember).toEqual(['alice']);
		expect(json.failed).toEqual(['ghost']);
		expect(json.added).toHaveLength(350);
		expect(fake.groups.get('add_1')?.size).toBe(351);
	});

	it('explains a full group (10014) and adds nobody', async () => {
		await run(group('create', { name: 'Tiny', additionalFields: { groupId: 'tiny', maxMemberCount: 2, memberIds: 'alice' } }));
		fake.reset();
		const { error } = await run(group('addMembers', { groupId: 'tiny', userIds: 'bob, carol' }));
		expect(error?.message).toBe('The group is full (Tencent error 10014: the group is full) [item 0]');
		expect(fake.groups.get('tiny')).toEqual(new Set(['alice']));
	});

	it('explains what a group type does not support (10007): members of an audio-video group, muting in a Work group', async () => {
		await run(group('create', { name: 'Live', groupType: 'AVChatRoom', additionalFields: { groupId: 'live_1' } }));
		await run(group('create', { name: 'Work', groupType: 'Private', additionalFields: { groupId: 'work_1', memberIds: 'alice' } }));
		let { error } = await run(group('addMembers', { groupId: 'live_1', userIds: 'bob' }));
		expect(error?.message).toBe('No permission in this group (Tencent error 10007: audio-video groups do not support adding members) [item 0]');
		expect(error?.description).toMatch(/audio-video groups take no members/);
		({ error } = await run(group('muteMember', { groupId: 'work_1', userIds: 'alice', muteSeconds: 60 })));
		expect(error?.message).toBe('No permission in this group (Tencent error 10007: work groups do not support muting members) [item 0]');
	});

	it('removes in calls of at most 100; a non-member is no error', async () => {
		const crowd = users('leaver', 120);
		fake.addUsers(...crowd);
		fake.addGroup('rm_1', ['alice', ...crowd]);
		const { output } = await run(group('removeMembers', { groupId: 'rm_1', userIds: '={{ $json.ids }}', additionalFields: { reason: 'Spam' } }), {
			input: [{ json: { ids: [...crowd, 'dave'] } }],
		});
		const calls = fake.commandRequests('group_open_http_svc/delete_group_member');
		expect(calls.map((r) => (r.json as { MemberToDel_Account: string[] }).MemberToDel_Account.length)).toEqual([100, 21]);
		expect(calls[0].json).toMatchObject({ GroupId: 'rm_1', Reason: 'Spam' });
		expect(fake.groups.get('rm_1')).toEqual(new Set(['alice']));
		expect(output[0][0].json.removed).toHaveLength(121);
	});

	it('with Continue On Fail gives one item per input', async () => {
		fake.addGroup('cof_1', []);
		const { output, run: execution } = await run(group('addMembers', { groupId: '={{ $json.group }}', userIds: 'bob' }), {
			onError: 'continueErrorOutput',
			input: [{ json: { group: 'cof_1' } }, { json: { group: 'ghost' } }, { json: { group: '' } }],
		});
		expect(execution.status).toBe('success');
		expect(output[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1].map((i) => i.json.error)).toEqual([
			'The group does not exist (Tencent error 10015: invalid group ID) [item 1]',
			'Group ID is empty [item 2]',
		]);
		expect(fake.commandRequests('group_open_http_svc/add_group_member')).toHaveLength(2);
	});
});

describe('Group → Get Members', () => {
	it('pages with Limit and Offset until MemberNum, and stops at the limit', async () => {
		const crowd = users('m', 250);
		fake.addUsers(...crowd);
		fake.addGroup('mem_1', crowd);
		let { output } = await run(group('getMembers', { groupId: 'mem_1', returnAll: true }));
		expect(fake.requests.map((r) => r.json)).toEqual([
			{ GroupId: 'mem_1', Limit: 100, Offset: 0 },
			{ GroupId: 'mem_1', Limit: 100, Offset: 100 },
			{ GroupId: 'mem_1', Limit: 100, Offset: 200 },
		]);
		expect(output[0]).toHaveLength(250);
		expect(output[0][0].json).toMatchObject({ GroupId: 'mem_1', Member_Account: 'm0', Role: 'Member', ShutUpUntil: 0 });
		fake.reset();
		({ output } = await run(group('getMembers', { groupId: 'mem_1', returnAll: false, limit: 120 })));
		expect(fake.requests.map((r) => r.json)).toEqual([
			{ GroupId: 'mem_1', Limit: 100, Offset: 0 },
			{ GroupId: 'mem_1', Limit: 20, Offset: 100 },
		]);
		expect(output[0]).toHaveLength(120);
	});

	it('follows Next in a Community group', async () => {
		const crowd = users('c', 130);
		fake.addUsers(...crowd);
		await run(group('create', { name: 'Town', groupType: 'Community', additionalFields: { groupId: '@TGS#_town', memberIds: '={{ $json.ids }}' } }), { input: [{ json: { ids: crowd } }] });
		fake.reset();
		const { output } = await run(group('getMembers', { groupId: '@TGS#_town', returnAll: true }));
		expect(fake.requests.map((r) => r.json)).toEqual([
			{ GroupId: '@TGS#_town', Limit: 100, Offset: 0 },
			{ GroupId: '@TGS#_town', Limit: 100, Next: '100' },
		]);
		expect(output[0]).toHaveLength(130);
	});
});

describe('Group → Mute Member', () => {
	it('mutes: the muted member cannot send to the group until unmuted', async () => {
		fake.addGroup('mute_1', ['alice', 'bob']);
		const { output } = await run(group('muteMember', { groupId: 'mute_1', userIds: 'alice', muteAction: 'mute', muteSeconds: 600 }));
		expect(fake.requests[0].json).toEqual({ GroupId: 'mute_1', Members_Account: ['alice'], MuteTime: 600 });
		expect(output[0][0].json).toEqual({ GroupId: 'mute_1', userIds: ['alice'], muted: true, MuteTime: 600 });
		let sent = await run(sendAs('mute_1', 'alice'));
		expect(sent.error?.message).toBe('The sender is muted in this group (Tencent error 10017: the sender is muted in this group) [item 0]');
		expect((await run(sendAs('mute_1', 'bob'))).error).toBeUndefined();
		const members = await run(group('getMembers', { groupId: 'mute_1', returnAll: true }));
		expect(Number(members.output[0][0].json.ShutUpUntil)).toBeGreaterThan(Date.now() / 1000);
		fake.reset();
		await run(group('muteMember', { groupId: 'mute_1', userIds: 'alice', muteAction: 'unmute' }));
		expect(fake.requests[0].json).toEqual({ GroupId: 'mute_1', Members_Account: ['alice'], MuteTime: 0 });
		sent = await run(sendAs('mute_1', 'alice'));
		expect(sent.error).toBeUndefined();
	});

	it('mutes in calls of at most 500 and refuses a bad duration before sending', async () => {
		const crowd = users('q', 501);
		fake.addGroup('mute_2', crowd);
		await run(group('muteMember', { groupId: 'mute_2', userIds: '={{ $json.ids }}', muteSeconds: 60 }), { input: [{ json: { ids: crowd } }] });
		expect(fake.requests.map((r) => (r.json as { Members_Account: string[] }).Members_Account.length)).toEqual([500, 1]);
		fake.reset();
		const { error } = await run(group('muteMember', { groupId: 'mute_2', userIds: 'q1', muteSeconds: 0 }));
		expect(error?.message).toBe('Duration (Seconds) is out of range (0) [item 0]');
		expect(fake.requests).toHaveLength(0);
	});

	it('runs many items near the rate limit without a rate-limit refusal', async () => {
		fake.addGroup('mute_3', ['alice']);
		const { output, error } = await run(group('muteMember', { groupId: 'mute_3', userIds: 'alice', muteSeconds: 60 }), { input: items(300) });
		expect(error).toBeUndefined();
		expect(output[0]).toHaveLength(300);
		expect(fake.errorsAnswered).not.toContain(60007);
	});
});
