 
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
	messages: Array<{ text: string; sent_by: 'user' | 'customer' | 'bot'; content_deleted?: boolean; external_chatbot_id?: string }>;
	/** `YYYY-MM-DD HH:mm:ss.SSS`, Thulium's chat timestamp format. */
	createdAt: string;
	closedAt?: string;
	userLogin?: string;
	files?: Array<{ name: string }>;
	clientData?: Record<string, string>;
}

export interface WebhookDelivery {
	status: number;
	body: string;
}

/** An answer forced on the next request (after auth): for the documented error statuses. */
export interface ForcedAnswer {
	status: number;
	message?: string;
	headers?: Record<string, string>;
	/** Omit the error envelope (an empty or HTML body, as proxies send). */
	bare?: boolean;
	/** Only for requests this matches (default: the next request). */
	when?: (req: RecordedRequest) => boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHAT_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;
const REPORT_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;
const AGGREGATIONS = ['hour_of_day', 'minute', 'hour', 'day', 'week', 'month', 'year'];

/** Thulium's chat timestamp for a Date (UTC stands in for the system's local time). */
export function thuliumTimestamp(date: Date): string {
	return date.toISOString().replace('T', ' ').replace('Z', '');
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
	/** The next N requests get HTTP `fail5xxStatus` (after auth): a 5xx burst. */
	fail5xx = 0;
	fail5xxStatus = 500;
	/** Answers forced on the next requests, in order (after auth). */
	forced: ForcedAnswer[] = [];
	/** The next N requests are carried out, then the connection drops before the answer. */
	dropAnswers = 0;
	/** Conversation ids deleted through the API. */
	deletedConversations = new Set<string>();
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
	addConversation(chatQueueId = 3, extra: Partial<ThuliumConversation> = {}): ThuliumConversation {
		const conversation: ThuliumConversation = {
			id: randomUUID(),
			chatQueueId,
			client: { client_name: 'Andrzej Nowak', client_email: 'andrzej.nowak@company.bar' },
			status: 'ACTIVE',
			messages: [
				{ text: 'Hello, I need help', sent_by: 'customer' },
				{ text: 'Hi! How can I help?', sent_by: 'user' },
			],
			createdAt: thuliumTimestamp(new Date()),
			userLogin: 'jkowalski',
			files: [{ name: 'invoice.pdf' }],
			clientData: { browser: 'Firefox', ip: '192.0.2.10' },
			...extra,
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
		if (this.dropAnswers > 0 && req.segments[0] === 'api') {
			this.dropAnswers--;
			const drop = () => reply.reset();
			return await this.serve(req, Object.assign(Object.create(reply) as Reply, { json: drop, empty: drop, text: drop }));
		}
		return await this.serve(req, reply);
	}

	private async serve(req: RecordedRequest, reply: Reply): Promise<void> {
		const [api, ...rest] = req.segments;
		if (api !== 'api') return this.error(reply, 404, 'Resource not found', 404);

		const expected = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
		req.checks?.push(req.headers.authorization === expected ? 'Basic auth: user name and password match' : 'Basic auth: refused');
		if (req.headers.authorization !== expected) {
			return this.error(reply, 401, 'Authentication failed', 401);
		}
		if (this.fail5xx > 0) {
			this.fail5xx--;
			return this.error(reply, this.fail5xxStatus, 'Internal server error', this.fail5xxStatus);
		}
		const forcedAt = this.forced.findIndex((answer) => !answer.when || answer.when(req));
		const forced = forcedAt >= 0 ? this.forced.splice(forcedAt, 1)[0] : undefined;
		if (forced) {
			if (forced.bare) return reply.text(forced.status, '<html>error</html>', 'text/html');
			return reply.json(
				forced.status,
				{ request_id: `req${(++this.requestCounter).toString(16).padStart(8, '0')}`, errors: [{ message: forced.message ?? `HTTP ${forced.status}`, code: forced.status }] },
				forced.headers,
			);
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
			if (req.method === 'POST' && rest.length === 3 && rest[2] === 'message') {
				if (this.forbidden.has('POST message')) return this.error(reply, 403, 'Access denied to this method', 403);
				return this.message(rest[1], req, reply);
			}
			if (req.method === 'POST' && rest.length === 3 && rest[2] === 'stop') {
				if (this.forbidden.has('POST stop')) return this.error(reply, 403, 'Access denied to this method', 403);
				return this.stop_(rest[1], req, reply);
			}
			if (req.method === 'DELETE' && rest.length === 2) {
				if (this.forbidden.has('DELETE conversation')) return this.error(reply, 403, 'Access denied to this method', 403);
				return this.deleteConversation(rest[1], reply);
			}
		}
		if (req.method === 'GET' && rest.join('/') === 'chats/queues') {
			if (this.forbidden.has('GET queues')) return this.error(reply, 403, 'Access denied to this method', 403);
			return reply.json(200, this.queues);
		}
		if (req.method === 'GET' && rest.join('/') === 'chats') {
			if (this.forbidden.has('GET chats')) return this.error(reply, 403, 'Access denied to this method', 403);
			return this.listChats(req, reply);
		}
		if (req.method === 'GET' && rest.join('/') === 'chats/reports/summary') {
			if (this.forbidden.has('GET summary')) return this.error(reply, 403, 'Access denied to this method', 403);
			return this.summary(req, reply);
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
		const conversation: ThuliumConversation = {
			id: randomUUID(),
			chatQueueId,
			client,
			status: 'ACTIVE',
			messages: [],
			createdAt: thuliumTimestamp(new Date()),
		};
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

	private findConversation(id: string, reply: Reply): ThuliumConversation | undefined {
		const conversation = this.conversations.get(id);
		if (!conversation) this.error(reply, 404, 'Chat conversation not found.', 404);
		return conversation;
	}

	/** Reads a JSON object body with only the allowed fields; answers 400 otherwise. */
	private objectBody(req: RecordedRequest, reply: Reply, allowed: string[]): Record<string, unknown> | undefined {
		if (req.body === '') return {};
		if (req.jsonError || typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) {
			this.error(reply, 400, 'The request body must be a JSON object.', 110);
			return undefined;
		}
		const body = req.json as Record<string, unknown>;
		for (const key of Object.keys(body)) {
			if (!allowed.includes(key)) {
				this.error(reply, 400, `Unknown field ${key}.`, 111);
				return undefined;
			}
		}
		if (body.external_chatbot_id !== undefined && (typeof body.external_chatbot_id !== 'string' || !UUID.test(body.external_chatbot_id))) {
			this.error(reply, 400, 'Field external_chatbot_id must be a UUID.', 112);
			return undefined;
		}
		return body;
	}

	private message(id: string, req: RecordedRequest, reply: Reply): void {
		if (!String(req.headers['content-type'] ?? '').startsWith('application/json') && req.body !== '') {
			return this.error(reply, 400, 'Content-Type must be application/json.', 113);
		}
		const body = this.objectBody(req, reply, ['text', 'external_chatbot_id']);
		if (!body) return;
		if (body.text !== undefined && typeof body.text !== 'string') return this.error(reply, 400, 'Field text must be a string.', 114);
		const conversation = this.findConversation(id, reply);
		if (!conversation) return;
		// Undocumented: assumed to be refused like any change to a finished conversation.
		if (conversation.status === 'CLOSED') return this.error(reply, 400, 'Chat conversation is closed.', 115);
		conversation.messages.push({
			text: (body.text as string | undefined) ?? '',
			sent_by: body.external_chatbot_id ? 'bot' : 'customer',
			...(body.external_chatbot_id ? { external_chatbot_id: body.external_chatbot_id as string } : {}),
		});
		reply.empty(201);
	}

	private stop_(id: string, req: RecordedRequest, reply: Reply): void {
		const body = this.objectBody(req, reply, ['external_chatbot_id']);
		if (!body) return;
		const conversation = this.findConversation(id, reply);
		if (!conversation) return;
		if (conversation.status !== 'CLOSED') {
			conversation.status = 'CLOSED';
			conversation.closedAt = thuliumTimestamp(new Date());
		}
		reply.empty(200);
	}

	private deleteConversation(id: string, reply: Reply): void {
		if (!this.findConversation(id, reply)) return;
		this.conversations.delete(id);
		this.deletedConversations.add(id);
		reply.empty(204);
	}

	/** Checks the query keys: known names only, arrays only in bracket form (plain names → 500, as seen on real systems). */
	private checkQuery(req: RecordedRequest, reply: Reply, scalars: string[], arrays: string[]): boolean {
		for (const key of new Set(req.query.keys())) {
			if (arrays.includes(key)) {
				this.error(reply, 500, 'Internal server error', 500);
				return false;
			}
			const name = key.endsWith('[]') ? key.slice(0, -2) : key;
			if (key.endsWith('[]') ? !arrays.includes(name) : !scalars.includes(key)) {
				this.error(reply, 400, `Unknown parameter ${key}.`, 105);
				return false;
			}
			if (!key.endsWith('[]') && req.query.getAll(key).length > 1) {
				this.error(reply, 400, `Parameter ${key} given more than once.`, 116);
				return false;
			}
		}
		return true;
	}

	/** limit (default 100, capped at 100) and offset (default 0); undefined after answering 400. */
	private paging(req: RecordedRequest, reply: Reply): { limit: number; offset: number } | undefined {
		const limitText = req.query.get('limit') ?? '100';
		const offsetText = req.query.get('offset') ?? '0';
		if (!/^\d+$/.test(limitText) || Number(limitText) < 1) {
			this.error(reply, 400, 'Field limit must be a positive integer.', 120);
			return undefined;
		}
		if (!/^\d+$/.test(offsetText)) {
			this.error(reply, 400, 'Field offset must be a non-negative integer.', 121);
			return undefined;
		}
		return { limit: Math.min(100, Number(limitText)), offset: Number(offsetText) };
	}

	/** Conversations sorted by start, oldest first, within [date_from, date_to] (a date-only date_to covers its whole day). */
	private inRange(from: string | null, to: string | null): ThuliumConversation[] {
		return [...this.conversations.values()]
			.filter((c) => (from === null || c.createdAt >= from) && (to === null || c.createdAt.slice(0, to.length) <= to))
			.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
	}

	private listChats(req: RecordedRequest, reply: Reply): void {
		const booleans = ['include_messages', 'include_files', 'include_client_data'];
		if (!this.checkQuery(req, reply, ['limit', 'offset', 'date_from', 'date_to', 'status', 'chat_queue_id', ...booleans], [])) return;
		const page = this.paging(req, reply);
		if (!page) return;
		const from = req.query.get('date_from');
		const to = req.query.get('date_to');
		for (const [name, value] of [['date_from', from], ['date_to', to]] as const) {
			if (value !== null && !CHAT_DATE.test(value)) return this.error(reply, 400, `Field ${name} must be a date in format YYYY-MM-DD or YYYY-MM-DD HH:mm.`, 122);
		}
		for (const name of booleans) {
			const value = req.query.get(name);
			if (value !== null && value !== 'true' && value !== 'false') return this.error(reply, 400, `Field ${name} must be true or false.`, 123);
		}
		const queue = req.query.get('chat_queue_id');
		if (queue !== null && !/^\d+$/.test(queue)) return this.error(reply, 400, 'Field chat_queue_id must be an integer.', 102);
		if (queue !== null && !this.queues.some((q) => q.id === Number(queue))) return this.error(reply, 404, 'Chat queue not found.', 404);
		const status = req.query.get('status');
		const matches = this.inRange(from, to).filter(
			(c) => (queue === null || c.chatQueueId === Number(queue)) && (status === null || c.status === status),
		);
		const result = matches.slice(page.offset, page.offset + page.limit).map((c) => {
			const chat: Record<string, unknown> = {
				chat_queue_id: c.chatQueueId,
				client_email: c.client.client_email ?? null,
				client_name: [c.client.client_name, c.client.client_surname].filter(Boolean).join(' ') || null,
				customer_id: c.client.customer_id !== undefined ? Number(c.client.customer_id) : null,
				conversation_id: c.id,
				created_at: c.createdAt,
				closed_at: c.closedAt ?? null,
				status: c.status,
				user_login: c.userLogin ?? null,
			};
			if (req.query.get('include_messages') === 'true') chat.messages = c.messages.map((m) => ({ sent_by: m.sent_by, text: m.text }));
			if (req.query.get('include_files') === 'true') chat.files = c.files ?? [];
			if (req.query.get('include_client_data') === 'true') chat.client_data = c.clientData ?? {};
			return chat;
		});
		reply.json(200, { count: matches.length, result });
	}

	private summary(req: RecordedRequest, reply: Reply): void {
		const scalars = ['limit', 'offset', 'date_from', 'date_to', 'sum_users', 'aggregate_by', 'response_threshold'];
		if (!this.checkQuery(req, reply, scalars, ['user_logins', 'chat_queue_ids'])) return;
		const page = this.paging(req, reply);
		if (!page) return;
		const from = req.query.get('date_from');
		const to = req.query.get('date_to');
		for (const [name, value] of [['date_from', from], ['date_to', to]] as const) {
			if (value === null || value === '') return this.error(reply, 400, `Field ${name} is required.`, 130);
			if (!REPORT_DATE.test(value)) return this.error(reply, 400, `Field ${name} must be a date in format YYYY-MM-DD or YYYY-MM-DD HH:mm:ss.`, 131);
		}
		const aggregate = req.query.get('aggregate_by') ?? 'month';
		if (!AGGREGATIONS.includes(aggregate)) return this.error(reply, 400, `Field aggregate_by must be one of: ${AGGREGATIONS.join(', ')}.`, 132);
		const sumUsers = req.query.get('sum_users');
		if (sumUsers !== null && sumUsers !== 'true' && sumUsers !== 'false') return this.error(reply, 400, 'Field sum_users must be true or false.', 133);
		const threshold = req.query.get('response_threshold');
		if (threshold !== null && !/^\d+$/.test(threshold)) return this.error(reply, 400, 'Field response_threshold must be an integer.', 134);
		const queueIds = req.query.getAll('chat_queue_ids[]');
		if (queueIds.some((id) => !/^\d+$/.test(id))) return this.error(reply, 400, 'Field chat_queue_ids must contain integers.', 135);
		const logins = req.query.getAll('user_logins[]');
		const series = (createdAt: string): string => {
			switch (aggregate) {
				case 'minute':
					return createdAt.slice(0, 16);
				case 'hour':
					return createdAt.slice(0, 13);
				case 'hour_of_day':
					return createdAt.slice(11, 13);
				case 'day':
					return createdAt.slice(0, 10);
				case 'week': {
					const day = new Date(`${createdAt.slice(0, 10)}T00:00:00Z`);
					day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
					return day.toISOString().slice(0, 10);
				}
				case 'year':
					return createdAt.slice(0, 4);
				default:
					return createdAt.slice(0, 7);
			}
		};
		const rows = new Map<string, Record<string, unknown>>();
		for (const c of this.inRange(from, to)) {
			if (queueIds.length > 0 && !queueIds.includes(String(c.chatQueueId))) continue;
			if (logins.length > 0 && !logins.includes(c.userLogin ?? '')) continue;
			const user = sumUsers === 'true' ? null : (c.userLogin ?? null);
			const key = `${series(c.createdAt)}|${user ?? ''}`;
			const row = rows.get(key) ?? { series: series(c.createdAt), user_name: user, incoming: 0, answered: 0, abandoned: 0 };
			row.incoming = (row.incoming as number) + 1;
			if (c.userLogin) row.answered = (row.answered as number) + 1;
			else row.abandoned = (row.abandoned as number) + 1;
			rows.set(key, row);
		}
		const all = [...rows.values()].sort((a, b) => String(a.series).localeCompare(String(b.series)) || String(a.user_name).localeCompare(String(b.user_name)));
		reply.json(200, all.slice(page.offset, page.offset + page.limit));
	}

	/**
	 * Sends a webhook as Thulium does: POST with the flat event, JSON or form-encoded, with HTTP
	 * Basic auth when configured.
	 */
	async deliverWebhook(
		url: string,
		event: Record<string, string | number>,
		options: { encoding?: 'json' | 'form'; auth?: { user: string; password: string } } = {},
	): Promise<WebhookDelivery> {
		const headers: Record<string, string> = {};
		let body: string;
		if (options.encoding === 'form') {
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams(Object.entries(event).map(([k, v]): [string, string] => [k, String(v)])).toString();
		} else {
			headers['Content-Type'] = 'application/json';
			body = JSON.stringify(event);
		}
		if (options.auth) headers.Authorization = `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`;
		const response = await fetch(url, { method: 'POST', headers, body });
		return { status: response.status, body: await response.text() };
	}
}
