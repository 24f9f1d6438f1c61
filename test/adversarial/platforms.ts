// One entry per credential type: how to start its fake, the credential values, what a correctly
// authenticated request looks like, and which strings are secrets that must never appear anywhere.
import type { ICredentialDataDecryptedObject as Creds } from 'n8n-workflow';

import type { Handler, RecordedRequest, Reply } from '../fakes/fakeServer';
import { WindowCounter } from '../fakes/fakeServer';
import { FakeEasemob } from '../fakes/fakeEasemob';
import { FakeTencent, verifyUserSig } from '../fakes/fakeTencent';
import type { ThuliumConversation } from '../fakes/fakeThulium';
import { FakeThulium } from '../fakes/fakeThulium';

/** A request reduced to what the API documents, for comparison. */
export interface Wire {
	method: string;
	/** Path segments, each decoded once; the raw path had exactly these segments. */
	path: string[];
	query: Record<string, string>;
	/** Parsed JSON body, or the raw text when it is not JSON ('' for none). */
	body: unknown;
}

export interface Platform {
	credential: string;
	start(): Promise<void>;
	stop(): Promise<void>;
	reset(): void;
	credentials(): Record<string, Creds>;
	requests(): RecordedRequest[];
	/**
	 * Requests that belong to authentication rather than to an operation (e.g. fetching an app token
	 * in preAuthentication): checked by checkTransport, left out when comparing with the documented
	 * requests. Platforms without such requests leave it out.
	 */
	auxiliary?(req: RecordedRequest): boolean;
	/** Checks authentication and transport details of one request; returns problems found. */
	checkTransport(req: RecordedRequest): string[];
	/** The request as documented, with volatile authentication values removed. */
	wire(req: RecordedRequest): Wire;
	/** Every string that must never appear in execution data or errors. */
	secrets(): string[];
	/** Answers every well-formed request with success (IDs need not exist). */
	permissive(): void;
	/** Restores the documented behaviour of the fake (unknown IDs are errors). */
	strict(): void;
	/** Answers every request with `handler` instead of the fake's API (undefined restores it). */
	override(handler: Handler | undefined): void;
}

function overrideHandle(fake: object, handler: Handler | undefined): void {
	// The fakes' servers call `this.handle(req, reply)`: an own property shadows the class method.
	if (handler) Object.defineProperty(fake, 'handle', { value: handler, configurable: true, writable: true });
	else delete (fake as { handle?: unknown }).handle;
}

const UNRESERVED_OR_ENCODED = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})*$/;

function segmentsOf(rawPath: string): { segments: string[]; problems: string[] } {
	const problems: string[] = [];
	const parts = rawPath.split('/').slice(1);
	const segments = parts.map((part) => {
		if (!UNRESERVED_OR_ENCODED.test(part)) problems.push(`path segment "${part}" is not percent-encoded`);
		try {
			return decodeURIComponent(part);
		} catch {
			problems.push(`path segment "${part}" does not decode`);
			return part;
		}
	});
	return { segments, problems };
}

function bodyOf(req: RecordedRequest): unknown {
	if (req.body === '') return '';
	return req.jsonError ? req.body : req.json;
}

export function basicHeader(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

type ObjectBody = (this: FakeThulium, req: RecordedRequest, reply: Reply, allowed: string[]) => Record<string, unknown> | undefined;

/** Conversation IDs the permissive Thulium lists in GET chats (Chat → Get looks a chat up there); emptied by reset(). */
export const THULIUM_LISTED_CHATS: string[] = [];

export class ThuliumPlatform implements Platform {
	readonly credential = 'thuliumApi';
	readonly fake = new FakeThulium();
	private readonly originalQueues = this.fake.queues;
	private readonly originalConversations = this.fake.conversations;

	async start(): Promise<void> {
		await this.fake.start();
	}

	async stop(): Promise<void> {
		await this.fake.stop();
	}

	reset(): void {
		this.fake.server.reset();
		THULIUM_LISTED_CHATS.length = 0;
		this.fake.fail5xx = 0;
		this.fake.forbidden.clear();
		this.fake.server.latencyMs = 0;
	}

	credentials(): Record<string, Creds> {
		return { thuliumApi: { baseUrl: this.fake.server.baseUrl, username: this.fake.username, password: this.fake.password } };
	}

	requests(): RecordedRequest[] {
		return this.fake.requests;
	}

	checkTransport(req: RecordedRequest): string[] {
		const problems = segmentsOf(req.rawPath).problems;
		if (req.headers.authorization !== basicHeader(this.fake.username, this.fake.password)) problems.push('wrong Basic auth header');
		return problems;
	}

	wire(req: RecordedRequest): Wire {
		// Lists go out as name[]=a&name[]=b: compared as the JSON text of the list.
		const query: Record<string, string> = {};
		for (const key of new Set(req.query.keys())) query[key] = key.endsWith('[]') ? JSON.stringify(req.query.getAll(key)) : String(req.query.getAll(key).join('\n'));
		return { method: req.method, path: segmentsOf(req.rawPath).segments, query, body: bodyOf(req) };
	}

	secrets(): string[] {
		const header = basicHeader(this.fake.username, this.fake.password);
		return [this.fake.password, header, header.slice('Basic '.length)];
	}

	permissive(): void {
		// Thulium documents external_chatbot_id as a UUID; the node sends what the user gave and shows
		// Thulium's refusal (test/thulium). Here any text passes, as every other well-formed value does.
		const objectBody = (FakeThulium.prototype as unknown as { objectBody: ObjectBody }).objectBody;
		const lenient: ObjectBody = function (this: FakeThulium, req, reply, allowed) {
			const json = req.json as Record<string, unknown> | undefined;
			if (!json || typeof json !== 'object' || Array.isArray(json) || typeof json.external_chatbot_id !== 'string') return objectBody.call(this, req, reply, allowed);
			const checked = objectBody.call(this, { ...req, json: { ...json, external_chatbot_id: '00000000-0000-4000-8000-000000000000' } }, reply, allowed);
			return checked ? json : undefined;
		};
		Object.defineProperty(this.fake, 'objectBody', { value: lenient, configurable: true, writable: true });
		// Every queue and conversation exists: the sweep is about what is sent, not about state.
		this.fake.queues = Object.assign([...this.originalQueues], { some: () => true });
		const conversations = new Map(this.originalConversations);
		conversations.get = (id: string) => ({ id, chatQueueId: 1, client: {}, status: 'ACTIVE', messages: [], createdAt: '2026-01-01 00:00:00' });
		// Listings are empty (one page), whatever other cases started, but for the chats an entry lists.
		conversations.values = () =>
			new Map<string, ThuliumConversation>(
				THULIUM_LISTED_CHATS.map((id) => [id, { id, chatQueueId: 1, client: {}, status: 'CLOSED', messages: [], createdAt: '2026-01-01 00:00:00' }]),
			).values();
		this.fake.conversations = conversations;
		this.fake.crm.permissive = true;
	}

	override(handler: Handler | undefined): void {
		overrideHandle(this.fake, handler);
	}

	strict(): void {
		delete (this.fake as unknown as { objectBody?: unknown }).objectBody;
		this.fake.queues = this.originalQueues;
		this.fake.conversations = this.originalConversations;
		this.fake.crm.permissive = false;
	}
}

const UINT32 = /^\d{1,10}$/;

/** The ID a permissive Tencent app gives a group created without a custom ID. */
export const TENCENT_SWEEP_GROUP_ID = '@TGS#1SWEEP';

export class TencentPlatform implements Platform {
	readonly credential = 'tencentCloudChatApi';
	readonly fake = new FakeTencent();
	private readonly originalUsers = this.fake.users;
	private readonly originalGroups = this.fake.groups;
	private readonly routes = (this.fake as unknown as { routes: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> }).routes;
	private readonly originalWithdraw = this.routes['openim/admin_msgwithdraw'];
	private readonly originalCreateGroup = this.routes['group_open_http_svc/create_group'];

	async start(): Promise<void> {
		await this.fake.start();
		this.fake.rateLimit = new WindowCounter(1_000_000, 1000);
		this.fake.checkRateLimit = new WindowCounter(1_000_000, 1000);
		this.fake.groupApi.listRateLimit = new WindowCounter(1_000_000, 1000);
	}

	async stop(): Promise<void> {
		await this.fake.server.stop();
	}

	reset(): void {
		this.fake.server.reset();
		this.fake.faults = [];
		this.fake.faultCommands.clear();
		this.fake.wrongRegion = false;
		this.fake.server.latencyMs = 0;
		// Each run starts without groups (permissive: every ID is a group with no members yet).
		if (this.fake.groups !== this.originalGroups) {
			this.fake.groups.clear();
			(this.fake.groups.get('') as Set<string>).clear();
			this.fake.groupApi.clear();
		}
	}

	credentials(): Record<string, Creds> {
		return {
			tencentCloudChatApi: {
				region: 'custom',
				customBaseUrl: this.fake.server.baseUrl,
				sdkAppId: String(this.fake.sdkAppId),
				secretKey: this.fake.secretKey,
				adminIdentifier: this.fake.admin,
			},
		};
	}

	requests(): RecordedRequest[] {
		return this.fake.requests;
	}

	checkTransport(req: RecordedRequest): string[] {
		const problems = segmentsOf(req.rawPath).problems;
		const q = req.query;
		if (q.get('sdkappid') !== String(this.fake.sdkAppId)) problems.push('wrong sdkappid');
		if (q.get('identifier') !== this.fake.admin) problems.push('wrong identifier');
		if (q.get('contenttype') !== 'json') problems.push('contenttype is not json');
		const random = q.get('random') ?? '';
		if (!UINT32.test(random) || Number(random) > 0xffffffff) problems.push(`random "${random}" is not a uint32`);
		const sig = q.get('usersig') ?? '';
		const code = verifyUserSig(sig, { sdkAppId: this.fake.sdkAppId, identifier: this.fake.admin, secretKey: this.fake.secretKey, now: Math.floor(Date.now() / 1000) });
		if (code !== 0) problems.push(`usersig does not verify (${code})`);
		const keys = [...q.keys()].sort().join(',');
		if (keys !== 'contenttype,identifier,random,sdkappid,usersig') problems.push(`unexpected query keys ${keys}`);
		if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) problems.push('body is not sent as JSON');
		return problems;
	}

	wire(req: RecordedRequest): Wire {
		// sdkappid, identifier, usersig, random and contenttype are checked by checkTransport.
		return { method: req.method, path: segmentsOf(req.rawPath).segments, query: {}, body: bodyOf(req) };
	}

	secrets(): string[] {
		return [this.fake.secretKey, ...this.fake.userSigsSeen];
	}

	permissive(): void {
		const everyone = Object.assign(new Set<string>(), { has: () => true });
		this.fake.users = everyone;
		const groups = new Map<string, Set<string>>();
		groups.get = () => everyone;
		this.fake.groups = groups;
		this.routes['openim/admin_msgwithdraw'] = () => ({});
		// Every custom profile field counts as set up in the console; every message exists to be edited.
		this.fake.userState.customTags.has = () => true;
		this.routes['openim/modify_c2c_msg'] = () => ({});
		this.routes['openim/modify_group_msg'] = () => ({});
		// Groups other sweeps sent to would page on: every group's history is empty here.
		this.routes['group_open_http_svc/group_msg_get_simple'] = (b) => ({ GroupId: b.GroupId, IsFinished: 1, RspMsgList: [] });
		// Every well-formed create succeeds (a custom ID already used is freed first), and a group
		// without a custom ID gets TENCENT_SWEEP_GROUP_ID, so that the sweep knows the ID later calls use.
		this.routes['group_open_http_svc/create_group'] = (body) => {
			const id = typeof body.GroupId === 'string' ? body.GroupId : TENCENT_SWEEP_GROUP_ID;
			groups.delete(id);
			this.fake.groupApi.disbanded.delete(id);
			return this.originalCreateGroup({ ...body, GroupId: id });
		};
		this.fake.groupApi.defaultMaxMembers = 1_000_000;
	}

	override(handler: Handler | undefined): void {
		overrideHandle(this.fake, handler);
	}

	strict(): void {
		this.fake.users = this.originalUsers;
		this.fake.groups = this.originalGroups;
		this.routes['openim/admin_msgwithdraw'] = this.originalWithdraw;
		this.routes['group_open_http_svc/create_group'] = this.originalCreateGroup;
		this.fake.groupApi.defaultMaxMembers = 2000;
	}
}

/** An address where nothing listens (connections are refused). */
export const REFUSED_URL = 'http://127.0.0.1:9';

/** How many users a permissive Easemob app lists. */
export const EASEMOB_LISTED_USERS = 150;
/** How many groups a permissive Easemob app lists, and how many members besides the owner a permissive group lists. */
export const EASEMOB_LISTED_GROUPS = 1050;
export const EASEMOB_LISTED_MEMBERS = 1100;
/** The owner of a permissive group: longer than any user ID the node sends (64), so never in a removal. */
const PERMISSIVE_OWNER = 'o'.repeat(65);

interface KeyedLimiterModule {
	sharedKeyedLimiter(key: string, limit: number, windowMs: number): unknown;
	sharedRateLimiter(key: string): { tuning: Record<string, number> };
}

export class EasemobPlatform implements Platform {
	readonly credential = 'easemobImApi';
	readonly fake = new FakeEasemob();
	readonly app = 'fake-app';
	private permissiveMode = false;
	private replaced: Handler | undefined;
	private readonly fakeHandle = (FakeEasemob.prototype as unknown as { handle: Handler }).handle;

	async start(): Promise<void> {
		await this.fake.start();
		this.unlimit();
		// Conversation Delete spaces calls to 5 a minute per user (checked in test/easemob). The
		// sweep is about what is sent: the per-user limiter this app uses is created first, wide open,
		// in the module instance the engine loads from dist/.
		// The same goes for the address nothing listens on (retries of refused connections count too).
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const limiterModule = require('../../dist/nodes/shared/rateLimiter.js') as KeyedLimiterModule;
		for (const url of [this.fake.server.baseUrl, REFUSED_URL]) {
			const host = url.replace(/^http:\/\//, '');
			limiterModule.sharedKeyedLimiter(`easemob-user-channel:${host}/${this.fake.orgName}/${this.app}`, 1_000_000, 1000);
			// The history export is paced to 10 a minute (checked in test/easemob/messageHistory.test.ts):
			// its limiter gets the headroom of 1,000 calls a second here.
			const history = limiterModule.sharedRateLimiter(`easemob:${host}/${this.fake.orgName}/${this.app}:chatmessages`);
			Object.defineProperty(history, 'tuning', { value: { ...history.tuning, headroom: 6000 } });
		}
	}

	private unlimit(): void {
		this.fake.appLimit.limit = 1_000_000;
		this.fake.userChannelLimit.limit = 1_000_000;
		this.fake.userChannelLimit.windowMs = 1000;
		this.fake.history.callLimit.limit = 1_000_000;
	}

	async stop(): Promise<void> {
		await this.fake.stop();
	}

	reset(): void {
		this.fake.reset();
		this.unlimit();
	}

	credentials(): Record<string, Creds> {
		const f = this.fake;
		return { easemobImApi: { baseUrl: f.server.baseUrl, orgName: f.orgName, appName: this.app, clientId: f.clientId, clientSecret: f.clientSecret, accessToken: '' } };
	}

	requests(): RecordedRequest[] {
		return this.fake.requests;
	}

	auxiliary(req: RecordedRequest): boolean {
		return req.method === 'POST' && req.segments[2] === 'token';
	}

	checkTransport(req: RecordedRequest): string[] {
		const { problems } = segmentsOf(req.rawPath);
		const raw = req.rawPath.split('/').slice(1);
		if (raw[0] !== encodeURIComponent(this.fake.orgName) || raw[1] !== encodeURIComponent(this.app)) problems.push(`path does not start with /{org}/{app}: ${req.rawPath}`);
		if (this.auxiliary(req)) {
			if (req.headers.authorization !== undefined) problems.push('token request carries an Authorization header');
			return problems;
		}
		const match = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''));
		if (!match || !this.fake.tokens.has(match[1])) problems.push('Authorization is not a Bearer token the fake issued');
		if (req.body !== '' && !String(req.headers['content-type'] ?? '').startsWith('application/json')) problems.push('body is not sent as JSON');
		return problems;
	}

	wire(req: RecordedRequest): Wire {
		return { method: req.method, path: segmentsOf(req.rawPath).segments.slice(2), query: Object.fromEntries(req.query), body: bodyOf(req) };
	}

	secrets(): string[] {
		return [this.fake.clientSecret, ...this.fake.tokens.keys()];
	}

	/** Every user, group and message exists; a created user is new. */
	private readonly permissiveHandle: Handler = (req, reply) => {
		const [, app, resource, name] = req.segments;
		const body = req.json as Record<string, unknown> | undefined;
		// Path segments arrive decoded once, as a server reads them.
		if (resource === 'users' && name !== undefined) this.fake.addUser(app, name);
		if (resource === 'users' && name === undefined && req.method === 'POST') this.fake.users.set(app, new Map());
		// A listing sees a fixed 150 users (two pages of 100), whatever other cases did.
		if (resource === 'users' && name === undefined && req.method === 'GET') {
			this.fake.users.set(app, new Map());
			for (let n = 0; n < EASEMOB_LISTED_USERS; n++) this.fake.addUser(app, `listed_${String(n).padStart(3, '0')}`);
		}
		// Every hour has an export, however old.
		if (resource === 'chatmessages' && name !== undefined && req.method === 'GET') {
			this.fake.history.retentionMs = Infinity;
			this.fake.history.addExport(app, name, []);
		}
		if (resource === 'chatgroups' || resource === 'chatrooms') this.permissiveGroups(req, app, resource, name, body);
		if (resource === 'messages' && name === 'msg_recall' && body && typeof body === 'object' && typeof body.msg_id === 'string') {
			const from = typeof body.from === 'string' ? body.from : 'admin';
			this.fake.messages.set(body.msg_id, { id: body.msg_id, from, to: String(body.to), chatType: 'chat', type: 'txt', body: {} });
		}
		return this.fakeHandle.call(this.fake, req, reply);
	};

	/** Every user named exists, every group and chat room exists with room to spare; listings see fixed counts. */
	private permissiveGroups(req: RecordedRequest, app: string, resource: string, id: string | undefined, body: Record<string, unknown> | undefined): void {
		const api = this.fake.groupApi;
		const named = [body?.owner, ...(Array.isArray(body?.members) ? body.members : []), ...(Array.isArray(body?.usernames) ? body.usernames : [])];
		for (const user of named) if (typeof user === 'string' && user !== '') this.fake.addUser(app, user);
		if (resource === 'chatrooms') {
			if (id !== undefined && !api.chatrooms.has(id)) api.chatrooms.set(id, { id, app, name: 'room', description: 'room', maxusers: 1000, owner: PERMISSIVE_OWNER, members: [], custom: '', created: Date.now() });
			return;
		}
		if (id === undefined) {
			if (req.method === 'GET') {
				this.fake.groups.clear();
				for (let n = 0; n < EASEMOB_LISTED_GROUPS; n++) api.addGroup(app, PERMISSIVE_OWNER);
			}
			return;
		}
		const group = api.group(app, id);
		if (!group) return;
		group.maxusers = 1_000_000;
		group.owner = PERMISSIVE_OWNER;
		if (req.method === 'GET' && req.segments[4] === 'users') group.members = Array.from({ length: EASEMOB_LISTED_MEMBERS }, (_, n) => `member_${n}`);
	}

	private install(): void {
		overrideHandle(this.fake, this.replaced ?? (this.permissiveMode ? this.permissiveHandle : undefined));
	}

	permissive(): void {
		this.permissiveMode = true;
		(this.fake.groups as unknown as { has: () => boolean }).has = () => true;
		this.install();
	}

	override(handler: Handler | undefined): void {
		this.replaced = handler;
		this.install();
	}

	strict(): void {
		this.permissiveMode = false;
		delete (this.fake.groups as unknown as { has?: unknown }).has;
		this.install();
	}
}

/** The platforms the sweep knows. Adding one: implement Platform for its fake and list it here. */
export type PlatformName = 'thulium' | 'tencent' | 'easemob';

export function createPlatforms(): Record<PlatformName, Platform> {
	return { thulium: new ThuliumPlatform(), tencent: new TencentPlatform(), easemob: new EasemobPlatform() };
}
