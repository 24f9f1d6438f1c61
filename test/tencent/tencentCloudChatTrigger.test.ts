// The Tencent Cloud Chat Trigger over real HTTP (see test/helpers/triggerServer.ts): callbacks as
// Tencent documents them (https://www.tencentcloud.com/document/product/1047/34354, body of
// https://www.tencentcloud.com/document/product/1047/34365), secrets from the credential only.
import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { TriggerServer } from '../helpers/triggerServer';

const server = new TriggerServer('tencentCloudChatTrigger', 'Tencent Cloud Chat Trigger');
beforeAll(async () => await server.start());
afterAll(async () => await server.stop());

const TOKEN = ['callback', 'token', 'value'].join('-');
const APP = '1400123456';
const credential = (extra: IDataObject = {}) => ({ tencentCloudChatApi: { region: 'china', sdkAppId: APP, secretKey: 'k', adminIdentifier: 'administrator', callbackToken: TOKEN, ...extra } });
beforeEach(() => server.reset({ events: [], otherEvents: '', responseMode: 'onReceived', options: {} }, credential()));

const sign = (token: string, time: string) =>
	createHash('sha256')
		.update(token + time)
		.digest('hex');

/** The documented C2C.CallbackAfterSendMsg body, verbatim as the reference quotes it (1047/34365; "…" elided there). */
const DOC_AFTER_SEND = `{"CallbackCommand":"C2C.CallbackAfterSendMsg","From_Account":"jared","To_Account":"Jonh","MsgSeq":48374,
 "MsgRandom":2837546,"MsgTime":1557481126,"MsgKey":"48374_2837546_1557481126","MsgId":"…","OnlineOnlyFlag":1,
 "SendMsgResult":0,"ErrorInfo":"send msg succeed","UnreadMsgNum":7,
 "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"…"}`;
/** A C2C.CallbackBeforeSendMsg body built from the same documented fields (1047/34364 sends the message before delivery). */
const DOC_BEFORE_SEND = `{"CallbackCommand":"C2C.CallbackBeforeSendMsg","From_Account":"jared","To_Account":"Jonh","MsgSeq":48374,"MsgRandom":2837546,"MsgTime":1557481126,"MsgKey":"48374_2837546_1557481126","OnlineOnlyFlag":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"your cloud custom data"}`;

/**
 * The query string Tencent adds (11.1), signed with `token` at `time`. Each call gets another recent
 * RequestTime (each one second earlier), so that the same documented body is never an exact replay.
 */
let lastTime = Infinity;
const nextTime = () => String((lastTime = Math.min(Math.floor(Date.now() / 1000), lastTime - 1)));
function query(command: string, token = TOKEN, time = nextTime(), extra: Record<string, string> = {}) {
	return { SdkAppid: APP, CallbackCommand: command, contenttype: 'json', ClientIP: '10.0.0.1', OptPlatform: 'RESTAPI', RequestTime: time, Sign: sign(token, time), ...extra };
}

const json = { 'Content-Type': 'application/json' };
const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };

describe('Tencent Cloud Chat Trigger: description', () => {
	it('takes its secrets from the tencentCloudChatApi credential, never from a parameter', () => {
		const { description } = server.node;
		expect(description.name).toBe('tencentCloudChatTrigger');
		expect(description.inputs).toEqual([]);
		expect(description.credentials).toEqual([{ name: 'tencentCloudChatApi', required: true }]);
		const names = description.properties.map((p) => p.name);
		expect(names).not.toContain('callbackToken');
		expect(names).not.toContain('sdkAppId');
		expect(description.properties.filter((p) => p.typeOptions?.password)).toEqual([]);
	});

	it("has n8n Webhook node's responseMode names, evaluated per workflow", () => {
		const { description } = server.node;
		expect(description.webhooks![0].responseMode).toBe('={{ $parameter["responseMode"] }}');
		const mode = description.properties.find((p) => p.name === 'responseMode')!;
		expect(mode.default).toBe('onReceived');
		expect(mode.options!.map((o) => (o as { value: string }).value)).toEqual(['onReceived', 'responseNode']);
	});

});

describe('Tencent Cloud Chat Trigger over HTTP', () => {
	it('matches the documented Sign example (token xxxxyyyy, RequestTime 1669872112)', () => {
		expect(sign('xxxxyyyy', '1669872112')).toBe('17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061');
	});

	it.each([
		['application/json', json],
		['no Content-Type', {}],
		['text/plain', { 'Content-Type': 'text/plain' }],
		['application/x-www-form-urlencoded', { 'Content-Type': 'application/x-www-form-urlencoded' }],
	])('starts one execution with the documented callback sent with %s', async (_label, headers) => {
		const call = await server.post(query('C2C.CallbackAfterSendMsg'), DOC_AFTER_SEND, headers);
		expect(call.text).toBe(JSON.stringify(OK));
		expect(call.status).toBe(200);
		expect(call.json).toEqual(OK);
		expect(server.started).toHaveLength(1);
		const item = server.started[0][0].json;
		expect(item).toMatchObject({ ...(JSON.parse(DOC_AFTER_SEND) as IDataObject), SdkAppid: APP, contenttype: 'json', OptPlatform: 'RESTAPI' });
		expect(item.Sign).toBeUndefined();
		expect(JSON.stringify(item)).not.toContain(TOKEN);
	});

	it('answers a body that is not JSON with a clear 400 and starts nothing', async () => {
		for (const body of ['CallbackCommand=C2C.CallbackAfterSendMsg', '{"CallbackCommand":', '[1,2]', '"text"']) {
			const call = await server.post(query('C2C.CallbackAfterSendMsg'), body, { 'Content-Type': 'text/plain' });
			expect(call.status).toBe(400);
			expect(call.json).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'The body must be a JSON object' });
		}
		expect(server.started).toHaveLength(0);
	});

	it('refuses forged and stale callbacks (401) and those of another SDKAppID (403)', async () => {
		const now = Math.floor(Date.now() / 1000);
		const cases = [
			query('C2C.CallbackAfterSendMsg', 'other-token'),
			query('C2C.CallbackAfterSendMsg', TOKEN, String(now - 61)),
			query('C2C.CallbackAfterSendMsg', TOKEN, String(now + 90)),
			{ ...query('C2C.CallbackAfterSendMsg'), Sign: '' },
		];
		for (const q of cases) expect((await server.post(q, DOC_AFTER_SEND, json)).status).toBe(401);
		expect((await server.post(query('C2C.CallbackAfterSendMsg', TOKEN, String(now), { SdkAppid: '1400999999' }), DOC_AFTER_SEND, json)).status).toBe(403);
		expect(server.started).toHaveLength(0);
	});

	it('starts an exact replay only once (the Sign covers the time only, so a changed body is a new callback)', async () => {
		const q = query('C2C.CallbackAfterSendMsg');
		expect((await server.post(q, DOC_AFTER_SEND, json)).json).toEqual(OK);
		expect((await server.post(q, DOC_AFTER_SEND, json)).json).toEqual(OK);
		expect(server.started).toHaveLength(1);
	});

	it('filters by callback command from the list and the free-text field, still answering OK', async () => {
		server.parameters.events = ['Group.CallbackAfterSendMsg'];
		server.parameters.otherEvents = ' Push.OfflinePush , ';
		expect((await server.post(query('C2C.CallbackAfterSendMsg'), DOC_AFTER_SEND, json)).json).toEqual(OK);
		await server.post(query('Push.OfflinePush'), '{"CallbackCommand":"Push.OfflinePush","To_Account":"x"}', json);
		await server.post(query('Group.CallbackAfterSendMsg'), '{"CallbackCommand":"Group.CallbackAfterSendMsg","GroupId":"@TGS#1"}', json);
		expect(server.started.map((s) => s[0].json.CallbackCommand)).toEqual(['Push.OfflinePush', 'Group.CallbackAfterSendMsg']);
	});

	it('without a Callback Token in the credential checks no Sign (the SDKAppID still)', async () => {
		server.credentials = credential({ callbackToken: '' });
		const call = await server.post({ SdkAppid: APP, CallbackCommand: 'C2C.CallbackAfterSendMsg', contenttype: 'json' }, DOC_AFTER_SEND, json);
		expect(call.status).toBe(200);
		expect(server.started).toHaveLength(1);
	});

});

describe('Tencent Cloud Chat Trigger: moderation (Respond: responseNode)', () => {
	beforeEach(() => (server.parameters.responseMode = 'responseNode'));

	it('leaves the answer of a before-callback to the workflow', async () => {
		const call = await server.post(query('C2C.CallbackBeforeSendMsg'), DOC_BEFORE_SEND, json);
		// The trigger wrote nothing: the test server closed the request with n8n's default.
		expect(call.json).toEqual({ message: 'Workflow was started' });
		expect(server.results[0].noWebhookResponse).toBeUndefined();
		expect(server.started).toHaveLength(1);
		expect(server.started[0][0].json.CallbackCommand).toBe('C2C.CallbackBeforeSendMsg');
	});

	it('still answers after-callbacks, filtered and replayed before-callbacks at once', async () => {
		expect((await server.post(query('C2C.CallbackAfterSendMsg'), DOC_AFTER_SEND, json)).json).toEqual(OK);
		expect(server.results[0].noWebhookResponse).toBe(true);
		expect(server.started).toHaveLength(1);
		server.parameters.events = ['Group.CallbackBeforeSendMsg'];
		expect((await server.post(query('C2C.CallbackBeforeSendMsg'), DOC_BEFORE_SEND, json)).json).toEqual(OK);
		expect(server.started).toHaveLength(1);
	});

	it('with Respond: Immediately answers before-callbacks OK at once', async () => {
		server.parameters.responseMode = 'onReceived';
		expect((await server.post(query('C2C.CallbackBeforeSendMsg'), DOC_BEFORE_SEND, json)).json).toEqual(OK);
		expect(server.started).toHaveLength(1);
	});
});

describe('Tencent Cloud Chat Trigger: Allowed IPs', () => {
	it('refuses a caller outside the list with 403 before anything else (no credential read, no body parsed)', async () => {
		server.parameters.options = { allowedIps: '203.0.113.0/24, 2001:db8::/32' };
		const call = await server.post(query('C2C.CallbackAfterSendMsg'), 'not even JSON', { 'Content-Type': 'text/plain' });
		expect(call.status).toBe(403);
		expect(call.json).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: "The caller's address is not in Allowed IPs" });
		expect(server.credentialReads).toBe(0);
		expect(server.started).toHaveLength(0);
		expect(server.warnings.join('\n')).toMatch(/127\.0\.0\.1.*not in Allowed IPs/);
	});

	it.each([
		['a single IPv4 address', '127.0.0.1', undefined],
		['an IPv4 range', '10.0.0.0/8, 127.0.0.0/8', undefined],
		['an IPv4 address reported IPv4-mapped', '203.0.113.7', '::ffff:203.0.113.7'],
		['an IPv6 range', '2001:db8::/32', '2001:db8:0:1::5'],
	])('accepts a caller inside %s', async (_label, list, ip) => {
		server.parameters.options = { allowedIps: list };
		server.callerIp = ip;
		const call = await server.post(query('C2C.CallbackAfterSendMsg'), DOC_AFTER_SEND, json);
		expect(call.status).toBe(200);
		expect(server.started).toHaveLength(1);
	});

	it('answers 500 naming an entry that is not an address, rather than opening or closing silently', async () => {
		server.parameters.options = { allowedIps: '127.0.0.1, 10.0.0.0/33' };
		const call = await server.post(query('C2C.CallbackAfterSendMsg'), DOC_AFTER_SEND, json);
		expect(call.status).toBe(500);
		expect(call.json!.ErrorInfo).toMatch(/"10\.0\.0\.0\/33" in Allowed IPs is neither/);
	});
});
