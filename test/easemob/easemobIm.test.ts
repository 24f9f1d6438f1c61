/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { IDataObject, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { FakeEasemob } from '../fakes/fakeEasemob';
import { PACKAGE_ROOT, items, runNode } from '../helpers/engine';
import type { EasemobCredentials } from './helpers';
import { credentialsFor, freshApp, shortenDeleteWindow } from './helpers';

const fake = new FakeEasemob();
const APP = 'fake-app';
/** The per-user window of the node's limiter in these tests (production: 61 s). */
const TEST_WINDOW_MS = 1200;
let credentials: EasemobCredentials;

beforeAll(async () => {
	await fake.start();
	shortenDeleteWindow(fake, APP, TEST_WINDOW_MS);
	credentials = credentialsFor(fake);
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.reset();
	fake.userChannelLimit.windowMs = 1000;
});

const deleteConversation = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'conversation',
	operation: 'delete',
	username: 'alice',
	conversationType: 'chat',
	conversationId: 'bob',
	deleteRoamingMessages: false,
	...extra,
});
const sendToUsers = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendToUsers',
	to: 'bob',
	messageType: 'txt',
	text: 'Hello from n8n',
	...extra,
});
const json = (output: Array<Array<{ json: IDataObject }>>) => output[0].map((item) => item.json);

describe('Easemob IM → Conversation → Delete', () => {
	beforeEach(() => {
		fake.addUser(APP, 'alice');
		fake.addConversation(APP, 'alice', 'chat', 'bob');
		fake.addConversation(APP, 'alice', 'groupchat', 'g1');
	});

	it('sends the documented DELETE with a JSON body and a Bearer token, and deletes the conversation', async () => {
		const { output, run } = await runNode('easemobIm', deleteConversation(), credentials);
		expect(run.status).toBe('success');
		const [req] = fake.apiRequests;
		expect(fake.apiRequests).toHaveLength(1);
		expect(req.method).toBe('DELETE');
		expect(req.rawPath).toBe(`/${fake.orgName}/${APP}/users/alice/user_channel`);
		expect(req.json).toStrictEqual({ channel: 'bob', type: 'chat', delete_roam: false });
		expect(req.headers['content-type']).toMatch(/^application\/json/);
		expect(req.headers.authorization).toMatch(/^Bearer YWMt[0-9a-f]{32}$/);
		expect(fake.tokens.has(String(req.headers.authorization).slice(7))).toBe(true);
		expect(fake.hasConversation(APP, 'alice', 'chat', 'bob')).toBe(false);
		expect(fake.hasConversation(APP, 'alice', 'groupchat', 'g1')).toBe(true);
		expect(output[0][0]).toMatchObject({
			json: { deleted: true, username: 'alice', conversationType: 'chat', conversationId: 'bob', deleteRoamingMessages: false, result: 'ok' },
			pairedItem: { item: 0 },
		});
	});

	it('sends delete_roam as a real boolean, also when an expression gives "true", and encodes the user in the path', async () => {
		fake.addUser(APP, 'a.b-c_d');
		await runNode(
			'easemobIm',
			deleteConversation({ username: '={{ $json.user }}', conversationType: 'groupchat', conversationId: 'g1', deleteRoamingMessages: '={{ $json.roam }}' }),
			credentials,
			{ input: items(1, () => ({ user: 'a.b-c_d', roam: 'true' })) },
		);
		const [req] = fake.apiRequests;
		expect(req.rawPath).toBe(`/${fake.orgName}/${APP}/users/a.b-c_d/user_channel`);
		expect(req.json).toStrictEqual({ channel: 'g1', type: 'groupchat', delete_roam: true });

		await runNode('easemobIm', deleteConversation({ username: 'x/y?z' }), credentials, { onError: 'continueRegularOutput' });
		expect(fake.apiRequests[1].rawPath).toBe(`/${fake.orgName}/${APP}/users/x%2Fy%3Fz/user_channel`);
	});

	it('spaces calls for the same user (5 per window) while other users go on, without any 429', async () => {
		fake.addUser(APP, 'bob');
		// The app token first: the node spaces calls from when it hands them out, so a token fetched
		// meanwhile would shift the first calls' arrival and make the window look shorter.
		await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'bob' }, credentials);
		fake.server.reset();
		const input = [
			...items(7, (i) => ({ user: 'alice', peer: `p${i}` })),
			...items(2, (i) => ({ user: 'bob', peer: `q${i}` })),
		];
		const started = Date.now();
		const { output, run } = await runNode(
			'easemobIm',
			deleteConversation({ username: '={{ $json.user }}', conversationId: '={{ $json.peer }}' }),
			credentials,
			{ input },
		);
		expect(run.status).toBe('success');
		expect(json(output).map((j) => [j.deleted, j.username, j.conversationId])).toEqual([
			...Array.from({ length: 7 }, (_, i) => [true, 'alice', `p${i}`]),
			[true, 'bob', 'q0'],
			[true, 'bob', 'q1'],
		]);
		// Nothing was refused and repeated: exactly one request per item.
		expect(fake.apiRequests).toHaveLength(9);
		const alice = fake.apiRequests.filter((r) => r.segments[3] === 'alice').map((r) => r.at);
		const bob = fake.apiRequests.filter((r) => r.segments[3] === 'bob').map((r) => r.at);
		// The sixth call for alice waited for the window (the fake counts 5 per 1000 ms).
		expect(alice[5] - alice[0]).toBeGreaterThanOrEqual(1000);
		expect(Math.max(...bob)).toBeLessThan(alice[5]);
		expect(Date.now() - started).toBeLessThan(TEST_WINDOW_MS * 3);
	});

	it('the fake answers malformed bodies with the documented 400 messages', async () => {
		await runNode('easemobIm', deleteConversation(), credentials);
		const authorization = String(fake.apiRequests[0].headers.authorization);
		const send = async (body: string) => {
			const response = await fetch(`${fake.server.baseUrl}/${fake.orgName}/${APP}/users/alice/user_channel`, {
				method: 'DELETE',
				headers: { Authorization: authorization, 'Content-Type': 'application/json' },
				body,
			});
			const answer = (await response.json()) as IDataObject;
			return [response.status, answer.error, answer.error_description];
		};
		expect(await send('{"channel":"bob","type":"chat","delete_roam":"true"}')).toEqual([400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.']);
		expect(await send('{not json')).toEqual([400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.']);
		expect(await send('{"channel":"","type":"chat","delete_roam":true}')).toEqual([400, 'illegal_argument', 'field channel cannot be null or empty']);
		expect(await send('{"channel":"bob","delete_roam":true}')).toEqual([400, 'illegal_argument', 'field type cannot be null or empty']);
		expect(await send('{"channel":"bob","type":"chat"}')).toEqual([400, 'illegal_argument', 'field delete_roam cannot be null']);
	});

	it('stops waiting for a user\'s window at once when the execution is cancelled', async () => {
		const started = Date.now();
		const { run } = await runNode(
			'easemobIm',
			deleteConversation({ conversationId: '={{ $json.peer }}' }),
			credentials,
			{ input: items(8, (i) => ({ peer: `c${i}` })), cancelAfterMs: 300 },
		);
		expect(run.status).toBe('canceled');
		expect(Date.now() - started).toBeLessThan(TEST_WINDOW_MS);
		expect(fake.apiRequests.length).toBeLessThanOrEqual(5);
	});

	it('reports a missing user with a hint', async () => {
		const missing = await runNode('easemobIm', deleteConversation({ username: 'ghost' }), credentials);
		expect(missing.error?.message).toBe('User "ghost" was not found (service_resource_not_found: Service resource not found) [item 0]');
		expect(missing.error?.description).toContain('Check the ID');
	});

	it('checks input before sending anything, naming the item', async () => {
		const { error } = await runNode(
			'easemobIm',
			deleteConversation({ username: '={{ $json.user }}' }),
			credentials,
			{ input: items(3, (i) => ({ user: i === 1 ? '  ' : 'alice' })) },
		);
		expect(error?.message).toBe('Username is empty [item 1]');
		expect(fake.apiRequests).toHaveLength(0);

		const bad = await runNode('easemobIm', deleteConversation({ conversationType: 'group' }), credentials);
		expect(bad.error?.message).toBe('Conversation Type "group" is not supported [item 0]');
		expect(fake.apiRequests).toHaveLength(0);
	});

	it('with Continue On Fail gives one output item per input item', async () => {
		const { output, run } = await runNode(
			'easemobIm',
			deleteConversation({ username: '={{ $json.user }}' }),
			credentials,
			{ input: items(3, (i) => ({ user: ['alice', 'ghost', ''][i] })), onError: 'continueRegularOutput' },
		);
		expect(run.status).toBe('success');
		expect(output[0]).toHaveLength(3);
		expect(output[0][0].json.deleted).toBe(true);
		expect(output[0][1].json.error).toContain('User "ghost" was not found');
		expect(output[0][2].json.error).toBe('Username is empty [item 2]');
		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('sends failed items to the error output when "On Error" is set to use it', async () => {
		const { output } = await runNode(
			'easemobIm',
			deleteConversation({ username: '={{ $json.user }}' }),
			credentials,
			{ input: items(2, (i) => ({ user: ['ghost', 'alice'][i] })), onError: 'continueErrorOutput' },
		);
		expect(output[0].map((item) => [item.json.username, item.pairedItem])).toEqual([['alice', { item: 1 }]]);
		expect(output[1]).toHaveLength(1);
		expect(output[1][0].json.error).toBe('User "ghost" was not found (service_resource_not_found: Service resource not found) [item 0]');
		expect(output[1][0].pairedItem).toEqual({ item: 0 });
	});

	it('keeps the production spacing at 5 calls a minute per user', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const operation = require('../../dist/nodes/EasemobIm/actions/conversation/delete.operation.js') as { DELETES_PER_USER: number; DELETE_WINDOW_MS: number };
		expect(operation.DELETES_PER_USER).toBe(5);
		expect(operation.DELETE_WINDOW_MS).toBeGreaterThanOrEqual(60_000);
	});

	it('retries after 429 "reached api limit" and after a 503', async () => {
		fake.rateLimited = 1;
		fake.fail5xx = 1;
		const { output, run } = await runNode('easemobIm', deleteConversation(), credentials);
		expect(run.status).toBe('success');
		expect(output[0][0].json.deleted).toBe(true);
		expect(fake.apiRequests).toHaveLength(3);
	});
});

describe('Easemob IM → app token', () => {
	it('fetches one token for 100 items, sends client credentials, and stores it in the credential', async () => {
		const app = freshApp(fake);
		const creds = credentialsFor(fake, app);
		const { output, run, credentialsHelper } = await runNode(
			'easemobIm',
			{ resource: 'message', operation: 'sendToUsers', to: '={{ $json.user }}', messageType: 'txt', text: 'Hi', options: { maxConcurrentRequests: 20 } },
			creds,
			{ input: items(100, (i) => ({ user: `u${i}` })) },
		);
		expect(run.status).toBe('success');
		expect(output[0]).toHaveLength(100);
		expect(fake.tokenRequests).toBe(1);
		const tokenRequest = fake.requests.find((r) => r.segments[2] === 'token')!;
		expect(tokenRequest.method).toBe('POST');
		expect(tokenRequest.rawPath).toBe(`/${fake.orgName}/${app}/token`);
		expect(tokenRequest.json).toStrictEqual({ grant_type: 'client_credentials', client_id: fake.clientId, client_secret: fake.clientSecret });
		expect(tokenRequest.headers.authorization).toBeUndefined();
		expect(credentialsHelper.store.easemobImApi.accessToken).toMatch(/^YWMt/);
	});

	it('after the token expires mid-use, fetches exactly one new token and every item succeeds', async () => {
		const app = freshApp(fake);
		const creds = credentialsFor(fake, app);
		fake.addUser(app, 'alice');
		await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'alice' }, creds);
		expect(fake.tokenRequests).toBe(1);
		const oldToken = creds.easemobImApi.accessToken;
		await new Promise((r) => setTimeout(r, 1100));
		fake.expireAllTokens();
		fake.server.reset();
		const { output, run, serialized } = await runNode(
			'easemobIm',
			{ resource: 'user', operation: 'get', username: 'alice' },
			creds,
			{ input: items(30) },
		);
		expect(run.status).toBe('success');
		expect(output[0]).toHaveLength(30);
		expect(output[0].every((item) => item.json.username === 'alice')).toBe(true);
		expect(fake.tokenRequests).toBe(2);
		expect(creds.easemobImApi.accessToken).not.toBe(oldToken);
		const expired = fake.apiRequests.filter((r) => r.headers.authorization === `Bearer ${oldToken}`);
		expect(expired.length).toBeGreaterThanOrEqual(1);
		expect(expired.length).toBeLessThanOrEqual(10);
		expect(serialized).not.toContain(oldToken);
		expect(serialized).not.toContain(creds.easemobImApi.accessToken);
		expect(serialized).not.toContain(fake.clientSecret);
	});

	it('when the token expires during a run, exactly one new token is fetched and no item fails', async () => {
		const app = freshApp(fake);
		const creds = credentialsFor(fake, app);
		for (let i = 0; i < 40; i++) fake.addUser(app, `m${i}`);
		await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'm0' }, creds);
		await new Promise((r) => setTimeout(r, 1100));
		fake.server.reset();
		fake.server.latencyMs = 15;
		const expiry = setTimeout(() => fake.expireAllTokens(), 80);
		const { output, run } = await runNode(
			'easemobIm',
			{ resource: 'user', operation: 'get', username: '={{ $json.user }}', options: { maxConcurrentRequests: 5 } },
			creds,
			{ input: items(40, (i) => ({ user: `m${i}` })) },
		);
		clearTimeout(expiry);
		expect(run.status).toBe('success');
		expect(output[0].map((item) => item.json.username)).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`));
		expect(fake.tokenRequests).toBe(2);
		const refused = fake.apiRequests.length - 40;
		expect(refused).toBeGreaterThanOrEqual(1);
		expect(refused).toBeLessThanOrEqual(5);
	});

	it('names a wrong client secret, asks for a token only once for many items, and leaks no secret', async () => {
		const app = freshApp(fake);
		const wrongClientValue = ['wrong', 'client', 'value', '123'].join('-');
		const { error, serialized } = await runNode(
			'easemobIm',
			{ resource: 'user', operation: 'get', username: 'alice' },
			credentialsFor(fake, app, { clientSecret: wrongClientValue }),
			{ input: items(10) },
		);
		expect(error?.message).toBe('Easemob refused the Client ID or Client Secret (invalid_grant: client_secret does not match) [item 0]');
		expect(error?.description).toContain('Client ID and ClientSecret');
		expect(fake.tokenRequests).toBe(1);
		expect(fake.apiRequests).toHaveLength(0);
		expect(serialized).not.toContain(wrongClientValue);
	});

	it('names a wrong client ID and an unknown app', async () => {
		const wrongId = await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'alice' }, credentialsFor(fake, freshApp(fake), { clientId: 'YXA6other' }));
		expect(wrongId.error?.message).toBe('Easemob refused the Client ID or Client Secret (invalid_grant: client_id does not match) [item 0]');
		const unknownApp = await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'alice' }, credentialsFor(fake, 'no-such-app'));
		expect(unknownApp.error?.message).toMatch(/^Easemob knows no app with this Org Name and App Name on this host \(organization_application_not_found: Could not find application for fake-org\/no-such-app/);
		expect(unknownApp.error?.description).toContain('OrgName#AppName');
	});

	it('reports a token the server keeps refusing after one refresh (wrong cluster) without looping', async () => {
		const app = freshApp(fake);
		fake.addUser(app, 'alice');
		fake.rejectAllTokens = true;
		const { error } = await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'alice' }, credentialsFor(fake, app), { input: items(5) });
		expect(error?.message).toBe('Easemob refused the app token (auth_bad_access_token: Unable to authenticate) [item 0]');
		expect(error?.description).toContain("data centre");
		expect(fake.tokenRequests).toBe(1);
	});

	it('refuses a plain http:// host that is not this machine, sending nothing', async () => {
		const { error } = await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'alice' }, credentialsFor(fake, APP, { baseUrl: 'http://a1.easemob.com' }));
		expect(error?.message).toContain('uses plain http:// for "a1.easemob.com"');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Easemob IM → Message → Send to Users', () => {
	it('sends the documented body and maps each recipient to its message ID', async () => {
		const { output, run, serialized } = await runNode(
			'easemobIm',
			sendToUsers({
				to: 'bob, carol,bob',
				text: 'Hello\nfrom n8n',
				additionalFields: { from: 'alice', ext: '{"em_ignore_notification": true}', syncDevice: true, onlineOnly: true },
			}),
			credentials,
		);
		expect(run.status).toBe('success');
		const [req] = fake.apiRequests;
		expect(req.method).toBe('POST');
		expect(req.rawPath).toBe(`/${fake.orgName}/${APP}/messages/users`);
		expect(req.json).toStrictEqual({
			type: 'txt',
			body: { msg: 'Hello\nfrom n8n' },
			ext: { em_ignore_notification: true },
			from: 'alice',
			sync_device: true,
			routetype: 'ROUTE_ONLINE',
			to: ['bob', 'carol'],
		});
		const result = output[0][0].json;
		expect(result).toMatchObject({ sent: true, recipients: 2, type: 'txt' });
		const ids = result.messageIds as IDataObject;
		expect(Object.keys(ids)).toEqual(['bob', 'carol']);
		expect(fake.messages.get(String(ids.bob))).toMatchObject({ from: 'alice', to: 'bob', body: { msg: 'Hello\nfrom n8n' } });
		// REST-sent messages create no conversation unless the app's console switch is on.
		expect(fake.hasConversation(APP, 'bob', 'chat', 'alice')).toBe(false);
		expect(serialized).not.toContain(fake.clientSecret);
	});

	it('sends custom and command messages as documented', async () => {
		await runNode('easemobIm', sendToUsers({ messageType: 'custom', customEvent: 'gift', customExts: '{"amount": 3, "kind": "rose"}' }), credentials);
		await runNode('easemobIm', sendToUsers({ messageType: 'cmd', action: 'refresh_profile' }), credentials);
		expect(fake.apiRequests[0].json).toStrictEqual({ type: 'custom', body: { customExts: { amount: '3', kind: 'rose' }, customEvent: 'gift' }, to: ['bob'] });
		expect(fake.apiRequests[1].json).toStrictEqual({ type: 'cmd', body: { action: 'refresh_profile' }, to: ['bob'] });
	});

	it('splits more than 600 recipients into several calls', async () => {
		const recipients = Array.from({ length: 1201 }, (_, i) => `user${i}`);
		const { output } = await runNode('easemobIm', sendToUsers({ to: '={{ $json.to }}' }), credentials, { input: [{ json: { to: recipients } }] });
		expect(fake.apiRequests.map((r) => (r.json as { to: string[] }).to.length)).toEqual([600, 600, 1]);
		const ids = output[0][0].json.messageIds as IDataObject;
		expect(Object.keys(ids)).toHaveLength(1201);
		expect(output[0][0].json.recipients).toBe(1201);
	});

	it('never sends a message twice after a 5xx: the error says it may have been delivered', async () => {
		fake.fail5xxAfterProcessing = 1;
		const { error, output } = await runNode('easemobIm', sendToUsers({ to: 'bob,carol' }), credentials, { input: items(2), onError: 'continueRegularOutput' });
		expect(fake.apiRequests).toHaveLength(2);
		expect([...fake.deliveries.values()]).toEqual([2, 2]);
		expect(error).toBeUndefined();
		const failed = output[0].find((item) => item.json.error !== undefined)!;
		expect(failed.json.error).toMatch(/^The message may have been delivered: Easemob answered bad_gateway: Bad Gateway \[item [01]\]$/);
		expect(failed.error?.description).toContain('the message was not sent again');
		expect(failed.error?.description).toContain('Retry When Delivery Is Unknown');
	});

	it('an answer cut off after its status line: a send is reported, never repeated; a delete is repeated', async () => {
		// HTTP 200 and half the body, then the connection closes.
		let cuts = 1;
		fake.server.networkFault = (req) => (req.segments[2] !== 'token' && cuts-- > 0 ? { kind: 'reset' } : undefined);
		const { error } = await runNode('easemobIm', sendToUsers(), credentials);
		expect(error?.message).toBe('The message may have been delivered: The connection was closed before the whole answer arrived [item 0]');
		expect(error?.description).toContain('the message was not sent again');
		expect(fake.apiRequests).toHaveLength(1);
		expect([...fake.deliveries.values()]).toEqual([1]);

		fake.server.reset();
		fake.addUser(APP, 'alice');
		fake.addConversation(APP, 'alice', 'chat', 'bob');
		cuts = 1;
		const { output, run } = await runNode('easemobIm', deleteConversation(), credentials);
		fake.server.networkFault = undefined;
		expect(run.status).toBe('success');
		expect(fake.apiRequests).toHaveLength(2);
		expect(output[0][0].json).toMatchObject({ deleted: true, username: 'alice' });
		expect(fake.hasConversation(APP, 'alice', 'chat', 'bob')).toBe(false);
	});

	it('never repeats a send after the connection drops without an answer, but does repeat a read', async () => {
		fake.resetAfterProcessing = 1;
		const { error } = await runNode('easemobIm', sendToUsers(), credentials);
		expect(error?.message).toBe('The message may have been delivered: The connection was closed before the answer arrived [item 0]');
		expect(error?.description).toContain('the message was not sent again');
		expect(fake.apiRequests).toHaveLength(1);
		expect([...fake.deliveries.values()]).toEqual([1]);

		fake.server.reset();
		fake.addUser(APP, 'reader');
		fake.resetAfterProcessing = 1;
		const read = await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'reader' }, credentials);
		expect(read.run.status).toBe('success');
		expect(read.output[0][0].json.username).toBe('reader');
		expect(fake.apiRequests).toHaveLength(2);
	});

	it('retries a 429 rate limit (nothing was delivered) and delivers once', async () => {
		fake.rateLimited = 2;
		const { run } = await runNode('easemobIm', sendToUsers(), credentials);
		expect(run.status).toBe('success');
		expect(fake.apiRequests).toHaveLength(3);
		expect([...fake.deliveries.values()]).toEqual([1]);
	});

	it('reports a plan quota (429 resource_limited) without retrying', async () => {
		fake.resourceLimited = 1;
		const quota = await runNode('easemobIm', sendToUsers(), credentials);
		expect(quota.error?.message).toBe('Easemob: resource_limited: You have exceeded the limit of the community edition,Please upgrade to the enterprise edition [item 0]');
		expect(quota.error?.description).toContain('retrying does not help');
		expect(fake.apiRequests).toHaveLength(1);
	});

	it('reports a too large message (400) and refuses bad JSON before sending', async () => {
		const large = await runNode('easemobIm', sendToUsers({ text: 'x'.repeat(4999), additionalFields: { ext: JSON.stringify({ pad: 'y'.repeat(1000) }) } }), credentials);
		expect(large.error?.message).toBe('Easemob: message_send_error: message is too large [item 0]');
		fake.server.reset();
		const badJson = await runNode('easemobIm', sendToUsers({ additionalFields: { ext: '{not json' } }), credentials, { input: items(3) });
		expect(badJson.error?.message).toBe('Extension (JSON) is not valid JSON [item 0]');
		const noRecipient = await runNode('easemobIm', sendToUsers({ to: ' , ' }), credentials);
		expect(noRecipient.error?.message).toBe('Recipients is empty [item 0]');
		expect(fake.apiRequests).toHaveLength(0);
	});
});

describe('Easemob IM → Message → Send to Groups and Recall', () => {
	it('sends to groups, three per call', async () => {
		const { output } = await runNode(
			'easemobIm',
			{ resource: 'message', operation: 'sendToGroups', groupIds: 'g1,g2,g3,g4', messageType: 'txt', text: 'Team update', additionalFields: { needGroupAck: true } },
			credentials,
		);
		expect(fake.apiRequests.map((r) => r.rawPath)).toEqual([`/${fake.orgName}/${APP}/messages/chatgroups`, `/${fake.orgName}/${APP}/messages/chatgroups`]);
		expect(fake.apiRequests[0].json).toStrictEqual({ type: 'txt', body: { msg: 'Team update' }, need_group_ack: true, to: ['g1', 'g2', 'g3'] });
		expect(Object.keys(output[0][0].json.messageIds as IDataObject)).toEqual(['g1', 'g2', 'g3', 'g4']);
	});

	it('says which recipients already got a message when a later call fails', async () => {
		let calls = 0;
		fake.injectFault = (req) => (req.segments[3] === 'chatgroups' && ++calls === 2 ? 503 : undefined);
		const { error } = await runNode('easemobIm', { resource: 'message', operation: 'sendToGroups', groupIds: 'g1,g2,g3,g4', messageType: 'txt', text: 'Hi' }, credentials);
		expect(error?.message).toBe('The message may have been delivered: Easemob answered service_unavailable: The service is temporarily unavailable [item 0]');
		expect(error?.description).toContain('already sent to 3 of 4 recipients');
		expect(fake.apiRequests).toHaveLength(2);
	});

	it('recalls a sent message, and reports a second recall', async () => {
		const sent = await runNode('easemobIm', sendToUsers({ additionalFields: { from: 'alice' } }), credentials);
		const messageId = String((sent.output[0][0].json.messageIds as IDataObject).bob);
		fake.server.reset();
		const recall = { resource: 'message', operation: 'recall', messageId, to: 'bob', chatType: 'chat', additionalFields: { from: 'alice', force: true } };
		const { output } = await runNode('easemobIm', recall, credentials);
		expect(fake.apiRequests[0].rawPath).toBe(`/${fake.orgName}/${APP}/messages/msg_recall`);
		expect(fake.apiRequests[0].json).toStrictEqual({ msg_id: messageId, to: 'bob', chat_type: 'chat', force: true, from: 'alice' });
		expect(output[0][0].json).toMatchObject({ recalled: true, messageId, chattype: 'chat', to: 'bob' });
		expect(fake.messages.get(messageId)?.recalled).toBe(true);
		const again = await runNode('easemobIm', recall, credentials);
		expect(again.error?.message).toBe('Easemob: message_recall_error: not_found msg [item 0]');
	});
});

describe('Easemob IM → User', () => {
	it('creates one user per item with the documented body', async () => {
		const { output } = await runNode(
			'easemobIm',
			{ resource: 'user', operation: 'create', username: 'newuser1', password: 'pw-123456', additionalFields: { nickname: 'New' } },
			credentials,
		);
		expect(fake.apiRequests[0].method).toBe('POST');
		expect(fake.apiRequests[0].rawPath).toBe(`/${fake.orgName}/${APP}/users`);
		expect(fake.apiRequests[0].json).toStrictEqual({ username: 'newuser1', password: 'pw-123456', nickname: 'New' });
		expect(output[0][0].json).toMatchObject({ created: true, username: 'newuser1', nickname: 'New', activated: true });
		expect(output[0][0].json.password).toBeUndefined();

		const duplicate = await runNode('easemobIm', { resource: 'user', operation: 'create', username: 'newuser1', password: 'pw' }, credentials);
		expect(duplicate.error?.message).toMatch(/^Easemob: duplicate_unique_property_exists: .*value of newuser1 exists \[item 0\]$/);
	});

	it('creates many users in calls of at most 60 and reports the ones that failed', async () => {
		fake.addUser(APP, 'bulk5');
		const users = Array.from({ length: 130 }, (_, i) => ({ username: `bulk${i}`, password: `pw-${i}` }));
		const { output } = await runNode('easemobIm', { resource: 'user', operation: 'create', createMode: 'list', users: JSON.stringify(users) }, credentials);
		expect(fake.apiRequests.map((r) => (r.json as unknown[]).length)).toEqual([60, 60, 10]);
		const created = json(output).filter((j) => j.created === true);
		expect(created).toHaveLength(129);
		expect(json(output).find((j) => j.created === false)).toEqual({ created: false, username: 'bulk5', reason: 'the bulk5 already exists' });
		expect(output[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('checks user names before sending and reports a plan quota', async () => {
		const bad = await runNode('easemobIm', { resource: 'user', operation: 'create', username: 'bad name!', password: 'pw' }, credentials);
		expect(bad.error?.message).toBe('User username "bad name!" is not allowed [item 0]');
		expect(fake.apiRequests).toHaveLength(0);
		fake.resourceLimited = 1;
		const quota = await runNode('easemobIm', { resource: 'user', operation: 'create', username: 'quota1', password: 'pw' }, credentials);
		expect(quota.error?.message).toBe('Easemob: resource_limited: You have exceeded the limit of the community edition,Please upgrade to the enterprise edition [item 0]');
		expect(fake.apiRequests).toHaveLength(1);
	});

	it('gets a user and reports an unknown one', async () => {
		fake.addUser(APP, 'getme', 'Get Me');
		const { output } = await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'GetMe' }, credentials);
		expect(fake.apiRequests[0].rawPath).toBe(`/${fake.orgName}/${APP}/users/GetMe`);
		expect(output[0][0].json).toMatchObject({ username: 'getme', nickname: 'Get Me', type: 'user' });
		const missing = await runNode('easemobIm', { resource: 'user', operation: 'get', username: 'nobody' }, credentials);
		expect(missing.error?.message).toBe('User "nobody" was not found (service_resource_not_found: Service resource not found) [item 0]');
	});

	it('gets many users with cursor paging: Return All and Limit', async () => {
		const app = freshApp(fake);
		const creds = credentialsFor(fake, app);
		for (let i = 0; i < 250; i++) fake.addUser(app, `member${i}`);
		const all = await runNode('easemobIm', { resource: 'user', operation: 'getAll', returnAll: true }, creds);
		expect(all.output[0]).toHaveLength(250);
		expect(new Set(all.output[0].map((item) => item.json.username)).size).toBe(250);
		expect(fake.apiRequests.map((r) => [r.query.get('limit'), r.query.has('cursor')])).toEqual([
			['100', false],
			['100', true],
			['100', true],
		]);
		fake.server.reset();
		const some = await runNode('easemobIm', { resource: 'user', operation: 'getAll', returnAll: false, limit: 150 }, creds);
		expect(some.output[0]).toHaveLength(150);
		expect(fake.apiRequests.map((r) => r.query.get('limit'))).toEqual(['100', '50']);
	});

	it('deletes a user and outputs { deleted: true, username }', async () => {
		fake.addUser(APP, 'leaver');
		const { output } = await runNode('easemobIm', { resource: 'user', operation: 'delete', username: 'leaver' }, credentials);
		expect(fake.apiRequests[0].method).toBe('DELETE');
		expect(fake.apiRequests[0].rawPath).toBe(`/${fake.orgName}/${APP}/users/leaver`);
		expect(output[0][0].json).toEqual({ deleted: true, username: 'leaver' });
		expect(fake.users.get(APP)?.has('leaver')).toBe(false);
	});
});

describe('Easemob IM → what the node says matches the documentation', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { EasemobIm } = require(`${PACKAGE_ROOT}/dist/nodes/EasemobIm/EasemobIm.node.js`) as { EasemobIm: new () => INodeType };
	const properties = new EasemobIm().description.properties;
	const inOperation = (operation: string) => properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation));

	it('Recall: Sender is the user doing the recall, default admin (message_recall.html)', () => {
		const fields = inOperation('recall').find((p) => p.name === 'additionalFields')!;
		const from = (fields.options as INodeProperties[]).find((o) => o.name === 'from')!;
		expect(from.description).toMatch(/doing the recall/);
		expect(from.description).toMatch(/"admin"/);
		expect(from.description).not.toMatch(/that sent the message/);
	});

	it('Send to Users: no claim that a REST-sent message starts a conversation (conversation_list.html)', () => {
		const operation = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('message'))!;
		const sendToUsers = (operation.options as Array<{ value: string; description?: string }>).find((o) => o.value === 'sendToUsers')!;
		expect(sendToUsers.description).not.toMatch(/starts it|first message/i);
		expect(sendToUsers.description).toMatch(/only if the app has this switched on in the Easemob console/);
	});

	it('every send offers "Retry When Delivery Is Unknown", off, saying it can deliver twice', () => {
		for (const operation of ['sendToUsers', 'sendToGroups']) {
			const options = inOperation(operation).find((p) => p.name === 'options')!;
			const retry = (options.options as INodeProperties[]).find((o) => o.name === 'retryWhenDeliveryUnknown')!;
			expect(retry.default).toBe(false);
			expect(retry.description).toMatch(/deliver a message twice/);
		}
	});

	it('refuses custom events and data Easemob does not accept, sending nothing (message_single.html)', async () => {
		const badEvent = await runNode('easemobIm', sendToUsers({ messageType: 'custom', customEvent: 'order paid!', customExts: '{}' }), credentials);
		expect(badEvent.error?.message).toBe('Custom Event "order paid!" has characters Easemob does not accept [item 0]');
		const tooMany = JSON.stringify(Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])));
		const badData = await runNode('easemobIm', sendToUsers({ messageType: 'custom', customEvent: 'gift', customExts: tooMany }), credentials);
		expect(badData.error?.message).toBe('Custom Data (JSON) has 17 entries [item 0]');
		expect(fake.apiRequests).toHaveLength(0);
	});
});
