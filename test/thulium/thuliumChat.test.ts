 
import type { INodeParameters } from 'n8n-workflow';

import { FakeThulium } from '../fakes/fakeThulium';
import { items, runNode } from '../helpers/engine';

const fake = new FakeThulium();
const MISTYPED = 'wrong-password-123';
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
	fake.errorRate = 0;
});

const start = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'conversation',
	operation: 'start',
	chatQueueId: { __rl: true, mode: 'id', value: '3' },
	...extra,
});
const deleteContent = (conversationId: string, participant = 'both', extra: INodeParameters = {}): INodeParameters => ({
	resource: 'conversation',
	operation: 'deleteContent',
	conversationId,
	participant,
	...extra,
});

describe('Thulium Chat → Conversation → Start', () => {
	it('sends the documented request: POST with the parameters in the query string and Basic auth', async () => {
		const { output, run } = await runNode(
			'thuliumChat',
			start({
				additionalFields: {
					clientName: 'Jan',
					clientSurname: 'Kowalski',
					clientEmail: 'jan.kowalski@example.org',
					clientId: '1234',
					customerId: 7,
				},
			}),
			credentials,
		);
		expect(run.status).toBe('success');
		expect(fake.requests).toHaveLength(1);
		const [req] = fake.requests;
		expect(req.method).toBe('POST');
		expect(req.rawPath).toBe('/api/chat_conversations/start');
		expect(Object.fromEntries(req.query)).toEqual({
			chat_queue_id: '3',
			client_name: 'Jan',
			client_surname: 'Kowalski',
			client_email: 'jan.kowalski@example.org',
			client_id: '1234',
			customer_id: '7',
		});
		expect(req.body).toBe('');
		expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${fake.username}:${fake.password}`).toString('base64')}`);
		const id = output[0][0].json.conversation_id as string;
		expect(fake.conversations.get(id)?.chatQueueId).toBe(3);
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('takes the queue from the "From list" mode and expressions per item', async () => {
		const { output } = await runNode(
			'thuliumChat',
			start({
				chatQueueId: { __rl: true, mode: 'list', value: '={{ $json.queue }}' },
				additionalFields: { clientEmail: '={{ $json.email }}' },
			}),
			credentials,
			{ input: items(3, (i) => ({ queue: i % 2 === 0 ? 1 : 3, email: `client${i}@example.org` })) },
		);
		expect(fake.requests.map((r) => r.query.get('chat_queue_id'))).toEqual(['1', '3', '1']);
		expect(fake.requests.map((r) => r.query.get('client_email'))).toEqual(['client0@example.org', 'client1@example.org', 'client2@example.org']);
		expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('refuses bad input before sending anything', async () => {
		for (const params of [
			start({ chatQueueId: { __rl: true, mode: 'id', value: '={{ "abc" }}' } }),
			start({ chatQueueId: { __rl: true, mode: 'id', value: '={{ null }}' } }),
			start({ additionalFields: { clientEmail: 'not-an-address' } }),
		]) {
			const { run, error } = await runNode('thuliumChat', params, credentials);
			expect(run.status).toBe('error');
			expect(error?.message).toMatch(/\[item 0\]$/);
		}
		expect(fake.requests).toHaveLength(0);
	});

	it('fails the whole node on a bad item without sending the good ones', async () => {
		const { run, error } = await runNode(
			'thuliumChat',
			start({ chatQueueId: { __rl: true, mode: 'id', value: '={{ $json.queue }}' } }),
			credentials,
			{ input: items(3, (i) => ({ queue: i === 2 ? 'x' : 3 })) },
		);
		expect(run.status).toBe('error');
		expect(error?.message).toBe('Chat Queue must be a whole number, not "x" [item 2]');
		expect(fake.requests).toHaveLength(0);
	});

	it('reports an unknown queue as not found, with the request id', async () => {
		const { error } = await runNode('thuliumChat', start({ chatQueueId: { __rl: true, mode: 'id', value: '99' } }), credentials);
		expect(error?.message).toBe('Chat queue 99 was not found: Chat queue not found. [item 0]');
		expect(error?.description).toMatch(/Request ID: req[0-9a-f]{8}/);
	});

	it('never repeats a start after a 500: the conversation may exist already', async () => {
		fake.fail5xx = 1;
		const { error } = await runNode('thuliumChat', start(), credentials);
		expect(error?.message).toBe('Internal server error; the conversation may have been started [item 0]');
		expect(fake.requests).toHaveLength(1);
	});
});

describe('Thulium Chat → Conversation → Delete Content', () => {
	it('sends DELETE content/{id}/{participant} and outputs { deleted: true }', async () => {
		const conversation = fake.addConversation();
		for (const participant of ['user', 'customer', 'both']) {
			fake.server.reset();
			const { output } = await runNode('thuliumChat', deleteContent(conversation.id, participant), credentials);
			expect(fake.requests[0].method).toBe('DELETE');
			expect(fake.requests[0].rawPath).toBe(`/api/chat_conversations/content/${conversation.id}/${participant}`);
			expect(output[0]).toEqual([{ json: { deleted: true, conversationId: conversation.id, participant }, pairedItem: { item: 0 } }]);
		}
		expect(fake.conversations.get(conversation.id)?.messages.every((m) => m.content_deleted)).toBe(true);
	});

	it('deletes only the chosen side', async () => {
		const conversation = fake.addConversation();
		await runNode('thuliumChat', deleteContent(conversation.id, 'customer'), credentials);
		expect(conversation.messages.map((m) => [m.sent_by, m.text])).toEqual([
			['customer', ''],
			['user', 'Hi! How can I help?'],
		]);
	});

	it('keeps a hostile ID inside its path segment', async () => {
		for (const id of ['../x', 'a/b?c=d#e', '%2e%2e', 'ü 😀', '..x']) {
			fake.server.reset();
			await runNode('thuliumChat', deleteContent(id), credentials);
			expect(fake.requests).toHaveLength(1);
			expect(fake.requests[0].segments).toEqual(['api', 'chat_conversations', 'content', id, 'both']);
		}
	});

	it('retries a 500 on delete (idempotent) and succeeds', async () => {
		const conversation = fake.addConversation();
		fake.fail5xx = 2;
		const { output, run } = await runNode('thuliumChat', deleteContent(conversation.id), credentials);
		expect(run.status).toBe('success');
		expect(output[0][0].json.deleted).toBe(true);
		expect(fake.requests).toHaveLength(3);
	});

	it('explains 401, 403 and 404', async () => {
		const conversation = fake.addConversation();
		const wrong = { thuliumApi: { ...credentials.thuliumApi, password: 'wrong' } };
		let result = await runNode('thuliumChat', deleteContent(conversation.id), wrong);
		expect(result.error?.message).toBe('Thulium did not accept the API user name or password: Authentication failed [item 0]');
		expect(result.error?.description).toMatch(/API users/);

		fake.forbidden.add('DELETE content');
		result = await runNode('thuliumChat', deleteContent(conversation.id), credentials);
		expect(result.error?.message).toMatch(/^The Thulium API user lacks permission for this method/);
		expect(result.error?.description).toMatch(/Permissions/);
		fake.forbidden.clear();

		result = await runNode('thuliumChat', deleteContent('00000000-0000-0000-0000-000000000000'), credentials);
		expect(result.error?.message).toBe('Conversation "00000000-0000-0000-0000-000000000000" was not found: Chat conversation not found. [item 0]');
	});

	it('refuses "." and ".." as IDs: no encoding keeps them inside a URL path', async () => {
		for (const id of ['.', '..', ' .. ']) {
			const { error } = await runNode('thuliumChat', deleteContent(id), credentials);
			expect(error?.message).toMatch(/^Conversation ID "\.{1,2}" is not a valid ID \[item 0\]$/);
		}
		expect(fake.requests).toHaveLength(0);
	});

	it('with Continue On Fail (error output) gives one item per input, routed by outcome', async () => {
		const good = fake.addConversation();
		const { output, run } = await runNode('thuliumChat', deleteContent('={{ $json.id }}'), credentials, {
			onError: 'continueErrorOutput',
			input: [{ json: { id: good.id } }, { json: { id: 'missing' } }, { json: { id: '' } }, { json: { id: good.id } }],
		});
		expect(run.status).toBe('success');
		expect(output[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(output[1].map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(Object.keys(output[1][0].json)).toEqual(['error']);
		expect(output[1][0].error?.description).toMatch(/Request ID: req/);
		expect(output[1][1].json.error).toBe('Conversation ID is empty [item 2]');
		expect(fake.requests).toHaveLength(3); // the empty ID was never sent
	});

	it('with Continue On Fail (regular output) keeps input order', async () => {
		const good = fake.addConversation();
		const { output } = await runNode('thuliumChat', deleteContent('={{ $json.id }}'), credentials, {
			onError: 'continueRegularOutput',
			input: [{ json: { id: 'missing' } }, { json: { id: good.id } }],
		});
		expect(output[0].map((i) => Object.keys(i.json)[0])).toEqual(['error', 'deleted']);
	});

	it('bounds concurrency and keeps output order', async () => {
		fake.server.latencyMs = 40;
		const ids = Array.from({ length: 24 }, () => fake.addConversation().id);
		const { output } = await runNode(
			'thuliumChat',
			deleteContent('={{ $json.id }}', 'both', { options: { maxConcurrentRequests: 4, requestsPerSecond: 100 } }),
			credentials,
			{ input: ids.map((id) => ({ json: { id } })) },
		);
		expect(fake.server.maxInFlight).toBe(4);
		expect(output[0].map((i) => i.json.conversationId)).toEqual(ids);
		expect(output[0].map((i) => i.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	});

	it('stops promptly when the execution is cancelled', async () => {
		fake.server.latencyMs = 50;
		const ids = Array.from({ length: 200 }, () => fake.addConversation().id);
		const started = Date.now();
		const { run } = await runNode(
			'thuliumChat',
			deleteContent('={{ $json.id }}', 'both', { options: { maxConcurrentRequests: 2, requestsPerSecond: 20 } }),
			credentials,
			{ input: ids.map((id) => ({ json: { id } })), cancelAfterMs: 300 },
		);
		expect(Date.now() - started).toBeLessThan(2000);
		expect(run.status).not.toBe('success');
		expect(fake.requests.length).toBeLessThan(20);
	});
});

describe('Thulium credentials', () => {
	it('refuses plain http:// to another host, naming the fix', async () => {
		const { error } = await runNode('thuliumChat', deleteContent('x'), {
			thuliumApi: { ...credentials.thuliumApi, baseUrl: 'http://example.com' },
		});
		expect(error?.message).toMatch(/plain http:\/\/ for "example.com". Use https:\/\//);
		expect(fake.requests).toHaveLength(0);
	});

	it('keeps the password and the Basic header out of every output and error', async () => {
		const conversation = fake.addConversation();
		fake.fail5xx = 5;
		const runs = [
			await runNode('thuliumChat', deleteContent(conversation.id), credentials),
			await runNode('thuliumChat', start(), { thuliumApi: { ...credentials.thuliumApi, password: MISTYPED } }),
			await runNode('thuliumChat', deleteContent('missing'), credentials, { onError: 'continueRegularOutput' }),
		];
		const basic = Buffer.from(`${fake.username}:${fake.password}`).toString('base64');
		for (const { serialized } of runs) {
			expect(serialized).not.toContain(fake.password);
			expect(serialized).not.toContain(MISTYPED);
			expect(serialized).not.toContain(basic);
		}
	});
});
