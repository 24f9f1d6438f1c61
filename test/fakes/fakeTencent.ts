/* eslint-disable @n8n/community-nodes/no-restricted-imports */
// A fake Tencent Cloud Chat REST API behaving as the Chat server API documents it: every request is
// signed with a UserSig that is verified the way Tencent's verifiers do (decode, inflate, check
// identifier, SDKAppID, expiry, HMAC); errors come as HTTP 200 with ActionStatus FAIL; sends are
// de-duplicated by MsgRandom/Random; rate limits answer 60007.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';

import type { RecordedRequest, Reply } from './fakeServer';
import { FakeServer, WindowCounter } from './fakeServer';

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
const C2C_DEDUP_MS = 120_000;
const GROUP_DEDUP_MS = 300_000;

class Fail extends Error {
	constructor(
		readonly code: number,
		readonly info: string,
	) {
		super(info);
	}
}

const isUint32 = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 32;
const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

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
	/** Unique deliveries per MsgRandom/Random (duplicates within the dedup window are dropped). */
	deliveries = new Map<number, number>();
	duplicatesDropped = 0;
	/** Every distinct UserSig string that reached the server. */
	userSigsSeen = new Set<string>();
	/** Error codes answered, in order. */
	errorsAnswered: number[] = [];
	rateLimit = new WindowCounter(200, 1000);
	checkRateLimit = new WindowCounter(100, 1000);
	/** Injected faults: the next requests (after auth) answer these codes, one each; 502 = HTTP 502. */
	faults: number[] = [];
	/**
	 * Chooses an injected answer per request (after auth and the rate limit): an error code, or an
	 * HTTP status (500 to 599) answered as an HTML error page; undefined lets the request through.
	 */
	injectFault?: (req: RecordedRequest, command: string) => number | undefined;
	/** Only requests to commands in this set get faults (all when empty). */
	faultCommands = new Set<string>();
	/** Signatures issued at or before this Unix second are treated as expired (70001). */
	expireSignaturesIssuedUpTo = 0;
	/** The app lives in another data center: every request answers 70016. */
	wrongRegion = false;
	conversationPageSize = 3;
	historyPageSize = 3;
	private seq = 1000;
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

	async stop(): Promise<void> {
		await this.server.stop();
	}

	reset(): void {
		this.server.reset();
		this.server.latencyMs = 0;
		this.faults = [];
		this.faultCommands.clear();
		this.errorsAnswered = [];
		this.expireSignaturesIssuedUpTo = 0;
		this.wrongRegion = false;
		this.rateLimit = new WindowCounter(200, 1000);
		this.checkRateLimit = new WindowCounter(100, 1000);
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
		if (req.method !== 'POST' || version !== 'v4' || !service || !command || rest.length > 0 || !this.routes[name]) {
			return this.fail(reply, 60009, `unknown service or command: ${req.rawPath}`);
		}
		const q = req.query;
		if (!q.get('sdkappid')) return this.fail(reply, 60012, 'sdkappid missing in URL');
		if (q.get('contenttype') !== 'json') return this.fail(reply, 60002, 'contenttype must be json');
		const random = q.get('random') ?? '';
		if (!/^\d{1,10}$/.test(random) || Number(random) >= 2 ** 32) return this.fail(reply, 60002, 'random must be a uint32');
		const identifier = q.get('identifier') ?? '';
		const userSig = q.get('usersig') ?? '';
		if (!identifier || !userSig) return this.fail(reply, 60004, 'identifier or usersig missing');
		if (this.wrongRegion || Number(q.get('sdkappid')) !== this.sdkAppId) {
			return this.fail(reply, 70016, 'SDKAppID and the accessed data center are inconsistent');
		}
		this.userSigsSeen.add(userSig);
		const sigCode = verifyUserSig(userSig, { sdkAppId: this.sdkAppId, identifier, secretKey: this.secretKey, now: Math.floor(Date.now() / 1000) });
		req.checks?.push(sigCode === 0 ? `UserSig of ${identifier}: valid for SDKAppID ${this.sdkAppId}` : `UserSig of ${identifier}: invalid (${sigCode})`);
		if (sigCode !== 0) return this.fail(reply, sigCode, `UserSig verification failed (${sigCode})`);
		if (this.expireSignaturesIssuedUpTo > 0 && this.issuedAt(userSig) <= this.expireSignaturesIssuedUpTo) {
			return this.fail(reply, 70001, 'UserSig expired');
		}
		if (!this.admins.has(identifier)) return this.fail(reply, 60010, 'the request requires app admin permissions');
		const limiter = name === 'im_open_login_svc/account_check' ? this.checkRateLimit : this.rateLimit;
		// Counted when the request arrives, as a gateway does (the added latency comes before the handler).
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
		if (req.jsonError || !req.json || typeof req.json !== 'object' || Array.isArray(req.json)) {
			return this.fail(reply, service === 'openim' ? 90001 : 60003, 'request JSON parse error');
		}
		try {
			const answer = this.routes[name](req.json as Body);
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

	private readonly routes: Record<string, (body: Body) => Answer> = {
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

	private deleteConversation(b: Body): Answer {
		for (const wrong of ['GroupId', 'ToGroupId', 'Groupid']) {
			if (wrong in b) throw new Fail(50002, `invalid parameter ${wrong}; use ToGroupid`);
		}
		if (!isString(b.From_Account)) throw new Fail(50002, 'From_Account is required');
		if (b.Type !== 1 && b.Type !== 2) throw new Fail(50002, 'Type must be 1 or 2');
		if (b.ClearRamble !== undefined && b.ClearRamble !== 0 && b.ClearRamble !== 1) throw new Fail(50002, 'ClearRamble must be 0 or 1');
		const peer = b.Type === 1 ? b.To_Account : b.ToGroupid;
		if (!isString(peer)) throw new Fail(50002, b.Type === 1 ? 'To_Account is required' : 'ToGroupid is required');
		if (b.Type === 1 && 'ToGroupid' in b) throw new Fail(50002, 'ToGroupid is not allowed for Type 1');
		if (b.Type === 2 && 'To_Account' in b) throw new Fail(50002, 'To_Account is not allowed for Type 2');
		if (!this.users.has(b.From_Account)) throw new Fail(50001, 'From_Account is not imported');
		this.conversationsOf(b.From_Account).delete(`${b.Type}:${peer}`);
		if (b.ClearRamble === 1 && b.Type === 1) {
			for (const m of this.messages) {
				const between = (m.From_Account === b.From_Account && m.To_Account === peer) || (m.From_Account === peer && m.To_Account === b.From_Account);
				if (between) m.clearedFor.add(b.From_Account);
			}
		}
		return { ErrorDisplay: '' };
	}

	private getList(b: Body): Answer {
		for (const field of ['TimeStamp', 'StartIndex', 'TopTimeStamp', 'TopStartIndex', 'AssistFlags']) {
			if (typeof b[field] !== 'number' || !Number.isInteger(b[field])) throw new Fail(50002, `${field} is required and must be an integer`);
		}
		if (!isString(b.From_Account)) throw new Fail(50002, 'From_Account is required');
		if (!this.users.has(b.From_Account)) throw new Fail(50001, 'From_Account is not imported');
		const first = b.TimeStamp === 0 && b.StartIndex === 0 && b.TopTimeStamp === 0 && b.TopStartIndex === 0;
		if (first) this.listSnapshot = Math.floor(Date.now() / 1000);
		else if (b.TimeStamp !== this.listSnapshot || b.TopTimeStamp !== this.listSnapshot) throw new Fail(50002, 'cursor does not come from the previous page');
		const all = [...this.conversationsOf(b.From_Account).values()];
		const byTime = (x: ConversationEntry, y: ConversationEntry) => y.MsgTime - x.MsgTime;
		// Pinned conversations come only with AssistFlags bit 0.
		const pinned = (Number(b.AssistFlags) & 1) === 1 ? all.filter((c) => c.TopFlag === 1).sort(byTime) : [];
		const normal = all.filter((c) => !pinned.includes(c)).sort(byTime);
		const ordered = [...pinned, ...normal];
		const offset = Number(b.TopStartIndex) + Number(b.StartIndex);
		const end = offset + this.conversationPageSize;
		const page = ordered.slice(offset, end);
		return {
			SessionItem: page.map((c) =>
				c.Type === 1
					? { Type: 1, To_Account: c.peer, MsgTime: c.MsgTime, TopFlag: c.TopFlag }
					: { Type: 2, GroupId: c.peer, MsgTime: c.MsgTime, TopFlag: c.TopFlag },
			),
			CompleteFlag: end >= ordered.length ? 1 : 0,
			TimeStamp: this.listSnapshot,
			StartIndex: Math.max(0, end - pinned.length),
			TopTimeStamp: this.listSnapshot,
			TopStartIndex: Math.min(end, pinned.length),
			ErrorDisplay: '',
		};
	}

	private checkMsgBody(body: unknown): asserts body is unknown[] {
		if (!Array.isArray(body) || body.length === 0) throw new Fail(90001, 'MsgBody must be a non-empty array');
		for (const element of body as Array<Record<string, unknown>>) {
			if (!element || !ELEMENT_TYPES.has(String(element.MsgType)) || typeof element.MsgContent !== 'object') throw new Fail(90001, 'invalid MsgBody element');
			const content = element.MsgContent as Record<string, unknown>;
			if (element.MsgType === 'TIMTextElem' && typeof content.Text !== 'string') throw new Fail(90001, 'TIMTextElem needs Text');
			if (element.MsgType === 'TIMCustomElem' && typeof content.Data !== 'string') throw new Fail(90001, 'TIMCustomElem needs Data');
		}
	}

	private checkC2cOptions(b: Body): void {
		if (b.From_Account !== undefined && (!isString(b.From_Account) || !this.users.has(b.From_Account))) throw new Fail(90008, 'From_Account does not exist');
		if (b.MsgLifeTime !== undefined && (!Number.isInteger(b.MsgLifeTime) || Number(b.MsgLifeTime) < 0 || Number(b.MsgLifeTime) > 604800)) {
			throw new Fail(90026, 'invalid MsgLifeTime');
		}
		if (b.SyncOtherMachine !== undefined && b.SyncOtherMachine !== 1 && b.SyncOtherMachine !== 2) throw new Fail(90001, 'SyncOtherMachine must be 1 or 2');
		if (b.CloudCustomData !== undefined && typeof b.CloudCustomData !== 'string') throw new Fail(90001, 'CloudCustomData must be a string');
		if (!isUint32(b.MsgRandom)) throw new Fail(90001, 'MsgRandom must be a uint32');
		this.checkMsgBody(b.MsgBody);
	}

	private deliver(from: string, to: string, b: Body): Answer {
		const now = Date.now();
		const dedupKey = `c2c|${from}|${to}|${String(b.MsgRandom)}|${JSON.stringify(b.MsgBody)}`;
		const recent = this.recentSends.get(dedupKey);
		if (recent && now - recent.at < C2C_DEDUP_MS) {
			this.duplicatesDropped++;
			return recent.answer;
		}
		const seq = ++this.seq;
		const time = Math.floor(now / 1000);
		const msgKey = `${seq}_${String(b.MsgRandom)}_${time}`;
		this.messages.push({
			From_Account: from,
			To_Account: to,
			MsgSeq: seq,
			MsgRandom: Number(b.MsgRandom),
			MsgTimeStamp: time,
			MsgKey: msgKey,
			MsgBody: b.MsgBody as unknown[],
			CloudCustomData: b.CloudCustomData as string | undefined,
			MsgFlagBits: 0,
			clearedFor: new Set(),
			request: b,
		});
		this.deliveries.set(Number(b.MsgRandom), (this.deliveries.get(Number(b.MsgRandom)) ?? 0) + 1);
		// The first message starts the conversation on both sides.
		this.addConversation(from, 1, to, time);
		this.addConversation(to, 1, from, time);
		const answer = { MsgTime: time, MsgKey: msgKey, MsgId: `${msgKey}-id` };
		this.recentSends.set(dedupKey, { at: now, answer });
		return answer;
	}

	private sendMsg(b: Body): Answer {
		if (!isString(b.To_Account)) throw new Fail(90003, 'To_Account is missing');
		if (!this.users.has(b.To_Account)) throw new Fail(90003, 'To_Account does not exist');
		this.checkC2cOptions(b);
		return this.deliver(isString(b.From_Account) ? b.From_Account : this.admin, b.To_Account, b);
	}

	private batchSendMsg(b: Body): Answer {
		if (!Array.isArray(b.To_Account) || b.To_Account.length === 0) throw new Fail(90001, 'To_Account must be a non-empty array');
		if (b.To_Account.length > 500) throw new Fail(90001, 'at most 500 recipients per call');
		this.checkC2cOptions(b);
		const from = isString(b.From_Account) ? b.From_Account : this.admin;
		const errors: Answer[] = [];
		let msgKey = '';
		for (const to of b.To_Account as unknown[]) {
			if (!isString(to) || !this.users.has(to)) {
				errors.push({ To_Account: to, ErrorCode: 90003 });
				continue;
			}
			msgKey = String(this.deliver(from, to, b).MsgKey);
		}
		return errors.length > 0 ? { MsgKey: msgKey, ErrorList: errors } : { MsgKey: msgKey };
	}

	private sendGroupMsg(b: Body): Answer {
		if ('ToGroupid' in b || 'GroupID' in b) throw new Fail(10004, 'use GroupId');
		if (!isString(b.GroupId)) throw new Fail(10004, 'GroupId is required');
		const members = this.groups.get(b.GroupId);
		if (!members) throw new Fail(10010, 'group does not exist');
		if (!isUint32(b.Random)) throw new Fail(10004, 'Random must be a uint32');
		this.checkMsgBody(b.MsgBody);
		const from = isString(b.From_Account) ? b.From_Account : this.admin;
		if (from !== this.admin && !members.has(from)) throw new Fail(10007, 'sender is not a group member');
		if (b.OnlineOnlyFlag !== undefined && b.OnlineOnlyFlag !== 0 && b.OnlineOnlyFlag !== 1) throw new Fail(10004, 'OnlineOnlyFlag must be 0 or 1');
		const now = Date.now();
		const dedupKey = `group|${b.GroupId}|${String(b.Random)}|${JSON.stringify(b.MsgBody)}`;
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
		const answer = { MsgTime: time, MsgSeq: seq };
		this.recentSends.set(dedupKey, { at: now, answer });
		return answer;
	}

	private withdraw(b: Body): Answer {
		if (!isString(b.From_Account) || !isString(b.To_Account) || !isString(b.MsgKey)) throw new Fail(90001, 'From_Account, To_Account and MsgKey are required');
		if (!this.users.has(b.From_Account)) throw new Fail(90008, 'From_Account does not exist');
		if (!this.users.has(b.To_Account)) throw new Fail(90003, 'To_Account does not exist');
		const message = this.messages.find((m) => m.MsgKey === b.MsgKey && m.From_Account === b.From_Account && m.To_Account === b.To_Account);
		if (!message) throw new Fail(90054, 'invalid MsgKey');
		message.MsgFlagBits |= 8;
		return {};
	}

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

	private accountImport(b: Body): Answer {
		if ('Identifier' in b) throw new Fail(40601, 'use UserID');
		if (!isString(b.UserID) || Buffer.byteLength(b.UserID) > 32) throw new Fail(40601, 'UserID is required (at most 32 bytes)');
		if (b.Nick !== undefined && typeof b.Nick !== 'string') throw new Fail(40601, 'Nick must be a string');
		if (b.FaceUrl !== undefined && typeof b.FaceUrl !== 'string') throw new Fail(40601, 'FaceUrl must be a string');
		this.users.add(b.UserID);
		return {};
	}

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
