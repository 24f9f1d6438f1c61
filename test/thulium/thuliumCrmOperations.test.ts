// Customer, Ticket, Agent, Chat → Get and Webhook operations through n8n's engine against the fake
// Thulium system (test/fakes/fakeThuliumCrm.ts), which follows the documented rules.
import type { INodeParameters } from 'n8n-workflow';

import { FakeThulium } from '../fakes/fakeThulium';
import { items, runNode } from '../helpers/engine';

const fake = new FakeThulium();
let credentials: Record<string, Record<string, string>>;
const WEBHOOK_AUTH = { user: 'thulium-hook', password: 'Hook-Pa55-word!' };

beforeAll(async () => {
	const baseUrl = await fake.start();
	credentials = { thuliumApi: { baseUrl, username: fake.username, password: fake.password }, thuliumWebhookApi: WEBHOOK_AUTH };
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.server.reset();
	fake.forbidden.clear();
	fake.fail5xx = 0;
	fake.forced = [];
	fake.dropAnswers = 0;
	fake.failAfterProcessing = undefined;
	fake.conversations.clear();
	fake.crm.reset();
});

const op = (resource: string, operation: string, extra: INodeParameters = {}): INodeParameters => ({ resource, operation, ...extra });

describe('Thulium Chat → Customer', () => {
	it('Get returns the customer, with custom fields when asked', async () => {
		const customer = fake.crm.addCustomer({ name: 'Jan', surname: 'Kowalski', email: 'jan.kowalski@foo.bar', custom_fields: { Country: 'POLAND' } });
		const { output } = await runNode('thuliumChat', op('customer', 'get', { customerId: String(customer.customer_id), options: { includeCustomFields: true } }), credentials);
		expect(fake.requests[0].rawPath).toBe(`/api/customers/${customer.customer_id}`);
		expect([...fake.requests[0].query.entries()]).toEqual([['include_custom_fields', 'true']]);
		expect(output[0][0].json).toMatchObject({ customer_id: customer.customer_id, surname: 'Kowalski', custom_fields: { Country: 'POLAND' } });
	});

	it('Get names the missing customer (404) and refuses an ID that is not a number before sending', async () => {
		const missing = await runNode('thuliumChat', op('customer', 'get', { customerId: '999' }), credentials);
		expect(missing.error?.message).toBe('Customer 999 was not found: Customer not found. [item 0]');
		fake.server.reset();
		const bad = await runNode('thuliumChat', op('customer', 'get', { customerId: 'abc' }), credentials);
		expect(bad.error?.message).toBe('Customer ID must be a whole number, not "abc" [item 0]');
		expect(fake.requests).toHaveLength(0);
	});

	it('Search filters by e-mail and custom fields and pages 1000 at a time with Return All', async () => {
		for (let i = 0; i < 2100; i++) fake.crm.addCustomer({ surname: `S${i}`, email: i % 700 === 0 ? 'vip@example.com' : `c${i}@example.com`, custom_fields: { Country: i % 2 ? 'NORWAY' : 'POLAND' } });
		const all = await runNode('thuliumChat', op('customer', 'search', { returnAll: true }), credentials);
		expect(all.output[0]).toHaveLength(2100);
		expect(fake.requests.map((r) => [r.query.get('limit'), r.query.get('offset')])).toEqual([['1000', '0'], ['1000', '1000'], ['1000', '2000']]);
		fake.server.reset();
		const found = await runNode(
			'thuliumChat',
			op('customer', 'search', { limit: 10, filters: { email: 'vip@example.com', customFields: '{"Country": ["POLAND", "DENMARK"]}' } }),
			credentials,
		);
		expect(fake.requests[0].query.getAll('custom_fields[Country][0]')).toEqual(['POLAND']);
		expect(fake.requests[0].query.getAll('custom_fields[Country][1]')).toEqual(['DENMARK']);
		expect(found.output[0].map((o) => o.json.surname)).toEqual(['S0', 'S700', 'S1400']);
	});

	it('Search with a Limit reads only what it needs', async () => {
		for (let i = 0; i < 30; i++) fake.crm.addCustomer({ surname: `S${i}` });
		const { output } = await runNode('thuliumChat', op('customer', 'search', { limit: 7, options: { order: '-customer_id' } }), credentials);
		expect(output[0]).toHaveLength(7);
		expect(fake.requests.map((r) => [r.query.get('limit'), r.query.get('order')])).toEqual([['7', '-customer_id']]);
	});

	it('Create sends the fields and the customer exists afterwards', async () => {
		const { output } = await runNode(
			'thuliumChat',
			op('customer', 'create', { surname: 'Nowak', additionalFields: { name: 'Anna', email: 'anna@example.com', companyId: '456', vip: true, customFields: '{"Country":"POLAND"}' } }),
			credentials,
		);
		expect(fake.requests[0].json).toEqual({ surname: 'Nowak', name: 'Anna', email: 'anna@example.com', company_id: 456, vip: true, custom_fields: { Country: 'POLAND' } });
		const id = output[0][0].json.customer_id as number;
		expect(fake.crm.customers.get(id)).toMatchObject({ surname: 'Nowak', email: 'anna@example.com' });
	});

	it('Create is never repeated after a 5xx: the customer may exist', async () => {
		fake.failAfterProcessing = () => 502;
		const { error } = await runNode('thuliumChat', op('customer', 'create', { surname: 'Once' }), credentials);
		expect(error?.message).toBe('Internal server error; the customer may have been created [item 0]');
		expect(error?.description).toMatch(/did not send it again/);
		expect(fake.requests).toHaveLength(1);
		expect([...fake.crm.customers.values()].filter((c) => c.surname === 'Once')).toHaveLength(1);
	});

	it('Create refuses an empty last name and a bad e-mail before sending anything, item by item with Continue On Fail', async () => {
		const { output } = await runNode('thuliumChat', op('customer', 'create', { surname: '={{ $json.surname }}', additionalFields: { email: '={{ $json.email }}' } }), credentials, {
			onError: 'continueErrorOutput',
			input: [{ json: { surname: 'Good', email: 'a@b.pl' } }, { json: { surname: '', email: 'a@b.pl' } }, { json: { surname: 'X', email: 'nope' } }],
		});
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1].map((o) => o.json.error)).toEqual(['Last Name is empty [item 1]', 'E-Mail "nope" is not an e-mail address [item 2]']);
		expect(fake.requests).toHaveLength(1);
	});

	it('Update changes only the given fields through PUT batch/customers', async () => {
		const customer = fake.crm.addCustomer({ name: 'Jan', surname: 'Kowalski', email: 'old@example.com' });
		const { output } = await runNode('thuliumChat', op('customer', 'update', { customerId: String(customer.customer_id), updateFields: { email: 'new@example.com' } }), credentials);
		expect(fake.requests[0].method).toBe('PUT');
		expect(fake.requests[0].rawPath).toBe('/api/batch/customers');
		expect(fake.requests[0].json).toEqual({ customers: [{ customer_id: customer.customer_id, email: 'new@example.com' }] });
		expect(fake.crm.customers.get(customer.customer_id)).toMatchObject({ name: 'Jan', surname: 'Kowalski', email: 'new@example.com' });
		expect(output[0][0].json).toEqual({ updated: true, customerId: customer.customer_id, email: 'new@example.com' });
	});

	it('Update reports the per-customer error of a multi-status answer and refuses an empty update', async () => {
		const missing = await runNode('thuliumChat', op('customer', 'update', { customerId: '4242', updateFields: { name: 'X' } }), credentials);
		expect(missing.error?.message).toBe('Thulium did not update customer 4242: Customer not found. [item 0]');
		fake.server.reset();
		const empty = await runNode('thuliumChat', op('customer', 'update', { customerId: '1', updateFields: {} }), credentials);
		expect(empty.error?.message).toBe('Update Fields is empty: there is nothing to update [item 0]');
		expect(fake.requests).toHaveLength(0);
	});

	it('explains a missing method permission (403)', async () => {
		fake.forbidden.add('GET customers');
		const { error } = await runNode('thuliumChat', op('customer', 'search', { limit: 5 }), credentials);
		expect(error?.message).toBe('The Thulium API user lacks permission for this method: Access denied to this method [item 0]');
		expect(error?.description).toMatch(/Administration → Users → API users/);
	});
});

describe('Thulium Chat → Ticket', () => {
	it('Create sends to, subject and body with the extra fields and outputs the ticket ID', async () => {
		const { output } = await runNode(
			'thuliumChat',
			op('ticket', 'create', { to: 'support@example.com', subject: 'Order', body: 'Where is it?', additionalFields: { from: 'john@example.com', cc: 'a@example.com, b@example.com', customerId: '12', source: 'chat', tags: 'billing' } }),
			credentials,
		);
		expect(fake.requests[0].json).toEqual({ to: 'support@example.com', subject: 'Order', body: 'Where is it?', from: 'john@example.com', cc: ['a@example.com', 'b@example.com'], customer_id: 12, source: 'chat', tags: ['billing'] });
		const id = output[0][0].json.ticket_id as number;
		expect(fake.crm.tickets.get(id)).toMatchObject({ subject: 'Order', customer_id: 12 });
	});

	it("Create shows Thulium's refusal of an unknown mailbox and never repeats after a dropped answer", async () => {
		const refused = await runNode('thuliumChat', op('ticket', 'create', { to: 'nobody@example.com', subject: 's', body: 'b' }), credentials);
		expect(refused.error?.message).toBe('Mailbox not found. [item 0]');
		fake.server.reset();
		fake.dropAnswers = 1;
		const dropped = await runNode('thuliumChat', op('ticket', 'create', { to: 'support@example.com', subject: 's', body: 'b' }), credentials);
		expect(dropped.error?.message).toMatch(/^Thulium could not be reached: .*; the ticket may have been created \[item 0\]$/);
		expect(fake.requests).toHaveLength(1);
		expect(fake.crm.tickets.size).toBe(1);
	});

	it('Get returns the ticket with its messages; a missing one is named', async () => {
		const ticket = fake.crm.addTicket({ subject: 'Broken', custom_fields: { Order: 'A-1' } });
		const { output } = await runNode('thuliumChat', op('ticket', 'get', { ticketId: String(ticket.ticket_id), options: { includeCustomFields: true } }), credentials);
		expect(output[0][0].json).toMatchObject({ ticket_id: ticket.ticket_id, subject: 'Broken', custom_fields: { Order: 'A-1' } });
		const missing = await runNode('thuliumChat', op('ticket', 'get', { ticketId: '77' }), credentials);
		expect(missing.error?.message).toBe('Ticket 77 was not found: Ticket not found. [item 0]');
	});

	it('Add Agent Response posts body and agent login once; the reply is on the ticket', async () => {
		const ticket = fake.crm.addTicket();
		const { output } = await runNode('thuliumChat', op('ticket', 'addAgentResponse', { ticketId: String(ticket.ticket_id), userLogin: 'jkowalski', body: 'Hello', additionalFields: { bodyType: 'PLAIN' } }), credentials);
		expect(fake.requests[0].json).toEqual({ body: 'Hello', user_login: 'jkowalski', body_type: 'PLAIN' });
		expect(output[0][0].json).toEqual({ sent: true, ticketId: ticket.ticket_id, userLogin: 'jkowalski' });
		expect(ticket.messages).toEqual([expect.objectContaining({ type: 'REPLY', body: 'Hello', user_login: 'jkowalski' })]);
	});

	it('Add Agent Response is not repeated after a 5xx and shows an unknown agent as Thulium words it', async () => {
		const ticket = fake.crm.addTicket();
		fake.failAfterProcessing = () => 500;
		const { error } = await runNode('thuliumChat', op('ticket', 'addAgentResponse', { ticketId: String(ticket.ticket_id), userLogin: 'jkowalski', body: 'Once' }), credentials);
		fake.failAfterProcessing = undefined;
		expect(error?.message).toBe('Internal server error; the response may have been sent to the customer [item 0]');
		expect(fake.requests).toHaveLength(1);
		expect(ticket.messages).toHaveLength(1);
		const unknown = await runNode('thuliumChat', op('ticket', 'addAgentResponse', { ticketId: String(ticket.ticket_id), userLogin: 'ghost', body: 'x' }), credentials);
		expect(unknown.error?.message).toBe('User not found. [item 0]');
	});
});

describe('Thulium Chat → Agent', () => {
	it('Get and Get Status read one agent per item; an unknown login is named', async () => {
		const agent = await runNode('thuliumChat', op('agent', 'get', { login: 'jkowalski' }), credentials);
		expect(agent.output[0][0].json).toMatchObject({ agent_id: 1, login: 'jkowalski', active: true });
		const { output } = await runNode('thuliumChat', op('agent', 'getStatus', { login: '={{ $json.login }}' }), credentials, {
			onError: 'continueErrorOutput',
			input: items(3, (i) => ({ login: ['jkowalski', 'ghost', 'anowak'][i] })),
		});
		expect(output[0].map((o) => [o.json.login, o.json.status, o.pairedItem])).toEqual([['jkowalski', 'PAUSED', { item: 0 }], ['anowak', 'FREE', { item: 2 }]]);
		expect(output[1].map((o) => o.json.error)).toEqual(['Agent "ghost" was not found: Agent not found. [item 1]']);
		expect(fake.requests.slice(1).map((r) => r.rawPath).sort()).toEqual(['/api/agents/anowak/status', '/api/agents/ghost/status', '/api/agents/jkowalski/status']);
	});

	it('encodes the login as one path segment and refuses "."', async () => {
		await runNode('thuliumChat', op('agent', 'get', { login: 'a/b?c' }), credentials);
		expect(fake.requests[0].rawPath).toBe('/api/agents/a%2Fb%3Fc');
		const dot = await runNode('thuliumChat', op('agent', 'get', { login: '..' }), credentials);
		expect(dot.error?.message).toBe('Agent Login ".." is not a valid ID [item 0]');
	});
});

describe('Thulium Chat → Chat → Get', () => {
	it('pages through the chats until it finds the conversation and returns it with its messages', async () => {
		const base = Date.parse('2024-12-20T10:00:00Z');
		const all = Array.from({ length: 250 }, (_, i) => fake.addConversation(3, { createdAt: new Date(base + i * 60_000).toISOString().replace('T', ' ').replace('Z', '') }));
		const target = all[160];
		const { output } = await runNode('thuliumChat', op('chat', 'get', { conversationId: target.id, window: { dateFrom: '2024-12-20 00:00' } }), credentials);
		expect(output[0][0].json).toMatchObject({ conversation_id: target.id, messages: [{ sent_by: 'customer', text: 'Hello, I need help' }, { sent_by: 'user', text: 'Hi! How can I help?' }] });
		expect(fake.requests.map((r) => [r.query.get('offset'), r.query.get('include_messages'), r.query.get('date_from')])).toEqual([
			['0', 'true', '2024-12-20 00:00'],
			['100', 'true', '2024-12-20 00:00'],
		]);
	});

	it('says where it looked when the chat is not there', async () => {
		fake.addConversation();
		const { error } = await runNode('thuliumChat', op('chat', 'get', { conversationId: 'not-there', window: { chatQueueId: { __rl: true, mode: 'id', value: '3' } } }), credentials);
		expect(error?.message).toBe('Chat "not-there" was not found among the chats started in chat queue 3 [item 0]');
		expect(fake.requests).toHaveLength(1);
	});
});

describe('Thulium Chat → Webhook', () => {
	it('Create subscribes the URL with the Basic auth of the credential and never outputs the password', async () => {
		const { output, serialized } = await runNode(
			'thuliumChat',
			op('webhook', 'create', { subscriptionUrl: 'https://n8n.example.com/webhook/x/webhook', actions: ['CHAT_CONVERSATION_CREATED'], otherActions: 'call_started', authentication: 'basicAuth' }),
			credentials,
		);
		expect(fake.requests[0].json).toEqual({
			actions: ['CHAT_CONVERSATION_CREATED', 'CALL_STARTED'],
			subscription_url: 'https://n8n.example.com/webhook/x/webhook',
			http_auth_user: WEBHOOK_AUTH.user,
			http_auth_password: WEBHOOK_AUTH.password,
		});
		expect(output[0][0].json).toEqual({ id: 1, actions: ['CHAT_CONVERSATION_CREATED', 'CALL_STARTED'], subscription_url: 'https://n8n.example.com/webhook/x/webhook', http_auth_user: WEBHOOK_AUTH.user, http_auth_password_set: true });
		expect(serialized).not.toContain(WEBHOOK_AUTH.password);
		expect(fake.crm.webhooks).toHaveLength(1);
	});

	it('Create refuses a missing event and a bad URL before sending, and is not repeated after a 5xx', async () => {
		const none = await runNode('thuliumChat', op('webhook', 'create', { subscriptionUrl: 'https://x.example.com', actions: [] }), credentials);
		expect(none.error?.message).toBe('Events is empty: no event chosen [item 0]');
		const bad = await runNode('thuliumChat', op('webhook', 'create', { subscriptionUrl: 'x.example.com', actions: ['CHAT_AGENT_ASSIGNED'] }), credentials);
		expect(bad.error?.message).toBe('URL "x.example.com" is not an http(s) address [item 0]');
		expect(fake.requests).toHaveLength(0);
		fake.failAfterProcessing = () => 503;
		const failed = await runNode('thuliumChat', op('webhook', 'create', { subscriptionUrl: 'https://x.example.com', actions: ['CHAT_AGENT_ASSIGNED'] }), credentials);
		expect(failed.error?.message).toBe('Internal server error; the webhook may have been created [item 0]');
		expect(fake.requests).toHaveLength(1);
	});

	it('Get Many lists the webhooks without their passwords, up to the limit', async () => {
		fake.crm.webhooks.push(
			{ id: 1, actions: ['CHAT_AGENT_ASSIGNED'], subscription_url: 'https://a.example.com/', http_auth_user: 'u', http_auth_password: 'SeCrEt-1' },
			{ id: 2, actions: ['CHAT_CONVERSATION_CREATED'], subscription_url: 'https://b.example.com/', http_auth_user: '', http_auth_password: '' },
		);
		const { output, serialized } = await runNode('thuliumChat', op('webhook', 'getMany', { returnAll: true }), credentials);
		expect(output[0].map((o) => o.json)).toEqual([
			{ id: 1, actions: ['CHAT_AGENT_ASSIGNED'], subscription_url: 'https://a.example.com/', http_auth_user: 'u', http_auth_password_set: true },
			{ id: 2, actions: ['CHAT_CONVERSATION_CREATED'], subscription_url: 'https://b.example.com/', http_auth_user: '', http_auth_password_set: false },
		]);
		expect(serialized).not.toContain('SeCrEt-1');
		const limited = await runNode('thuliumChat', op('webhook', 'getMany', { limit: 1 }), credentials);
		expect(limited.output[0]).toHaveLength(1);
	});
});
