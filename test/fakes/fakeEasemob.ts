/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// A fake Easemob IM REST server behaving as doc.easemob.com documents it: app tokens from
// POST /{org}/{app}/token with expires_in, Bearer checks with the documented 401 bodies, the error
// envelope {error, exception, timestamp, duration, error_description}, the per-endpoint
// validation messages, and the documented rate limits (429 "This request has reached api limit").
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';

import type { RecordedRequest, Reply } from './fakeServer';
import { FakeServer, WindowCounter } from './fakeServer';

interface IssuedToken {
	app: string;
	expiresAt: number;
}

export interface FakeMessage {
	id: string;
	from: string;
	to: string;
	chatType: 'chat' | 'groupchat';
	type: string;
	body: Record<string, unknown>;
	ext?: Record<string, unknown>;
	recalled?: boolean;
}

export class FakeEasemob {
	readonly server: FakeServer;
	orgName = 'fake-org';
	/** Apps of the org; tests use a fresh app when they count token requests. */
	readonly apps = new Set(['fake-app']);
	clientId = 'YXA6fakeClientIdAbc';
	/** The app's ClientSecret (built at run time so it is plainly test data). */
	clientSecret = ['YXA6fake', 'client', 'value', 'xyz'].join('-');
	/** expires_in (seconds) of new tokens. */
	tokenTtlSeconds = 5_184_000;
	readonly tokens = new Map<string, IssuedToken>();
	tokenRequests = 0;
	/** Users per app (lower-case username → user). */
	readonly users = new Map<string, Map<string, Record<string, unknown>>>();
	/** Conversations per app and user: "app\nuser" → set of "type:channel". */
	readonly conversations = new Map<string, Set<string>>();
	readonly groups = new Set(['g1', 'g2', 'g3', 'g4']);
	readonly messages = new Map<string, FakeMessage>();
	/** Deliveries per message content key (from/to/type/body), to prove nothing is sent twice. */
	readonly deliveries = new Map<string, number>();
	/** Rate limits: 100 calls a second per app, 5 user_channel deletions a minute per user. */
	readonly appLimit = new WindowCounter(100, 1000);
	readonly userChannelLimit = new WindowCounter(5, 60_000);
	/** Faults, each for the next N matching requests (after auth). */
	fail5xx = 0;
	/** Answer 5xx *after* processing (the message is delivered, the client sees an error). */
	fail5xxAfterProcessing = 0;
	resourceLimited = 0;
	messageSendReachLimit = 0;
	rateLimited = 0;
	/** Close the connection without an answer, after processing (a send is then delivered). */
	resetAfterProcessing = 0;
	/** Every token is refused as if issued by another cluster (401 auth_bad_access_token). */
	rejectAllTokens = false;
	/** 429 "reached api limit" answers given (rate limits, not plan quotas). */
	rateLimitAnswers = 0;
	/** Requests refused by the fake's own rate limits (429 "reached api limit"), in arrival order. */
	readonly rateLimitedRequests: RecordedRequest[] = [];
	/** Requests answered 401 "expired access token", in arrival order. */
	readonly expiredTokenAnswers: RecordedRequest[] = [];
	/** Chooses an injected HTTP status per request (after auth): 429 is the rate-limit answer, others a server error. */
	injectFault?: (req: RecordedRequest) => number | undefined;
	private counter = 1_029_457_500_870_543_000n;

	constructor() {
		this.server = new FakeServer((req, reply) => this.handle(req, reply));
	}

	get requests(): RecordedRequest[] {
		return this.server.requests;
	}

	/** Requests other than token requests. */
	get apiRequests(): RecordedRequest[] {
		return this.server.requests.filter((r) => r.segments[2] !== 'token');
	}

	async start(): Promise<string> {
		return await this.server.start();
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	reset(): void {
		this.server.reset();
		this.server.latencyMs = 0;
		this.tokenRequests = 0;
		this.rateLimitAnswers = 0;
		this.expiredTokenAnswers.length = 0;
		this.rateLimitedRequests.length = 0;
		this.injectFault = undefined;
		this.fail5xx = 0;
		this.fail5xxAfterProcessing = 0;
		this.resourceLimited = 0;
		this.messageSendReachLimit = 0;
		this.rateLimited = 0;
		this.rejectAllTokens = false;
		this.resetAfterProcessing = 0;
		this.deliveries.clear();
		this.appLimit.clear();
		this.userChannelLimit.clear();
		this.userChannelLimit.windowMs = 60_000;
	}

	/** Makes every issued token expired (Easemob then answers 401 "expired access token"). */
	expireAllTokens(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	addUser(app: string, username: string, nickname?: string): void {
		let users = this.users.get(app);
		if (!users) this.users.set(app, (users = new Map()));
		const now = Date.now();
		users.set(username.toLowerCase(), { uuid: randomUUID(), type: 'user', created: now, modified: now, username: username.toLowerCase(), activated: true, ...(nickname ? { nickname } : {}) });
	}

	addConversation(app: string, username: string, type: 'chat' | 'groupchat', channel: string): void {
		const key = `${app}\n${username.toLowerCase()}`;
		let set = this.conversations.get(key);
		if (!set) this.conversations.set(key, (set = new Set()));
		set.add(`${type}:${channel}`);
	}

	hasConversation(app: string, username: string, type: string, channel: string): boolean {
		return this.conversations.get(`${app}\n${username.toLowerCase()}`)?.has(`${type}:${channel}`) ?? false;
	}

	/** Signs a callback as Easemob does: md5(callId + secret + timestamp), lower-case hex. */
	static sign(callId: string, secret: string, timestamp: number | string): string {
		return createHash('md5').update(`${callId}${secret}${String(timestamp)}`).digest('hex');
	}

	/** Posts a post-send callback to `url`; `secret` signs it (a wrong secret gives a wrong signature). */
	async deliverCallback(url: string, payload: Record<string, unknown>, secret: string): Promise<{ status: number; body: string }> {
		const callId = String(payload.callId ?? `${this.orgName}#fake-app_${randomUUID()}`);
		const timestamp = Number(payload.timestamp ?? Date.now());
		const body = JSON.stringify({ ...payload, callId, timestamp, securityVersion: '1.0.0', security: FakeEasemob.sign(callId, secret, timestamp) });
		return await new Promise((resolve, reject) => {
			const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			});
			req.on('error', reject);
			req.end(body);
		});
	}

	private error(reply: Reply, status: number, error: string, description: string, exception = 'EasemobException'): void {
		if (status === 429 && description === 'This request has reached api limit') this.rateLimitAnswers++;
		reply.json(status, { error, exception: `com.easemob.${exception}`, timestamp: Date.now(), duration: 0, error_description: description });
	}

	private envelope(req: RecordedRequest, app: string, extra: Record<string, unknown>): Record<string, unknown> {
		return {
			action: req.method.toLowerCase(),
			application: '8be024f0-0000-4000-8000-000000000000',
			applicationName: app,
			organization: this.orgName,
			path: `/${req.segments.slice(2).join('/')}`,
			uri: `${this.server.baseUrl}${req.rawPath}`,
			timestamp: Date.now(),
			duration: 1,
			...extra,
		};
	}

	private nextMessageId(): string {
		this.counter += 1n;
		return this.counter.toString();
	}

	private async handle(req: RecordedRequest, reply: Reply): Promise<void> {
		const [org, app, ...rest] = req.segments;
		if (org !== this.orgName || !this.apps.has(app)) {
			return this.error(reply, 404, 'organization_application_not_found', `Could not find application for ${org}/${app} from URI: ${req.rawPath}`, 'ApplicationNotFoundException');
		}
		if (req.method === 'POST' && rest.length === 1 && rest[0] === 'token') return this.token(req, reply, app);

		// Every other call needs a valid app token of this app.
		const auth = String(req.headers.authorization ?? '');
		const match = /^Bearer (\S+)$/.exec(auth);
		const token = match ? this.tokens.get(match[1]) : undefined;
		req.checks?.push(!token || token.app !== app ? 'app token: unknown to this app' : token.expiresAt <= Date.now() ? 'app token: expired' : 'app token: valid');
		if (!token || token.app !== app || this.rejectAllTokens) {
			return this.error(reply, 401, 'auth_bad_access_token', 'Unable to authenticate due to corrupt access token', 'AuthBadAccessTokenException');
		}
		if (token.expiresAt <= Date.now()) {
			this.expiredTokenAnswers.push(req);
			return this.error(reply, 401, 'unauthorized', 'Unable to authenticate due to expired access token', 'UnauthorizedException');
		}
		if (!this.appLimit.take(app) || (this.rateLimited > 0 && this.rateLimited--)) {
			this.rateLimitedRequests.push(req);
			return this.error(reply, 429, 'Too Many Requests', 'This request has reached api limit', 'ReachLimitException');
		}
		const injected = this.injectFault?.(req);
		if (injected === 429) return this.error(reply, 429, 'Too Many Requests', 'This request has reached api limit', 'ReachLimitException');
		if (injected !== undefined) return this.error(reply, injected, 'service_unavailable', 'The service is temporarily unavailable', 'ServiceUnavailableException');
		if (this.fail5xx > 0) {
			this.fail5xx--;
			return this.error(reply, 503, 'service_unavailable', 'The service is temporarily unavailable', 'ServiceUnavailableException');
		}
		const route = `${req.method} ${rest.map((s, i) => (i === 1 && rest[0] === 'users' ? ':user' : s)).join('/')}`;
		switch (route) {
			case 'DELETE users/:user/user_channel':
				return this.deleteConversation(req, reply, app, rest[1]);
			case 'POST messages/users':
				return this.sendMessage(req, reply, app, 'chat');
			case 'POST messages/chatgroups':
				return this.sendMessage(req, reply, app, 'groupchat');
			case 'POST messages/msg_recall':
				return this.recall(req, reply, app);
			case 'POST users':
				return this.createUsers(req, reply, app);
			case 'GET users':
				return this.listUsers(req, reply, app);
			case 'GET users/:user':
			case 'DELETE users/:user': {
				const users = this.users.get(app);
				const user = users?.get(rest[1].toLowerCase());
				if (!user) return this.error(reply, 404, 'service_resource_not_found', `Service resource not found`, 'ResourceNotFoundException');
				if (req.method === 'DELETE') users!.delete(rest[1].toLowerCase());
				if (this.resetAfterProcessing > 0) {
					this.resetAfterProcessing--;
					return reply.reset();
				}
				return reply.json(200, this.envelope(req, app, { entities: [user] }));
			}
			default:
				return this.error(reply, 404, 'web_application', 'HTTP 404 Not Found', 'WebApplicationException');
		}
	}

	private token(req: RecordedRequest, reply: Reply, app: string): void {
		this.tokenRequests++;
		const body = (req.json ?? {}) as Record<string, unknown>;
		if (req.jsonError || body.grant_type !== 'client_credentials') {
			return this.error(reply, 400, 'illegal_argument', 'grant_type must be client_credentials', 'IllegalArgumentException');
		}
		if (!body.client_id) return this.error(reply, 400, 'illegal_argument', 'client_id must be provided.', 'IllegalArgumentException');
		if (!body.client_secret) return this.error(reply, 400, 'illegal_argument', 'client_secret must be provided', 'IllegalArgumentException');
		req.checks?.push(body.client_id === this.clientId && body.client_secret === this.clientSecret ? 'client ID and secret: match' : 'client ID and secret: do not match');
		if (body.client_id !== this.clientId) return this.error(reply, 400, 'invalid_grant', 'client_id does not match', 'InvalidGrantException');
		if (body.client_secret !== this.clientSecret) return this.error(reply, 400, 'invalid_grant', 'client_secret does not match', 'InvalidGrantException');
		const accessToken = `YWMt${randomUUID().replace(/-/g, '')}`;
		this.tokens.set(accessToken, { app, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
		reply.json(200, { access_token: accessToken, expires_in: this.tokenTtlSeconds, application: '8be024f0-0000-4000-8000-000000000000' });
	}

	private deleteConversation(req: RecordedRequest, reply: Reply, app: string, username: string): void {
		const body = req.json as Record<string, unknown> | undefined;
		const invalid = () => this.error(reply, 400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.', 'InvalidRequestBodyException');
		if (req.jsonError || !body || typeof body !== 'object' || Array.isArray(body)) return invalid();
		for (const field of ['channel', 'type'] as const) {
			if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') return invalid();
		}
		if (body.delete_roam !== undefined && body.delete_roam !== null && typeof body.delete_roam !== 'boolean') return invalid();
		if (!body.channel) return this.error(reply, 400, 'illegal_argument', 'field channel cannot be null or empty', 'IllegalArgumentException');
		if (!body.type) return this.error(reply, 400, 'illegal_argument', 'field type cannot be null or empty', 'IllegalArgumentException');
		if (body.delete_roam === undefined || body.delete_roam === null) return this.error(reply, 400, 'illegal_argument', 'field delete_roam cannot be null', 'IllegalArgumentException');
		if (!this.userChannelLimit.take(`${app}\n${username.toLowerCase()}`)) {
			this.rateLimitedRequests.push(req);
			return this.error(reply, 429, 'Too Many Requests', 'This request has reached api limit', 'ReachLimitException');
		}
		if (!this.users.get(app)?.has(username.toLowerCase())) {
			return this.error(reply, 404, 'service_resource_not_found', `Service resource not found`, 'ResourceNotFoundException');
		}
		this.conversations.get(`${app}\n${username.toLowerCase()}`)?.delete(`${String(body.type)}:${String(body.channel)}`);
		reply.json(200, this.envelope(req, app, { path: '/users/user_channel', entities: [], data: { result: 'ok' } }));
	}

	private sendMessage(req: RecordedRequest, reply: Reply, app: string, chatType: 'chat' | 'groupchat'): void {
		const body = req.json as Record<string, unknown> | undefined;
		if (req.jsonError || !body || typeof body !== 'object') return this.error(reply, 400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.', 'InvalidRequestBodyException');
		const to = body.to;
		if (!Array.isArray(to) || to.length === 0) return this.error(reply, 400, 'illegal_argument', "param to can't be empty", 'IllegalArgumentException');
		const max = chatType === 'chat' ? 600 : 3;
		if (to.length > max) return this.error(reply, 400, 'illegal_argument', `params to's size can't exceed limit ${max}`, 'IllegalArgumentException');
		if (body.from === '') return this.error(reply, 400, 'illegal_argument', "param from can't be empty", 'IllegalArgumentException');
		const types = ['txt', 'img', 'audio', 'video', 'file', 'loc', 'cmd', 'custom'];
		if (typeof body.type !== 'string' || !types.includes(body.type)) return this.error(reply, 400, 'illegal_argument', "param type can't be empty", 'IllegalArgumentException');
		const content = body.body as Record<string, unknown> | undefined;
		if (!content || typeof content !== 'object') return this.error(reply, 400, 'illegal_argument', "param body can't be empty", 'IllegalArgumentException');
		if (body.type === 'txt' && (typeof content.msg !== 'string' || content.msg === '')) return this.error(reply, 400, 'illegal_argument', "param body.msg can't be empty", 'IllegalArgumentException');
		if (body.type === 'cmd' && (typeof content.action !== 'string' || content.action === '')) return this.error(reply, 400, 'illegal_argument', "param body.action can't be empty", 'IllegalArgumentException');
		if (body.ext !== undefined && (typeof body.ext !== 'object' || body.ext === null || Array.isArray(body.ext))) return this.error(reply, 400, 'illegal_argument', 'param ext must be JSONObject', 'IllegalArgumentException');
		for (const flag of ['sync_device', 'need_group_ack']) {
			if (body[flag] !== undefined && typeof body[flag] !== 'boolean') return this.error(reply, 400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.', 'InvalidRequestBodyException');
		}
		if (body.routetype !== undefined && body.routetype !== 'ROUTE_ONLINE') return this.error(reply, 400, 'illegal_argument', 'param routetype is invalid', 'IllegalArgumentException');
		if (JSON.stringify(content).length + JSON.stringify(body.ext ?? {}).length > 5 * 1024) {
			return reply.json(400, { error: 'message_send_error', exception: 'com.easemob.MessageSendException', timestamp: Date.now(), duration: 0, error_description: 'message is too large', error_code: 14007 });
		}
		if (chatType === 'groupchat') {
			const unknown = to.find((g) => !this.groups.has(String(g)));
			if (unknown !== undefined) return this.error(reply, 404, 'service_resource_not_found', `group ${String(unknown)} not found`, 'ResourceNotFoundException');
		}
		if (this.resourceLimited > 0) {
			this.resourceLimited--;
			return this.error(reply, 429, 'resource_limited', 'You have exceeded the limit of the free plan', 'ResourceLimitedException');
		}
		if (this.messageSendReachLimit > 0) {
			this.messageSendReachLimit--;
			return this.error(reply, 403, 'message_send_error', 'message send reach limit', 'ForbiddenOpException');
		}
		const from = typeof body.from === 'string' ? body.from : 'admin';
		const data: Record<string, string> = {};
		for (const target of to.map(String)) {
			const id = this.nextMessageId();
			data[target] = id;
			this.messages.set(id, { id, from, to: target, chatType, type: body.type, body: content, ext: body.ext as Record<string, unknown> | undefined });
			const deliveryKey = JSON.stringify([from, target, body.type, content]);
			this.deliveries.set(deliveryKey, (this.deliveries.get(deliveryKey) ?? 0) + 1);
			if (chatType === 'chat') {
				this.addConversation(app, target, 'chat', from);
				this.addConversation(app, from, 'chat', target);
			}
		}
		if (this.resetAfterProcessing > 0) {
			this.resetAfterProcessing--;
			return reply.reset();
		}
		if (this.fail5xxAfterProcessing > 0) {
			this.fail5xxAfterProcessing--;
			return this.error(reply, 502, 'bad_gateway', 'Bad Gateway', 'BadGatewayException');
		}
		reply.json(200, this.envelope(req, app, { data }));
	}

	private recall(req: RecordedRequest, reply: Reply, app: string): void {
		const body = req.json as Record<string, unknown> | undefined;
		if (req.jsonError || !body || typeof body !== 'object') return this.error(reply, 400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.', 'InvalidRequestBodyException');
		if (typeof body.msg_id !== 'string' || body.msg_id === '') return this.error(reply, 400, 'message_recall_error', "param msg_id can't be empty", 'MessageRecallException');
		if (typeof body.to !== 'string' || body.to === '') return this.error(reply, 400, 'message_recall_error', "param to can't be empty", 'MessageRecallException');
		if (!['chat', 'groupchat', 'chatroom'].includes(String(body.chat_type))) return this.error(reply, 400, 'message_recall_error', 'param chat_type is invalid', 'MessageRecallException');
		if (body.force !== undefined && typeof body.force !== 'boolean') return this.error(reply, 400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.', 'InvalidRequestBodyException');
		const message = this.messages.get(body.msg_id);
		const from = typeof body.from === 'string' ? body.from : 'admin';
		if (!message || message.to !== body.to || message.from !== from || message.recalled) {
			return this.error(reply, 403, 'forbidden_op', `not_found msg ${body.msg_id}`, 'ForbiddenOpException');
		}
		message.recalled = true;
		reply.json(200, this.envelope(req, app, { data: { recalled: 'yes', chattype: body.chat_type, from, to: body.to, msg_id: body.msg_id } }));
	}

	private createUsers(req: RecordedRequest, reply: Reply, app: string): void {
		const raw = req.json;
		if (req.jsonError || raw === undefined) return this.error(reply, 400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.', 'InvalidRequestBodyException');
		const list = (Array.isArray(raw) ? raw : [raw]) as Array<Record<string, unknown>>;
		if (list.length > 60) return this.error(reply, 400, 'illegal_argument', 'users size can not be more than 60', 'IllegalArgumentException');
		const existing = this.users.get(app) ?? new Map();
		for (const user of list) {
			if (typeof user.username !== 'string' || !/^[a-zA-Z0-9_.-]{1,64}$/.test(user.username)) {
				return this.error(reply, 400, 'illegal_argument', `USERNAME_ILLEGAL, username [${String(user.username)}] is not legal`, 'IllegalArgumentException');
			}
			if (typeof user.password !== 'string' || user.password === '') return this.error(reply, 400, 'illegal_argument', 'password is empty', 'IllegalArgumentException');
		}
		if (!Array.isArray(raw) && existing.has(String(list[0].username).toLowerCase())) {
			return this.error(reply, 400, 'duplicate_unique_property_exists', `Application ${this.orgName}#${app} Entity user requires that property named username be unique, value of ${String(list[0].username)} exists`, 'DuplicateUniquePropertyExistsException');
		}
		if (this.resourceLimited > 0) {
			this.resourceLimited--;
			return this.error(reply, 429, 'resource_limited', 'You have exceeded the limit of the free plan', 'ResourceLimitedException');
		}
		const entities: unknown[] = [];
		const failed: unknown[] = [];
		for (const user of list) {
			const name = String(user.username).toLowerCase();
			if (this.users.get(app)?.has(name)) {
				failed.push({ username: name, registerUserFailReason: 'the user is already registered' });
				continue;
			}
			this.addUser(app, name, typeof user.nickname === 'string' ? user.nickname : undefined);
			entities.push(this.users.get(app)!.get(name));
		}
		reply.json(200, this.envelope(req, app, { entities, ...(failed.length > 0 ? { data: failed } : {}) }));
	}

	private listUsers(req: RecordedRequest, reply: Reply, app: string): void {
		const limitText = req.query.get('limit') ?? '10';
		const limit = Number(limitText);
		if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100) return this.error(reply, 400, 'illegal_argument', 'limit must be between 1 and 100', 'IllegalArgumentException');
		const all = [...(this.users.get(app)?.values() ?? [])];
		const cursor = req.query.get('cursor');
		const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8').replace('offset:', '')) : 0;
		if (!Number.isInteger(start) || start < 0) return this.error(reply, 400, 'illegal_argument', 'cursor is invalid', 'IllegalArgumentException');
		const page = all.slice(start, start + limit);
		const next = start + limit < all.length ? Buffer.from(`offset:${start + limit}`).toString('base64url') : undefined;
		reply.json(200, this.envelope(req, app, { entities: page, count: page.length, params: { limit: [limitText] }, ...(next ? { cursor: next } : {}) }));
	}
}
