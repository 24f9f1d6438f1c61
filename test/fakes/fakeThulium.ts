// A fake Thulium system behaving as https://api.thulium.com/docs/api documents it. Every rule cites
// the page that states it; what the pages leave open (types of parameters, codes in error bodies,
// whether a request body is accepted where the page shows none) is not enforced.
// - Authentication: https://api.thulium.com/docs/api/authentication (HTTP Basic, API user)
// - Permissions per method (403): https://support.thulium.com/en/show/103
// - Status codes: https://api.thulium.com/docs/api/response_codes (POST 201, DELETE 204, 400
//   validation, 401, 403, 404, 410, 500)
// - Error body {"request_id", "errors": [{"message", "code"}]}: https://api.thulium.com/docs/api/error_handling
// - Endpoints: https://api.thulium.com/docs/api/printer and the pages cited at each handler.
import { randomUUID } from 'node:crypto';

import type { RecordedRequest, Reply } from './fakeServer';
import { FakeServer, seededRandom } from './fakeServer';
import { FakeThuliumCrm } from './fakeThuliumCrm';

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
	/**
	 * Chooses an HTTP error (500 to 599) answered after the request was carried out (a message
	 * stored, a conversation started): the caller cannot tell that it took effect.
	 */
	failAfterProcessing?: (req: RecordedRequest) => number | undefined;
	/** Conversation ids deleted through the API. */
	deletedConversations = new Set<string>();
	/** Chooses an injected HTTP error status per request (after auth); undefined lets it through. */
	injectFault?: (req: RecordedRequest) => number | undefined;
	/** Share of requests answered with 503 (seeded, reproducible). */
	errorRate = 0;
	/** CRM customers, tickets, agents and webhooks (fakeThuliumCrm.ts). */
	readonly crm = new FakeThuliumCrm((reply, status, message, code) => this.error(reply, status, message, code));
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
		const failAfter = this.failAfterProcessing;
		if (failAfter && req.segments[0] === 'api') {
			// Asked only once the request was carried out (a success status): the error replaces it.
			const instead = (status: number) => {
				const after = status >= 200 && status < 300 ? failAfter(req) : undefined;
				if (after === undefined) return false;
				this.error(reply, after, 'Internal server error', after);
				return true;
			};
			const wrapped = Object.assign(Object.create(reply) as Reply, {
				json: (status: number, body: unknown, headers?: Record<string, string>) => instead(status) || reply.json(status, body, headers),
				empty: (status = 204, headers?: Record<string, string>) => instead(status) || reply.empty(status, headers),
				text: (status: number, text: string, type?: string) => instead(status) || reply.text(status, text, type),
			});
			return await this.serve(req, wrapped);
		}
		return await this.serve(req, reply);
	}

	private async serve(req: RecordedRequest, reply: Reply): Promise<void> {
		const [api, ...rest] = req.segments;
		if (api !== 'api') return this.error(reply, 404, 'Resource not found', 404);

		// HTTP Basic with the API user's login and password; 401 "authentication failed"
		// (https://api.thulium.com/docs/api/authentication, https://api.thulium.com/docs/api/response_codes).
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
		// The eight chat endpoints of https://api.thulium.com/docs/api/printer; a method the API user
		// may not call answers 403 (https://support.thulium.com/en/show/103); anything else 404.
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
		if (this.crm.handle(req, rest, reply, (r, a) => this.objectBody(r, a), this.forbidden)) return;
		return this.error(reply, 404, `Resource not found: ${route}`, 404);
	}

	/**
	 * POST chat_conversations/start (https://api.thulium.com/docs/api/chats/post_chat_conversations_start):
	 * parameters in the query string; chat_queue_id required (400 when missing, per response_codes);
	 * an unknown queue is a missing object (404). The other parameters are optional and their types
	 * are not stated, so they are taken as given. Success: 201 with {"conversation_id": "<uuid>"}.
	 */
	private start_(req: RecordedRequest, reply: Reply): void {
		const queueText = req.query.get('chat_queue_id');
		if (queueText === null || queueText === '') return this.error(reply, 400, 'Field chat_queue_id is required.', 101);
		const chatQueueId = Number(queueText);
		if (!this.queues.some((q) => String(q.id) === queueText)) return this.error(reply, 404, 'Chat queue not found.', 404);
		const client: Record<string, string | number> = {};
		for (const key of ['client_name', 'client_surname', 'client_email', 'client_id', 'customer_id']) if (req.query.has(key)) client[key] = req.query.get(key)!;
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

	/**
	 * DELETE chat_conversations/content/:id/:participant
	 * (https://api.thulium.com/docs/api/chats/delete_chat_conversations_content_id_participant):
	 * participant user, customer or both (400 otherwise); unknown conversation 404; 204, empty.
	 */
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

	/** A JSON object body (the pages send one); an unparseable body is a validation error (400). */
	private objectBody(req: RecordedRequest, reply: Reply): Record<string, unknown> | undefined {
		if (req.body === '') return {};
		if (req.jsonError || typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) {
			this.error(reply, 400, 'The request body must be a JSON object.', 110);
			return undefined;
		}
		return req.json as Record<string, unknown>;
	}

	/**
	 * POST chat_conversations/:id/message (https://api.thulium.com/docs/api/chats/post_chat_conversations_id_message):
	 * JSON body {text, external_chatbot_id}, both optional; unknown conversation 404; empty answer,
	 * 201 for a POST (response_codes). Thulium documents no key to recognise a repeated message: every
	 * request that arrives adds a message.
	 */
	private message(id: string, req: RecordedRequest, reply: Reply): void {
		const body = this.objectBody(req, reply);
		if (!body) return;
		const conversation = this.findConversation(id, reply);
		if (!conversation) return;
		conversation.messages.push({
			text: typeof body.text === 'string' ? body.text : '',
			sent_by: body.external_chatbot_id ? 'bot' : 'customer',
			...(body.external_chatbot_id ? { external_chatbot_id: String(body.external_chatbot_id) } : {}),
		});
		reply.empty(201);
	}

	/**
	 * POST chat_conversations/:id/stop (https://api.thulium.com/docs/api/chats/post_chat_conversations_id_stop):
	 * optional external_chatbot_id; unknown conversation 404; empty answer.
	 */
	private stop_(id: string, req: RecordedRequest, reply: Reply): void {
		const body = this.objectBody(req, reply);
		if (!body) return;
		const conversation = this.findConversation(id, reply);
		if (!conversation) return;
		if (conversation.status !== 'CLOSED') {
			conversation.status = 'CLOSED';
			conversation.closedAt = thuliumTimestamp(new Date());
		}
		reply.empty(200);
	}

	/**
	 * DELETE chat_conversations/:id: only the index line of https://api.thulium.com/docs/api/printer
	 * is public; 404 for an unknown id and 204 for a DELETE as response_codes states.
	 */
	private deleteConversation(id: string, reply: Reply): void {
		if (!this.findConversation(id, reply)) return;
		this.conversations.delete(id);
		this.deletedConversations.add(id);
		reply.empty(204);
	}

	/**
	 * Array parameters are sent in PHP bracket form, name[]=a&name[]=b, as every page's example does
	 * (https://api.thulium.com/docs/api/chats/get_chats_reports_summary); the plain name was seen to
	 * answer 500 on real systems (reference §12), so it does here.
	 */
	private checkArrays(req: RecordedRequest, reply: Reply, arrays: string[]): boolean {
		for (const key of new Set(req.query.keys())) {
			if (arrays.includes(key)) {
				this.error(reply, 500, 'Internal server error', 500);
				return false;
			}
		}
		return true;
	}

	/** limit (default 100, at most 100) and offset (default 0) (https://api.thulium.com/docs/api/chats/get_chats). */
	private paging(req: RecordedRequest): { limit: number; offset: number } {
		const limit = Number(req.query.get('limit') ?? '100');
		const offset = Number(req.query.get('offset') ?? '0');
		return {
			limit: Number.isInteger(limit) && limit > 0 ? Math.min(100, limit) : 100,
			offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
		};
	}

	/** Conversations sorted by start, oldest first, within [date_from, date_to] (a date-only date_to covers its whole day). */
	private inRange(from: string | null, to: string | null): ThuliumConversation[] {
		return [...this.conversations.values()]
			.filter((c) => (from === null || c.createdAt >= from) && (to === null || c.createdAt.slice(0, to.length) <= to))
			.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
	}

	/**
	 * GET chats (https://api.thulium.com/docs/api/chats/get_chats): limit/offset paging; date_from and
	 * date_to as YYYY-MM-DD or YYYY-MM-DD HH:mm (a validation error, 400, otherwise); include_* flags
	 * "true"/"false"; filters status and chat_queue_id; answer {count: total ignoring limit, result}.
	 */
	private listChats(req: RecordedRequest, reply: Reply): void {
		const booleans = ['include_messages', 'include_files', 'include_client_data'];
		const page = this.paging(req);
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
		const status = req.query.get('status');
		const matches = this.inRange(from, to).filter(
			(c) => (queue === null || String(c.chatQueueId) === queue) && (status === null || c.status === status),
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

	/**
	 * GET chats/reports/summary (https://api.thulium.com/docs/api/chats/get_chats_reports_summary):
	 * date_from and date_to required (YYYY-MM-DD or YYYY-MM-DD HH:mm:ss); aggregate_by one of
	 * hour_of_day, minute, hour, day, week, month, year (default month); sum_users "true"/"false";
	 * response_threshold in seconds; user_logins[] and chat_queue_ids[] bracket arrays; a bare array
	 * of rows.
	 */
	private summary(req: RecordedRequest, reply: Reply): void {
		if (!this.checkArrays(req, reply, ['user_logins', 'chat_queue_ids'])) return;
		const page = this.paging(req);
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
