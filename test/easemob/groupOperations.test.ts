// Easemob IM → Group through the real n8n engine against the fake's groups (test/fakes/fakeEasemobGroups.ts).
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
	app = freshApp(fake);
	credentials = credentialsFor(fake, app);
	for (const user of ['owner1', 'alice', 'bob', 'carol']) fake.addUser(app, user);
});

const group = (operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'group', operation, ...extra });
const json = (output: Array<Array<{ json: IDataObject }>>) => output[0].map((item) => item.json);
const groupPath = (...rest: string[]) => `/${fake.orgName}/${app}/${['chatgroups', ...rest].join('/')}`;

describe('Easemob IM → Group → Create', () => {
	it('creates the group with the documented body; it exists afterwards with owner and members', async () => {
		const { output, run } = await runNode(
			'easemobIm',
			group('create', { owner: 'owner1', isPublic: true, additionalFields: { groupname: 'Support 4711', description: 'Ticket', maxusers: 50, members: 'alice, bob', allowinvites: true } }),
			credentials,
		);
		expect(run.status).toBe('success');
		const [req] = fake.apiRequests;
		expect(req.method).toBe('POST');
		expect(req.rawPath).toBe(groupPath());
		expect(req.json).toStrictEqual({ owner: 'owner1', public: true, groupname: 'Support 4711', description: 'Ticket', maxusers: 50, allowinvites: true, members: ['alice', 'bob'] });
		const [created] = json(output);
		expect(created).toMatchObject({ created: true, owner: 'owner1', groupName: 'Support 4711' });
		const stored = fake.groups.get(String(created.groupId))!;
		expect(stored).toMatchObject({ owner: 'owner1', members: ['alice', 'bob'], public: true, maxusers: 50, name: 'Support 4711' });
		// Easemob turns allowinvites off for a public group at creation (group_manage.html).
		expect(stored.allowinvites).toBe(false);
	});

	it('reports an owner who does not exist as a clear item error, and continues with the next item', async () => {
		const { output } = await runNode('easemobIm', group('create', { owner: '={{ $json.owner }}', isPublic: false }), credentials, {
			input: items(3, (n) => ({ owner: ['ghost', '', 'alice'][n] })),
			onError: 'continueRegularOutput',
		});
		const out = json(output);
		expect(out).toHaveLength(3);
		expect(out[0].error).toBe("Easemob: resource_not_found: username ghost doesn't exist! [item 0]");
		expect(out[1].error).toBe('Owner is empty [item 1]');
		expect(out[2]).toMatchObject({ created: true, owner: 'alice' });
		// The empty owner was refused before sending: two calls, not three.
		expect(fake.apiRequests).toHaveLength(2);
	});

	it('refuses more members than Max Members before sending anything', async () => {
		const { error } = await runNode('easemobIm', group('create', { owner: 'owner1', additionalFields: { maxusers: 2, members: 'alice,bob,carol' } }), credentials);
		expect(error?.message).toBe('Members lists 3 users; Max Members is 2 [item 0]');
		expect(fake.apiRequests).toHaveLength(0);
	});

	it('does not repeat a creation whose outcome is unknown (a second group could appear)', async () => {
		fake.injectFault = () => 503;
		const { error } = await runNode('easemobIm', group('create', { owner: 'owner1' }), credentials);
		expect(error?.message).toBe('The group may have been created: Easemob answered service_unavailable: The service is temporarily unavailable [item 0]');
		expect(error?.description).toContain('Check whether the group exists');
		expect(fake.apiRequests).toHaveLength(1);
	});
});

describe('Easemob IM → Group → Get, Get Many, Update, Delete', () => {
	it('gets several groups in one call; a missing one is reported, not dropped', async () => {
		const a = fake.groupApi.addGroup(app, 'owner1', ['alice']);
		const b = fake.groupApi.addGroup(app, 'bob', [], { name: 'B' });
		const { output } = await runNode('easemobIm', group('get', { groupIds: `${a}, nope, ${b}` }), credentials);
		expect(fake.apiRequests.map((r) => r.rawPath)).toEqual([groupPath(`${a},nope,${b}`)]);
		const out = json(output);
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({ id: a, owner: 'owner1', affiliations_count: 2, affiliations: [{ member: 'alice' }, { owner: 'owner1' }] });
		expect(out[1]).toEqual({ id: 'nope', exists: false });
		expect(out[2]).toMatchObject({ id: b, name: 'B', owner: 'bob' });
	});

	it('reports one group that does not exist as the documented 404', async () => {
		const { error } = await runNode('easemobIm', group('get', { groupIds: '123' }), credentials);
		expect(error?.message).toBe('Group "123" was not found (resource_not_found: grpID 123 does not exist!) [item 0]');
	});

	it('pages through the groups with the cursor (Return All) and stops at the limit', async () => {
		for (let n = 0; n < 1205; n++) fake.groupApi.addGroup(app, 'owner1');
		const all = await runNode('easemobIm', group('getAll', { returnAll: true }), credentials);
		expect(all.output[0]).toHaveLength(1205);
		expect(fake.apiRequests.map((r) => Object.fromEntries(r.query))).toEqual([{ limit: '1000' }, { limit: '1000', cursor: expect.any(String) }]);
		const ids = all.output[0].map((item) => item.json.groupid);
		expect(new Set(ids).size).toBe(1205);
		fake.server.reset();
		const some = await runNode('easemobIm', group('getAll', { returnAll: false, limit: 3 }), credentials);
		expect(some.output[0]).toHaveLength(3);
		expect(fake.apiRequests.map((r) => Object.fromEntries(r.query))).toEqual([{ limit: '3' }]);
		// Newest first (group_manage.html).
		expect(some.output[0][0].json.groupid).toBe(ids[0]);
	});

	it('updates the fields given and says which Easemob changed', async () => {
		const id = fake.groupApi.addGroup(app, 'owner1', ['alice', 'bob']);
		const { output } = await runNode('easemobIm', group('update', { groupId: id, updateFields: { groupname: 'Renamed', public: true, maxusers: 2 } }), credentials);
		expect(fake.apiRequests[0].method).toBe('PUT');
		expect(fake.apiRequests[0].json).toStrictEqual({ groupname: 'Renamed', maxusers: 2, public: true });
		// Three members do not fit in two places: Easemob reports that change as failed.
		expect(json(output)).toEqual([{ updated: false, groupId: id, results: { groupname: true, maxusers: false, public: true } }]);
		expect(fake.groups.get(id)).toMatchObject({ name: 'Renamed', public: true, maxusers: 200 });
	});

	it('refuses an update without fields before sending', async () => {
		const { error } = await runNode('easemobIm', group('update', { groupId: '1', updateFields: { groupname: '  ' } }), credentials);
		expect(error?.message).toBe('Update Fields has nothing to change [item 0]');
		expect(fake.apiRequests).toHaveLength(0);
	});

	it('deletes a group, which is gone afterwards; a second delete is the documented 404', async () => {
		const id = fake.groupApi.addGroup(app, 'owner1');
		const { output } = await runNode('easemobIm', group('delete', { groupId: id }), credentials);
		expect(json(output)).toEqual([{ deleted: true, groupId: id }]);
		expect(fake.groups.has(id)).toBe(false);
		const again = await runNode('easemobIm', group('delete', { groupId: id }), credentials);
		expect(again.error?.message).toBe(`Group "${id}" was not found (resource_not_found: grpID ${id} does not exist!) [item 0]`);
	});
});

describe('Easemob IM → Group → members', () => {
	it('adds members 60 per call; members already in the group are reported, not an error', async () => {
		const many = Array.from({ length: 70 }, (_, n) => `m${n}`);
		for (const user of many) fake.addUser(app, user);
		const id = fake.groupApi.addGroup(app, 'owner1', ['m3'], { maxusers: 500 });
		const { output } = await runNode('easemobIm', group('addMembers', { groupId: id, usernames: '={{ $json.users }}' }), credentials, { input: items(1, () => ({ users: many })) });
		expect(fake.apiRequests.map((r) => (r.json as { usernames: string[] }).usernames.length)).toEqual([60, 10]);
		const [out] = json(output);
		expect(out.alreadyMembers).toEqual(['m3']);
		expect(out.added).toHaveLength(69);
		expect(fake.groups.get(id)!.members).toHaveLength(70);
		// Adding them again: every call is Easemob's 403 "already in group", which means the goal is reached.
		fake.server.reset();
		const again = await runNode('easemobIm', group('addMembers', { groupId: id, usernames: 'm1, m2' }), credentials);
		expect(again.run.status).toBe('success');
		expect(json(again.output)).toEqual([{ groupId: id, added: [], alreadyMembers: ['m1', 'm2'] }]);
	});

	it('reports a user who does not exist, and a group that does not', async () => {
		const id = fake.groupApi.addGroup(app, 'owner1');
		const { output } = await runNode('easemobIm', group('addMembers', { groupId: '={{ $json.g }}', usernames: '={{ $json.u }}' }), credentials, {
			input: [{ json: { g: id, u: 'alice, ghost' } }, { json: { g: '999', u: 'alice' } }, { json: { g: id, u: 'a,b' } }],
			onError: 'continueRegularOutput',
		});
		const out = json(output);
		expect(out[0].error).toBe(`Group "${id}" or one of the users was not found (resource_not_found: username ghost doesn't exist!) [item 0]`);
		expect(out[1].error).toBe('Group "999" or one of the users was not found (resource_not_found: grpID 999 does not exist!) [item 1]');
		expect(out[2].error).toBe(`Group "${id}" or one of the users was not found (resource_not_found: username a doesn't exist!) [item 2]`);
		expect(fake.groups.get(id)!.members).toEqual([]);
	});

	it('removes members; non-members and unknown users come back with Easemob\'s reasons', async () => {
		const id = fake.groupApi.addGroup(app, 'owner1', ['alice', 'bob']);
		const { output } = await runNode('easemobIm', group('removeMembers', { groupId: id, usernames: 'alice, carol, ghost' }), credentials);
		expect(fake.apiRequests[0].method).toBe('DELETE');
		expect(fake.apiRequests[0].rawPath).toBe(groupPath(id, 'users', 'alice,carol,ghost'));
		expect(json(output)).toEqual([
			{
				groupId: id,
				removed: ['alice'],
				notRemoved: [
					{ user: 'carol', reason: `user: carol doesn't exist in group: ${id}` },
					{ user: 'ghost', reason: "user ghost doesn't exist." },
				],
			},
		]);
		expect(fake.groups.get(id)!.members).toEqual(['bob']);
		// Nobody of the list in the group: Easemob's 403 means there is nothing left to remove.
		const again = await runNode('easemobIm', group('removeMembers', { groupId: id, usernames: 'alice' }), credentials);
		expect(json(again.output)).toEqual([{ groupId: id, removed: [], notRemoved: [{ user: 'alice', reason: 'not a member of the group' }] }]);
	});

	it('refuses to remove the owner (Easemob\'s 403), removing nobody', async () => {
		const id = fake.groupApi.addGroup(app, 'owner1', ['alice']);
		const { error } = await runNode('easemobIm', group('removeMembers', { groupId: id, usernames: 'alice, owner1' }), credentials);
		expect(error?.message).toBe('Easemob: forbidden_op: forbidden operation on group owner! [item 0]');
		expect(fake.groups.get(id)!.members).toEqual(['alice']);
	});

	it('removes long lists in calls of at most 60 users', async () => {
		const many = Array.from({ length: 125 }, (_, n) => `m${n}`);
		const id = fake.groupApi.addGroup(app, 'owner1', many, { maxusers: 500 });
		const { output } = await runNode('easemobIm', group('removeMembers', { groupId: id, usernames: many.join(',') }), credentials);
		expect(fake.apiRequests.map((r) => decodeURIComponent(r.rawPath.split('/').pop()!).split(',').length)).toEqual([60, 60, 5]);
		expect((json(output)[0].removed as string[]).length).toBe(125);
		expect(fake.groups.get(id)!.members).toEqual([]);
	});

	it('lists members page by page (same page size on every page) with the owner first', async () => {
		const many = Array.from({ length: 1500 }, (_, n) => `m${n}`);
		const id = fake.groupApi.addGroup(app, 'owner1', many, { maxusers: 3000 });
		const all = await runNode('easemobIm', group('getMembers', { groupId: id, returnAll: true }), credentials);
		expect(fake.apiRequests.map((r) => Object.fromEntries(r.query))).toEqual([
			{ pagenum: '1', pagesize: '1000' },
			{ pagenum: '2', pagesize: '1000' },
		]);
		expect(all.output[0]).toHaveLength(1501);
		expect(all.output[0][0].json).toEqual({ groupId: id, username: 'owner1', role: 'owner' });
		expect(all.output[0][1500].json).toEqual({ groupId: id, username: 'm1499', role: 'member' });
		fake.server.reset();
		const some = await runNode('easemobIm', group('getMembers', { groupId: id, returnAll: false, limit: 5 }), credentials);
		expect(some.output[0]).toHaveLength(5);
		expect(fake.apiRequests.map((r) => Object.fromEntries(r.query))).toEqual([{ pagenum: '1', pagesize: '5' }]);
		const missing = await runNode('easemobIm', group('getMembers', { groupId: 'nope', returnAll: true }), credentials);
		expect(missing.error?.message).toBe('Group "nope" was not found (service_resource_not_found: do not find this group:nope) [item 0]');
	});

	it('a group created by the node takes messages through Message → Send to Groups', async () => {
		const created = await runNode('easemobIm', group('create', { owner: 'owner1' }), credentials);
		const groupId = String(created.output[0][0].json.groupId);
		const { output } = await runNode('easemobIm', { resource: 'message', operation: 'sendToGroups', groupIds: groupId, messageType: 'txt', text: 'Welcome' }, credentials);
		expect(Object.keys(output[0][0].json.messageIds as IDataObject)).toEqual([groupId]);
		expect([...fake.messages.values()].some((m) => m.to === groupId && m.chatType === 'groupchat')).toBe(true);
	});
});
