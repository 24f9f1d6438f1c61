// The Easemob IM Trigger over real HTTP (see test/helpers/triggerServer.ts): post-send callbacks as
// Easemob documents them (https://doc.easemob.com/document/server-side/callback_postsending.html,
// signature in callback_overview), secrets from the easemobImApi credential only.
import type { IDataObject } from 'n8n-workflow';

import { FakeEasemob } from '../fakes/fakeEasemob';
import { TriggerServer } from '../helpers/triggerServer';

const server = new TriggerServer('easemobImTrigger', 'Easemob IM Trigger');
const fake = new FakeEasemob();
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());

const SECRET = ['rule', 'signing', 'value'].join('-');
const credential = (extra: IDataObject = {}) => ({
	easemobImApi: { baseUrl: 'https://a1.easemob.com', orgName: fake.orgName, appName: 'fake-app', clientId: 'YXA6id', clientSecret: 'client-secret', callbackSecret: SECRET, ...extra },
});
beforeEach(() => server.reset({ eventTypes: [], chatTypes: [], options: {} }, credential()));

/** The documented post-send payload, verbatim as the reference quotes it ("…" and "<…>" elided there). */
const DOC_PAYLOAD = `{"callId":"org#app_<uuid>","eventType":"chat","timestamp":1600060847294,
 "chat_type":"chat","group_id":"…(groupchat only)","from":"user1","to":"user2","msg_id":"8924312242322",
 "payload":{"ext":{},"bodies":[{"msg":"hello","type":"txt"}]},
 "securityVersion":"1.0.0","security":"<md5>","appkey":"org#app","host":"…","content_type":"chat:user:text"}`;
/** The documented signature example: callId, secret s3cret and timestamp 1600060847294. */
const DOC_CALL_ID = 'org#app_5c1b8c2e-0000-4000-8000-000000000001';
const DOC_SECURITY = '97402dcc0d99105b847b5a1b15e76472';
const docCallback = DOC_PAYLOAD.replace('org#app_<uuid>', DOC_CALL_ID).replace('<md5>', DOC_SECURITY);
const docCredential = () => credential({ orgName: 'org', appName: 'app', callbackSecret: 's3cret' });

let sequence = 0;
function message(extra: IDataObject = {}): IDataObject {
	return {
		callId: `${fake.orgName}#fake-app_5c1b8c2e-0000-4000-8000-${String(++sequence).padStart(12, '0')}-${Date.now()}`,
		eventType: 'chat',
		timestamp: Date.now(),
		chat_type: 'chat',
		from: 'user1',
		to: 'user2',
		msg_id: '8924312242322',
		payload: { ext: {}, bodies: [{ msg: 'hello', type: 'txt' }] },
		appkey: `${fake.orgName}#fake-app`,
		host: 'msync@ebs-ali-beijing-msync43',
		content_type: 'chat:user:text',
		...extra,
	};
}
const signed = (payload: IDataObject, secret = SECRET) =>
	JSON.stringify({ ...payload, securityVersion: '1.0.0', security: FakeEasemob.sign(String(payload.callId), secret, payload.timestamp as number) });
const json = { 'Content-Type': 'application/json' };

describe('Easemob IM Trigger: description', () => {
	it('takes the callback secret and app key from the easemobImApi credential, never from a parameter', async () => {
		const { description } = server.node;
		expect(description.name).toBe('easemobImTrigger');
		expect(description.inputs).toEqual([]);
		expect(description.credentials).toEqual([{ name: 'easemobImApi', required: true }]);
		expect(description.properties.map((p) => p.name)).not.toContain('secret');
		expect(description.properties.filter((p) => p.typeOptions?.password)).toEqual([]);
		for (const method of ['checkExists', 'create', 'delete'] as const) expect(await server.node.webhookMethods!.default![method].call({} as never)).toBe(true);
	});
});

describe('Easemob IM Trigger over HTTP', () => {
	it('matches the documented signature example', () => {
		expect(FakeEasemob.sign(DOC_CALL_ID, 's3cret', 1600060847294)).toBe(DOC_SECURITY);
	});

	it.each([
		['application/json', json, 'doc-json'],
		['no Content-Type', {}, 'doc-none'],
		['text/plain', { 'Content-Type': 'text/plain' }, 'doc-text'],
	])('starts one execution with the documented callback sent with %s', async (_label, headers, node) => {
		server.credentials = docCredential();
		// The documented timestamp is from 2020: Max Age 0 lets it through.
		server.parameters.options = { maxAgeMinutes: 0 };
		const call = await server.post({ node }, docCallback, headers);
		expect(call.status).toBe(200);
		expect(call.text).toBe('{"received":true}');
		expect(server.started).toHaveLength(1);
		const item = server.started[0][0].json;
		const expected = JSON.parse(docCallback) as IDataObject;
		delete expected.security;
		delete expected.securityVersion;
		expect(item).toEqual(expected);
	});

	it('refuses a wrong or missing signature with 401 and starts nothing', async () => {
		const wrong = await server.post({}, signed(message(), 'not-the-rule-value'), json);
		expect(wrong.status).toBe(401);
		expect(wrong.text).toBe('{"error":"invalid signature"}');
		const unsigned = await server.post({}, JSON.stringify(message()), json);
		expect(unsigned.status).toBe(401);
		expect(server.started).toHaveLength(0);
	});

	it('accepts one callback per callId: a captured signature with another body is refused (409) and logged', async () => {
		const genuine = message();
		expect((await server.post({}, signed(genuine), json)).status).toBe(200);
		const captured = JSON.parse(signed(genuine)) as IDataObject;
		const forged = JSON.stringify({ ...captured, from: 'mallory', payload: { ext: {}, bodies: [{ msg: 'pay to account 123', type: 'txt' }] } });
		const replay = await server.post({}, forged, json);
		expect(replay.status).toBe(409);
		expect(replay.text).toBe('{"error":"callId already received"}');
		expect((await server.post({}, signed(genuine), json)).status).toBe(409);
		expect(server.started).toHaveLength(1);
		expect(server.warnings).toHaveLength(2);
		expect(server.warnings[0]).toMatch(/refused a second callback with callId .*possible replay/);
		// Another trigger node keeps its own memory.
		expect((await server.post({ node: 'trigger-2' }, signed(genuine), json)).status).toBe(200);
	});

	it('refuses a callback for another app key (403)', async () => {
		const call = await server.post({}, signed(message({ appkey: 'other-org#other-app' })), json);
		expect(call.status).toBe(403);
		expect(server.started).toHaveLength(0);
	});

	it('filters by event type and chat type; chat-room messages (groupchat + chat:room:*) match Chat Room', async () => {
		server.parameters = { ...server.parameters, eventTypes: ['chat_offline'], chatTypes: ['groupchat'] };
		const online = await server.post({}, signed(message({ eventType: 'chat', chat_type: 'groupchat', content_type: 'chat:group:text' })), json);
		const single = await server.post({}, signed(message({ eventType: 'chat_offline', chat_type: 'chat' })), json);
		const room = await server.post({}, signed(message({ eventType: 'chat_offline', chat_type: 'groupchat', group_id: '262', content_type: 'chat:room:text' })), json);
		const group = await server.post({}, signed(message({ eventType: 'chat_offline', chat_type: 'groupchat', group_id: '208571394080769', content_type: 'chat:group:text' })), json);
		expect([online.status, single.status, room.status, group.status]).toEqual([200, 200, 200, 200]);
		expect(online.text).toBe('{"received":true,"ignored":true}');
		expect(server.started.map((s) => s[0].json.group_id)).toEqual(['208571394080769']);

		server.parameters = { ...server.parameters, eventTypes: [], chatTypes: ['chatroom'] };
		await server.post({}, signed(message({ chat_type: 'groupchat', group_id: '262', content_type: 'chat:room:text' })), json);
		await server.post({}, signed(message({ chat_type: 'groupchat', group_id: '208571394080769', content_type: 'chat:group:text' })), json);
		expect(server.started.map((s) => s[0].json.group_id)).toEqual(['208571394080769', '262']);
	});

	it('acknowledges but ignores callbacks older than Max Age', async () => {
		const old = await server.post({}, signed(message({ timestamp: Date.now() - 16 * 60_000 })), json);
		expect(old.status).toBe(200);
		expect(old.text).toBe('{"received":true,"ignored":true}');
		expect(server.started).toHaveLength(0);
	});

	it('without a callback secret accepts any callback and refuses a body that is not an object', async () => {
		server.credentials = credential({ callbackSecret: '' });
		expect((await server.post({}, signed(message(), 'anything'), json)).status).toBe(200);
		expect(server.started).toHaveLength(1);
		const list = await server.post({}, '[1,2]', json);
		expect(list.status).toBe(400);
		expect(list.text).toBe('{"error":"expected a JSON object"}');
	});


	it('refuses a caller outside Allowed IPs with 403 before anything else', async () => {
		server.parameters.options = { allowedIps: '198.51.100.0/24' };
		const call = await server.post({}, 'not JSON at all', { 'Content-Type': 'text/plain' });
		expect(call.status).toBe(403);
		expect(server.credentialReads).toBe(0);
		server.parameters.options = { allowedIps: '198.51.100.0/24, 127.0.0.1' };
		expect((await server.post({}, signed(message()), json)).status).toBe(200);
		expect(server.started).toHaveLength(1);
	});
});
