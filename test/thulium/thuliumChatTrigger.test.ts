// The trigger over real HTTP (see test/helpers/triggerServer.ts): the fake Thulium delivers events
// (https://api.thulium.com/docs/api/notifications) to the URL; the Basic-auth user and password
// come from the thuliumWebhookApi credential only.
import type { IDataObject } from 'n8n-workflow';

import { FakeThulium } from '../fakes/fakeThulium';
import { TriggerServer } from '../helpers/triggerServer';

const fake = new FakeThulium();
const server = new TriggerServer('thuliumChatTrigger', 'Thulium Chat Trigger');
let url = '';
const started = server.started;

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

beforeAll(async () => {
	await server.start();
	url = server.url;
});
afterAll(async () => await server.stop());
beforeEach(() => server.reset({ authentication: 'none', events: [], otherEvents: '', options: {} }, { thuliumWebhookApi: { user: HOOK_USER, password: HOOK_PASS } }));

describe('Thulium Chat Trigger: description', () => {
	it('is a webhook trigger that never registers itself and says where to paste the URL', async () => {
		const { description } = server.node;
		expect(description.name).toBe('thuliumChatTrigger');
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }]);
		expect(description.credentials).toEqual([
			{ name: 'thuliumWebhookApi', required: true, testedBy: 'thuliumWebhookCredentialTest', displayOptions: { show: { authentication: ['basicAuth'] } } },
		]);
		expect(description.properties.map((p) => p.name)).not.toEqual(expect.arrayContaining(['user']));
		expect(description.properties.filter((p) => p.typeOptions?.password)).toEqual([]);
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/Administration → Advanced → Webhooks/);
		expect(notice?.displayName).toMatch(/cannot delete/);
		const methods = server.node.webhookMethods!.default;
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
		// A real answer for Thulium (n8n's own would not be JSON).
		expect(delivery.body).toBe('{"received":true}');
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
		server.parameters.authentication = 'basicAuth';
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
		server.parameters = { ...server.parameters, events: ['CHAT_AGENT_ASSIGNED', 'CHAT_CONVERSATION_CLOSED'], otherEvents: ' ticket_created ' };
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


	it('refuses a caller outside Allowed IPs with 403 before checking the password', async () => {
		server.parameters = { ...server.parameters, authentication: 'basicAuth', options: { allowedIps: '192.0.2.10, 2001:db8::1' } };
		const call = await fake.deliverWebhook(url, CREATED);
		expect(call.status).toBe(403);
		expect(server.credentialReads).toBe(0);
		server.parameters.options = { allowedIps: '192.0.2.10, ::1, 127.0.0.0/8' };
		expect((await fake.deliverWebhook(url, CREATED, { auth: { user: HOOK_USER, password: HOOK_PASS } })).status).toBe(200);
		expect(started).toHaveLength(1);
	});
});

describe('Thulium Webhook Basic Auth API credential', () => {
	const test = async (data: IDataObject) =>
		await (server.node.methods!.credentialTest!.thuliumWebhookCredentialTest as (this: unknown, c: unknown) => Promise<{ status: string; message: string }>).call({}, { data });
	it('accepts a user and a password, and says what is wrong otherwise', async () => {
		expect((await test({ user: HOOK_USER, password: HOOK_PASS })).status).toBe('OK');
		expect(await test({ user: '', password: HOOK_PASS })).toEqual({ status: 'Error', message: 'Enter the user and the password set on the webhook in Thulium' });
		expect((await test({ user: 'a:b', password: HOOK_PASS })).message).toMatch(/cannot contain ":"/);
	});
});
