/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The trigger's webhook() answers a real HTTP request: Easemob's callback is posted by the fake over
// node:http, and the node answers through a response object backed by that request's response.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { IDataObject, INodeExecutionData, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { FakeEasemob } from '../fakes/fakeEasemob';
import { PACKAGE_ROOT, loadPackage } from '../helpers/engine';

const SECRET = ['rule', 'signing', 'value'].join('-');

interface Delivery {
	result?: IWebhookResponseData;
	workflowItems?: INodeExecutionData[];
}

const fake = new FakeEasemob();
let server: http.Server;
let url = '';
let parameters: IDataObject = {};
let deliveries: Delivery[] = [];
let trigger: INodeType;

function webhookContext(req: http.IncomingMessage, res: http.ServerResponse, body: unknown, nodeId: string): IWebhookFunctions {
	return {
		getBodyData: () => body as IDataObject,
		getHeaderData: () => req.headers as IDataObject,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getNode: () => ({ id: nodeId, name: 'Easemob IM Trigger', type: 'n8n-nodes-chat-conversations.easemobImTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
		getWorkflow: () => ({ id: 'wf-trigger', active: true }),
		helpers: { returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
}

beforeAll(async () => {
	await loadPackage();
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const loaded = require(path.join(PACKAGE_ROOT, 'dist/nodes/EasemobIm/EasemobImTrigger.node.js')) as { EasemobImTrigger: new () => INodeType };
	trigger = new loaded.EasemobImTrigger();
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown;
			try {
				body = JSON.parse(text);
			} catch {
				body = text;
			}
			const nodeId = new URL(req.url ?? '/', 'http://x').searchParams.get('node') ?? 'trigger-1';
			void trigger.webhook!.call(webhookContext(req, res, body, nodeId)).then((result) => {
				deliveries.push({ result, workflowItems: result.workflowData?.[0] });
				if (!res.writableEnded) res.end();
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
});
afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
	parameters = { secret: SECRET, eventTypes: [], chatTypes: [] };
	deliveries = [];
});

let sequence = 0;
const message = (extra: IDataObject = {}): IDataObject => ({
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
});

describe('Easemob IM Trigger', () => {
	it('matches the documented signature example', () => {
		expect(FakeEasemob.sign('org#app_5c1b8c2e-0000-4000-8000-000000000001', 's3cret', 1600060847294)).toBe('97402dcc0d99105b847b5a1b15e76472');
	});

	it('accepts a correctly signed callback, answers 200 with a short body, and outputs it without the signature', async () => {
		const payload = message();
		const answer = await fake.deliverCallback(url, payload, SECRET);
		expect(answer.status).toBe(200);
		expect(answer.body).toBe('{"received":true}');
		expect(deliveries).toHaveLength(1);
		const [item] = deliveries[0].workflowItems!;
		expect(item.json).toEqual({ ...payload });
		expect(JSON.stringify(item.json)).not.toContain('security');
	});

	it('refuses a wrong signature with 401 and starts nothing', async () => {
		const answer = await fake.deliverCallback(url, message(), 'not-the-rule-value');
		expect(answer.status).toBe(401);
		expect(answer.body).toBe('{"error":"invalid signature"}');
		expect(deliveries[0].workflowItems).toBeUndefined();
		const unsigned = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message()) });
		expect(unsigned.status).toBe(401);
		expect(deliveries.every((d) => d.workflowItems === undefined)).toBe(true);
	});

	it('ignores a repeated callId (Easemob retries once) but not the same callId for another trigger', async () => {
		const payload = message();
		await fake.deliverCallback(url, payload, SECRET);
		const repeat = await fake.deliverCallback(url, payload, SECRET);
		expect(repeat.status).toBe(200);
		expect(repeat.body).toBe('{"received":true,"repeated":true}');
		expect(deliveries.map((d) => d.workflowItems !== undefined)).toEqual([true, false]);
		const other = await fake.deliverCallback(`${url}?node=trigger-2`, payload, SECRET);
		expect(other.status).toBe(200);
		expect(deliveries[2].workflowItems).toHaveLength(1);
	});

	it('filters by event type and chat type, still answering 200', async () => {
		parameters = { secret: SECRET, eventTypes: ['chat_offline'], chatTypes: ['groupchat'] };
		const online = await fake.deliverCallback(url, message({ eventType: 'chat', chat_type: 'groupchat' }), SECRET);
		const single = await fake.deliverCallback(url, message({ eventType: 'chat_offline', chat_type: 'chat' }), SECRET);
		const wanted = await fake.deliverCallback(url, message({ eventType: 'chat_offline', chat_type: 'groupchat', group_id: '208571394080769' }), SECRET);
		expect([online.status, single.status, wanted.status]).toEqual([200, 200, 200]);
		expect(online.body).toBe('{"received":true,"ignored":true}');
		expect(deliveries.map((d) => d.workflowItems?.[0].json.group_id)).toEqual([undefined, undefined, '208571394080769']);
	});

	it('acknowledges but ignores callbacks older than Max Age', async () => {
		const old = await fake.deliverCallback(url, message({ timestamp: Date.now() - 16 * 60_000 }), SECRET);
		expect(old.status).toBe(200);
		expect(old.body).toBe('{"received":true,"ignored":true}');
		parameters = { ...parameters, options: { maxAgeMinutes: 0 } };
		const allowed = await fake.deliverCallback(url, message({ timestamp: 1600060847294 }), SECRET);
		expect(allowed.body).toBe('{"received":true}');
		expect(deliveries.map((d) => d.workflowItems?.length)).toEqual([undefined, 1]);
	});

	it('without a secret accepts any callback and refuses a body that is not an object', async () => {
		parameters = { secret: '', eventTypes: [], chatTypes: [] };
		const answer = await fake.deliverCallback(url, message(), 'anything');
		expect(answer.status).toBe(200);
		expect(deliveries[0].workflowItems).toHaveLength(1);
		const list = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[1,2]' });
		expect(list.status).toBe(400);
		expect(await list.text()).toBe('{"error":"expected a JSON object"}');
		expect(deliveries[1].workflowItems).toBeUndefined();
	});

	it('is a proper trigger: no inputs, webhook methods that accept a URL pasted into the console', async () => {
		const { description, webhookMethods } = trigger;
		expect(description.name).toBe('easemobImTrigger');
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		const hooks = webhookMethods!.default!;
		expect(await hooks.checkExists.call({} as never)).toBe(true);
		expect(await hooks.create.call({} as never)).toBe(true);
		expect(await hooks.delete.call({} as never)).toBe(true);
	});
});
