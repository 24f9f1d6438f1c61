/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Contract tests from Easemob's own examples: every fixture in test/contract/fixtures/easemob holds a
// request and a response as the platform's page shows them (with the page's URL). The node runs
// through the engine with nock standing in for Easemob, token request included; the node's request
// must have the documented shape and the documented response must become the documented output.
import fs from 'node:fs';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import type { Fixture } from './examples';
import { FIXTURES, documentedBody, fixture, json, runAgainstExamples, useNock } from './examples';

useNock();

describe('Easemob IM contract: the documented examples', () => {
	it('every fixture names the page it comes from', () => {
		for (const file of fs.readdirSync(FIXTURES)) {
			const f = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Fixture;
			expect(f.source).toMatch(/^https:\/\/doc\.easemob\.com\/document\/server-side\/[a-z_]+\.html#/);
			expect(f.request ?? f.pages).toBeDefined();
		}
	});

	it('Conversation → Delete', async () => {
		const f = fixture('conversation.delete');
		const body = f.request!.body as IDataObject;
		const { output, run, sent } = await runAgainstExamples(f, {
			resource: 'conversation',
			operation: 'delete',
			username: 'u1',
			conversationType: body.type as string,
			conversationId: body.channel as string,
			deleteRoamingMessages: body.delete_roam as boolean,
		});
		expect(run.status).toBe('success');
		expect(sent).toHaveLength(1);
		expect(sent[0].body).toStrictEqual(documentedBody(f, f.request!));
		expect(json(output)).toEqual([{ deleted: true, username: 'u1', conversationType: 'chat', conversationId: 'u2', deleteRoamingMessages: true, result: 'ok' }]);
	});

	it('Message → Send to Users (text, online only, synced to the sender)', async () => {
		const f = fixture('message.sendToUsers');
		const { output, sent } = await runAgainstExamples(f, {
			resource: 'message',
			operation: 'sendToUsers',
			to: 'user2',
			messageType: 'txt',
			text: 'testmessages',
			additionalFields: { from: 'user1', ext: '{"em_ignore_notification": true}', onlineOnly: true, syncDevice: true },
		});
		expect(sent[0].body).toStrictEqual(documentedBody(f, f.request!));
		expect(json(output)).toEqual([{ sent: true, recipients: 1, type: 'txt', messageIds: f.response!.body.data }]);
	});

	it('Message → Send to Users (command)', async () => {
		const f = fixture('message.sendToUsers.cmd');
		const { output, sent } = await runAgainstExamples(f, {
			resource: 'message',
			operation: 'sendToUsers',
			to: 'user2',
			messageType: 'cmd',
			action: 'action1',
			additionalFields: { from: 'user1' },
		});
		expect(sent[0].body).toStrictEqual(f.request!.body);
		expect(json(output)).toEqual([{ sent: true, recipients: 1, type: 'cmd', messageIds: { user2: '1029457500870543736' } }]);
	});

	it('Message → Send to Users (custom)', async () => {
		const f = fixture('message.sendToUsers.custom');
		const { output, sent } = await runAgainstExamples(f, {
			resource: 'message',
			operation: 'sendToUsers',
			to: 'user2',
			messageType: 'custom',
			customEvent: 'custom_event',
			customExts: '{"ext_key1": "ext_value1"}',
			additionalFields: { from: 'user1' },
		});
		expect(sent[0].body).toStrictEqual(f.request!.body);
		expect(json(output)).toEqual([{ sent: true, recipients: 1, type: 'custom', messageIds: { user2: '1029457500870543736' } }]);
	});

	it('Message → Send to Groups', async () => {
		const f = fixture('message.sendToGroups');
		const { output, sent } = await runAgainstExamples(f, {
			resource: 'message',
			operation: 'sendToGroups',
			groupIds: '184524748161025',
			messageType: 'txt',
			text: 'testmessages',
			additionalFields: { from: 'user1', ext: '{"em_ignore_notification": true}', needGroupAck: false },
		});
		expect(sent[0].body).toStrictEqual(documentedBody(f, f.request!));
		expect(json(output)).toEqual([{ sent: true, recipients: 1, type: 'txt', messageIds: { '184524748161025': '1029544257947437432' } }]);
	});

	it('Message → Recall', async () => {
		const f = fixture('message.recall');
		const { output, sent } = await runAgainstExamples(f, {
			resource: 'message',
			operation: 'recall',
			messageId: '1028442084794698104',
			chatType: 'chat',
			to: 'user2',
			additionalFields: { from: 'user1', force: true },
		});
		expect(sent[0].body).toStrictEqual(documentedBody(f, f.request!));
		expect(json(output)).toEqual([{ ...(f.response!.body.data as IDataObject), recalled: true, messageId: '1028442084794698104' }]);
	});

	it('User → Create (one user)', async () => {
		const f = fixture('user.create');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'create', username: 'user1', password: '123', additionalFields: { nickname: 'testuser' } });
		expect(sent[0].body).toStrictEqual(f.request!.body);
		expect(json(output)).toEqual([
			{ created: true, uuid: '0ffe2d80-XXXX-XXXX-8d66-279e3e1c214b', type: 'user', createdAt: 1542795196504, modified: 1542795196504, username: 'user1', activated: true },
		]);
	});

	it('User → Create (many users, one already registered)', async () => {
		const f = fixture('user.create.batch');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'create', createMode: 'list', users: JSON.stringify(f.request!.body) });
		expect(sent[0].body).toStrictEqual(f.request!.body);
		expect(json(output)).toEqual([
			{ created: true, uuid: '278b5e60-XXXX-XXXX-8f9b-d5d83ebec806', type: 'user', createdAt: 1541587920710, modified: 1541587920710, username: 'user1', activated: true },
			{ created: true, uuid: '278bac80-XXXX-XXXX-b192-73e4cd5078a5', type: 'user', createdAt: 1541587920712, modified: 1541587920712, username: 'user2', activated: true },
			{ created: false, username: 'user3', reason: 'the user3 already exists' },
		]);
	});

	it('User → Get', async () => {
		const f = fixture('user.get');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'get', username: 'user1' });
		expect(sent[0].method).toBe('GET');
		expect(json(output)).toEqual([(f.response!.body.entities as IDataObject[])[0]]);
	});

	it('User → Get Many (cursor paging)', async () => {
		const f = fixture('user.getAll');
		const { output, sent } = await runAgainstExamples(f, { resource: 'user', operation: 'getAll', returnAll: false, limit: 3 });
		expect(sent).toHaveLength(2);
		// The page size is the node's choice (limit 1..100); the second page passes the first page's cursor.
		expect(sent[0].query.cursor).toBeUndefined();
		expect(sent[1].query.cursor).toBe(f.pages![0].response.body.cursor);
		for (const call of sent) expect(Number(call.query.limit)).toBeGreaterThanOrEqual(1);
		const users = f.pages!.flatMap((page) => page.response.body.entities as IDataObject[]);
		expect(json(output)).toEqual(users);
	});

	it('User → Delete', async () => {
		const f = fixture('user.delete');
		const { output } = await runAgainstExamples(f, { resource: 'user', operation: 'delete', username: 'user1' });
		expect(json(output)).toEqual([{ deleted: true, username: 'user1' }]);
	});
});
