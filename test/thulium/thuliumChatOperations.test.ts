 
import type { INodeParameters } from 'n8n-workflow';

import { FakeThulium } from '../fakes/fakeThulium';
import { items, runNode } from '../helpers/engine';

const fake = new FakeThulium();
const MISTYPED = 'wrong-password-456';
let credentials: Record<string, Record<string, string>>;

beforeAll(async () => {
	const baseUrl = await fake.start();
	credentials = { thuliumApi: { baseUrl, username: fake.username, password: fake.password } };
});
afterAll(async () => await fake.stop());
beforeEach(() => {
	fake.server.reset();
	fake.server.latencyMs = 0;
	fake.forbidden.clear();
	fake.fail5xx = 0;
	fake.fail5xxStatus = 500;
	fake.forced = [];
	fake.errorRate = 0;
	fake.dropAnswers = 0;
	fake.failAfterProcessing = undefined;
	fake.conversations.clear();
});

const conversationOp = (operation: string, conversationId: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'conversation',
	operation,
	conversationId,
	...extra,
});
const chats = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'chat', operation: 'getMany', ...extra });
const summary = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'report',
	operation: 'getSummary',
	dateFrom: '2024-12-19',
	dateTo: '2025-01-18',
	...extra,
});
const CHATBOT = '0b8f6c1e-6a43-4b8e-9c3b-2f1d8e0a7c55';

/** Adds `count` conversations one minute apart, starting at `start` (YYYY-MM-DD HH:mm). */
function addChats(count: number, start = '2024-12-20 10:00', extra: (i: number) => Parameters<FakeThulium['addConversation']>[1] = () => ({})) {
	const base = Date.parse(`${start.replace(' ', 'T')}:00Z`);
	return Array.from({ length: count }, (_, i) =>
		fake.addConversation(i % 2 === 0 ? 3 : 1, {
			createdAt: new Date(base + i * 60_000).toISOString().replace('T', ' ').replace('Z', ''),
			...extra(i),
		}),
	);
}

describe('Thulium Chat → Conversation → Send Message', () => {
	it('posts the text as JSON to chat_conversations/{id}/message and outputs { sent: true }', async () => {
		const conversation = fake.addConversation();
		const { output, run } = await runNode(
			'thuliumChat',
			conversationOp('sendMessage', conversation.id, { text: 'Hello, world!\nSecond line', additionalFields: { externalChatbotId: CHATBOT } }),
			credentials,
		);
		expect(run.status).toBe('success');
		const [req] = fake.requests;
		expect(req.method).toBe('POST');
		expect(req.rawPath).toBe(`/api/chat_conversations/${conversation.id}/message`);
		expect(req.headers['content-type']).toMatch(/^application\/json/);
		expect(req.json).toEqual({ text: 'Hello, world!\nSecond line', external_chatbot_id: CHATBOT });
		expect(output[0]).toEqual([
			{
				json: { sent: true, conversationId: conversation.id, text: 'Hello, world!\nSecond line', externalChatbotId: CHATBOT },
				pairedItem: { item: 0 },
			},
		]);
		expect(conversation.messages.at(-1)).toEqual({ text: 'Hello, world!\nSecond line', sent_by: 'bot', external_chatbot_id: CHATBOT });
	});

	it('sends one message per item, each to its own conversation', async () => {
		const conversations = [fake.addConversation(), fake.addConversation(), fake.addConversation()];
		const { output } = await runNode('thuliumChat', conversationOp('sendMessage', '={{ $json.id }}', { text: '={{ "Hi " + $json.name }}' }), credentials, {
			input: conversations.map((c, i) => ({ json: { id: c.id, name: `client ${i}` } })),
		});
		expect(output[0].map((o) => o.json.text)).toEqual(['Hi client 0', 'Hi client 1', 'Hi client 2']);
		expect(conversations.map((c) => c.messages.at(-1)?.text)).toEqual(['Hi client 0', 'Hi client 1', 'Hi client 2']);
	});

	it('refuses an empty text, an empty ID or an object before sending anything', async () => {
		const conversation = fake.addConversation();
		const cases: Array<[INodeParameters, string]> = [
			[conversationOp('sendMessage', conversation.id, { text: '   ' }), 'Text is empty [item 0]'],
			[conversationOp('sendMessage', '={{ "" }}', { text: 'Hi' }), 'Conversation ID is empty [item 0]'],
			[conversationOp('sendMessage', conversation.id, { text: '={{ { a: 1 } }}' }), 'Text must be text, but it is an object [item 0]'],
		];
		for (const [params, message] of cases) {
			const { error } = await runNode('thuliumChat', params, credentials);
			expect(error?.message).toBe(message);
		}
		expect(fake.requests).toHaveLength(0);
	});

	it('never resends a message after a 500 or a 502: it may have arrived', async () => {
		const conversation = fake.addConversation();
		for (const status of [500, 502]) {
			fake.server.reset();
			fake.fail5xx = 1;
			fake.fail5xxStatus = status;
			const { error } = await runNode('thuliumChat', conversationOp('sendMessage', conversation.id, { text: 'once' }), credentials);
			expect(error?.message).toBe('Internal server error; the message may have been delivered [item 0]');
			expect(error?.description).toMatch(/did not send it again.*Request ID: req[0-9a-f]{8}/);
			expect(fake.requests).toHaveLength(1);
		}
	});

	it('a 5xx or a dropped answer after the message was stored: reported as maybe delivered, stored once', async () => {
		const conversation = fake.addConversation();
		fake.failAfterProcessing = () => 502;
		const afterError = await runNode('thuliumChat', conversationOp('sendMessage', conversation.id, { text: 'stored, then 502' }), credentials);
		fake.failAfterProcessing = undefined;
		expect(afterError.error?.message).toBe('Internal server error; the message may have been delivered [item 0]');
		fake.dropAnswers = 1;
		const dropped = await runNode('thuliumChat', conversationOp('sendMessage', conversation.id, { text: 'stored, then dropped' }), credentials);
		expect(dropped.error?.message).toMatch(/^Thulium could not be reached: .*; the message may have been delivered \[item 0\]$/);
		expect(conversation.messages.filter((m) => m.text.startsWith('stored, then'))).toHaveLength(2);
		expect(fake.requests).toHaveLength(2);
	});

	it('retries a 429 (nothing was sent) and succeeds, honouring Retry-After', async () => {
		const conversation = fake.addConversation();
		fake.forced = [{ status: 429, message: 'Too many requests', headers: { 'Retry-After': '0.3' } }];
		const started = Date.now();
		const { run } = await runNode('thuliumChat', conversationOp('sendMessage', conversation.id, { text: 'hi' }), credentials);
		expect(run.status).toBe('success');
		expect(fake.requests).toHaveLength(2);
		expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(280);
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		expect(conversation.messages.filter((m) => m.text === 'hi')).toHaveLength(1);
	});

	it("shows Thulium's 400 validation message (error_handling envelope) without retrying", async () => {
		// Thulium's validation errors are 400 with {"request_id", "errors": [{"message", "code"}]}
		// (https://api.thulium.com/docs/api/error_handling); which checks it makes is not published.
		const conversation = fake.addConversation(3);
		fake.forced.push({ status: 400, message: 'Chat conversation is closed.' });
		const result = await runNode('thuliumChat', conversationOp('sendMessage', conversation.id, { text: 'late' }), credentials);
		expect(result.error?.message).toBe('Chat conversation is closed. [item 0]');
		expect(result.error?.description).toMatch(/^Thulium rejected the request/);
		expect(fake.requests).toHaveLength(1);
	});

	it('names the conversation that was not found', async () => {
		const { error } = await runNode('thuliumChat', conversationOp('sendMessage', 'ab12', { text: 'x' }), credentials);
		expect(error?.message).toBe('Conversation "ab12" was not found: Chat conversation not found. [item 0]');
		expect(error?.description).toMatch(/Check the ID/);
	});
});

describe('Thulium Chat → Conversation → Stop', () => {
	it('posts an empty body to /stop, closes the conversation and outputs { stopped: true }', async () => {
		const conversation = fake.addConversation();
		const { output } = await runNode('thuliumChat', conversationOp('stop', conversation.id), credentials);
		expect(fake.requests[0].method).toBe('POST');
		expect(fake.requests[0].rawPath).toBe(`/api/chat_conversations/${conversation.id}/stop`);
		expect(fake.requests[0].body).toBe('');
		expect(output[0]).toEqual([{ json: { stopped: true, conversationId: conversation.id }, pairedItem: { item: 0 } }]);
		expect(conversation.status).toBe('CLOSED');
		expect(conversation.closedAt).toMatch(/^\d{4}-\d{2}-\d{2} /);
	});

	it('sends the external chatbot ID when given, and retries a 503 burst (stopping twice is harmless)', async () => {
		const conversation = fake.addConversation();
		fake.fail5xx = 2;
		fake.fail5xxStatus = 503;
		const { run } = await runNode('thuliumChat', conversationOp('stop', conversation.id, { additionalFields: { externalChatbotId: CHATBOT } }), credentials);
		expect(run.status).toBe('success');
		expect(fake.requests).toHaveLength(3);
		expect(fake.requests[2].json).toEqual({ external_chatbot_id: CHATBOT });
		expect(conversation.status).toBe('CLOSED');
	});

	it('reports a 5xx that lasts, with the request ID, after the retries', async () => {
		const conversation = fake.addConversation();
		fake.fail5xx = 100;
		const { error } = await runNode('thuliumChat', conversationOp('stop', conversation.id), credentials);
		expect(error?.message).toBe('Internal server error [item 0]');
		expect(error?.description).toMatch(/give Thulium support the request ID\. Request ID: req[0-9a-f]{8}$/);
		expect(fake.requests).toHaveLength(5); // first attempt + 4 retries
	});
});

describe('Thulium Chat → Conversation → Delete', () => {
	it('sends DELETE chat_conversations/{id}, outputs { deleted: true } and the conversation is gone', async () => {
		const conversation = fake.addConversation();
		const { output } = await runNode('thuliumChat', conversationOp('delete', conversation.id), credentials);
		expect(fake.requests[0].method).toBe('DELETE');
		expect(fake.requests[0].rawPath).toBe(`/api/chat_conversations/${conversation.id}`);
		expect(output[0]).toEqual([{ json: { deleted: true, conversationId: conversation.id }, pairedItem: { item: 0 } }]);
		expect(fake.conversations.has(conversation.id)).toBe(false);

		const again = await runNode('thuliumChat', conversationOp('delete', conversation.id), credentials);
		expect(again.error?.message).toBe(`Conversation "${conversation.id}" was not found: Chat conversation not found. [item 0]`);
	});

	it('counts a 404 after a lost answer as deleted: the first attempt did the work', async () => {
		const conversation = fake.addConversation();
		fake.dropAnswers = 1;
		const { output, run } = await runNode('thuliumChat', conversationOp('delete', conversation.id), credentials);
		expect(run.status).toBe('success');
		expect(fake.requests).toHaveLength(2);
		expect(output[0][0].json).toEqual({ deleted: true, conversationId: conversation.id });
		expect(fake.conversations.has(conversation.id)).toBe(false);
	});

	it('never resends a message whose answer was lost', async () => {
		const conversation = fake.addConversation();
		fake.dropAnswers = 1;
		const { error } = await runNode('thuliumChat', conversationOp('sendMessage', conversation.id, { text: 'only once' }), credentials);
		expect(error?.message).toMatch(/^Thulium could not be reached: /);
		expect(fake.requests).toHaveLength(1);
		expect(conversation.messages.filter((m) => m.text === 'only once')).toHaveLength(1);
	});

	it('with Continue On Fail gives exactly one item per input', async () => {
		const [a, b] = [fake.addConversation(), fake.addConversation()];
		const { output } = await runNode('thuliumChat', conversationOp('delete', '={{ $json.id }}'), credentials, {
			onError: 'continueRegularOutput',
			input: [{ json: { id: a.id } }, { json: { id: 'gone' } }, { json: { id: '..' } }, { json: { id: b.id } }],
		});
		expect(output[0]).toHaveLength(4);
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].map((o) => o.json.deleted ?? o.json.error)).toEqual([
			true,
			'Conversation "gone" was not found: Chat conversation not found. [item 1]',
			'Conversation ID ".." is not a valid ID [item 2]',
			true,
		]);
		expect(fake.requests).toHaveLength(3);
	});

	it('explains every documented error status', async () => {
		const conversation = fake.addConversation();
		const cases: Array<[Parameters<typeof fake.forced.push>[0], RegExp, RegExp]> = [
			[{ status: 400, message: 'Wrong format of id.' }, /^Wrong format of id\. \[item 0\]$/, /rejected the request/],
			[{ status: 422, message: 'Unprocessable entity.' }, /^Unprocessable entity\. \[item 0\]$/, /rejected the request/],
			[{ status: 401, message: 'Authentication failed' }, /^Thulium did not accept the API user name or password/, /API users/],
			[{ status: 403, message: 'Access denied' }, /^The Thulium API user lacks permission for this method: Access denied/, /tick this method \(or \*\) under Permissions/],
			[{ status: 404, message: 'Not found' }, /^Conversation ".*" was not found: Not found/, /Check the ID/],
			[{ status: 410, message: 'Gone' }, /^The resource was permanently deleted: Gone/, /permanently deleted/],
			[{ status: 502, bare: true }, /^Thulium answered with HTTP 502 \[item 0\]$/, /internal problem/],
		];
		for (const [answer, message, hint] of cases) {
			fake.server.reset();
			// 5xx are retried: keep answering with the same failure.
			fake.forced = answer.status >= 500 ? Array.from({ length: 5 }, () => answer) : [answer];
			const { error } = await runNode('thuliumChat', conversationOp('delete', conversation.id), credentials);
			expect(error?.message).toMatch(message);
			expect(error?.description).toMatch(hint);
			if (!answer.bare) expect(error?.description).toMatch(/Request ID: req/);
		}
		expect(fake.conversations.has(conversation.id)).toBe(true);
	});
});

describe('Thulium Chat → Chat → Get Many', () => {
	it('sends the filters and options as documented and returns the chats', async () => {
		const [first] = addChats(3, '2024-12-20 10:00', (i) => ({ status: i === 1 ? 'ACTIVE' : 'CLOSED' }));
		const { output } = await runNode(
			'thuliumChat',
			chats({
				limit: 10,
				filters: {
					dateFrom: '2024-12-20T09:00:00',
					dateTo: '2024-12-20 23:59',
					status: 'CLOSED',
					chatQueueId: { __rl: true, mode: 'id', value: '3' },
				},
				options: { includeMessages: true, includeFiles: true, includeClientData: true },
			}),
			credentials,
		);
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0].rawPath).toBe('/api/chats');
		expect(Object.fromEntries(fake.requests[0].query)).toEqual({
			date_from: '2024-12-20 09:00',
			date_to: '2024-12-20 23:59',
			status: 'CLOSED',
			chat_queue_id: '3',
			include_messages: 'true',
			include_files: 'true',
			include_client_data: 'true',
			limit: '10',
			offset: '0',
		});
		// Queue 3 and CLOSED: chats 0 and 2.
		expect(output[0].map((o) => o.json.conversation_id)).toHaveLength(2);
		expect(output[0][0].json).toMatchObject({
			conversation_id: first.id,
			chat_queue_id: 3,
			status: 'CLOSED',
			created_at: '2024-12-20 10:00:00.000',
			messages: [
				{ sent_by: 'customer', text: 'Hello, I need help' },
				{ sent_by: 'user', text: 'Hi! How can I help?' },
			],
			files: [{ name: 'invoice.pdf' }],
			client_data: { browser: 'Firefox', ip: '192.0.2.10' },
		});
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('Return All reads every page of 100 until count is reached', async () => {
		addChats(250);
		const { output } = await runNode('thuliumChat', chats({ returnAll: true }), credentials);
		expect(output[0]).toHaveLength(250);
		expect(fake.requests.map((r) => [r.query.get('limit'), r.query.get('offset')])).toEqual([
			['100', '0'],
			['100', '100'],
			['100', '200'],
		]);
		expect(new Set(output[0].map((o) => o.json.conversation_id)).size).toBe(250);
	});

	it('Limit stops after the rows asked for, asking only for what is still missing', async () => {
		addChats(250);
		const { output } = await runNode('thuliumChat', chats({ limit: 130 }), credentials);
		expect(output[0]).toHaveLength(130);
		expect(fake.requests.map((r) => [r.query.get('limit'), r.query.get('offset')])).toEqual([
			['100', '0'],
			['30', '100'],
		]);
	});

	it('Simplify keeps the main fields and turns the lists into counts', async () => {
		const [chat] = addChats(1);
		const { output } = await runNode('thuliumChat', chats({ options: { includeMessages: true, includeFiles: true, includeClientData: true, simplify: true } }), credentials);
		expect(output[0][0].json).toEqual({
			conversation_id: chat.id,
			chat_queue_id: 3,
			status: 'ACTIVE',
			created_at: chat.createdAt,
			closed_at: null,
			client_name: 'Andrzej Nowak',
			client_email: 'andrzej.nowak@company.bar',
			customer_id: null,
			user_login: 'jkowalski',
			message_count: 2,
			file_count: 1,
		});
	});

	it('turns ISO dates with an offset and Luxon DateTimes into the workflow time zone', async () => {
		addChats(1);
		await runNode(
			'thuliumChat',
			chats({ filters: { dateFrom: '2024-12-20T08:30:00Z', dateTo: '={{ DateTime.fromISO("2024-12-21T10:15:42", { zone: "UTC" }) }}' } }),
			credentials,
		);
		// The test workflow runs in n8n's default time zone, America/New_York.
		expect(fake.requests[0].query.get('date_from')).toBe('2024-12-20 03:30');
		expect(fake.requests[0].query.get('date_to')).toBe('2024-12-21 05:15');
	});

	it('sends every accepted date spelling in the documented format', async () => {
		const cases: Array<[string, string]> = [
			['2024-12-20', '2024-12-20'],
			['2024-12-20 10:11', '2024-12-20 10:11'],
			['2024-12-20 10:11:12', '2024-12-20 10:11'],
			['2024-12-20T10:11:12.345', '2024-12-20 10:11'],
			['2024-12-20T10:11:12+01:00', '2024-12-20 04:11'],
			['={{ $now.set({ year: 2024, month: 12, day: 20, hour: 7, minute: 5 }) }}', '2024-12-20 07:05'],
		];
		for (const [input, sent] of cases) {
			fake.server.reset();
			await runNode('thuliumChat', chats({ filters: { dateFrom: input } }), credentials);
			expect([input, fake.requests[0].query.get('date_from')]).toEqual([input, sent]);
		}
	});

	it('with Continue On Fail answers each item: chats for good filters, an error for a bad one', async () => {
		addChats(3);
		const { output } = await runNode('thuliumChat', chats({ limit: 2, filters: { dateFrom: '={{ $json.from }}' } }), credentials, {
			onError: 'continueErrorOutput',
			input: items(3, (i) => ({ from: i === 1 ? 'soon' : '2024-12-20' })),
		});
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 2 }, { item: 2 }]);
		expect(output[1].map((o) => [o.json.error, o.pairedItem])).toEqual([['Started After "soon" is not a date [item 1]', { item: 1 }]]);
		expect(fake.requests).toHaveLength(2);
	});

	it('refuses bad dates and swapped ranges before sending', async () => {
		const cases: Array<[INodeParameters, RegExp]> = [
			[chats({ filters: { dateFrom: 'yesterday' } }), /^Started After "yesterday" is not a date \[item 0\]$/],
			[chats({ filters: { dateFrom: '2024-12-21', dateTo: '2024-12-20' } }), /^Started After \(2024-12-21\) is later than Started Before \(2024-12-20\) \[item 0\]$/],
			[chats({ limit: 0 }), /^Limit is out of range/],
			[chats({ filters: { status: 'closed; drop' } }), /^Status "closed; drop" is not a chat status/],
		];
		for (const [params, message] of cases) {
			const { error } = await runNode('thuliumChat', params, credentials);
			expect(error?.message).toMatch(message);
		}
		expect(fake.requests).toHaveLength(0);
	});

	it('retries a failed page and keeps the rows of the pages before it', async () => {
		addChats(150);
		const secondPage = (req: { query: URLSearchParams }) => req.query.get('offset') === '100';
		fake.forced = [
			{ status: 503, message: 'Service temporarily unavailable', when: secondPage },
			{ status: 503, message: 'Service temporarily unavailable', when: secondPage },
		];
		const { output, run } = await runNode('thuliumChat', chats({ returnAll: true }), credentials);
		expect(run.status).toBe('success');
		expect(fake.requests.map((r) => r.query.get('offset'))).toEqual(['0', '100', '100', '100']);
		expect(new Set(output[0].map((o) => o.json.conversation_id)).size).toBe(150);
	});

	it('survives random 503s (error rate) on a Return All', async () => {
		addChats(320);
		fake.seed(7);
		fake.errorRate = 0.3;
		const { output, run } = await runNode('thuliumChat', chats({ returnAll: true }), credentials);
		expect(run.status).toBe('success');
		expect(new Set(output[0].map((o) => o.json.conversation_id)).size).toBe(320);
		expect(fake.requests.filter((r) => r.query.get('offset') === '300').length).toBeGreaterThanOrEqual(1);
	});

	it('names the chat queue that was not found', async () => {
		// A 404 is "resource (URI or object id) not found" (https://api.thulium.com/docs/api/response_codes);
		// get_chats does not say it checks the queue, so the answer is forced here.
		fake.forced.push({ status: 404, message: 'Chat queue not found.' });
		const { error } = await runNode('thuliumChat', chats({ filters: { chatQueueId: { __rl: true, mode: 'list', value: '42' } } }), credentials);
		expect(error?.message).toBe('Chat queue 42 was not found: Chat queue not found. [item 0]');
	});

	it('explains a 403 on GET chats', async () => {
		fake.forbidden.add('GET chats');
		const { error } = await runNode('thuliumChat', chats(), credentials);
		expect(error?.message).toBe('The Thulium API user lacks permission for this method: Access denied to this method [item 0]');
	});
});

describe('Thulium Chat → Queue → Get Many', () => {
	it('lists the chat queues, one item each, and applies Limit', async () => {
		let result = await runNode('thuliumChat', { resource: 'queue', operation: 'getMany', returnAll: true }, credentials);
		expect(fake.requests[0].rawPath).toBe('/api/chats/queues');
		expect(result.output[0].map((o) => o.json)).toEqual(fake.queues);
		result = await runNode('thuliumChat', { resource: 'queue', operation: 'getMany', limit: 1 }, credentials);
		expect(result.output[0].map((o) => o.json)).toEqual([fake.queues[0]]);
	});

	it('explains a missing permission to list queues', async () => {
		fake.forbidden.add('GET queues');
		const { error } = await runNode('thuliumChat', { resource: 'queue', operation: 'getMany', returnAll: true }, credentials);
		expect(error?.message).toBe('The Thulium API user lacks permission for this method: Access denied to this method [item 0]');
		expect(error?.description).toMatch(/Administration → Users → API users/);
	});
});

describe('Thulium Chat → Report → Get Summary', () => {
	it('sends user_logins[] and chat_queue_ids[] in bracket form with the other parameters', async () => {
		addChats(4, '2024-12-20 10:00', (i) => ({ userLogin: i < 2 ? 'jkowalski' : 'anowak' }));
		const { output } = await runNode(
			'thuliumChat',
			summary({
				dateTo: '2024-12-20T23:59:59',
				returnAll: true,
				additionalFields: { userLogins: 'jkowalski, anowak', chatQueueIds: '3,1', aggregateBy: 'day', responseThreshold: 30, sumUsers: false },
			}),
			credentials,
		);
		const [req] = fake.requests;
		expect(req.rawPath).toBe('/api/chats/reports/summary');
		// On the wire: user_logins[]=jkowalski&user_logins[]=anowak (the fake answers 500 to plain user_logins=).
		expect(req.query.getAll('user_logins[]')).toEqual(['jkowalski', 'anowak']);
		expect(req.query.getAll('chat_queue_ids[]')).toEqual(['3', '1']);
		expect(req.query.has('user_logins')).toBe(false);
		expect(Object.fromEntries([...req.query].filter(([k]) => !k.endsWith('[]')))).toEqual({
			date_from: '2024-12-19',
			date_to: '2024-12-20 23:59:59',
			aggregate_by: 'day',
			response_threshold: '30',
			sum_users: 'false',
			limit: '100',
			offset: '0',
		});
		expect(output[0].map((o) => o.json)).toEqual([
			{ series: '2024-12-20', user_name: 'anowak', incoming: 2, answered: 2, abandoned: 0 },
			{ series: '2024-12-20', user_name: 'jkowalski', incoming: 2, answered: 2, abandoned: 0 },
		]);
	});

	it('Return All pages through the bare-array report until a short page', async () => {
		addChats(150);
		const { output } = await runNode('thuliumChat', summary({ dateTo: '2024-12-20 23:59:59', returnAll: true, additionalFields: { aggregateBy: 'minute', sumUsers: true } }), credentials);
		expect(output[0]).toHaveLength(150);
		expect(fake.requests.map((r) => [r.query.get('limit'), r.query.get('offset')])).toEqual([
			['100', '0'],
			['100', '100'],
		]);
		expect(output[0][0].json.series).toBe('2024-12-20 10:00');
	});

	it('sends a time with seconds, as the report documents', async () => {
		await runNode('thuliumChat', summary({ dateFrom: '2024-12-19 08:30', dateTo: '2024-12-19T17:00:00' }), credentials);
		expect(fake.requests[0].query.get('date_from')).toBe('2024-12-19 08:30:00');
		expect(fake.requests[0].query.get('date_to')).toBe('2024-12-19 17:00:00');
	});

	it('sums users when asked', async () => {
		addChats(4, '2024-12-20 10:00', (i) => ({ userLogin: i < 2 ? 'jkowalski' : 'anowak' }));
		const { output } = await runNode('thuliumChat', summary({ additionalFields: { sumUsers: true } }), credentials);
		expect(fake.requests[0].query.get('sum_users')).toBe('true');
		expect(output[0].map((o) => o.json)).toEqual([{ series: '2024-12', user_name: null, incoming: 4, answered: 4, abandoned: 0 }]);
	});

	it('requires both dates and valid queue IDs; nothing is sent otherwise', async () => {
		const cases: Array<[INodeParameters, string]> = [
			[summary({ dateFrom: '={{ "" }}' }), 'From is empty [item 0]'],
			[summary({ dateTo: '={{ null }}' }), 'To is empty [item 0]'],
			[summary({ additionalFields: { chatQueueIds: '3, x' } }), 'Chat Queue IDs must be a whole number, not "x" [item 0]'],
			[summary({ dateFrom: '2025-02-01', dateTo: '2025-01-01' }), 'From (2025-02-01) is later than To (2025-01-01) [item 0]'],
		];
		for (const [params, message] of cases) {
			const { error } = await runNode('thuliumChat', params, credentials);
			expect(error?.message).toBe(message);
		}
		expect(fake.requests).toHaveLength(0);
	});

	it('runs one report per item and pairs every row with its item', async () => {
		addChats(2, '2024-12-20 10:00');
		addChats(1, '2025-03-05 10:00');
		const { output } = await runNode('thuliumChat', summary({ dateFrom: '={{ $json.from }}', dateTo: '={{ $json.to }}' }), credentials, {
			input: items(2, (i) => (i === 0 ? { from: '2024-12-01', to: '2024-12-31' } : { from: '2025-03-01', to: '2025-03-31' })),
		});
		expect(output[0].map((o) => [o.json.series, o.json.incoming, o.pairedItem])).toEqual([
			['2024-12', 2, { item: 0 }],
			['2025-03', 1, { item: 1 }],
		]);
	});
});

describe('Thulium Chat: a conversation from start to delete', () => {
	it('starts, messages, stops, lists and deletes one conversation', async () => {
		const started = await runNode('thuliumChat', { resource: 'conversation', operation: 'start', chatQueueId: { __rl: true, mode: 'id', value: '1' } }, credentials);
		const id = started.output[0][0].json.conversation_id as string;
		await runNode('thuliumChat', conversationOp('sendMessage', id, { text: 'Order 123 has shipped' }), credentials);
		await runNode('thuliumChat', conversationOp('stop', id), credentials);

		const listed = await runNode('thuliumChat', chats({ filters: { chatQueueId: { __rl: true, mode: 'id', value: '1' } }, options: { includeMessages: true } }), credentials);
		expect(listed.output[0].map((o) => [o.json.conversation_id, o.json.status, o.json.messages])).toEqual([
			[id, 'CLOSED', [{ sent_by: 'customer', text: 'Order 123 has shipped' }]],
		]);

		await runNode('thuliumChat', conversationOp('delete', id), credentials);
		const after = await runNode('thuliumChat', chats({ returnAll: true }), credentials);
		expect(after.output[0]).toEqual([]);
		const stopAgain = await runNode('thuliumChat', conversationOp('stop', id), credentials);
		expect(stopAgain.error?.message).toBe(`Conversation "${id}" was not found: Chat conversation not found. [item 0]`);
	});
});

describe('Thulium Chat: secrets', () => {
	it('keeps the password out of outputs and errors of the new operations', async () => {
		fake.fail5xx = 10;
		const runs = [
			await runNode('thuliumChat', chats(), credentials),
			await runNode('thuliumChat', conversationOp('sendMessage', 'x', { text: 'hi' }), credentials),
			await runNode('thuliumChat', summary(), { thuliumApi: { ...credentials.thuliumApi, password: MISTYPED } }),
		];
		const basic = Buffer.from(`${fake.username}:${fake.password}`).toString('base64');
		for (const { serialized } of runs) {
			expect(serialized).not.toContain(fake.password);
			expect(serialized).not.toContain(MISTYPED);
			expect(serialized).not.toContain(basic);
		}
	});
});
