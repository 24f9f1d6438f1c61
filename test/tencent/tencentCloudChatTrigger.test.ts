/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// Drives the trigger's webhook() over real HTTP: a node:http server hands each request to the node
// with the parts of IWebhookFunctions it uses, as n8n's webhook server does.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { loadPackage } from '../helpers/engine';

let trigger: INodeType;
let server: http.Server;
let baseUrl = '';
let parameters: IDataObject = {};
const started: IWebhookResponseData[] = [];

beforeAll(async () => {
	const pkg = await loadPackage();
	trigger = pkg.loader.nodeTypes.tencentCloudChatTrigger.type as INodeType;
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://localhost');
			const text = Buffer.concat(chunks).toString('utf8');
			const ctx = {
				getResponseObject: () => res,
				getRequestObject: () => req,
				getHeaderData: () => req.headers,
				getQueryData: () => Object.fromEntries(url.searchParams),
				getBodyData: () => (text ? (JSON.parse(text) as IDataObject) : {}),
				getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
				getNode: () => ({ name: 'Tencent Cloud Chat Trigger', type: 'n8n-nodes-chat-conversations.tencentCloudChatTrigger', typeVersion: 1, parameters }),
			} as unknown as IWebhookFunctions;
			void trigger.webhook!.call(ctx).then((result) => {
				if (result.workflowData) started.push(result);
				if (!result.noWebhookResponse) {
					res.writeHead(200, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify(result.webhookResponse ?? {}));
				}
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
	started.length = 0;
	parameters = { events: [], otherEvents: '', callbackToken: '', sdkAppId: '' };
});

const TOKEN = ['callback', 'token', 'value'].join('-');
const sign = (token: string, time: string) =>
	createHash('sha256')
		.update(token + time)
		.digest('hex');
const afterSendMsg = {
	CallbackCommand: 'C2C.CallbackAfterSendMsg',
	From_Account: 'jared',
	To_Account: 'Jonh',
	MsgSeq: 48374,
	MsgRandom: 2837546,
	MsgTime: 1557481126,
	MsgKey: '48374_2837546_1557481126',
	SendMsgResult: 0,
	MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } }],
};

async function callback(query: Record<string, string>, body: IDataObject = afterSendMsg) {
	const qs = new URLSearchParams({
		SdkAppid: '1400123456',
		CallbackCommand: String(body.CallbackCommand),
		contenttype: 'json',
		ClientIP: '10.0.0.1',
		OptPlatform: 'RESTAPI',
		...query,
	});
	const response = await fetch(`${baseUrl}/webhook?${qs.toString()}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as IDataObject };
}

describe('Tencent Cloud Chat Trigger', () => {
	it('is a webhook trigger whose URL is pasted into the Chat console', async () => {
		expect(trigger.description.inputs).toEqual([]);
		expect(trigger.description.name).toBe('tencentCloudChatTrigger');
		expect(trigger.description.usableAsTool).toBeUndefined();
		const methods = trigger.webhookMethods!.default;
		for (const name of ['checkExists', 'create', 'delete'] as const) {
			expect(await methods![name].call({} as never)).toBe(true);
		}
	});

	it('answers the OK envelope at once and starts the workflow with the body and query fields', async () => {
		const { status, json } = await callback({});
		expect(status).toBe(200);
		expect(json).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
		expect(started).toHaveLength(1);
		expect(started[0].workflowData![0][0].json).toEqual({
			SdkAppid: '1400123456',
			contenttype: 'json',
			ClientIP: '10.0.0.1',
			OptPlatform: 'RESTAPI',
			...afterSendMsg,
		});
	});

	it('with a token accepts a valid Sign and keeps the Sign out of the output', async () => {
		parameters.callbackToken = TOKEN;
		const time = String(Math.floor(Date.now() / 1000) - 30);
		const { status, json } = await callback({ Sign: sign(TOKEN, time), RequestTime: time });
		expect(status).toBe(200);
		expect(json.ActionStatus).toBe('OK');
		expect(started).toHaveLength(1);
		const output = started[0].workflowData![0][0].json;
		expect(output.RequestTime).toBe(time);
		expect(output.Sign).toBeUndefined();
		expect(JSON.stringify(output)).not.toContain(TOKEN);
	});

	it('refuses a wrong Sign, a missing Sign and a stale RequestTime with 401 and starts nothing', async () => {
		parameters.callbackToken = TOKEN;
		const now = Math.floor(Date.now() / 1000);
		const cases: Array<Record<string, string>> = [
			{ Sign: sign('other-token', String(now)), RequestTime: String(now) },
			{ RequestTime: String(now) },
			{ Sign: sign(TOKEN, String(now - 61)), RequestTime: String(now - 61) },
			{ Sign: sign(TOKEN, String(now + 90)), RequestTime: String(now + 90) },
			{ Sign: sign(TOKEN, 'abc'), RequestTime: 'abc' },
		];
		for (const query of cases) {
			const { status, json } = await callback(query);
			expect(status).toBe(401);
			expect(json.ActionStatus).toBe('FAIL');
		}
		expect(started).toHaveLength(0);
	});

	it('refuses callbacks of another app when an SDKAppID is expected', async () => {
		parameters.sdkAppId = '1400999999';
		const { status } = await callback({});
		expect(status).toBe(403);
		expect(started).toHaveLength(0);
		parameters.sdkAppId = '1400123456';
		expect((await callback({})).status).toBe(200);
		expect(started).toHaveLength(1);
	});

	it('filters by callback command from the list and the free-text field, still answering OK', async () => {
		parameters.events = ['Group.CallbackAfterSendMsg'];
		parameters.otherEvents = ' Push.OfflinePush , ';
		let result = await callback({});
		expect(result.json).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
		expect(started).toHaveLength(0);
		result = await callback({}, { CallbackCommand: 'Push.OfflinePush', To_Account: 'x' });
		expect(result.status).toBe(200);
		result = await callback({}, { CallbackCommand: 'Group.CallbackAfterSendMsg', GroupId: '@TGS#1' });
		expect(started.map((s) => s.workflowData![0][0].json.CallbackCommand)).toEqual(['Push.OfflinePush', 'Group.CallbackAfterSendMsg']);
	});
});
