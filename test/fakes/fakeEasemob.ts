/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// A fake Easemob IM REST server modelled on the platform's documentation, not on the node: every
// rule it enforces cites the page that states it. Pages (Chinese originals, easemob/easemob-doc):
//   TOKEN   https://doc.easemob.com/document/server-side/easemob_app_token.html
//   ERRORS  https://doc.easemob.com/document/server-side/error.html
//   LIMITS  https://doc.easemob.com/document/server-side/limitationapi.html
//   SINGLE  https://doc.easemob.com/document/server-side/message_single.html
//   GROUP   https://doc.easemob.com/document/server-side/message_group.html
//   ROOMMSG https://doc.easemob.com/document/server-side/message_chatroom.html
//   RECALL  https://doc.easemob.com/document/server-side/message_recall.html
//   DELETE  https://doc.easemob.com/document/server-side/conversation_delete.html
//   USERS   https://doc.easemob.com/document/server-side/account_system.html
//   CONVLIST https://doc.easemob.com/document/web/conversation_list.html
// Where a page states a rule but not the exact error text, the comment says so and the fake refuses
// (the reading that loses no data).
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';

import { FakeEasemobHistory } from './fakeEasemobHistory';
import type { FakeEasemobKit } from './fakeEasemobUsers';
import { FakeEasemobUsers } from './fakeEasemobUsers';
import type { FakeGroup } from './fakeEasemobGroups';
import { FakeEasemobGroups, seedGroups } from './fakeEasemobGroups';
import type { RecordedRequest, Reply } from './fakeServer';
import { FakeServer, WindowCounter } from './fakeServer';

const DOC = {
	token: 'https://doc.easemob.com/document/server-side/easemob_app_token.html',
	errors: 'https://doc.easemob.com/document/server-side/error.html',
	limits: 'https://doc.easemob.com/document/server-side/limitationapi.html',
	single: 'https://doc.easemob.com/document/server-side/message_single.html',
	group: 'https://doc.easemob.com/document/server-side/message_group.html',
	recall: 'https://doc.easemob.com/document/server-side/message_recall.html',
	users: 'https://doc.easemob.com/document/server-side/account_system.html',
} as const;
export const EASEMOB_DOCS = DOC;

interface IssuedToken {
	app: string;
	/** Unix ms; Infinity for a ttl of 0 ("永久有效", TOKEN). */
	expiresAt: number;
}

export interface FakeMessage {
	id: string;
	from: string;
	to: string;
	chatType: 'chat' | 'groupchat' | 'chatroom';
	type: string;
	body: Record<string, unknown>;
	ext?: Record<string, unknown>;
	/** Unix ms; messages seeded without it count as just sent. */
	sentAt?: number;
	recalled?: boolean;
}

/**
 * Counts units (messages) per key over a sliding window: Easemob counts a send to 600 users as 600
 * messages and a send to 3 groups as 3 (SINGLE, GROUP "发送频率").
 */
export class UnitWindowCounter {
	private readonly spent = new Map<string, Array<{ at: number; units: number }>>();

	constructor(
		public limit: number,
		public windowMs: number,
	) {}

	/** Records `units`; false when they would exceed the limit (nothing is then counted). */
	take(key: string, units: number, now = Date.now()): boolean {
		const recent = (this.spent.get(key) ?? []).filter((s) => s.at > now - this.windowMs);
		const used = recent.reduce((n, s) => n + s.units, 0);
		this.spent.set(key, recent);
		if (used + units > this.limit) return false;
		recent.push({ at: now, units });
		return true;
	}

	clear(): void {
		this.spent.clear();
	}
}

/** What to do to a send after Easemob delivered it: drop the connection or answer an HTTP error. */
export type AfterDeliveryFault = { kind: 'reset' } | { kind: 'status'; status: number };

export class FakeEasemob {
	readonly server: FakeServer;
	orgName = 'fake-org';
	/** Apps of the org; tests use a fresh app when they count token requests. */
	readonly apps = new Set(['fake-app']);
	clientId = 'YXA6fakeClientIdAbc';
	/** The app's ClientSecret (built at run time so it is plainly test data). */
	clientSecret = ['YXA6fake', 'client', 'value', 'xyz'].join('-');
	/** expires_in (seconds) of new tokens when the request has no ttl (the console setting, TOKEN). */
	tokenTtlSeconds = 5_184_000;
	readonly tokens = new Map<string, IssuedToken>();
	tokenRequests = 0;
	/** Users per app (lower-case username → user). */
	readonly users = new Map<string, Map<string, Record<string, unknown>>>();
	/** Conversations per app and user: "app\nuser" → set of "type:channel". */
	readonly conversations = new Map<string, Set<string>>();
	/**
	 * Groups by ID (fakeEasemobGroups.ts serves their API). g1…g4 are seeded for every app. Sends do not
	 * check them: "服务器不校验传入的群组 ID 是否存在" (GROUP 请求 body).
	 */
	groups: Map<string, FakeGroup> = seedGroups(['g1', 'g2', 'g3', 'g4']);
	/** Group and chat room APIs, and the chat rooms (fakeEasemobGroups.ts). */
	readonly groupApi = new FakeEasemobGroups({
		groups: () => this.groups,
		userExists: (app, username) => this.users.get(app)?.has(username.toLowerCase()) ?? false,
		orgName: () => this.orgName,
		error: (reply, status, error, description, exception) => this.error(reply, status, error, description, exception),
		invalidBody: (reply) => this.invalidBody(reply),
		envelope: (req, app, extra) => this.envelope(req, app, extra),
	});
	readonly messages = new Map<string, FakeMessage>();
	/** Deliveries per message content key (from/to/type/body), to prove nothing is sent twice. */
	readonly deliveries = new Map<string, number>();
	/**
	 * The console switch "write messages sent through the REST API to the conversation list": off by
	 * default, so REST sends create no conversation (CONVLIST: "通过 RESTful 接口发送的消息默认不创建或写入会话").
	 */
	restMessagesWriteConversations = false;
	/** The console's recall time limit: 2 minutes by default, at most 7 days (RECALL "撤回消息"). */
	recallTimeLimitMs = 120_000;
	/** Whether the recall service is open for the app (RECALL: 403 forbidden_op otherwise). */
	recallServiceOpen = true;
	/**
	 * Call limits per app and API (LIMITS: "API 调用频率限制默认为 100 次/秒"; each API counted on
	 * its own). Key: "app\nAPI".
	 */
	readonly appLimit = new WindowCounter(100, 1000);
	/** POST /token: 300 calls/s per app (LIMITS, 用户帐号管理). */
	readonly tokenLimit = new WindowCounter(300, 1000);
	/** POST /messages/chatgroups: 20 calls/s per app, the 21st → 429 (GROUP "发送频率"). */
	readonly groupCallLimit = new WindowCounter(20, 1000);
	/** POST /messages/chatgroups: 20 messages/s per app, each group one message → 403 (GROUP "发送频率"). */
	readonly groupMessageLimit = new UnitWindowCounter(20, 1000);
	/** POST /messages/chatrooms: 100 messages/s per app, each chat room one message → 403 (ROOMMSG "发送频率", fakeEasemobGroups.ts). */
	readonly chatroomMessageLimit = new UnitWindowCounter(100, 1000);
	/** POST /messages/users: 6,000 messages/min per app, each recipient one message → 403 (SINGLE "发送频率"). */
	readonly userMessageLimit = new UnitWindowCounter(6000, 60_000);
	/** DELETE /users/{u}/user_channel: 5 calls/min per user ID (LIMITS, 消息管理). */
	readonly userChannelLimit = new WindowCounter(5, 60_000);
	/** Faults injected by tests (not platform rules), each for the next N matching requests after auth. */
	fail5xx = 0;
	/** Answer 5xx *after* processing (the message is delivered, the client sees an error). */
	fail5xxAfterProcessing = 0;
	resourceLimited = 0;
	messageSendReachLimit = 0;
	rateLimited = 0;
	/** Close the connection without an answer, after processing (a send is then delivered). */
	resetAfterProcessing = 0;
	/** Every token is refused as if issued by another cluster (401 auth_bad_access_token "Unable to authenticate"). */
	rejectAllTokens = false;
	/** 429 "reached api limit" answers given (rate limits, not plan quotas). */
	rateLimitAnswers = 0;
	/** 403 "message send reach limit" answers given (messages counted per second or minute). */
	sendLimitAnswers = 0;
	/** Requests refused by the fake's own rate limits (429 and 403 "reach limit"), in arrival order. */
	readonly rateLimitedRequests: RecordedRequest[] = [];
	/** Requests answered 401 "expired access token", in arrival order. */
	readonly expiredTokenAnswers: RecordedRequest[] = [];
	/** Chooses an injected HTTP status per request (after auth): 429 is the rate-limit answer, others a server error. */
	injectFault?: (req: RecordedRequest) => number | undefined;
	/** Chooses a fault for a send *after* it was delivered: a dropped connection or an HTTP error. */
	injectAfterDelivery?: (req: RecordedRequest) => AfterDeliveryFault | undefined;
	/** Sends whose answer was replaced by an injected fault after delivery, in arrival order. */
	readonly faultedAfterDelivery: RecordedRequest[] = [];
	/** Message IDs delivered per request (a request's `to` entries), for soak accounting. */
	readonly deliveredBy = new Map<RecordedRequest, string[]>();
	private counter = 1_029_457_500_870_543_000n;
	/** Presence, offline counts, bans, logouts and push nicknames (fakeEasemobUsers.ts). */
	readonly userRoutes = new FakeEasemobUsers(this.kit());
	/** The history export and its files (fakeEasemobHistory.ts). */
	readonly history = new FakeEasemobHistory(this.kit());

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
		this.sendLimitAnswers = 0;
		this.expiredTokenAnswers.length = 0;
		this.rateLimitedRequests.length = 0;
		this.faultedAfterDelivery.length = 0;
		this.deliveredBy.clear();
		this.injectFault = undefined;
		this.injectAfterDelivery = undefined;
		this.fail5xx = 0;
		this.fail5xxAfterProcessing = 0;
		this.resourceLimited = 0;
		this.messageSendReachLimit = 0;
		this.rateLimited = 0;
		this.rejectAllTokens = false;
		this.resetAfterProcessing = 0;
		this.restMessagesWriteConversations = false;
		this.recallTimeLimitMs = 120_000;
		this.recallServiceOpen = true;
		this.deliveries.clear();
		this.userRoutes.reset();
		this.history.reset();
		this.clearLimits();
		this.userChannelLimit.windowMs = 60_000;
	}

	/** Forgets every rate-limit count (not the limits themselves). */
	clearLimits(): void {
		this.appLimit.clear();
		this.tokenLimit.clear();
		this.groupCallLimit.clear();
		this.groupMessageLimit.clear();
		this.userMessageLimit.clear();
		this.userChannelLimit.clear();
		this.userRoutes.statusLimit.clear();
		this.history.callLimit.clear();
		this.chatroomMessageLimit.clear();
		this.groupApi.clearLimits();
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

	/**
	 * The error envelope {error, exception, timestamp, duration, error_description} (ERRORS; the
	 * recall page shows one in full: {"error":"forbidden_op","exception":"EasemobForbiddenOpException",…}).
	 */
	private error(reply: Reply, status: number, error: string, description: string, exception = 'EasemobException'): void {
		reply.json(status, { error, exception, timestamp: Date.now(), duration: 0, error_description: description });
	}

	/** 429 reach_limit "This request has reached api limit" (ERRORS, older edition's table row for 429). */
	private reachedApiLimit(req: RecordedRequest, reply: Reply): void {
		this.rateLimitAnswers++;
		this.rateLimitedRequests.push(req);
		this.error(reply, 429, 'reach_limit', 'This request has reached api limit', 'ReachLimitException');
	}

	/** 403 message_send_error "message send reach limit" (SINGLE and GROUP, 错误码). */
	private messageSendReachedLimit(req: RecordedRequest, reply: Reply): void {
		this.sendLimitAnswers++;
		this.rateLimitedRequests.push(req);
		this.error(reply, 403, 'message_send_error', 'message send reach limit', 'EasemobForbiddenOpException');
	}

	/** 400 invalid_request_body for malformed JSON or wrong field types (SINGLE, GROUP, DELETE, 错误码). */
	private invalidBody(reply: Reply): void {
		this.error(reply, 400, 'invalid_request_body', 'Request body is invalid. Please check body is correct.', 'InvalidRequestBodyException');
	}

	/** The success envelope: action, application, applicationName, organization, path, uri, timestamp, duration (SINGLE "公共参数"). */
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

	/** What the route files (fakeEasemobUsers.ts, fakeEasemobHistory.ts) use of this fake. */
	private kit(): FakeEasemobKit {
		return {
			error: (reply, status, error, description, exception) => this.error(reply, status, error, description, exception),
			invalidBody: (reply) => this.invalidBody(reply),
			reachedApiLimit: (req, reply) => this.reachedApiLimit(req, reply),
			envelope: (req, app, extra) => this.envelope(req, app, extra),
			user: (app, username) => this.users.get(app)?.get(username.toLowerCase()),
			orgName: () => this.orgName,
			baseUrl: () => this.server.baseUrl,
		};
	}

	private async handle(req: RecordedRequest, reply: Reply): Promise<void> {
		if (this.history.serveDownload(req, reply)) return;
		const [org, app, ...rest] = req.segments;
		// 404 organization_application_not_found "Could not find application for XXX/XXX from URI: …" (TOKEN, USERS 错误码).
		if (org !== this.orgName || !this.apps.has(app)) {
			return this.error(reply, 404, 'organization_application_not_found', `Could not find application for ${org}/${app} from URI: ${req.rawPath.slice(1)}`, 'ApplicationNotFoundException');
		}
		if (req.method === 'POST' && rest.length === 1 && rest[0] === 'token') return this.token(req, reply, app);

		// Every other call needs an app token: "Authorization: Bearer YourAppToken" (SINGLE "认证方式").
		// ERRORS, "Token 相关错误码": expired or missing → 401 unauthorized "…expired access token";
		// malformed → 401 auth_bad_access_token "…corrupt access token"; well-formed but not issued by
		// this server (another cluster or app) → 401 auth_bad_access_token "Unable to authenticate".
		const auth = String(req.headers.authorization ?? '');
		const match = /^Bearer (\S*)$/.exec(auth);
		if (!match || match[1] === '') return this.expired(req, reply);
		if (!/^YWMt[0-9A-Za-z_-]+$/.test(match[1])) {
			return this.error(reply, 401, 'auth_bad_access_token', 'Unable to authenticate due to corrupt access token', 'AuthBadAccessTokenException');
		}
		const token = this.tokens.get(match[1]);
		req.checks?.push(!token || token.app !== app ? 'app token: unknown to this app' : token.expiresAt <= Date.now() ? 'app token: expired' : 'app token: valid');
		if (!token || token.app !== app || this.rejectAllTokens) {
			return this.error(reply, 401, 'auth_bad_access_token', 'Unable to authenticate', 'AuthBadAccessTokenException');
		}
		if (token.expiresAt <= Date.now()) return this.expired(req, reply);

		const route = FakeEasemobGroups.route(req.method, rest) ?? `${req.method} ${rest.map((s, i) => (i === 1 && rest[0] === 'users' ? ':user' : s)).join('/')}`;
		// Call limits per app and API (LIMITS): group sends 20/s (GROUP), chat room sends and creations
		// their own (fakeEasemobGroups.ts), every other API used here 100/s.
		const callLimit = route === 'POST messages/chatgroups' ? this.groupCallLimit : (this.groupApi.callLimitFor(route) ?? this.appLimit);
		if (!callLimit.take(`${app}\n${route}`) || (this.rateLimited > 0 && this.rateLimited--)) return this.reachedApiLimit(req, reply);
		const injected = this.injectFault?.(req);
		if (injected === 429) {
			this.rateLimitedRequests.push(req);
			this.rateLimitAnswers++;
			return this.error(reply, 429, 'reach_limit', 'This request has reached api limit', 'ReachLimitException');
		}
		// Injected server errors use the statuses ERRORS lists (500/502/503/504); their bodies are not documented.
		if (injected !== undefined) return this.error(reply, injected, 'service_unavailable', 'The service is temporarily unavailable', 'ServiceUnavailableException');
		if (this.fail5xx > 0) {
			this.fail5xx--;
			return this.error(reply, 503, 'service_unavailable', 'The service is temporarily unavailable', 'ServiceUnavailableException');
		}
		switch (route) {
			case 'DELETE users/:user/user_channel':
				return this.deleteConversation(req, reply, app, rest[1]);
			case 'POST messages/users':
				return this.sendMessage(req, reply, app, 'chat');
			case 'POST messages/chatgroups':
				return this.sendMessage(req, reply, app, 'groupchat');
			case 'POST messages/chatrooms':
				return this.sendMessage(req, reply, app, 'chatroom');
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
				// 404 service_resource_not_found "Service resource not found" for a user ID in the path that does not exist (ERRORS "用户 ID 不存在错误码", USERS).
				if (!user) return this.error(reply, 404, 'service_resource_not_found', 'Service resource not found', 'ServiceResourceNotFoundException');
				if (req.method === 'DELETE') users!.delete(rest[1].toLowerCase());
				if (this.resetAfterProcessing > 0) {
					this.resetAfterProcessing--;
					return reply.reset();
				}
				// USERS: get → entities[0] and count; delete → the deleted user in entities; path "/users".
				return reply.json(200, this.envelope(req, app, { path: '/users', entities: [user], ...(req.method === 'GET' ? { count: 1 } : {}) }));
			}
			default:
				if (this.userRoutes.handle(route, req, reply, app, rest) || this.history.handle(route, req, reply, app, rest)) return;
				if (this.groupApi.handle(route, req, reply, app, rest)) return;
				// 500 web_application "javax.ws.rs.WebApplicationException": a request to a URL that does not exist (ERRORS, 500).
				return this.error(reply, 500, 'web_application', 'javax.ws.rs.WebApplicationException', 'WebApplicationException');
		}
	}

	private expired(req: RecordedRequest, reply: Reply): void {
		this.expiredTokenAnswers.push(req);
		this.error(reply, 401, 'unauthorized', 'Unable to authenticate due to expired access token', 'UnauthorizedException');
	}

	private token(req: RecordedRequest, reply: Reply, app: string): void {
		this.tokenRequests++;
		// POST /token: 300 calls/s per app (LIMITS).
		if (!this.tokenLimit.take(app)) return this.reachedApiLimit(req, reply);
		const body = (req.json ?? {}) as Record<string, unknown>;
		// Malformed JSON: 400 json_parse (ERRORS, older edition's table).
		if (req.jsonError || typeof req.json !== 'object' || req.json === null || Array.isArray(req.json)) {
			return this.error(reply, 400, 'json_parse', 'Unexpected character: was expecting a colon to separate field name and value', 'JsonParseException');
		}
		// TOKEN: grant_type is required and fixed to client_credentials; the page gives no error text for
		// another value, so the fake refuses it as an illegal argument.
		if (body.grant_type !== 'client_credentials') return this.error(reply, 400, 'illegal_argument', 'grant_type must be client_credentials', 'IllegalArgumentException');
		// TOKEN 错误码: the four 400 answers, word for word.
		if (!body.client_id) return this.error(reply, 400, 'illegal_argument', 'client_id must be provided.', 'IllegalArgumentException');
		if (!body.client_secret) return this.error(reply, 400, 'illegal_argument', 'client_secret must be provided', 'IllegalArgumentException');
		req.checks?.push(body.client_id === this.clientId && body.client_secret === this.clientSecret ? 'client ID and secret: match' : 'client ID and secret: do not match');
		if (body.client_id !== this.clientId) return this.error(reply, 400, 'invalid_grant', 'client_id does not match', 'InvalidGrantException');
		if (body.client_secret !== this.clientSecret) return this.error(reply, 400, 'invalid_grant', 'client_secret does not match', 'InvalidGrantException');
		// TOKEN: ttl in seconds, 0 = never expires; without it the console's setting applies.
		if (body.ttl !== undefined && (typeof body.ttl !== 'number' || !Number.isInteger(body.ttl) || body.ttl < 0)) return this.invalidBody(reply);
		const ttl = typeof body.ttl === 'number' ? body.ttl : this.tokenTtlSeconds;
		const accessToken = `YWMt${randomUUID().replace(/-/g, '')}`;
		this.tokens.set(accessToken, { app, expiresAt: ttl === 0 ? Infinity : Date.now() + ttl * 1000 });
		// TOKEN 响应: {access_token, expires_in (s), application (app UUID)}.
		reply.json(200, { access_token: accessToken, expires_in: ttl, application: '8be024f0-0000-4000-8000-000000000000' });
	}

	private deleteConversation(req: RecordedRequest, reply: Reply, app: string, rawUser: string): void {
		// Path segments arrive decoded once (RecordedRequest.segments), as a server reads them.
		const username = rawUser;
		const body = req.json as Record<string, unknown> | undefined;
		// DELETE 错误码: malformed body or wrong field types (e.g. "delete_roam":"true") → 400 invalid_request_body.
		if (req.jsonError || !body || typeof body !== 'object' || Array.isArray(body)) return this.invalidBody(reply);
		for (const field of ['channel', 'type'] as const) {
			if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') return this.invalidBody(reply);
		}
		if (body.delete_roam !== undefined && body.delete_roam !== null && typeof body.delete_roam !== 'boolean') return this.invalidBody(reply);
		// DELETE 错误码: the three required fields, word for word.
		if (!body.channel) return this.error(reply, 400, 'illegal_argument', 'field channel cannot be null or empty', 'IllegalArgumentException');
		if (!body.type) return this.error(reply, 400, 'illegal_argument', 'field type cannot be null or empty', 'IllegalArgumentException');
		if (body.delete_roam === undefined || body.delete_roam === null) return this.error(reply, 400, 'illegal_argument', 'field delete_roam cannot be null', 'IllegalArgumentException');
		// type is chat or groupchat (DELETE 请求 body); no error text is given for another value, so the
		// fake refuses it as an invalid body.
		if (body.type !== 'chat' && body.type !== 'groupchat') return this.invalidBody(reply);
		// LIMITS (消息管理): 5 calls/min per user ID → 429.
		if (!this.userChannelLimit.take(`${app}\n${username.toLowerCase()}`)) return this.reachedApiLimit(req, reply);
		// ERRORS "用户 ID 不存在错误码": a user ID in the path that does not exist → 404.
		if (!this.users.get(app)?.has(username.toLowerCase())) {
			return this.error(reply, 404, 'service_resource_not_found', 'Service resource not found', 'ServiceResourceNotFoundException');
		}
		this.conversations.get(`${app}\n${username.toLowerCase()}`)?.delete(`${String(body.type)}:${String(body.channel)}`);
		// DELETE 响应示例: path "/users/user_channel", entities [], data.result "ok".
		reply.json(200, this.envelope(req, app, { path: '/users/user_channel', entities: [], data: { result: 'ok' } }));
	}

	private sendMessage(req: RecordedRequest, reply: Reply, app: string, chatType: 'chat' | 'groupchat' | 'chatroom'): void {
		const body = req.json as Record<string, unknown> | undefined;
		const sendError = (description: string) => this.error(reply, 400, 'message_send_error', description, 'MessageSendException');
		// SINGLE/GROUP 错误码: malformed body or wrong field types → 400 invalid_request_body.
		if (req.jsonError || !body || typeof body !== 'object' || Array.isArray(body)) return this.invalidBody(reply);
		const to = body.to;
		if (to !== undefined && (!Array.isArray(to) || to.some((t) => typeof t !== 'string'))) return this.invalidBody(reply);
		for (const flag of ['sync_device', 'need_group_ack']) {
			if (body[flag] !== undefined && typeof body[flag] !== 'boolean') return this.invalidBody(reply);
		}
		for (const text of ['from', 'type', 'routetype', 'chatroom_msg_level']) {
			if (body[text] !== undefined && typeof body[text] !== 'string') return this.invalidBody(reply);
		}
		if (body.body !== undefined && (typeof body.body !== 'object' || body.body === null || Array.isArray(body.body))) return this.invalidBody(reply);
		if (body.roam_ignore_users !== undefined && (!Array.isArray(body.roam_ignore_users) || body.roam_ignore_users.some((u) => typeof u !== 'string'))) return this.invalidBody(reply);
		// SINGLE/GROUP 错误码, word for word: from "" (absent = admin), to empty, type empty, body empty, ext not an object.
		if (body.from === '') return sendError("param from can't be empty");
		if (!Array.isArray(to) || to.length === 0) return sendError("param to can't be empty");
		if (typeof body.type !== 'string' || body.type === '') return sendError("param type can't be empty");
		const content = body.body as Record<string, unknown> | undefined;
		if (!content || Object.keys(content).length === 0) return sendError("param body can't be empty");
		// "ext … 不能对该参数传入 null" and must be a JSON object (SINGLE 请求 body; 错误码 "param ext must be JSONObject").
		if (body.ext !== undefined && (typeof body.ext !== 'object' || body.ext === null || Array.isArray(body.ext))) return sendError('param ext must be JSONObject');
		// At most 600 users (SINGLE), 3 groups (GROUP) or 10 chat rooms (ROOMMSG) per call.
		const max = chatType === 'chat' ? 600 : chatType === 'groupchat' ? 3 : 10;
		// chatroom_msg_level: high, normal (default) or low (ROOMMSG 请求 body); no error text is given for another value.
		if (body.chatroom_msg_level !== undefined && (chatType !== 'chatroom' || !['high', 'normal', 'low'].includes(body.chatroom_msg_level as string))) return this.invalidBody(reply);
		if (to.length > max) return sendError(`params to's size can't exceed limit ${max}`);
		// The message types the pages list; they give no error text for another one, so the fake refuses it.
		if (!['txt', 'img', 'audio', 'video', 'file', 'loc', 'cmd', 'custom'].includes(body.type)) return sendError(`param type ${body.type} is not supported`);
		// Required body fields per type (SINGLE: txt `msg`, cmd `action`; custom `customEvent` matches
		// [a-zA-Z0-9-_/\.]{1,32}, `customExts` is Map<String,String> of at most 16). No error text is
		// given for these, so the fake answers with the nearest documented one.
		if (body.type === 'txt' && (typeof content.msg !== 'string' || content.msg === '')) return sendError("param body can't be empty");
		if (body.type === 'cmd' && (typeof content.action !== 'string' || content.action === '')) return sendError("param body can't be empty");
		if (body.type === 'custom') {
			if (content.customEvent !== undefined && (typeof content.customEvent !== 'string' || !/^[a-zA-Z0-9\-_/.]{1,32}$/.test(content.customEvent))) return this.invalidBody(reply);
			const exts = content.customExts;
			if (exts !== undefined) {
				if (typeof exts !== 'object' || exts === null || Array.isArray(exts)) return this.invalidBody(reply);
				const entries = Object.values(exts as Record<string, unknown>);
				if (entries.length > 16 || entries.some((v) => typeof v !== 'string')) return this.invalidBody(reply);
			}
		}
		// routetype: "若传入该参数，其值为 ROUTE_ONLINE" (SINGLE 请求 body).
		if (body.routetype !== undefined && body.routetype !== 'ROUTE_ONLINE') return this.invalidBody(reply);
		// "请求体和扩展字段的总长度不能超过 5 KB" → 400 message_send_error "message is too large" (SINGLE, GROUP).
		if (Buffer.byteLength(JSON.stringify(content)) + Buffer.byteLength(JSON.stringify(body.ext ?? {})) > 5 * 1024) return sendError('message is too large');
		if (this.resourceLimited > 0) {
			this.resourceLimited--;
			// 429 resource_limited: a plan quota (ERRORS 429 "超过社区版限制").
			return this.error(reply, 429, 'resource_limited', 'You have exceeded the limit of the community edition,Please upgrade to the enterprise edition', 'ResourceLimitedException');
		}
		// Messages counted per app: SINGLE "6000 条/分钟 … 一次向 600 人发消息，视为 600 条消息", over → 403;
		// GROUP "20 条/秒/App Key：例如，你每次向 3 个群组发送消息，即发送了 3 条消息，你每秒最多可调用 7 次。
		// 第 8 次调用时，则报 403 错误". A refused call delivers nothing and counts no message.
		const messageLimit = chatType === 'chat' ? this.userMessageLimit : chatType === 'groupchat' ? this.groupMessageLimit : this.chatroomMessageLimit;
		if (this.messageSendReachLimit > 0) {
			this.messageSendReachLimit--;
			return this.messageSendReachedLimit(req, reply);
		}
		if (!messageLimit.take(app, to.length)) return this.messageSendReachedLimit(req, reply);
		// "from … 若不传入该字段，服务器默认设置为 admin"; "服务器不校验传入的用户 ID 是否存在" (SINGLE).
		const from = typeof body.from === 'string' ? body.from : 'admin';
		const data: Record<string, string> = {};
		const ids: string[] = [];
		for (const target of to as string[]) {
			const id = this.nextMessageId();
			data[target] = id;
			ids.push(id);
			this.messages.set(id, { id, from, to: target, chatType, type: body.type, body: content, ext: body.ext as Record<string, unknown> | undefined, sentAt: Date.now() });
			const deliveryKey = JSON.stringify([from, target, body.type, content]);
			this.deliveries.set(deliveryKey, (this.deliveries.get(deliveryKey) ?? 0) + 1);
			// CONVLIST: REST-sent messages create no conversation unless the console switch is on.
			if (chatType === 'chat' && this.restMessagesWriteConversations) {
				this.addConversation(app, target, 'chat', from);
				this.addConversation(app, from, 'chat', target);
			}
		}
		this.deliveredBy.set(req, ids);
		const after = this.injectAfterDelivery?.(req);
		if (after) {
			this.faultedAfterDelivery.push(req);
			if (after.kind === 'reset') return reply.reset();
			return this.error(reply, after.status, 'service_unavailable', 'The service is temporarily unavailable', 'ServiceUnavailableException');
		}
		if (this.resetAfterProcessing > 0) {
			this.resetAfterProcessing--;
			return reply.reset();
		}
		if (this.fail5xxAfterProcessing > 0) {
			this.fail5xxAfterProcessing--;
			return this.error(reply, 502, 'bad_gateway', 'Bad Gateway', 'BadGatewayException');
		}
		// SINGLE/GROUP 响应: data maps each user (or group) ID to its message ID.
		reply.json(200, this.envelope(req, app, { data }));
	}

	private recall(req: RecordedRequest, reply: Reply, app: string): void {
		const body = req.json as Record<string, unknown> | undefined;
		const recallError = (status: number, description: string) => this.error(reply, status, 'message_recall_error', description, 'MessageRecallException');
		if (req.jsonError || !body || typeof body !== 'object' || Array.isArray(body)) return this.invalidBody(reply);
		for (const text of ['msg_id', 'to', 'chat_type', 'from', 'recallMessageExtensionInfo']) {
			if (body[text] !== undefined && typeof body[text] !== 'string') return this.invalidBody(reply);
		}
		for (const flag of ['force', 'sync_device']) {
			if (body[flag] !== undefined && typeof body[flag] !== 'boolean') return this.invalidBody(reply);
		}
		// 403 forbidden_op "message recall service is unopened" (RECALL 错误码 and its example body).
		if (!this.recallServiceOpen) return this.error(reply, 403, 'forbidden_op', 'message recall service is unopened', 'EasemobForbiddenOpException');
		// RECALL 错误码, word for word: empty msg_id, to, chat_type. (The table also lists "param force can't
		// be empty" while the field table marks force optional, default false; the fake follows the field table.)
		if (!body.msg_id) return recallError(400, "param msg_id can't be empty");
		if (!body.to) return recallError(400, "param to can't be empty");
		if (!body.chat_type) return recallError(400, "param chat_type can't be empty");
		if (!['chat', 'groupchat', 'chatroom'].includes(String(body.chat_type))) return this.invalidBody(reply);
		const message = this.messages.get(String(body.msg_id));
		// 403 "not_found msg": the message is gone (expired) or was already recalled (RECALL 错误码).
		if (!message || message.recalled) return recallError(403, 'not_found msg');
		// 400 "can't find msg to": the recipient given is not the message's (RECALL 错误码).
		if (message.to !== body.to) return recallError(400, "can't find msg to");
		// Default 2 minutes; force recalls regardless of age (RECALL "force").
		if (body.force !== true && Date.now() - (message.sentAt ?? Date.now()) > this.recallTimeLimitMs) return recallError(403, 'exceed recall time limit');
		message.recalled = true;
		// `from` is who recalls, default admin (RECALL: "消息撤回方的用户 ID。若不传该参数，默认为 admin"); the
		// page does not require it to be the sender, so the fake does not check it.
		const from = typeof body.from === 'string' ? body.from : 'admin';
		reply.json(200, this.envelope(req, app, { data: { recalled: 'yes', chattype: body.chat_type, from, to: body.to, msg_id: body.msg_id } }));
	}

	private createUsers(req: RecordedRequest, reply: Reply, app: string): void {
		const raw = req.json;
		if (req.jsonError || raw === undefined || raw === null || typeof raw !== 'object') return this.invalidBody(reply);
		const list = (Array.isArray(raw) ? raw : [raw]) as Array<Record<string, unknown>>;
		// "单次请求最多可注册 60 个用户 ID" and its 400 (USERS 批量授权注册用户).
		if (list.length > 60) return this.error(reply, 400, 'illegal_argument', `Request body array size[${list.length}] had almost reached or been greater than the upper range value[60]`, 'IllegalArgumentException');
		for (const user of list) {
			// username: at most 64 bytes of a-z A-Z 0-9 _ - . (USERS 请求 body; 错误码 "USERNAME_TOO_LONG", "username [XXX] is not legal").
			if (typeof user.username === 'string' && Buffer.byteLength(user.username) > 64) return this.error(reply, 400, 'illegal_argument', 'USERNAME_TOO_LONG', 'IllegalArgumentException');
			if (typeof user.username !== 'string' || !/^[a-zA-Z0-9_.-]{1,64}$/.test(user.username)) {
				return this.error(reply, 400, 'illegal_argument', `username [${String(user.username)}] is not legal`, 'IllegalArgumentException');
			}
			// password required, at most 64 characters (USERS; 错误码 "password or pin must provided").
			if (typeof user.password !== 'string' || user.password === '') return this.error(reply, 400, 'illegal_argument', 'password or pin must provided', 'IllegalArgumentException');
			if ([...user.password].length > 64) return this.invalidBody(reply);
			// nickname: at most 100 characters (USERS 开放注册单个用户; 错误码 "NICKNAME_TOO_LONG").
			if (user.nickname !== undefined && (typeof user.nickname !== 'string' || [...user.nickname].length > 100)) return this.error(reply, 400, 'illegal_argument', 'NICKNAME_TOO_LONG', 'IllegalArgumentException');
		}
		// The same username twice with different passwords (USERS 批量授权注册用户 错误码).
		const passwords = new Map<string, string>();
		for (const user of list) {
			const name = String(user.username).toLowerCase();
			const earlier = passwords.get(name);
			if (earlier !== undefined && earlier !== user.password) {
				return this.error(reply, 400, 'duplicate_unique_property_exists', `the same user ${name} has a different password, the passwords are ${earlier},${String(user.password)}`, 'DuplicateUniquePropertyExistsException');
			}
			passwords.set(name, String(user.password));
		}
		const existing = this.users.get(app) ?? new Map();
		// One user already registered → 400 duplicate_unique_property_exists (USERS 授权注册单个用户 错误码).
		if (!Array.isArray(raw) && existing.has(String(list[0].username).toLowerCase())) {
			return this.error(reply, 400, 'duplicate_unique_property_exists', `Application ${this.orgName}#${app} Entity user requires that property named username be unique, value of ${String(list[0].username)} exists`, 'DuplicateUniquePropertyExistsException');
		}
		if (this.resourceLimited > 0) {
			this.resourceLimited--;
			// 429 resource_limited (USERS 错误码: the plan's number of users).
			return this.error(reply, 429, 'resource_limited', 'You have exceeded the limit of the community edition,Please upgrade to the enterprise edition', 'ResourceLimitedException');
		}
		const entities: unknown[] = [];
		const failed: unknown[] = [];
		for (const user of list) {
			const name = String(user.username).toLowerCase();
			// Usernames ignore case (USERS: "该参数不区分大小写"). In a batch, an existing user fails alone and
			// comes back in data[] with registerUserFailReason (USERS 响应示例二).
			if (this.users.get(app)?.has(name)) {
				failed.push({ username: name, registerUserFailReason: `the ${name} already exists` });
				continue;
			}
			this.addUser(app, name, typeof user.nickname === 'string' ? user.nickname : undefined);
			entities.push(this.users.get(app)!.get(name));
		}
		reply.json(200, this.envelope(req, app, { entities, ...(Array.isArray(raw) ? { data: failed } : {}) }));
	}

	private listUsers(req: RecordedRequest, reply: Reply, app: string): void {
		// limit in [1,100], default 10; "若实际用户数量超过 100，返回 100 个用户" (USERS 批量获取用户详情). No
		// error is documented for other values, so they fall back to the default and the range.
		const limitText = req.query.get('limit');
		const asked = limitText === null || !/^\d+$/.test(limitText) ? 10 : Number(limitText);
		const limit = Math.min(100, Math.max(1, asked));
		const all = [...(this.users.get(app)?.values() ?? [])];
		const cursor = req.query.get('cursor');
		const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8').replace('offset:', '')) : 0;
		if (!Number.isInteger(start) || start < 0) return this.invalidBody(reply);
		const page = all.slice(start, start + limit);
		// cursor only while more users follow; count = users on this page (USERS 响应示例一/二).
		const next = start + limit < all.length ? Buffer.from(`offset:${start + limit}`).toString('base64url') : undefined;
		const params: Record<string, string[]> = {};
		if (cursor) params.cursor = [cursor];
		if (limitText !== null) params.limit = [limitText];
		reply.json(200, this.envelope(req, app, { path: '/users', entities: page, count: page.length, params, ...(next ? { cursor: next } : {}) }));
	}
}
