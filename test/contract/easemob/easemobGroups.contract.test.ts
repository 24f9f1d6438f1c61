/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Contract tests of Group and Chat Room from Easemob's own examples (fixtures in
// test/contract/fixtures/easemob, each with its page's URL): the node runs through the engine with
// nock standing in for Easemob; its request must have the documented shape and the documented
// response must become the documented output.
import fs from 'node:fs';
import path from 'node:path';

import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';

interface Exchange {
	method: string;
	path: string;
	body?: IDataObject;
}
interface Fixture {
	source: string;
	notSentByNode?: Record<string, string>;
	request: Exchange & { query?: Record<string, string> };
	response: { status: number; body: IDataObject };
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'easemob');
const fixture = (name: string): Fixture => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Fixture;
const HOST = 'https://a1.easemob.com';
const token = fixture('token');
let appCounter = 0;

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
});
afterEach(() => nock.cleanAll());

/** Runs the node with the token page's example and then `f`'s exchange; returns the output and the call it sent. */
async function runAgainst(f: Fixture, parameters: INodeParameters) {
	const org = 'XXXX';
	const app = `groups${++appCounter}`;
	const tokenBody = token.request.body!;
	const credentials = { easemobImApi: { baseUrl: HOST, orgName: org, appName: app, clientId: String(tokenBody.client_id), clientSecret: String(tokenBody.client_secret), accessToken: '' } };
	const docPath = `/${org}/${app}/${f.request.path.split('/').slice(3).join('/')}`;
	const sent: Array<{ path: string; query: Record<string, string>; headers: Record<string, string>; body: unknown }> = [];
	let query: Record<string, string> = {};
	const scope = nock(HOST).post(`/${org}/${app}/token`).reply(token.response.status, token.response.body);
	scope
		.intercept((uri) => uri.split('?')[0] === docPath, f.request.method)
		.query((q) => {
			query = Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]));
			return true;
		})
		.reply(f.response.status, function (uri: string, body: unknown) {
			sent.push({ path: uri.split('?')[0], query, headers: this.req.headers as Record<string, string>, body });
			return f.response.body;
		});
	const result = await runNode('easemobIm', parameters, credentials);
	expect(scope.isDone()).toBe(true);
	expect(sent).toHaveLength(1);
	expect(sent[0].headers.authorization).toBe(`Bearer ${String(token.response.body.access_token)}`);
	expect(sent[0].headers.accept).toMatch(/^application\/json/);
	// The documented body, less the optional fields the node does not offer.
	const documented = f.request.body ? { ...f.request.body } : undefined;
	for (const field of Object.keys(f.notSentByNode ?? {})) delete documented![field];
	if (documented) expect(sent[0].body).toStrictEqual(documented);
	else expect(sent[0].body === undefined || sent[0].body === '').toBe(true);
	return { json: result.output[0]?.map((item) => item.json) ?? [], run: result.run, sent: sent[0] };
}

describe('Easemob IM contract: Group and Chat Room examples', () => {
	it('Group → Create', async () => {
		const f = fixture('group.create');
		const b = f.request.body!;
		const { json } = await runAgainst(f, {
			resource: 'group',
			operation: 'create',
			owner: b.owner as string,
			isPublic: b.public as boolean,
			additionalFields: { groupname: b.groupname, avatar: b.avatar, description: b.description, maxusers: b.maxusers, members: (b.members as string[]).join(',') } as INodeParameters,
		});
		expect(json).toEqual([{ created: true, groupId: '6XXXX7', owner: 'testuser', groupName: 'testgroup' }]);
	});

	it('Group → Get', async () => {
		const f = fixture('group.get');
		const { json } = await runAgainst(f, { resource: 'group', operation: 'get', groupIds: '66XXXX85' });
		// The example answers for another ID than it asks ("XXXX"): an asked ID without its details is reported missing.
		expect(json).toEqual([{ id: '66XXXX85', exists: false }]);
		const asked = { ...f, request: { ...f.request, path: '/XXXX/XXXX/chatgroups/XXXX' } };
		const again = await runAgainst(asked, { resource: 'group', operation: 'get', groupIds: 'XXXX' });
		expect(again.json).toEqual(f.response.body.data);
	});

	it('Group → Get Many (first page)', async () => {
		const f = fixture('group.getAll');
		const { json, sent } = await runAgainst(f, { resource: 'group', operation: 'getAll', returnAll: false, limit: 2 });
		expect(sent.query).toEqual(f.request.query);
		expect(json).toEqual(f.response.body.data);
	});

	it('Group → Update', async () => {
		const f = fixture('group.update');
		const b = f.request.body!;
		const { json } = await runAgainst(f, {
			resource: 'group',
			operation: 'update',
			groupId: '6XXXX7',
			updateFields: { ...b, inviteNeedConfirm: b.invite_need_confirm, invite_need_confirm: undefined } as INodeParameters,
		});
		expect(json).toEqual([{ updated: true, groupId: '6XXXX7', results: f.response.body.data }]);
	});

	it('Group → Delete', async () => {
		const { json } = await runAgainst(fixture('group.delete'), { resource: 'group', operation: 'delete', groupId: '6XXXX7' });
		expect(json).toEqual([{ deleted: true, groupId: '6XXXX7' }]);
	});

	it('Group → Add Members', async () => {
		const { json } = await runAgainst(fixture('group.addMembers'), { resource: 'group', operation: 'addMembers', groupId: '66XXXX85', usernames: 'user4, user5' });
		expect(json).toEqual([{ groupId: '66XXXX85', added: ['user4', 'user5'], alreadyMembers: [] }]);
	});

	it('Group → Remove Members', async () => {
		const { json } = await runAgainst(fixture('group.removeMembers'), { resource: 'group', operation: 'removeMembers', groupId: '66XXXX85', usernames: 'ttXXXX81,user2,user3' });
		expect(json).toEqual([{ groupId: '66XXXX85', removed: ['user2', 'user3'], notRemoved: [{ user: 'ttXXXX81', reason: "user ttXXXX81 doesn't exist." }] }]);
	});

	it('Group → Get Members', async () => {
		const f = fixture('group.getMembers');
		const { json, sent } = await runAgainst(f, { resource: 'group', operation: 'getMembers', groupId: '10XXXX85', returnAll: false, limit: 2 });
		expect(sent.query).toEqual({ pagenum: '1', pagesize: '2' });
		expect(json).toEqual([
			{ groupId: '10XXXX85', username: 'user1', role: 'owner' },
			{ groupId: '10XXXX85', username: 'user2', role: 'member' },
		]);
	});

	it('Chat Room → Create', async () => {
		const f = fixture('chatRoom.create');
		const b = f.request.body!;
		const { json } = await runAgainst(f, {
			resource: 'chatRoom',
			operation: 'create',
			name: b.name as string,
			description: b.description as string,
			owner: b.owner as string,
			additionalFields: { maxusers: b.maxusers as number, members: 'user2' },
		});
		expect(json).toEqual([{ created: true, chatRoomId: '66XXXX33', name: 'testchatroom1', owner: 'user1' }]);
	});

	it('Chat Room → Delete', async () => {
		const { json } = await runAgainst(fixture('chatRoom.delete'), { resource: 'chatRoom', operation: 'delete', chatRoomId: '662XXXX13' });
		expect(json).toEqual([{ deleted: true, chatRoomId: '662XXXX13' }]);
	});

	it('Chat Room → Send Message', async () => {
		const { json } = await runAgainst(fixture('chatRoom.sendMessage'), {
			resource: 'chatRoom',
			operation: 'sendMessage',
			chatRoomIds: '185145305923585',
			messageType: 'txt',
			text: 'testmessages',
			additionalFields: { from: 'user1' },
		});
		expect(json).toEqual([{ sent: true, recipients: 1, type: 'txt', messageIds: { '185145305923585': '1029545553039460728' } }]);
	});
});
