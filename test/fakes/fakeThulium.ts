/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
// A fake Thulium system behaving as https://api.thulium.com/docs/api documents it: HTTP Basic auth
// for an API user, per-method permissions (403), the error envelope
// {"request_id", "errors": [{"message", "code"}]}, parameters in the query string for start.
import { randomUUID } from 'node:crypto';

import type { RecordedRequest, Reply } from './fakeServer';
import { FakeServer, seededRandom } from './fakeServer';

export interface ThuliumConversation {
	id: string;
	chatQueueId: number;
	client: Record<string, string | number>;
	status: 'ACTIVE' | 'CLOSED';
	messages: Array<{ text: string; sent_by: 'user' | 'customer' | 'bot'; content_deleted?: boolean }>;
}

export class FakeThulium {
	readonly server: FakeServer;
	username = 'api_user';
	password = 'api-pass-S3cret!';
	queues = [
		{ id: 1, name: 'Sales' },
		{ id: 3, name: 'Support' },
	];
	conversations = new Map<string, ThuliumConversation>();
	/** Methods the API user may not call, as "METHOD /path-pattern" keys (e.g. "POST start"). */
	forbidden = new Set<string>();
	/** The next N requests get HTTP 500 (after auth). */
	fail5xx = 0;
	/** Chooses an injected HTTP error status per request (after auth); undefined lets it through. */
	injectFault?: (req: RecordedRequest) => number | undefined;
	/** Share of requests answered with 503 (seeded, reproducible). */
	errorRate = 0;
	private random = seededRandom(42);
	private requestCounter = 0;

	constructor() {
		this.server = new FakeServer((req, reply) => this.handle(req, reply));
	}

	get requests(): RecordedRequest[] {
		return this.server.requests;
	}

	async start(): Promise<string> {
		return await this.server.start();
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	/** Adds a conversation directly (as if a client had started it on the website). */
	addConversation(chatQueueId = 3): ThuliumConversation {
		const conversation: ThuliumConversation = {
			id: randomUUID(),
			chatQueueId,
			client: {},
			status: 'ACTIVE',
			messages: [
				{ text: 'Hello, I need help', sent_by: 'customer' },
				{ text: 'Hi! How can I help?', sent_by: 'user' },
			],
		};
		this.conversations.set(conversation.id, conversation);
		return conversation;
	}

	seed(seed: number): void {
		this.random = seededRandom(seed);
	}

	private error(reply: Reply, status: number, message: string, code: number): void {
		reply.json(status, { request_id: `req${(++this.requestCounter).toString(16).padStart(8, '0')}`, errors: [{ message, code }] });
	}

	private async handle(req: RecordedRequest, reply: Reply): Promise<void> {
		const [api, ...rest] = req.segments;
		if (api !== 'api') return this.error(reply, 404, 'Resource not found', 404);

		const expected = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
		if (req.headers.authorization !== expected) {
			return this.error(reply, 401, 'Authentication failed', 401);
		}
		if (this.fail5xx > 0) {
			this.fail5xx--;
			return this.error(reply, 500, 'Internal server error', 500);
		}
		const injected = this.injectFault?.(req);
		if (injected !== undefined) return this.error(reply, injected, injected === 429 ? 'Too many requests' : 'Injected error', injected);
		if (this.errorRate > 0 && this.random() < this.errorRate) {
			return this.error(reply, 503, 'Service temporarily unavailable', 503);
		}

		const route = `${req.method} ${rest.length > 0 && rest[0] === 'chat_conversations' ? 'chat_conversations' : rest.join('/')}`;
		// chat_conversations routes
		if (rest[0] === 'chat_conversations') {
			if (req.method === 'POST' && rest.length === 2 && rest[1] === 'start') {
				if (this.forbidden.has('POST start')) return this.error(reply, 403, 'Access denied to this method', 403);
				return this.start_(req, reply);
			}
			if (req.method === 'DELETE' && rest.length === 4 && rest[1] === 'content') {
				if (this.forbidden.has('DELETE content')) return this.error(reply, 403, 'Access denied to this method', 403);
				return this.deleteContent(rest[2], rest[3], reply);
			}
		}
		if (req.method === 'GET' && rest.join('/') === 'chats/queues') {
			if (this.forbidden.has('GET queues')) return this.error(reply, 403, 'Access denied to this method', 403);
			return reply.json(200, this.queues);
		}
		return this.error(reply, 404, `Resource not found: ${route}`, 404);
	}

	private start_(req: RecordedRequest, reply: Reply): void {
		if (req.body !== '') return this.error(reply, 400, 'The request body must be empty; send parameters in the query string', 100);
		const queueText = req.query.get('chat_queue_id');
		if (queueText === null || queueText === '') return this.error(reply, 400, 'Field chat_queue_id is required.', 101);
		if (!/^\d+$/.test(queueText)) return this.error(reply, 400, 'Field chat_queue_id must be an integer.', 102);
		const chatQueueId = Number(queueText);
		if (!this.queues.some((q) => q.id === chatQueueId)) return this.error(reply, 404, 'Chat queue not found.', 404);
		const customer = req.query.get('customer_id');
		if (customer !== null && !/^\d+$/.test(customer)) return this.error(reply, 400, 'Field customer_id must be an integer.', 103);
		const email = req.query.get('client_email');
		if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return this.error(reply, 400, 'Wrong format of e-mail address.', 104);
		const known = new Set(['chat_queue_id', 'client_name', 'client_surname', 'client_email', 'client_id', 'customer_id']);
		for (const key of req.query.keys()) {
			if (!known.has(key)) return this.error(reply, 400, `Unknown parameter ${key}.`, 105);
		}
		const client: Record<string, string | number> = {};
		for (const key of known) if (key !== 'chat_queue_id' && req.query.has(key)) client[key] = req.query.get(key)!;
		const conversation: ThuliumConversation = { id: randomUUID(), chatQueueId, client, status: 'ACTIVE', messages: [] };
		this.conversations.set(conversation.id, conversation);
		reply.json(201, { conversation_id: conversation.id });
	}

	private deleteContent(id: string, participant: string, reply: Reply): void {
		if (!['user', 'customer', 'both'].includes(participant)) {
			return this.error(reply, 400, 'Participant must be one of: user, customer, both.', 106);
		}
		const conversation = this.conversations.get(id);
		if (!conversation) return this.error(reply, 404, 'Chat conversation not found.', 404);
		for (const message of conversation.messages) {
			const side = message.sent_by === 'customer' ? 'customer' : 'user';
			if (participant === 'both' || participant === side) {
				message.text = '';
				message.content_deleted = true;
			}
		}
		reply.empty(204);
	}
}
