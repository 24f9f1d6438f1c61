/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
// Contract tests from Easemob's own examples: every fixture in test/contract/fixtures/easemob holds a
// request and a response as the platform's page shows them (with the page's URL). The node runs
// through the engine with nock standing in for Easemob, token request included; the node's request
// must have the documented shape and the documented response must become the documented output.
import fs from 'node:fs';
import path from 'node:path';

import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/engine';

interface DocRequest {
	method: string;
	path: string;
	query?: Record<string, string>;
	headers?: Record<string, string>;
	body?: unknown;
}
interface DocExchange {
	request: DocRequest;
	response: { status: number; body: IDataObject };
}
interface Fixture extends Partial<DocExchange> {
	source: string;
	sourceFile: string;
	/** Optional request fields of the example that the node does not offer, and why leaving them out changes nothing. */
	notSentByNode?: Record<string, string>;
	/** Examples that come as a sequence (paging). */
	pages?: DocExchange[];
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

/** The documented example body without the optional fields the node does not send. */
function documentedBody(f: Fixture | DocExchange & Fixture, request: DocRequest): unknown {
	if (!request.body || Array.isArray(request.body) || !f.notSentByNode) return request.body;
	const body = { ...(request.body as IDataObject) };
	for (const field of Object.keys(f.notSentByNode)) delete body[field];
	return body;
}

/** The example's path with the test's org and app in place of the page's placeholders. */
function pathFor(request: DocRequest, org: string, app: string): string {
	const [, , , ...rest] = request.path.split('/');
	return `/${org}/${app}/${rest.join('/')}`;
}

interface Captured {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
}

/**
 * Runs the node against nock: a token request answered with the token page's example, then the
 * operation's example exchanges in order. Returns the node's output and what it sent.
 */
async function runAgainstExamples(f: Fixture, parameters: INodeParameters) {
	// A new app per test: the token module keeps one token per app for the whole process.
	const org = 'XXXX';
	const app = `app${++appCounter}`;
	const credentials = {
		easemobImApi: { baseUrl: HOST, orgName: org, appName: app, clientId: (token.request!.body as IDataObject).client_id as string, clientSecret: (token.request!.body as IDataObject).client_secret as string, accessToken: '' },
	};
	const sent: Captured[] = [];
	let tokenBody: unknown;
	const scope = nock(HOST)
		.post(`/${org}/${app}/token`, (body: unknown) => {
			tokenBody = body;
			return true;
		})
		.reply(token.response!.status, token.response!.body);
	const exchanges: DocExchange[] = f.pages ?? [{ request: f.request!, response: f.response! }];
	for (const exchange of exchanges) {
		const { request, response } = exchange;
		const interceptor = scope.intercept(pathFor(request, org, app), request.method);
		let query: Record<string, string> = {};
		interceptor.query((q) => {
			query = Object.fromEntries(Object.entries(q).map(([key, value]) => [key, String(value)]));
			return true;
		});
		interceptor.reply(response.status, function (_uri: string, body: unknown) {
			sent.push({ method: request.method, path: pathFor(request, org, app), query, headers: this.req.headers as Record<string, string>, body });
			return response.body;
		});
	}
	const result = await runNode('easemobIm', parameters, credentials);
	expect(scope.isDone()).toBe(true);
	// The token request: the documented body (grant_type, client_id, client_secret; ttl is optional).
	const documentedToken = { ...(token.request!.body as IDataObject) };
	delete documentedToken.ttl;
	expect(tokenBody).toStrictEqual(documentedToken);
	// Every call carries the documented headers and the token page's token.
	for (const call of sent) {
		expect(call.headers.authorization).toBe(`Bearer ${String(token.response!.body.access_token)}`);
		expect(call.headers.accept).toMatch(/^application\/json/);
		if (call.body !== undefined && call.body !== '') expect(call.headers['content-type']).toMatch(/^application\/json/);
	}
	return { ...result, sent, exchanges };
}

const json = (output: Array<Array<{ json: IDataObject }>>) => output[0].map((item) => item.json);

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
