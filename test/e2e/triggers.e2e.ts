/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// The three trigger nodes inside the real n8n app, published with credentials, called over HTTP as
// the platforms call them: each platform's documented sample (with and without a Content-Type)
// starts one execution; forged, stale and replayed callbacks start none; the moderation example
// answers Tencent's before-callbacks well inside Tencent's 2 s; Allowed IPs refuse other callers;
// no secret is in `n8n export:workflow` or in n8n's database.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { WorkflowJson } from './examples';
import { N8nApp } from './helpers/n8nApp';
import type { RunningSandbox } from './sandbox/platforms';
import { EASEMOB_CALLBACK_SECRET, TENCENT_CALLBACK_TOKEN, startSandbox } from './sandbox/platforms';

const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
// A throw-away login for the owner account of the suite's own n8n instance.
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets
const OWNER = { email: 'e2e-triggers@example.org', password: 'E2e-triggers-passw0rd' };
const PKG = 'n8n-nodes-chat-conversations';
const THULIUM_HOOK_USER = 'thulium-hook';
const THULIUM_HOOK_PASSWORD = ['thulium', 'hook', 'secret', '9f2c'].join('-');
const THULIUM_WEBHOOK_CREDENTIAL = { id: 'e2eThuliumWebhook', name: 'Thulium webhook (e2e)', type: 'thuliumWebhookApi', data: { user: THULIUM_HOOK_USER, password: THULIUM_HOOK_PASSWORD } };
const TENCENT_CREDENTIAL = { tencentCloudChatApi: { id: 'sandboxTencentApi', name: 'Tencent Cloud Chat (sandbox)' } };
const EASEMOB_CREDENTIAL = { easemobImApi: { id: 'sandboxEasemobApi', name: 'Easemob IM (sandbox)' } };

/** The documented C2C.CallbackAfterSendMsg body, verbatim as the reference quotes it (1047/34365). */
const TENCENT_DOC_AFTER_SEND = `{"CallbackCommand":"C2C.CallbackAfterSendMsg","From_Account":"jared","To_Account":"Jonh","MsgSeq":48374,
 "MsgRandom":2837546,"MsgTime":1557481126,"MsgKey":"48374_2837546_1557481126","MsgId":"…","OnlineOnlyFlag":1,
 "SendMsgResult":0,"ErrorInfo":"send msg succeed","UnreadMsgNum":7,
 "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"…"}`;
/** The documented Easemob post-send payload, verbatim as the reference quotes it (callback_postsending). */
const EASEMOB_DOC_PAYLOAD = `{"callId":"org#app_<uuid>","eventType":"chat","timestamp":1600060847294,
 "chat_type":"chat","group_id":"…(groupchat only)","from":"user1","to":"user2","msg_id":"8924312242322",
 "payload":{"ext":{},"bodies":[{"msg":"hello","type":"txt"}]},
 "securityVersion":"1.0.0","security":"<md5>","appkey":"org#app","host":"…","content_type":"chat:user:text"}`;
/** Thulium's example delivery (constructed from the documented fields, api.thulium.com/docs/api/notifications). */
const THULIUM_DOC_EVENT = `{"action":"CHAT_CONVERSATION_CREATED","conversation_id":"6ed7c941-2c8a-411e-95d2-338a9f64800a","client_name":"John Smith","client_email":"john@example.com","date":"2016-04-20 09:46:24","chat_queue_id":1}`;

const example = (file: string) => JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
const TENCENT_REPLY = example('tencent-callback-reply.json');
const TENCENT_MODERATION = example('tencent-moderation-keyword-filter.json');
const EASEMOB_REPLY = example('easemob-callback-reply.json');
const triggerPath = (workflow: WorkflowJson) => `${workflow.nodes.find((n) => n.type.startsWith(PKG) && n.webhookId)!.webhookId!}/webhook`;

/** A workflow of one trigger node of this package (and, optionally, nodes after it). */
function triggerWorkflow(id: string, type: string, parameters: Record<string, unknown>, credentials: Record<string, unknown>, after: Array<Record<string, unknown>> = []): WorkflowJson {
	const trigger = { id: `${id}-t`, name: 'Trigger', type: `${PKG}.${type}`, typeVersion: 1, position: [0, 0], webhookId: randomUUID(), parameters, credentials };
	const nodes: Array<Record<string, unknown>> = [trigger, ...after.map((node, i) => ({ id: `${id}-${i}`, position: [240 * (i + 1), 0], ...node }))];
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, i) => (connections[String(node.name)] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }));
	return { id, name: id, nodes, connections, settings: { executionOrder: 'v1' }, active: false } as unknown as WorkflowJson;
}

const THULIUM = triggerWorkflow('e2eThuliumTrigger', 'thuliumChatTrigger', { authentication: 'basicAuth', events: [], otherEvents: '', options: {} }, { thuliumWebhookApi: { id: THULIUM_WEBHOOK_CREDENTIAL.id, name: THULIUM_WEBHOOK_CREDENTIAL.name } });
const TENCENT_ALL = triggerWorkflow('e2eTencentAll', 'tencentCloudChatTrigger', { responseMode: 'responseNode', events: [], otherEvents: '', options: {} }, TENCENT_CREDENTIAL, [
	// Respond to Webhook v1 (later versions accept only n8n's own Webhook node before them).
	{
		name: 'Respond to Webhook',
		type: 'n8n-nodes-base.respondToWebhook',
		typeVersion: 1,
		parameters: { respondWith: 'json', responseBody: '={{ { ActionStatus: "OK", ErrorCode: 2, ErrorInfo: "" } }}', options: {} },
	},
]);
const ALLOWED_IPS = [
	triggerWorkflow('e2eTencentIps', 'tencentCloudChatTrigger', { responseMode: 'onReceived', events: [], otherEvents: '', options: { allowedIps: '203.0.113.0/24, 2001:db8::/32' } }, TENCENT_CREDENTIAL),
	triggerWorkflow('e2eEasemobIps', 'easemobImTrigger', { eventTypes: [], chatTypes: [], options: { allowedIps: '198.51.100.7' } }, EASEMOB_CREDENTIAL),
	triggerWorkflow('e2eThuliumIps', 'thuliumChatTrigger', { authentication: 'none', events: [], otherEvents: '', options: { allowedIps: '192.0.2.0/24' } }, {}),
];
/** As saved before the secrets moved to the credential: the token as a parameter, no credential. */
const RETIRED = triggerWorkflow('e2eTencentRetired', 'tencentCloudChatTrigger', { events: [], otherEvents: '', callbackToken: 'token-in-plain-text', sdkAppId: '1400123456' }, {});

const WORKFLOWS = [TENCENT_REPLY, TENCENT_MODERATION, EASEMOB_REPLY, THULIUM, TENCENT_ALL, ...ALLOWED_IPS, RETIRED];
const PUBLISHED = WORKFLOWS.filter((w) => w !== RETIRED);

let app: N8nApp;
let sandbox: RunningSandbox;
let secrets: string[] = [];

async function post(urlPath: string, body: string, headers: Record<string, string>) {
	const started = Date.now();
	const response = await app.http(`/webhook/${urlPath}`, { method: 'POST', headers, body });
	return { ...response, ms: Date.now() - started };
}

function tencentQuery(command: string, token = TENCENT_CALLBACK_TOKEN, time = Math.floor(Date.now() / 1000)) {
	const sign = createHash('sha256').update(`${token}${time}`).digest('hex');
	return `?SdkAppid=1400123456&CallbackCommand=${encodeURIComponent(command)}&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI&RequestTime=${time}&Sign=${sign}`;
}

function easemobCallback(overrides: Record<string, unknown> = {}, secret = EASEMOB_CALLBACK_SECRET): string {
	const doc = JSON.parse(EASEMOB_DOC_PAYLOAD) as Record<string, unknown>;
	const callId = `fake-org#fake-app_${randomUUID()}`;
	const payload = { ...doc, callId, timestamp: Date.now(), appkey: 'fake-org#fake-app', ...overrides };
	const security = createHash('md5').update(`${String(payload.callId)}${secret}${String(payload.timestamp)}`).digest('hex');
	return JSON.stringify({ ...payload, security });
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const JSON_TYPE = { 'content-type': 'application/json' };

/** Waits until n8n saved `count` executions of the workflow, all finished, and returns them. */
async function executions(workflow: WorkflowJson, count: number) {
	await app.waitForExecutions(workflow.id, (e) => e.length >= count, 20_000);
	// A moment more, so that an unexpected extra execution would show.
	await new Promise((resolve) => setTimeout(resolve, 500));
	return await app.waitForExecutions(workflow.id, () => true);
}

beforeAll(async () => {
	app = new N8nApp();
	sandbox = await startSandbox({ fixedPorts: false });
	await app.installPackage();
	const easemob = sandbox.credentials.find((c) => c.type === 'easemobImApi')!;
	// As after a workflow run: an app token stored with the credential.
	const easemobWithToken = { ...easemob, id: 'e2eEasemobStoredToken', name: 'Easemob IM (token stored)', data: { ...easemob.data, accessToken: 'an-app-token-fetched-earlier' } };
	const credentials = [...sandbox.credentials, THULIUM_WEBHOOK_CREDENTIAL, easemobWithToken];
	secrets = [TENCENT_CALLBACK_TOKEN, EASEMOB_CALLBACK_SECRET, THULIUM_HOOK_PASSWORD];
	for (const credential of sandbox.credentials) {
		for (const key of ['password', 'secretKey', 'clientSecret']) if (typeof credential.data[key] === 'string') secrets.push(String(credential.data[key]));
	}
	await app.importCredentials(credentials);
	// One import for all (each n8n CLI call takes seconds), published through the REST API as the editor does.
	const file = path.join(app.root, 'workflows.json');
	writeFileSync(file, JSON.stringify(WORKFLOWS));
	await app.importWorkflow(file);
	await app.start();
	await app.setupOwner(OWNER);
	for (const workflow of PUBLISHED) await app.publish(workflow.id);
}, 600_000);

afterAll(async () => {
	await app?.stop();
	await sandbox?.stop();
});

beforeEach(() => sandbox.reset());

describe('genuine callbacks (each platform\'s documented sample) start one execution, with or without a Content-Type', () => {
	it('Tencent Cloud Chat Trigger', async () => {
		// The same body at another RequestTime is another callback, not a replay.
		const at = (secondsAgo: number) => `${triggerPath(TENCENT_REPLY)}${tencentQuery('C2C.CallbackAfterSendMsg', TENCENT_CALLBACK_TOKEN, Math.floor(Date.now() / 1000) - secondsAgo)}`;
		const withType = await post(at(0), TENCENT_DOC_AFTER_SEND, JSON_TYPE);
		const withoutType = await post(at(10), TENCENT_DOC_AFTER_SEND, {});
		const plainText = await post(at(20), TENCENT_DOC_AFTER_SEND, { 'content-type': 'text/plain' });
		for (const answer of [withType, withoutType, plainText]) {
			expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } });
		}
		const runs = await executions(TENCENT_REPLY, 3);
		expect(runs.map((e) => e.status)).toEqual(['success', 'success', 'success']);
		// Not JSON at all: a clear 400, no execution.
		const notJson = await post(`${triggerPath(TENCENT_REPLY)}${tencentQuery('C2C.CallbackAfterSendMsg', TENCENT_CALLBACK_TOKEN, Math.floor(Date.now() / 1000) - 30)}`, 'CallbackCommand=C2C.CallbackAfterSendMsg', { 'content-type': 'text/plain' });
		expect(notJson.status).toBe(400);
		expect(notJson.body).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'The body must be a JSON object' });
	});

	it('Easemob IM Trigger', async () => {
		const withType = await post(triggerPath(EASEMOB_REPLY), easemobCallback(), JSON_TYPE);
		const withoutType = await post(triggerPath(EASEMOB_REPLY), easemobCallback(), {});
		for (const answer of [withType, withoutType]) expect({ status: answer.status, text: answer.text }).toEqual({ status: 200, text: '{"received":true}' });
		const runs = await executions(EASEMOB_REPLY, 2);
		expect(runs.map((e) => e.status)).toEqual(['success', 'success']);
	});

	it('Thulium Chat Trigger (Basic auth from its credential)', async () => {
		const auth = { authorization: basic(THULIUM_HOOK_USER, THULIUM_HOOK_PASSWORD) };
		const withType = await post(triggerPath(THULIUM), THULIUM_DOC_EVENT, { ...JSON_TYPE, ...auth });
		const withoutType = await post(triggerPath(THULIUM), THULIUM_DOC_EVENT, auth);
		for (const answer of [withType, withoutType]) expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { received: true } });
		const runs = await executions(THULIUM, 2);
		expect(runs.map((e) => e.status)).toEqual(['success', 'success']);
	});
});

describe('forged, stale and replayed callbacks start no execution', () => {
	it('Tencent: wrong token and stale RequestTime get 401; an exact replay is acknowledged and starts nothing', async () => {
		const before = (await app.executions(TENCENT_REPLY.id)).length;
		const body = JSON.stringify({ ...(JSON.parse(TENCENT_DOC_AFTER_SEND) as object), MsgKey: randomUUID() });
		expect((await post(`${triggerPath(TENCENT_REPLY)}${tencentQuery('C2C.CallbackAfterSendMsg', 'not-the-callback-token')}`, body, JSON_TYPE)).status).toBe(401);
		expect((await post(`${triggerPath(TENCENT_REPLY)}${tencentQuery('C2C.CallbackAfterSendMsg', TENCENT_CALLBACK_TOKEN, Math.floor(Date.now() / 1000) - 120)}`, body, JSON_TYPE)).status).toBe(401);
		const genuine = `${triggerPath(TENCENT_REPLY)}${tencentQuery('C2C.CallbackAfterSendMsg')}`;
		expect((await post(genuine, body, JSON_TYPE)).status).toBe(200);
		const replay = await post(genuine, body, JSON_TYPE);
		expect({ status: replay.status, body: replay.body }).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } });
		expect((await executions(TENCENT_REPLY, before + 1)).length).toBe(before + 1);
	});

	it('Easemob: wrong secret 401, stale acknowledged, replay and a captured signature with another body 409', async () => {
		const before = (await app.executions(EASEMOB_REPLY.id)).length;
		expect((await post(triggerPath(EASEMOB_REPLY), easemobCallback({}, 'not-the-callback-secret'), JSON_TYPE)).status).toBe(401);
		const stale = await post(triggerPath(EASEMOB_REPLY), easemobCallback({ timestamp: Date.now() - 16 * 60_000 }), JSON_TYPE);
		expect({ status: stale.status, text: stale.text }).toEqual({ status: 200, text: '{"received":true,"ignored":true}' });
		const genuine = easemobCallback();
		expect((await post(triggerPath(EASEMOB_REPLY), genuine, JSON_TYPE)).status).toBe(200);
		expect((await post(triggerPath(EASEMOB_REPLY), genuine, JSON_TYPE)).status).toBe(409);
		const forged = JSON.stringify({ ...(JSON.parse(genuine) as object), from: 'mallory', payload: { ext: {}, bodies: [{ msg: 'Send the refund to account 123', type: 'txt' }] } });
		const refused = await post(triggerPath(EASEMOB_REPLY), forged, JSON_TYPE);
		expect({ status: refused.status, text: refused.text }).toEqual({ status: 409, text: '{"error":"callId already received"}' });
		expect((await executions(EASEMOB_REPLY, before + 1)).length).toBe(before + 1);
	});

	it('Thulium: a wrong password or none gets 401', async () => {
		const before = (await app.executions(THULIUM.id)).length;
		expect((await post(triggerPath(THULIUM), THULIUM_DOC_EVENT, { ...JSON_TYPE, authorization: basic(THULIUM_HOOK_USER, 'not-the-password') })).status).toBe(401);
		expect((await post(triggerPath(THULIUM), THULIUM_DOC_EVENT, JSON_TYPE)).status).toBe(401);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect((await app.executions(THULIUM.id)).length).toBe(before);
	});
});

describe('moderation: the workflow answers Tencent\'s before-callbacks', () => {
	it('the keyword filter example rejects a banned word and allows the rest, well inside 2 s', async () => {
		const before = (await app.executions(TENCENT_MODERATION.id)).length;
		const message = (text: string) => JSON.stringify({ CallbackCommand: 'C2C.CallbackBeforeSendMsg', From_Account: 'alice', To_Account: 'support', MsgSeq: 1, MsgRandom: Math.floor(Math.random() * 1e9), MsgTime: Math.floor(Date.now() / 1000), MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }] });
		const url = () => `${triggerPath(TENCENT_MODERATION)}${tencentQuery('C2C.CallbackBeforeSendMsg')}`;
		const rejected = await post(url(), message('Win big at the CASINO tonight'), JSON_TYPE);
		const allowed = await post(url(), message('Where is my order?'), {});
		expect({ status: rejected.status, body: rejected.body }).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 120001, ErrorInfo: 'This message contains a word that is not allowed here.' } });
		expect({ status: allowed.status, body: allowed.body }).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } });
		process.stdout.write(`moderation answers: rejected in ${rejected.ms} ms, allowed in ${allowed.ms} ms (Tencent waits at most 2000 ms)\n`);
		expect(rejected.ms).toBeLessThan(2000);
		expect(allowed.ms).toBeLessThan(2000);
		expect((await executions(TENCENT_MODERATION, before + 2)).map((e) => e.status)).toEqual(['success', 'success']);
	});

	it('Respond to Webhook v1 answers behind the trigger; after-callbacks are answered at once all the same', async () => {
		const dropped = await post(`${triggerPath(TENCENT_ALL)}${tencentQuery('Group.CallbackBeforeSendMsg')}`, JSON.stringify({ CallbackCommand: 'Group.CallbackBeforeSendMsg', GroupId: '@TGS#1', From_Account: 'alice', MsgBody: [] }), JSON_TYPE);
		expect({ status: dropped.status, body: dropped.body }).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 2, ErrorInfo: '' } });
		const after = await post(`${triggerPath(TENCENT_ALL)}${tencentQuery('C2C.CallbackAfterSendMsg')}`, TENCENT_DOC_AFTER_SEND, JSON_TYPE);
		expect({ status: after.status, body: after.body }).toEqual({ status: 200, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } });
		expect((await executions(TENCENT_ALL, 2)).length).toBe(2);
	});
});

describe('Allowed IPs', () => {
	it.each(ALLOWED_IPS.map((w) => [w.id, w] as const))('%s refuses a caller outside the list with 403 and starts nothing', async (_id, workflow) => {
		const tencent = workflow.id === 'e2eTencentIps';
		const urlPath = `${triggerPath(workflow)}${tencent ? tencentQuery('C2C.CallbackAfterSendMsg') : ''}`;
		const body = tencent ? TENCENT_DOC_AFTER_SEND : workflow.id === 'e2eEasemobIps' ? easemobCallback() : THULIUM_DOC_EVENT;
		const answer = await post(urlPath, body, JSON_TYPE);
		expect(answer.status).toBe(403);
		expect(answer.text).toContain('not in Allowed IPs');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(await app.executions(workflow.id)).toEqual([]);
	});
});

describe("n8n's credential tester", () => {
	it('Easemob: a wrong Client Secret fails with a clear message even while an app token is stored', async () => {
		const stored = await app.rest('GET', '/rest/credentials/e2eEasemobStoredToken?includeData=true');
		expect(stored.status).toBe(200);
		const credential = (stored.body as { data: { id: string; name: string; type: string; data: Record<string, unknown> } }).data;
		const test = async (data: Record<string, unknown>) =>
			((await app.rest('POST', '/rest/credentials/test', { credentials: { id: credential.id, name: credential.name, type: credential.type, data } })).body as { data: { status: string; message: string } }).data;
		expect((await test(credential.data)).status).toBe('OK');
		const wrong = await test({ ...credential.data, clientSecret: 'not-the-client-secret' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/^Easemob refused the Client ID or Client Secret \(400\)\. In the Easemob console/);
	});
});

describe('secrets', () => {
	// n8n 1.x's CLI activates a workflow without checking its credentials (2.x's publish checks them).
	const itOnN8n2 = Number(String(process.env.NCC_N8N_VERSION ?? '2').split('.')[0]) >= 2 ? it : it.skip;
	itOnN8n2('a workflow whose trigger still has the old secret parameter is not published, with what to set up instead', async () => {
		// n8n drops parameters a node does not have when it loads the workflow; the trigger then has no
		// credential, which n8n refuses to publish, naming it.
		const refused = await app.publish(RETIRED.id).then(
			() => undefined,
			(error: Error) => error.message,
		);
		expect(refused).toMatch(/[Cc]redential/);
		process.stdout.write(`publishing a trigger without its credential: ${String(refused)}\n`);
	});

	it('neither `n8n export:workflow` nor n8n\'s database holds a secret', async () => {
		const exported = path.join(app.root, 'export.json');
		await app.cli(['export:workflow', '--all', `--output=${exported}`]);
		const text = readFileSync(exported, 'utf8');
		expect(text).toContain('tencentCloudChatTrigger');
		for (const secret of secrets) expect(text).not.toContain(secret);
		// The imported RETIRED workflow carries its own plain-text token: that is the user's input, not ours.
		const database = path.join(app.userFolder, '.n8n', 'database.sqlite');
		expect(existsSync(database)).toBe(true);
		for (const file of [database, `${database}-wal`].filter((f) => existsSync(f))) {
			const bytes = readFileSync(file);
			for (const secret of secrets) expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
		}
	});
});
