/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// A fake Tencent Cloud Chat REST API behaving as the Chat server API documents it. Every rule below
// cites the page that states it. Where a page is unclear, the comment says which reading was taken:
// always the one that loses no message.
// - Request format, regions: https://www.tencentcloud.com/document/product/1047/34620
// - Error codes: https://trtc.io/document/34348 (zh https://cloud.tencent.com/document/product/269/1671)
// - UserSig verification: tencentyun/tls-sig-api-v2-golang VerifyUserSig, tls-sig-api-v2-php __verifySig
// - Command pages: cited at each handler.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { crc32, inflateSync } from 'node:zlib';

import type { RecordedRequest, Reply } from './fakeServer';
import { FakeServer, WindowCounter } from './fakeServer';
import { FakeTencentConversations } from './fakeTencentConversations';
import { FakeTencentMessageHistory } from './fakeTencentMessageHistory';
import { FakeTencentUsers } from './fakeTencentUsers';

export interface VerifyInput {
	sdkAppId: number;
	identifier: string;
	secretKey: string;
	/** Unix seconds. */
	now: number;
}

/** Tencent's UserSig check (Go VerifyUserSig / PHP __verifySig): 0 when valid, else the error code. */
export function verifyUserSig(userSig: string, input: VerifyInput): number {
	let doc: Record<string, unknown>;
	try {
		const raw = Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
		doc = JSON.parse(inflateSync(raw).toString('utf8')) as Record<string, unknown>;
		if (!doc || typeof doc !== 'object') return 70003;
	} catch {
		return 70003;
	}
	if (Number(doc['TLS.sdkappid']) !== input.sdkAppId) return 70014;
	if (doc['TLS.identifier'] !== input.identifier) return 70013;
	const time = Number(doc['TLS.time']);
	const expire = Number(doc['TLS.expire']);
	if (!Number.isFinite(time) || !Number.isFinite(expire)) return 70003;
	if (input.now > time + expire) return 70001;
	let content = `TLS.identifier:${String(doc['TLS.identifier'])}\nTLS.sdkappid:${String(doc['TLS.sdkappid'])}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
	if (typeof doc['TLS.userbuf'] === 'string') content += `TLS.userbuf:${doc['TLS.userbuf']}\n`;
	const expected = createHmac('sha256', input.secretKey).update(content).digest();
	const given = Buffer.from(String(doc['TLS.sig'] ?? ''), 'base64');
	return given.length === expected.length && timingSafeEqual(given, expected) ? 0 : 70009;
}

export interface StoredMessage {
	From_Account: string;
	To_Account: string;
	/** The sender's MsgSeq, or the random one Tencent picks when a send gives none. */
	MsgSeq: number;
	MsgRandom: number;
	MsgTimeStamp: number;
	MsgKey: string;
	MsgBody: unknown[];
	CloudCustomData?: string;
	MsgFlagBits: number;
	/** Users who cleared their roaming copy (recentcontact/delete with ClearRamble 1). */
	clearedFor: Set<string>;
	/** The whole request body, for assertions. */
	request: Record<string, unknown>;
	/** The command that stored it. */
	command?: 'sendmsg' | 'batchsendmsg';
}

/** A callback Tencent sends to the app's callback URL for a message (when enabled in the console). */
export interface CallbackDue {
	command: string;
	/** MsgKey (one-to-one) or `GroupId:MsgSeq` (group). */
	message: string;
}

export interface GroupMessage {
	GroupId: string;
	From_Account: string;
	Random: number;
	MsgSeq: number;
	MsgTime: number;
	MsgBody: unknown[];
	request: Record<string, unknown>;
}

export interface ConversationEntry {
	Type: 1 | 2;
	peer: string;
	MsgTime: number;
	TopFlag: 0 | 1;
	/** Conversation marks and groups (recentcontact mark_contact / contact groups). */
	StandardMark?: string;
	CustomMark?: string;
	ContactGroupId?: number[];
}

type Body = Record<string, unknown>;
type Answer = Record<string, unknown>;

const ELEMENT_TYPES = new Set([
	'TIMTextElem',
	'TIMCustomElem',
	'TIMFaceElem',
	'TIMLocationElem',
	'TIMImageElem',
	'TIMSoundElem',
	'TIMFileElem',
	'TIMVideoFileElem',
]);
// One-to-one: "sender ID, MsgSeq, MsgRandom and the CRC32 of the content form the de-duplication key,
// valid for 120 seconds" (https://cloud.tencent.com/document/product/269/2282).
const C2C_DEDUP_MS = 120_000;
// Group: "the same Random within five minutes is considered the same message"
// (https://cloud.tencent.com/document/product/269/1629).
const GROUP_DEDUP_MS = 300_000;
/** ForbidCallbackControl values (sendmsg 269/2282, send_group_msg 269/1629). */
const CALLBACK_CONTROLS = new Set(['ForbidBeforeSendMsgCallback', 'ForbidAfterSendMsgCallback']);
/** SendMsgControl values: sendmsg and batchsendmsg (269/2282, 269/1612); send_group_msg (269/1629). */
const C2C_SEND_CONTROLS = new Set(['NoUnread', 'NoLastMsg', 'WithMuteNotifications']);
const GROUP_SEND_CONTROLS = new Set(['NoUnread', 'NoLastMsg']);

/**
 * A per-window count of units (messages counted per recipient), not of calls. A call whose units
 * do not fit is refused whole and not counted.
 */
export class UnitWindow {
	private spent: Array<{ at: number; units: number }> = [];

	constructor(
		public limit: number,
		public windowMs: number,
	) {}

	used(now = Date.now()): number {
		this.spent = this.spent.filter((s) => s.at > now - this.windowMs);
		return this.spent.reduce((n, s) => n + s.units, 0);
	}

	take(units: number, now = Date.now()): boolean {
		if (this.used(now) + units > this.limit) return false;
		this.spent.push({ at: now, units });
		return true;
	}

	/** Units spent by other senders of the app (e.g. `at` seconds ago), for tests. */
	record(units: number, at = Date.now()): void {
		this.spent.push({ at, units });
	}

	clear(): void {
		this.spent = [];
	}
}

export class Fail extends Error {
	constructor(
		readonly code: number,
		readonly info: string,
	) {
		super(info);
	}
}

const isUint32 = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 32;
export const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

export class FakeTencent {
	readonly server: FakeServer;
	sdkAppId = 1400123456;
	// Built from parts: a test value, not a credential.
	secretKey = ['fake', 'app', 'key', '6f1d2c3b4a5e6f708192a3b4c5d6e7f8'].join('-');
	admin = 'administrator';
	/** Another App admin account (any admin may call the REST API). */
	admins = new Set<string>(['administrator']);
	users = new Set<string>(['administrator']);
	groups = new Map<string, Set<string>>();
	conversations = new Map<string, Map<string, ConversationEntry>>();
	messages: StoredMessage[] = [];
	groupMessages: GroupMessage[] = [];
	/** Messages stored per MsgRandom (sendmsg) or Random (send_group_msg); a repeat inside the window is dropped. */
	deliveries = new Map<number, number>();
	/** Messages stored by batchsendmsg per `MsgRandom|recipient`. */
	batchDeliveries = new Map<string, number>();
	duplicatesDropped = 0;
	/** Callbacks Tencent would send for the messages stored (every callback enabled in the console). */
	callbacksDue: CallbackDue[] = [];
	/** Unread one-to-one messages per `recipient|sender`. */
	unread = new Map<string, number>();
	/** Every distinct UserSig string that reached the server. */
	userSigsSeen = new Set<string>();
	/** Error codes answered, in order. */
	errorsAnswered: number[] = [];
	rateLimit = new WindowCounter(200, 1000);
	checkRateLimit = new WindowCounter(100, 1000);
	/**
	 * batchsendmsg: "12,000 messages a minute, counted per recipient: one call to 500 users counts
	 * 500" (https://cloud.tencent.com/document/product/269/1612).
	 */
	batchRecipientLimit = new UnitWindow(12_000, 60_000);
	/** Injected faults: the next requests (after auth) answer these codes, one each; 502 = HTTP 502. */
	faults: number[] = [];
	/**
	 * Chooses an injected answer per request (after auth and the rate limit): an error code, or an
	 * HTTP status (500 to 599) answered as an HTML error page; undefined lets the request through.
	 */
	injectFault?: (req: RecordedRequest, command: string) => number | undefined;
	/**
	 * Chooses a gateway error (HTTP 500 to 599) answered after the command was carried out (a send
	 * stored): the caller cannot tell whether it took effect. Undefined answers normally.
	 */
	failAfterProcessing?: (req: RecordedRequest, command: string) => number | undefined;
	/** Only requests to commands in this set get faults (all when empty). */
	faultCommands = new Set<string>();
	/** Signatures issued at or before this Unix second are treated as expired (70001). */
	expireSignaturesIssuedUpTo = 0;
	/** The app lives in another data center: every request answers 70016. */
	wrongRegion = false;
	conversationPageSize = 3;
	historyPageSize = 3;
	/** Days roaming (cloud) messages are kept: 7 by default (https://trtc.io/document/35478). */
	roamingDays = 7;
	private listSnapshot = 0;
	private recentSends = new Map<string, { at: number; answer: Answer }>();

	constructor() {
		this.server = new FakeServer((req, reply) => this.handle(req, reply));
	}

	get requests(): RecordedRequest[] {
		return this.server.requests;
	}

	/** Requests that reached a command handler, by command ("service/command"). */
	commandRequests(command: string): RecordedRequest[] {
		return this.requests.filter((r) => r.segments.slice(1).join('/') === command);
	}

	async start(): Promise<string> {
		return await this.server.start();
	}

	/** The node credential that reaches this fake once started (region "custom"). */
	credentials(): Record<string, Record<string, string>> {
		return {
			tencentCloudChatApi: { region: 'custom', customBaseUrl: this.server.baseUrl, sdkAppId: String(this.sdkAppId), secretKey: this.secretKey, adminIdentifier: this.admin },
		};
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	reset(): void {
		this.server.reset();
		this.server.latencyMs = 0;
		this.faults = [];
		this.faultCommands.clear();
		this.failAfterProcessing = undefined;
		this.injectFault = undefined;
		this.server.networkFault = undefined;
		this.errorsAnswered = [];
		this.callbacksDue = [];
		this.expireSignaturesIssuedUpTo = 0;
		this.wrongRegion = false;
		this.rateLimit = new WindowCounter(200, 1000);
		this.checkRateLimit = new WindowCounter(100, 1000);
		this.batchRecipientLimit = new UnitWindow(12_000, 60_000);
	}

	/** Messages stored more than once (all send commands). */
	duplicateDeliveries(): number {
		let n = 0;
		for (const count of [...this.deliveries.values(), ...this.batchDeliveries.values()]) n += count - 1;
		return n;
	}

	addUsers(...ids: string[]): void {
		for (const id of ids) this.users.add(id);
	}

	addGroup(groupId: string, members: string[]): void {
		this.groups.set(groupId, new Set(members));
	}

	conversationsOf(user: string): Map<string, ConversationEntry> {
		let list = this.conversations.get(user);
		if (!list) {
			list = new Map();
			this.conversations.set(user, list);
		}
		return list;
	}

	addConversation(user: string, type: 1 | 2, peer: string, msgTime: number, pinned = false): void {
		this.conversationsOf(user).set(`${type}:${peer}`, { Type: type, peer, MsgTime: msgTime, TopFlag: pinned ? 1 : 0 });
	}

	private fail(reply: Reply, code: number, info: string, extra: Answer = {}): void {
		this.errorsAnswered.push(code);
		reply.json(200, { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info, ...extra });
	}

	private async handle(req: RecordedRequest, reply: Reply): Promise<void> {
		const [version, service, command, ...rest] = req.segments;
		const name = `${service}/${command}`;
		// POST https://{domain}/v4/{service}/{command}, always POST and v4; a wrong service or command
		// is 60009 (https://www.tencentcloud.com/document/product/1047/34620, https://trtc.io/document/34348).
		if (req.method !== 'POST' || version !== 'v4' || !service || !command || rest.length > 0 || !this.routes[name]) {
			return this.fail(reply, 60009, `unknown service or command: ${req.rawPath}`);
		}
		const q = req.query;
		// Query parameters sdkappid, identifier, usersig, random (uint32) and contenttype=json
		// (https://www.tencentcloud.com/document/product/1047/34620); 60012: SDKAppID missing,
		// 60002: HTTP parse error, 60004: account or signature missing (https://trtc.io/document/34348).
		if (!q.get('sdkappid')) return this.fail(reply, 60012, 'sdkappid missing in URL');
		if (q.get('contenttype') !== 'json') return this.fail(reply, 60002, 'contenttype must be json');
		const random = q.get('random') ?? '';
		if (!/^\d{1,10}$/.test(random) || Number(random) >= 2 ** 32) return this.fail(reply, 60002, 'random must be a uint32');
		const identifier = q.get('identifier') ?? '';
		const userSig = q.get('usersig') ?? '';
		if (!identifier || !userSig) return this.fail(reply, 60004, 'identifier or usersig missing');
		// 70016 / 70020: the SDKAppID does not exist in this data center (https://trtc.io/document/34348).
		if (this.wrongRegion || Number(q.get('sdkappid')) !== this.sdkAppId) {
			return this.fail(reply, 70016, 'SDKAppID and the accessed data center are inconsistent');
		}
		this.userSigsSeen.add(userSig);
		// UserSig checks and their codes 70003/70014/70013/70001/70009 (https://trtc.io/document/34348;
		// steps as in tls-sig-api-v2-golang VerifyUserSig).
		const sigCode = verifyUserSig(userSig, { sdkAppId: this.sdkAppId, identifier, secretKey: this.secretKey, now: Math.floor(Date.now() / 1000) });
		req.checks?.push(sigCode === 0 ? `UserSig of ${identifier}: valid for SDKAppID ${this.sdkAppId}` : `UserSig of ${identifier}: invalid (${sigCode})`);
		if (sigCode !== 0) return this.fail(reply, sigCode, `UserSig verification failed (${sigCode})`);
		if (this.expireSignaturesIssuedUpTo > 0 && this.issuedAt(userSig) <= this.expireSignaturesIssuedUpTo) {
			return this.fail(reply, 70001, 'UserSig expired');
		}
		// identifier "must be an App admin account"; 60010: the request requires App admin permissions
		// (https://www.tencentcloud.com/document/product/1047/34620, https://trtc.io/document/34348).
		if (!this.admins.has(identifier)) return this.fail(reply, 60010, 'the request requires app admin permissions');
		// 200 calls per second per command page; account_check 100 per second (https://trtc.io/document/34956);
		// over the limit: 60007 "REST API call frequency exceeds the limit" (https://trtc.io/document/34348).
		// Counted when the request arrives, as a gateway does (the added latency comes before the handler).
		const limiter = name === 'im_open_login_svc/account_check' ? this.checkRateLimit : this.rateLimit;
		if (!limiter.take('', req.at)) return this.fail(reply, 60007, 'REST API call frequency exceeds the limit');
		if (this.faults.length > 0 && (this.faultCommands.size === 0 || this.faultCommands.has(name))) {
			const fault = this.faults.shift()!;
			if (fault === 502) {
				this.errorsAnswered.push(502);
				return reply.text(502, '<html>502 Bad Gateway</html>', 'text/html');
			}
			return this.fail(reply, fault, `injected error ${fault}`);
		}
		const injected = this.injectFault?.(req, name);
		if (injected !== undefined) {
			if (injected >= 500 && injected < 600) {
				this.errorsAnswered.push(injected);
				return reply.text(injected, `<html>${injected} Service Unavailable</html>`, 'text/html');
			}
			return this.fail(reply, injected, `injected error ${injected}`);
		}
		// The body is a JSON object; a parse error is 60003, on openim commands 90001 (error code
		// tables of https://trtc.io/document/34348 and https://cloud.tencent.com/document/product/269/2282).
		if (req.jsonError || !req.json || typeof req.json !== 'object' || Array.isArray(req.json)) {
			return this.fail(reply, service === 'openim' ? 90001 : 60003, 'request JSON parse error');
		}
		try {
			const answer = this.routes[name](req.json as Body);
			const after = this.failAfterProcessing?.(req, name);
			if (after !== undefined) {
				this.errorsAnswered.push(after);
				return reply.text(after, `<html>${after} Bad Gateway</html>`, 'text/html');
			}
			reply.json(200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...answer });
		} catch (error) {
			if (error instanceof Fail) return this.fail(reply, error.code, error.info);
			reply.json(500, { error: 'fake server crashed', message: String(error) });
		}
	}

	private issuedAt(userSig: string): number {
		const raw = Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
		return Number((JSON.parse(inflateSync(raw).toString('utf8')) as Body)['TLS.time']);
	}

	/** Profiles, login state and account deletion (fakeTencentUsers.ts). */
	readonly userState = new FakeTencentUsers(this);
	/** Unread counts, read marks and pinning (fakeTencentConversations.ts). */
	readonly conversationState = new FakeTencentConversations(this);
	/** Group history, group recall and message edits (fakeTencentMessageHistory.ts). */
	readonly historyState = new FakeTencentMessageHistory(this);

	private readonly routes: Record<string, (body: Body) => Answer> = {
		...this.userState.routes(),
		...this.conversationState.routes(),
		...this.historyState.routes(),
		'recentcontact/delete': (b) => this.deleteConversation(b),
		'recentcontact/get_list': (b) => this.getList(b),
		'openim/sendmsg': (b) => this.sendMsg(b),
		'openim/batchsendmsg': (b) => this.batchSendMsg(b),
		'group_open_http_svc/send_group_msg': (b) => this.sendGroupMsg(b),
		'openim/admin_msgwithdraw': (b) => this.withdraw(b),
		'openim/admin_getroammsg': (b) => this.getRoamMsg(b),
		'im_open_login_svc/account_import': (b) => this.accountImport(b),
		'im_open_login_svc/account_check': (b) => this.accountCheck(b),
	};

	/**
	 * recentcontact/delete (https://www.tencentcloud.com/document/product/1047/43088, zh
	 * https://cloud.tencent.com/document/product/269/62119): From_Account and Type (1 C2C, 2 group)
	 * required; To_Account for Type 1, ToGroupid (lowercase id) for Type 2; ClearRamble 1 also
	 * clears the roaming messages from that user's side. 50001: UserID not imported; 50002: invalid
	 * parameter.
	 */
	private deleteConversation(b: Body): Answer {
		if (!isString(b.From_Account)) throw new Fail(50002, 'From_Account is required');
		if (b.Type !== 1 && b.Type !== 2) throw new Fail(50002, 'Type must be 1 or 2');
		if (b.ClearRamble !== undefined && b.ClearRamble !== 0 && b.ClearRamble !== 1) throw new Fail(50002, 'ClearRamble must be 0 or 1');
		const peer = b.Type === 1 ? b.To_Account : b.ToGroupid;
		if (!isString(peer)) throw new Fail(50002, b.Type === 1 ? 'To_Account is required' : 'ToGroupid is required');
		if (!this.users.has(b.From_Account)) throw new Fail(50001, 'From_Account is not imported');
		this.conversationsOf(b.From_Account).delete(`${b.Type}:${peer}`);
		// "admin_getroammsg from that user's side no longer returns those messages" (https://trtc.io/document/35478).
		if (b.ClearRamble === 1 && b.Type === 1) {
			for (const m of this.messages) {
				const between = (m.From_Account === b.From_Account && m.To_Account === peer) || (m.From_Account === peer && m.To_Account === b.From_Account);
				if (between) m.clearedFor.add(b.From_Account);
			}
		}
		return { ErrorDisplay: '' };
	}

	/**
	 * recentcontact/get_list (https://trtc.io/document/43087, zh https://cloud.tencent.com/document/product/269/62118):
	 * From_Account and the cursors TimeStamp, StartIndex, TopTimeStamp, TopStartIndex (0 on the
	 * first page) and AssistFlags are all required; the next page copies the four cursors of the
	 * answer; CompleteFlag 1 on the last page. AssistFlags bit 0 asks for pinned conversations first
	 * (TopFlag); "set to 63 for complete data": only then do the items carry StandardMark,
	 * CustomMark and ContactGroupId. Which lower bit adds those fields is not stated, so they come
	 * only with all six bits, the documented value.
	 */
	private getList(b: Body): Answer {
		for (const field of ['TimeStamp', 'StartIndex', 'TopTimeStamp', 'TopStartIndex', 'AssistFlags']) {
			if (typeof b[field] !== 'number' || !Number.isInteger(b[field])) throw new Fail(50002, `${field} is required and must be an integer`);
		}
		if (!isString(b.From_Account)) throw new Fail(50002, 'From_Account is required');
		if (!this.users.has(b.From_Account)) throw new Fail(50001, 'From_Account is not imported');
		const first = b.TimeStamp === 0 && b.StartIndex === 0 && b.TopTimeStamp === 0 && b.TopStartIndex === 0;
		if (first) this.listSnapshot = Math.floor(Date.now() / 1000);
		const all = [...this.conversationsOf(b.From_Account).values()];
		const byTime = (x: ConversationEntry, y: ConversationEntry) => y.MsgTime - x.MsgTime;
		const flags = Number(b.AssistFlags);
		const pinned = (flags & 1) === 1 ? all.filter((c) => c.TopFlag === 1).sort(byTime) : [];
		const normal = all.filter((c) => !pinned.includes(c)).sort(byTime);
		const ordered = [...pinned, ...normal];
		const offset = Number(b.TopStartIndex) + Number(b.StartIndex);
		const end = offset + this.conversationPageSize;
		const page = ordered.slice(offset, end);
		const complete = (flags & 63) === 63;
		return {
			SessionItem: page.map((c) => {
				const item: Answer = c.Type === 1 ? { Type: 1, To_Account: c.peer, MsgTime: c.MsgTime, TopFlag: c.TopFlag } : { Type: 2, GroupId: c.peer, MsgTime: c.MsgTime, TopFlag: c.TopFlag };
				if (complete) {
					item.StandardMark = c.StandardMark ?? '';
					item.CustomMark = c.CustomMark ?? '';
					item.ContactGroupId = c.ContactGroupId ?? [];
				}
				return item;
			}),
			CompleteFlag: end >= ordered.length ? 1 : 0,
			TimeStamp: this.listSnapshot,
			StartIndex: Math.max(0, end - pinned.length),
			TopTimeStamp: this.listSnapshot,
			TopStartIndex: Math.min(end, pinned.length),
			ErrorDisplay: '',
		};
	}

	/**
	 * MsgBody: a non-empty array of {MsgType, MsgContent}; TIMTextElem needs Text, TIMCustomElem needs
	 * Data (message formats, https://www.tencentcloud.com/document/product/1047/33527). 90001 for a
	 * malformed body (sendmsg error table, https://cloud.tencent.com/document/product/269/2282).
	 */
	checkMsgBody(body: unknown, code = 90001): asserts body is unknown[] {
		if (!Array.isArray(body) || body.length === 0) throw new Fail(code, 'MsgBody must be a non-empty array');
		for (const element of body as Array<Record<string, unknown>>) {
			if (!element || !ELEMENT_TYPES.has(String(element.MsgType)) || typeof element.MsgContent !== 'object') throw new Fail(code, 'invalid MsgBody element');
			const content = element.MsgContent as Record<string, unknown>;
			if (element.MsgType === 'TIMTextElem' && typeof content.Text !== 'string') throw new Fail(code, 'TIMTextElem needs Text');
			if (element.MsgType === 'TIMCustomElem' && typeof content.Data !== 'string') throw new Fail(code, 'TIMCustomElem needs Data');
		}
	}

	/** A String array whose values the page lists (ForbidCallbackControl, SendMsgControl). */
	private checkControls(value: unknown, allowed: Set<string>, field: string, code: number): string[] {
		if (value === undefined) return [];
		if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !allowed.has(v))) {
			throw new Fail(code, `${field} must be an array of ${[...allowed].join(', ')}`);
		}
		return value as string[];
	}

	/**
	 * Fields sendmsg and batchsendmsg share (https://cloud.tencent.com/document/product/269/2282,
	 * https://cloud.tencent.com/document/product/269/1612): From_Account must exist (90008);
	 * MsgLifeTime 0 to 604800 (90026); SyncOtherMachine 1 or 2; CloudCustomData a string;
	 * MsgRandom a uint32, required (90005: "the body lacks MsgRandom or it is not an Integer", in
	 * the error table of 269/2282); MsgSeq optional, a 32-bit unsigned
	 * integer; SendMsgControl values NoUnread, NoLastMsg, WithMuteNotifications.
	 */
	private checkC2cOptions(b: Body): void {
		if (b.From_Account !== undefined && (!isString(b.From_Account) || !this.users.has(b.From_Account))) throw new Fail(90008, 'From_Account does not exist');
		if (b.MsgLifeTime !== undefined && (!Number.isInteger(b.MsgLifeTime) || Number(b.MsgLifeTime) < 0 || Number(b.MsgLifeTime) > 604800)) {
			throw new Fail(90026, 'invalid MsgLifeTime');
		}
		if (b.SyncOtherMachine !== undefined && b.SyncOtherMachine !== 1 && b.SyncOtherMachine !== 2) throw new Fail(90001, 'SyncOtherMachine must be 1 or 2');
		if (b.CloudCustomData !== undefined && typeof b.CloudCustomData !== 'string') throw new Fail(90001, 'CloudCustomData must be a string');
		if (!isUint32(b.MsgRandom)) throw new Fail(90005, 'MsgRandom is missing or not a uint32');
		if (b.MsgSeq !== undefined && !isUint32(b.MsgSeq)) throw new Fail(90001, 'MsgSeq must be a uint32');
		this.checkControls(b.SendMsgControl, C2C_SEND_CONTROLS, 'SendMsgControl', 90001);
		this.checkMsgBody(b.MsgBody);
	}

	/**
	 * Stores one one-to-one message unless it repeats one inside the de-duplication window:
	 * "sender ID, MsgSeq, MsgRandom and the CRC32 of the message content form the de-duplication key,
	 * valid for 120 s" (https://cloud.tencent.com/document/product/269/2282). The key as documented
	 * names no recipient; batchsendmsg delivers one message per recipient under one MsgSeq and
	 * MsgRandom, so the key is read per conversation (sender and recipient): the reading that drops
	 * no message the platform delivers. The page does not say what a dropped repeat answers; it is
	 * answered as the first one was (nothing is lost either way).
	 */
	private deliver(from: string, to: string, msgSeq: number, b: Body, command: 'sendmsg' | 'batchsendmsg'): Answer {
		const now = Date.now();
		const content = crc32(JSON.stringify(b.MsgBody));
		const dedupKey = `c2c|${from}|${to}|${msgSeq}|${String(b.MsgRandom)}|${content}`;
		const recent = this.recentSends.get(dedupKey);
		if (recent && now - recent.at < C2C_DEDUP_MS) {
			this.duplicatesDropped++;
			return recent.answer;
		}
		const time = Math.floor(now / 1000);
		// MsgKey as the callback and history examples show it: {MsgSeq}_{MsgRandom}_{MsgTime}
		// (https://www.tencentcloud.com/document/product/1047/34365).
		const msgKey = `${msgSeq}_${String(b.MsgRandom)}_${time}`;
		this.messages.push({
			From_Account: from,
			To_Account: to,
			MsgSeq: msgSeq,
			MsgRandom: Number(b.MsgRandom),
			MsgTimeStamp: time,
			MsgKey: msgKey,
			MsgBody: b.MsgBody as unknown[],
			CloudCustomData: b.CloudCustomData as string | undefined,
			MsgFlagBits: 0,
			clearedFor: new Set(),
			request: b,
			command,
		});
		if (command === 'sendmsg') this.deliveries.set(Number(b.MsgRandom), (this.deliveries.get(Number(b.MsgRandom)) ?? 0) + 1);
		else {
			const key = `${String(b.MsgRandom)}|${to}`;
			this.batchDeliveries.set(key, (this.batchDeliveries.get(key) ?? 0) + 1);
		}
		const controls = (b.SendMsgControl as string[] | undefined) ?? [];
		// NoLastMsg: the message does not update the conversation list; NoUnread: it is not counted
		// as unread (https://cloud.tencent.com/document/product/269/2282).
		if (!controls.includes('NoLastMsg')) {
			this.addConversation(from, 1, to, time, this.conversationsOf(from).get(`1:${to}`)?.TopFlag === 1);
			this.addConversation(to, 1, from, time, this.conversationsOf(to).get(`1:${from}`)?.TopFlag === 1);
		}
		if (!controls.includes('NoUnread')) this.unread.set(`${to}|${from}`, (this.unread.get(`${to}|${from}`) ?? 0) + 1);
		// sendmsg triggers the before and after callbacks unless ForbidCallbackControl names them
		// (https://cloud.tencent.com/document/product/269/2282, 269/1632); batchsendmsg "does not
		// trigger callback requests" (https://cloud.tencent.com/document/product/269/1612).
		if (command === 'sendmsg') {
			const forbid = (b.ForbidCallbackControl as string[] | undefined) ?? [];
			if (!forbid.includes('ForbidBeforeSendMsgCallback')) this.callbacksDue.push({ command: 'C2C.CallbackBeforeSendMsg', message: msgKey });
			if (!forbid.includes('ForbidAfterSendMsgCallback')) this.callbacksDue.push({ command: 'C2C.CallbackAfterSendMsg', message: msgKey });
		}
		const answer = { MsgTime: time, MsgKey: msgKey, MsgId: `${msgKey}-id` };
		this.recentSends.set(dedupKey, { at: now, answer });
		return answer;
	}

	/**
	 * openim/sendmsg (https://cloud.tencent.com/document/product/269/2282, en https://trtc.io/document/34919):
	 * To_Account must exist (90003); "MsgSeq: if it is not given, the backend fills in a random
	 * number", so a send without MsgSeq that is repeated is a second message; ForbidCallbackControl
	 * values ForbidBeforeSendMsgCallback, ForbidAfterSendMsgCallback. Answer MsgTime, MsgKey, MsgId.
	 */
	private sendMsg(b: Body): Answer {
		if (!isString(b.To_Account)) throw new Fail(90003, 'To_Account is missing');
		if (!this.users.has(b.To_Account)) throw new Fail(90003, 'To_Account does not exist');
		this.checkC2cOptions(b);
		this.checkControls(b.ForbidCallbackControl, CALLBACK_CONTROLS, 'ForbidCallbackControl', 90001);
		const msgSeq = b.MsgSeq === undefined ? randomInt(0, 2 ** 32) : Number(b.MsgSeq);
		return this.deliver(isString(b.From_Account) ? b.From_Account : this.admin, b.To_Account, msgSeq, b, 'sendmsg');
	}

	/**
	 * openim/batchsendmsg (https://cloud.tencent.com/document/product/269/1612, en
	 * https://www.tencentcloud.com/document/product/1047/34920): To_Account an array of at most 500
	 * UserIDs; as sendmsg otherwise (MsgSeq random when not given); failed recipients in ErrorList
	 * (partial success). Limits: 200 calls/s, and 12,000 messages a minute counted per recipient. The
	 * page names no error code of its own for the message limit; it is answered with the REST
	 * frequency code 60007 (https://trtc.io/document/34348), and a call over it is refused whole,
	 * nothing delivered (the reading that loses nothing on a retry).
	 */
	private batchSendMsg(b: Body): Answer {
		if (!Array.isArray(b.To_Account) || b.To_Account.length === 0) throw new Fail(90001, 'To_Account must be a non-empty array');
		// "Up to 500 users at a time"; the page names no code for more, answered as a bad request (90001).
		if (b.To_Account.length > 500) throw new Fail(90001, 'at most 500 recipients per call');
		this.checkC2cOptions(b);
		if (!this.batchRecipientLimit.take(b.To_Account.length)) throw new Fail(60007, 'batchsendmsg exceeds 12000 messages per minute (counted per recipient)');
		const from = isString(b.From_Account) ? b.From_Account : this.admin;
		const msgSeq = b.MsgSeq === undefined ? randomInt(0, 2 ** 32) : Number(b.MsgSeq);
		const errors: Answer[] = [];
		let msgKey = '';
		for (const to of b.To_Account as unknown[]) {
			if (!isString(to) || !this.users.has(to)) {
				errors.push({ To_Account: to, ErrorCode: 90003 });
				continue;
			}
			msgKey = String(this.deliver(from, to, msgSeq, b, 'batchsendmsg').MsgKey);
		}
		return errors.length > 0 ? { MsgKey: msgKey, ErrorList: errors } : { MsgKey: msgKey };
	}

	/**
	 * group_open_http_svc/send_group_msg (https://cloud.tencent.com/document/product/269/1629, en
	 * https://www.tencentcloud.com/document/product/1047/34959): GroupId (capital I), Random (uint32)
	 * and MsgBody required (10004 invalid parameter); unknown group 10010; From_Account must exist
	 * (an imported account) but need not be a member: "even if the app admin or sender is not a group
	 * member, the messages will still be delivered" (https://trtc.io/document/33526); "the same Random within five minutes is considered the same message": read as
	 * same group, Random and content, the reading that drops no distinct message. Answer MsgTime and
	 * MsgSeq, increasing per group from 1 (https://trtc.io/document/33526). ForbidCallbackControl and
	 * SendMsgControl (NoUnread, NoLastMsg) as on the page.
	 */
	private sendGroupMsg(b: Body): Answer {
		if (!isString(b.GroupId)) throw new Fail(10004, 'GroupId is required');
		const members = this.groups.get(b.GroupId);
		if (!members) throw new Fail(10010, 'group does not exist');
		if (!isUint32(b.Random)) throw new Fail(10004, 'Random must be a uint32');
		this.checkMsgBody(b.MsgBody, 10004);
		const from = isString(b.From_Account) ? b.From_Account : this.admin;
		if (!this.users.has(from)) throw new Fail(10004, 'From_Account does not exist');
		if (b.OnlineOnlyFlag !== undefined && b.OnlineOnlyFlag !== 0 && b.OnlineOnlyFlag !== 1) throw new Fail(10004, 'OnlineOnlyFlag must be 0 or 1');
		const forbid = this.checkControls(b.ForbidCallbackControl, CALLBACK_CONTROLS, 'ForbidCallbackControl', 10004);
		this.checkControls(b.SendMsgControl, GROUP_SEND_CONTROLS, 'SendMsgControl', 10004);
		const now = Date.now();
		const dedupKey = `group|${b.GroupId}|${String(b.Random)}|${crc32(JSON.stringify(b.MsgBody))}`;
		const recent = this.recentSends.get(dedupKey);
		if (recent && now - recent.at < GROUP_DEDUP_MS) {
			this.duplicatesDropped++;
			return recent.answer;
		}
		const seq = this.groupMessages.filter((m) => m.GroupId === b.GroupId).length + 1;
		const time = Math.floor(now / 1000);
		this.groupMessages.push({
			GroupId: b.GroupId,
			From_Account: from,
			Random: Number(b.Random),
			MsgSeq: seq,
			MsgTime: time,
			MsgBody: b.MsgBody as unknown[],
			request: b,
		});
		this.deliveries.set(Number(b.Random), (this.deliveries.get(Number(b.Random)) ?? 0) + 1);
		// Group messages trigger Group.CallbackBeforeSendMsg / AfterSendMsg unless forbidden
		// (https://cloud.tencent.com/document/product/269/1629, https://www.tencentcloud.com/document/product/1047/34374).
		if (!forbid.includes('ForbidBeforeSendMsgCallback')) this.callbacksDue.push({ command: 'Group.CallbackBeforeSendMsg', message: `${b.GroupId}:${seq}` });
		if (!forbid.includes('ForbidAfterSendMsgCallback')) this.callbacksDue.push({ command: 'Group.CallbackAfterSendMsg', message: `${b.GroupId}:${seq}` });
		const answer = { MsgTime: time, MsgSeq: seq };
		this.recentSends.set(dedupKey, { at: now, answer });
		return answer;
	}

	/**
	 * openim/admin_msgwithdraw (https://www.tencentcloud.com/document/product/1047/35015, zh
	 * https://cloud.tencent.com/document/product/269/38980): From_Account, To_Account, MsgKey all
	 * required; 90054 for an invalid MsgKey; the recalled message keeps MsgFlagBits 8 in the history
	 * (https://trtc.io/document/35478).
	 */
	private withdraw(b: Body): Answer {
		if (!isString(b.From_Account) || !isString(b.To_Account) || !isString(b.MsgKey)) throw new Fail(90001, 'From_Account, To_Account and MsgKey are required');
		if (!this.users.has(b.From_Account)) throw new Fail(90008, 'From_Account does not exist');
		if (!this.users.has(b.To_Account)) throw new Fail(90003, 'To_Account does not exist');
		const message = this.messages.find((m) => m.MsgKey === b.MsgKey && m.From_Account === b.From_Account && m.To_Account === b.To_Account);
		if (!message) throw new Fail(90054, 'invalid MsgKey');
		message.MsgFlagBits |= 8;
		return {};
	}

	/**
	 * openim/admin_getroammsg (https://trtc.io/document/35478, zh https://cloud.tencent.com/document/product/269/42794):
	 * Operator_Account, Peer_Account, MaxCnt, MinTime, MaxTime required; newest first; the next page
	 * sends MaxTime = LastMsgTime and LastMsgKey until Complete is 1; answers are capped (about 13 KB,
	 * modelled as `historyPageSize` messages). Roaming messages are kept 7 days by default (same page),
	 * modelled by `roamingDays`.
	 */
	private getRoamMsg(b: Body): Answer {
		for (const field of ['MaxCnt', 'MinTime', 'MaxTime']) {
			if (typeof b[field] !== 'number' || !Number.isInteger(b[field])) throw new Fail(90001, `${field} is required`);
		}
		if (!isString(b.Operator_Account) || !isString(b.Peer_Account)) throw new Fail(90001, 'Operator_Account and Peer_Account are required');
		if (!this.users.has(b.Operator_Account)) throw new Fail(90008, 'Operator_Account does not exist');
		if (!this.users.has(b.Peer_Account)) throw new Fail(90003, 'Peer_Account does not exist');
		const me = b.Operator_Account;
		const peer = b.Peer_Account;
		const ordered = this.messages
			.filter((m) => ((m.From_Account === me && m.To_Account === peer) || (m.From_Account === peer && m.To_Account === me)) && !m.clearedFor.has(me))
			.filter((m) => m.MsgTimeStamp >= Number(b.MinTime) && m.MsgTimeStamp <= Number(b.MaxTime))
			.filter((m) => m.MsgTimeStamp > Math.floor(Date.now() / 1000) - this.roamingDays * 86_400)
			.sort((x, y) => y.MsgTimeStamp - x.MsgTimeStamp || y.MsgSeq - x.MsgSeq);
		let start = 0;
		if (b.LastMsgKey !== undefined) {
			const at = ordered.findIndex((m) => m.MsgKey === b.LastMsgKey);
			if (at < 0) throw new Fail(90001, 'LastMsgKey not found');
			start = at + 1;
		}
		const page = ordered.slice(start, start + Math.min(Number(b.MaxCnt), this.historyPageSize));
		const last = page[page.length - 1];
		return {
			Complete: start + page.length >= ordered.length ? 1 : 0,
			MsgCnt: page.length,
			LastMsgTime: last?.MsgTimeStamp ?? 0,
			LastMsgKey: last?.MsgKey ?? '',
			MsgList: page.map((m) => ({
				From_Account: m.From_Account,
				To_Account: m.To_Account,
				MsgSeq: m.MsgSeq,
				MsgRandom: m.MsgRandom,
				MsgTimeStamp: m.MsgTimeStamp,
				MsgFlagBits: m.MsgFlagBits,
				MsgKey: m.MsgKey,
				MsgBody: m.MsgBody,
				CloudCustomData: m.CloudCustomData ?? '',
			})),
		};
	}

	/**
	 * im_open_login_svc/account_import (https://trtc.io/document/34953): UserID required, at most 32
	 * bytes (older pages: Identifier); Nick and FaceUrl strings; importing an existing user succeeds.
	 */
	private accountImport(b: Body): Answer {
		if (!isString(b.UserID) || Buffer.byteLength(b.UserID) > 32) throw new Fail(40601, 'UserID is required (at most 32 bytes)');
		if (b.Nick !== undefined && typeof b.Nick !== 'string') throw new Fail(40601, 'Nick must be a string');
		if (b.FaceUrl !== undefined && typeof b.FaceUrl !== 'string') throw new Fail(40601, 'FaceUrl must be a string');
		this.users.add(b.UserID);
		return {};
	}

	/**
	 * im_open_login_svc/account_check (https://trtc.io/document/34956): CheckItem of 1 to 100
	 * {UserID}; ResultItem per UserID with AccountStatus Imported or NotImported.
	 */
	private accountCheck(b: Body): Answer {
		if (!Array.isArray(b.CheckItem) || b.CheckItem.length === 0 || b.CheckItem.length > 100) throw new Fail(70402, 'CheckItem must hold 1 to 100 entries');
		return {
			ResultItem: (b.CheckItem as Body[]).map((item) => ({
				UserID: item.UserID,
				ResultCode: 0,
				ResultInfo: '',
				AccountStatus: this.users.has(String(item.UserID)) ? 'Imported' : 'NotImported',
			})),
		};
	}
}
