/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// The trigger over real HTTP: a node:http server hands each request to the node's webhook() the
// way n8n's webhook server does (JSON and form bodies parsed, rawBody kept, the node may answer
// itself), and the fake Thulium delivers events to that URL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData, INodeType, IWebhookFunctions } from 'n8n-workflow';

import { FakeThulium } from '../fakes/fakeThulium';
import { loadPackage } from '../helpers/engine';

const fake = new FakeThulium();
let trigger: INodeType;
let server: http.Server;
let url = '';
let parameters: IDataObject = {};
/** Workflow starts: the items each accepted delivery produced. */
let started: INodeExecutionData[][] = [];

const HOOK_USER = 'thulium-hook';
const HOOK_PASS = ['hook', 'pass', 'W0rd'].join('-');
const CREATED = {
	action: 'CHAT_CONVERSATION_CREATED',
	conversation_id: '6ed7c941-2c8a-411e-95d2-338a9f64800a',
	client_name: 'John Smith',
	client_email: 'john@example.com',
	date: '2016-04-20 09:46:24',
	chat_queue_id: 1,
};

async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks);
	const type = String(req.headers['content-type'] ?? '');
	let body: IDataObject = {};
	try {
		// As n8n's webhook server parses bodies: JSON and form encoding; anything else stays raw.
		if (type.startsWith('application/json')) body = JSON.parse(rawBody.toString('utf8')) as IDataObject;
		else if (type.startsWith('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
	} catch {
		res.writeHead(400).end('bad body');
		return;
	}
	Object.assign(req, { rawBody, body });
	const ctx = {
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getBodyData: () => body,
		getHeaderData: () => req.headers,
		getRequestObject: () => req,
		getResponseObject: () => res,
		getNode: () => ({ id: 'trigger', name: 'Thulium Chat Trigger', type: 'n8n-nodes-chat-conversations.thuliumChatTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
		getMode: () => 'webhook',
		helpers: { returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
	const result = await trigger.webhook!.call(ctx);
	if (result.noWebhookResponse) return;
	if (result.workflowData) started.push(...result.workflowData);
	res.writeHead(200, { 'Content-Type': 'application/json' });
	res.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
}

beforeAll(async () => {
	const pkg = await loadPackage();
	trigger = pkg.loader.nodeTypes.thuliumChatTrigger.type as INodeType;
	server = http.createServer((req, res) => void serve(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/abc/webhook`;
});
afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
	parameters = { authentication: 'none', events: [], otherEvents: '' };
	started = [];
});

describe('Thulium Chat Trigger: description', () => {
	it('is a webhook trigger that never registers itself and says where to paste the URL', async () => {
		const { description } = trigger;
		expect(description.name).toBe('thuliumChatTrigger');
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }]);
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/Administration → Advanced → Webhooks/);
		expect(notice?.displayName).toMatch(/cannot delete/);
		const methods = trigger.webhookMethods!.default;
		for (const method of ['checkExists', 'create', 'delete'] as const) {
			expect(await methods![method].call({} as never)).toBe(true);
		}
		const events = description.properties.find((p) => p.name === 'events');
		expect(events?.options?.map((o) => (o as { value: string }).value)).toEqual(
			expect.arrayContaining(['CHAT_CONVERSATION_CREATED', 'CHAT_AGENT_ASSIGNED', 'CHAT_CONVERSATION_CLOSED', 'CUSTOMER_CREATED']),
		);
	});
});

describe('Thulium Chat Trigger over HTTP', () => {
	it('starts the workflow with a JSON event: normalized fields plus the raw body', async () => {
		const delivery = await fake.deliverWebhook(url, CREATED);
		expect(delivery.status).toBe(200);
		expect(started).toHaveLength(1);
		expect(started[0]).toEqual([
			{
				json: {
					action: 'CHAT_CONVERSATION_CREATED',
					conversationId: CREATED.conversation_id,
					clientName: 'John Smith',
					clientEmail: 'john@example.com',
					date: '2016-04-20 09:46:24',
					chatQueueId: 1,
					raw: CREATED,
				},
			},
		]);
	});

	it('gives the same item for a form-encoded event (ids become numbers again)', async () => {
		const delivery = await fake.deliverWebhook(url, CREATED, { encoding: 'form' });
		expect(delivery.status).toBe(200);
		expect(started[0][0].json).toMatchObject({ action: 'CHAT_CONVERSATION_CREATED', conversationId: CREATED.conversation_id, chatQueueId: 1 });
		expect(started[0][0].json.raw).toEqual({ ...CREATED, chat_queue_id: '1' });
	});

	it('parses a body n8n left raw (no Content-Type)', async () => {
		const response = await fetch(url, { method: 'POST', body: 'action=CHAT_CONVERSATION_CLOSED&conversation_id=abc&chat_queue_id=3' });
		await response.text();
		expect(response.status).toBe(200);
		expect(started[0][0].json).toMatchObject({ action: 'CHAT_CONVERSATION_CLOSED', conversationId: 'abc', chatQueueId: 3 });
	});

	it('answers 400 and starts nothing for a body that is not an object', async () => {
		const response = await fetch(url, { method: 'POST', body: '[1,2]' });
		expect(response.status).toBe(400);
		expect(started).toHaveLength(0);
	});

	it('with Basic auth: starts on the right user and password, 401 and nothing started otherwise', async () => {
		parameters = { ...parameters, authentication: 'basicAuth', user: HOOK_USER, password: HOOK_PASS };
		const good = await fake.deliverWebhook(url, CREATED, { auth: { user: HOOK_USER, password: HOOK_PASS } });
		expect(good.status).toBe(200);
		expect(started).toHaveLength(1);

		for (const auth of [undefined, { user: HOOK_USER, password: 'wrong' }, { user: 'other', password: HOOK_PASS }, { user: HOOK_USER, password: `${HOOK_PASS}x` }]) {
			const bad = await fake.deliverWebhook(url, CREATED, { auth, encoding: 'form' });
			expect(bad.status).toBe(401);
			expect(bad.body).not.toContain(HOOK_PASS);
		}
		const raw = await fetch(url, { method: 'POST', headers: { Authorization: 'Bearer x', 'Content-Type': 'application/json' }, body: JSON.stringify(CREATED) });
		expect(raw.status).toBe(401);
		expect(raw.headers.get('www-authenticate')).toBe('Basic realm="Thulium webhook"');
		expect(started).toHaveLength(1);
	});

	it('filters events: chosen ones start the workflow, others are acknowledged and ignored', async () => {
		parameters = { ...parameters, events: ['CHAT_AGENT_ASSIGNED', 'CHAT_CONVERSATION_CLOSED'], otherEvents: ' ticket_created ' };
		const sent = [
			{ action: 'CHAT_CONVERSATION_CREATED', conversation_id: 'a', chat_queue_id: 1 },
			{ action: 'CHAT_AGENT_ASSIGNED', conversation_id: 'a', agent_login: 'jkowalski', date: '2016-04-20 09:46:24', chat_queue_id: 1 },
			{ action: 'CHAT_CONVERSATION_CLOSED', conversation_id: 'a', date: '2016-04-20 10:00:00', chat_queue_id: 1 },
			{ action: 'TICKET_CREATED', ticket_id: 77 },
			{ action: 'CUSTOMER_CREATED', customer_id: 154 },
		];
		const statuses = [];
		for (const event of sent) statuses.push((await fake.deliverWebhook(url, event as unknown as Record<string, string | number>)).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200]);
		expect(started.map((items) => items[0].json.action)).toEqual(['CHAT_AGENT_ASSIGNED', 'CHAT_CONVERSATION_CLOSED', 'TICKET_CREATED']);
		expect(started[0][0].json).toMatchObject({ agentLogin: 'jkowalski', chatQueueId: 1 });
		expect(started[2][0].json).toMatchObject({ ticketId: 77 });
	});
});
