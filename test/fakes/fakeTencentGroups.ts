// The group commands of the fake Tencent Cloud Chat API (group_open_http_svc), as the Chat server API
// documents them. Membership lives in FakeTencent.groups (a group's member set), which send_group_msg
// checks too; this file keeps the rest of a group's state: profile, member roles, mutes.
// Each rule cites its page. Where a page leaves something open, the comment says which reading was
// taken: the one that loses no data.
// - Group types, roles, profile fields: https://trtc.io/document/33529, https://cloud.tencent.com/document/product/269/1502
// - Group error codes (10002 to 10038): https://trtc.io/document/34348
// - Field limits also from Tencent's OpenAPI description: TencentCloud/tencentcloud-im-sdk-java docs/*Group*.md
import { randomInt } from 'node:crypto';

import { WindowCounter } from './fakeServer';
import type { FakeTencent } from './fakeTencent';
import { Fail } from './fakeTencent';

type Body = Record<string, unknown>;
type Answer = Record<string, unknown>;

const GROUP_TYPES = new Set(['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community']);
const APPLY_JOIN_OPTIONS = new Set(['FreeAccess', 'NeedPermission', 'DisableApply']);
/** Byte limits: Name 30, Introduction 240, Notification 300, FaceUrl 100 (OpenAPI CreateGroupRequest, 269/1502). */
const PROFILE_BYTES: Record<string, number> = { Name: 30, Introduction: 240, Notification: 300, FaceUrl: 100 };
/**
 * Group IDs are at most 48 bytes; IDs Tencent assigns start with "@TGS#" (269/1502). Further rules
 * for custom IDs (prefixes per type) were not found in the pages' text: only length and uniqueness
 * are enforced, the reading that refuses no request the platform may take.
 */
const GROUP_ID_BYTES = 48;

export interface FakeGroupProfile {
	Type: string;
	Name: string;
	Introduction: string;
	Notification: string;
	FaceUrl: string;
	Owner_Account: string;
	CreateTime: number;
	InfoSeq: number;
	LastInfoTime: number;
	MaxMemberNum: number;
	ApplyJoinOption: string;
	MuteAllMember: 'On' | 'Off';
}

export interface FakeGroupMember {
	Role: 'Owner' | 'Admin' | 'Member';
	JoinTime: number;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isUint32 = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 32;
const now = () => Math.floor(Date.now() / 1000);

export class FakeTencentGroups {
	/** Profiles of groups; a group made with FakeTencent.addGroup gets a default Public profile when first read. */
	readonly profiles = new Map<string, FakeGroupProfile>();
	/** Roles and join times per group and member. */
	readonly members = new Map<string, Map<string, FakeGroupMember>>();
	/**
	 * Mute end times (Unix seconds) per `group|user`. Kept apart from membership: "when muted users
	 * leave and then enter the group again, they remain muted" (https://trtc.io/document/34951).
	 */
	readonly mutedUntil = new Map<string, number>();
	/** Groups that were disbanded (their IDs answer 10010, IDs never seen 10015). */
	readonly disbanded = new Set<string>();
	/** get_appid_group_list: "Maximum call frequency: 1 times/second" (https://trtc.io/document/34960). */
	listRateLimit = new WindowCounter(1, 1000);
	/** Default MaxMemberNum: the edition's limit, e.g. 200 for Work groups (https://trtc.io/document/33529). */
	defaultMaxMembers = 2000;

	constructor(private readonly fake: FakeTencent) {}

	reset(): void {
		this.listRateLimit = new WindowCounter(1, 1000);
	}

	/** Forgets every group's profile, roles, mutes and disbanded IDs (membership is FakeTencent.groups). */
	clear(): void {
		this.profiles.clear();
		this.members.clear();
		this.mutedUntil.clear();
		this.disbanded.clear();
	}

	/** The limiter of a command with a limit of its own, if any. */
	limiterFor(command: string): WindowCounter | undefined {
		return command === 'group_open_http_svc/get_appid_group_list' ? this.listRateLimit : undefined;
	}

	readonly routes: Record<string, (body: Body) => Answer> = {
		'group_open_http_svc/create_group': (b) => this.createGroup(b),
		'group_open_http_svc/get_group_info': (b) => this.getGroupInfo(b),
		'group_open_http_svc/get_appid_group_list': (b) => this.getAppidGroupList(b),
		'group_open_http_svc/modify_group_base_info': (b) => this.modifyGroupBaseInfo(b),
		'group_open_http_svc/destroy_group': (b) => this.destroyGroup(b),
		'group_open_http_svc/add_group_member': (b) => this.addGroupMember(b),
		'group_open_http_svc/delete_group_member': (b) => this.deleteGroupMember(b),
		'group_open_http_svc/get_group_member_info': (b) => this.getGroupMemberInfo(b),
		'group_open_http_svc/forbid_send_msg': (b) => this.forbidSendMsg(b),
	};

	/**
	 * send_group_msg: "10017: the sender is muted" (https://cloud.tencent.com/document/product/269/1629).
	 * With MuteAllMember "On" (https://trtc.io/document/34962) only the owner and admins speak
	 * (roles, https://trtc.io/document/33529); the App admin has the owner's rights in every group.
	 */
	checkSend(groupId: string, from: string): void {
		if ((this.mutedUntil.get(`${groupId}|${from}`) ?? 0) > now()) throw new Fail(10017, 'the sender is muted in this group');
		if (this.profiles.get(groupId)?.MuteAllMember === 'On' && !this.fake.admins.has(from)) {
			const role = this.members.get(groupId)?.get(from)?.Role;
			if (role !== 'Owner' && role !== 'Admin') throw new Fail(10017, 'all members are muted in this group');
		}
	}

	/** Whether a user is muted in a group now. */
	isMuted(groupId: string, user: string): boolean {
		return (this.mutedUntil.get(`${groupId}|${user}`) ?? 0) > now();
	}

	profile(groupId: string): FakeGroupProfile {
		let profile = this.profiles.get(groupId);
		if (!profile) {
			profile = {
				Type: 'Public',
				Name: groupId.slice(0, 30),
				Introduction: '',
				Notification: '',
				FaceUrl: '',
				Owner_Account: '',
				CreateTime: now(),
				InfoSeq: 1,
				LastInfoTime: now(),
				MaxMemberNum: this.defaultMaxMembers,
				ApplyJoinOption: 'NeedPermission',
				MuteAllMember: 'Off',
			};
			this.profiles.set(groupId, profile);
		}
		return profile;
	}

	private memberOf(groupId: string, user: string): FakeGroupMember {
		let roles = this.members.get(groupId);
		if (!roles) {
			roles = new Map();
			this.members.set(groupId, roles);
		}
		let member = roles.get(user);
		if (!member) {
			member = { Role: this.profiles.get(groupId)?.Owner_Account === user ? 'Owner' : 'Member', JoinTime: now() };
			roles.set(user, member);
		}
		return member;
	}

	/** An existing group's member set; 10010 for a disbanded group, 10015 for an ID never seen (error code list, https://trtc.io/document/34348). */
	private existing(groupId: unknown): { id: string; set: Set<string> } {
		if (!isString(groupId)) throw new Fail(10004, 'GroupId is required');
		const set = this.fake.groups.get(groupId);
		if (!set) throw this.disbanded.has(groupId) ? new Fail(10010, 'the group has been disbanded') : new Fail(10015, 'invalid group ID');
		return { id: groupId, set };
	}

	/**
	 * The fields a page lists. A field it does not list is refused (10004), so that a misspelled one
	 * (create_group's MaxMemberCount is modify_group_base_info's MaxMemberNum) cannot be dropped
	 * silently; what Tencent does with unknown fields is not documented.
	 */
	private onlyFields(b: Body, allowed: string[]): void {
		const unknown = Object.keys(b).filter((key) => !allowed.includes(key));
		if (unknown.length > 0) throw new Fail(10004, `unknown field(s): ${unknown.join(', ')}`);
	}

	private checkProfileTexts(b: Body): void {
		for (const [field, max] of Object.entries(PROFILE_BYTES)) {
			if (b[field] === undefined) continue;
			if (typeof b[field] !== 'string' || Buffer.byteLength(b[field] as string) > max) throw new Fail(10004, `${field} must be a string of at most ${max} bytes`);
		}
		if (b.ApplyJoinOption !== undefined && !APPLY_JOIN_OPTIONS.has(String(b.ApplyJoinOption))) throw new Fail(10004, 'ApplyJoinOption must be FreeAccess, NeedPermission or DisableApply');
	}

	/**
	 * create_group (https://trtc.io/document/34895, zh https://cloud.tencent.com/document/product/269/1615):
	 * Type and Name required; GroupId optional (a custom ID; in use: 10021); Owner_Account and members
	 * must be imported users (10019); AVChatRoom takes no members ("error 10007 will be returned").
	 * The initial MemberList is read as at most 100 entries (Tencent's examples; the JS SDK says 500):
	 * the smaller reading, more members are added with add_group_member. Answer GroupId; an assigned
	 * ID starts with @TGS#. Not idempotent: without a custom ID a repeat creates a second group.
	 */
	private createGroup(b: Body): Answer {
		this.onlyFields(b, ['Owner_Account', 'Type', 'GroupId', 'Name', 'Introduction', 'Notification', 'FaceUrl', 'MaxMemberCount', 'ApplyJoinOption', 'MemberList', 'AppDefinedData', 'InviteJoinOption', 'SupportTopic']);
		if (!GROUP_TYPES.has(String(b.Type))) throw new Fail(10004, 'Type must be Public, Private, ChatRoom, AVChatRoom or Community');
		if (!isString(b.Name)) throw new Fail(10004, 'Name is required');
		this.checkProfileTexts(b);
		if (b.MaxMemberCount !== undefined && (!Number.isInteger(b.MaxMemberCount) || Number(b.MaxMemberCount) < 1)) throw new Fail(10004, 'MaxMemberCount must be a positive integer');
		if (b.GroupId !== undefined) {
			if (!isString(b.GroupId) || Buffer.byteLength(b.GroupId) > GROUP_ID_BYTES) throw new Fail(10004, 'GroupId must be a string of at most 48 bytes');
			if (this.fake.groups.has(b.GroupId) || this.disbanded.has(b.GroupId)) throw new Fail(10021, 'the group ID is already used');
		}
		if (b.Owner_Account !== undefined && (!isString(b.Owner_Account) || !this.fake.users.has(b.Owner_Account))) throw new Fail(10019, 'Owner_Account does not exist');
		const list = b.MemberList;
		if (list !== undefined) {
			if (!Array.isArray(list) || list.some((m) => !m || typeof m !== 'object' || !isString((m as Body).Member_Account))) throw new Fail(10004, 'MemberList must hold {Member_Account}');
			if (b.Type === 'AVChatRoom' && list.length > 0) throw new Fail(10007, 'audio-video groups take no members at creation');
			if (list.length > 100) throw new Fail(10004, 'at most 100 members at creation');
			for (const m of list as Body[]) if (!this.fake.users.has(String(m.Member_Account))) throw new Fail(10019, `${String(m.Member_Account)} does not exist`);
		}
		const type = String(b.Type);
		const id = isString(b.GroupId) ? b.GroupId : `@TGS#${type === 'AVChatRoom' ? 'a' : type === 'Community' ? '_' : '1'}${randomInt(0, 2 ** 32).toString(36).toUpperCase()}`;
		const owner = isString(b.Owner_Account) ? b.Owner_Account : '';
		this.profiles.set(id, {
			Type: type,
			Name: b.Name,
			Introduction: String(b.Introduction ?? ''),
			Notification: String(b.Notification ?? ''),
			FaceUrl: String(b.FaceUrl ?? ''),
			Owner_Account: owner,
			CreateTime: now(),
			InfoSeq: 1,
			LastInfoTime: now(),
			MaxMemberNum: Number(b.MaxMemberCount ?? this.defaultMaxMembers),
			ApplyJoinOption: String(b.ApplyJoinOption ?? 'NeedPermission'),
			MuteAllMember: 'Off',
		});
		this.members.delete(id);
		const set = new Set<string>();
		// "If a group owner or group member list is specified, they are automatically added to the group" (34895).
		if (owner) set.add(owner);
		for (const m of (list as Body[] | undefined) ?? []) set.add(String(m.Member_Account));
		this.fake.groups.set(id, set);
		for (const user of set) this.memberOf(id, user);
		return { GroupId: id };
	}

	/**
	 * get_group_info (https://trtc.io/document/34961, zh https://cloud.tencent.com/document/product/269/1616):
	 * GroupIdList of at most 50 IDs; one GroupInfo entry per ID with its own ErrorCode. Without a
	 * ResponseFilter every basic field and the member list come back; with one, only the listed basic
	 * fields, and members only when MemberInfoFilter is given (the page's two filter examples).
	 */
	private getGroupInfo(b: Body): Answer {
		const ids = b.GroupIdList;
		if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => !isString(id))) throw new Fail(10004, 'GroupIdList must be a non-empty array of IDs');
		if (ids.length > 50) throw new Fail(10004, 'at most 50 groups per request');
		const filter = b.ResponseFilter as Body | undefined;
		if (filter !== undefined && (typeof filter !== 'object' || filter === null || Array.isArray(filter))) throw new Fail(10004, 'ResponseFilter must be an object');
		const baseFilter = filter?.GroupBaseInfoFilter as string[] | undefined;
		const withMembers = !filter || filter.MemberInfoFilter !== undefined;
		return {
			GroupInfo: (ids as string[]).map((id) => {
				const set = this.fake.groups.get(id);
				if (!set) return this.disbanded.has(id) ? { GroupId: id, ErrorCode: 10010, ErrorInfo: 'the group has been disbanded' } : { GroupId: id, ErrorCode: 10015, ErrorInfo: 'invalid group ID' };
				const p = this.profile(id);
				const messages = this.fake.groupMessages.filter((m) => m.GroupId === id);
				const base: Answer = {
					...p,
					LastMsgTime: messages.length > 0 ? messages[messages.length - 1].MsgTime : 0,
					NextMsgSeq: messages.length + 1,
					MemberNum: set.size,
				};
				const info: Answer = { GroupId: id, ErrorCode: 0, ErrorInfo: '' };
				for (const [key, value] of Object.entries(base)) if (!baseFilter || baseFilter.includes(key)) info[key] = value;
				if (withMembers) info.MemberList = [...set].map((user) => this.memberEntry(id, user));
				if (!filter) info.AppDefinedData = [];
				return info;
			}),
		};
	}

	private memberEntry(groupId: string, user: string): Answer {
		const member = this.memberOf(groupId, user);
		const until = this.mutedUntil.get(`${groupId}|${user}`) ?? 0;
		return {
			Member_Account: user,
			Role: member.Role,
			JoinTime: member.JoinTime,
			MsgSeq: 0,
			MsgFlag: 'AcceptAndNotify',
			LastSendMsgTime: 0,
			ShutUpUntil: until > now() ? until : 0,
			NameCard: '',
		};
	}

	/**
	 * get_appid_group_list (https://trtc.io/document/34960, zh https://cloud.tencent.com/document/product/269/1614):
	 * Limit at most 10,000 (default 10,000); Next 0 on the first page, then the Next of the last
	 * answer; Next 0 in an answer: all groups listed; GroupType filters by type (TotalCount then
	 * counts that type). The page does not say what Next holds: here the offset of the next group.
	 */
	private getAppidGroupList(b: Body): Answer {
		this.onlyFields(b, ['Limit', 'Next', 'GroupType']);
		if (b.Limit !== undefined && (!Number.isInteger(b.Limit) || Number(b.Limit) < 1 || Number(b.Limit) > 10_000)) throw new Fail(10004, 'Limit must be 1 to 10000');
		if (b.Next !== undefined && (!Number.isInteger(b.Next) || Number(b.Next) < 0)) throw new Fail(10004, 'Next must be a non-negative integer');
		if (b.GroupType !== undefined && !GROUP_TYPES.has(String(b.GroupType))) throw new Fail(10004, 'unknown GroupType');
		const ids = [...this.fake.groups.keys()].filter((id) => b.GroupType === undefined || this.profile(id).Type === b.GroupType);
		const start = Number(b.Next ?? 0);
		const end = start + Number(b.Limit ?? 10_000);
		return {
			TotalCount: ids.length,
			GroupIdList: ids.slice(start, end).map((GroupId) => ({ GroupId })),
			Next: end < ids.length ? end : 0,
		};
	}

	/**
	 * modify_group_base_info (https://trtc.io/document/34962, zh https://cloud.tencent.com/document/product/269/1620):
	 * GroupId required; Name, Introduction, Notification, FaceUrl, MaxMemberNum, ApplyJoinOption,
	 * MuteAllMember ("On"/"Off") optional; limits as at creation. Unknown group: 10010/10015.
	 */
	private modifyGroupBaseInfo(b: Body): Answer {
		this.onlyFields(b, [
			'GroupId',
			'Name',
			'Introduction',
			'Notification',
			'FaceUrl',
			'MaxMemberNum',
			'ApplyJoinOption',
			'MuteAllMember',
			'InviteJoinOption',
			'AppDefinedData',
			'From_Account',
			'EnablePermission',
			'DefaultPermission',
			'HistoryMsgBeforeJoin',
		]);
		const { id } = this.existing(b.GroupId);
		if (b.Name !== undefined && !isString(b.Name)) throw new Fail(10004, 'Name must not be empty');
		this.checkProfileTexts(b);
		if (b.MaxMemberNum !== undefined && (!Number.isInteger(b.MaxMemberNum) || Number(b.MaxMemberNum) < 1)) throw new Fail(10004, 'MaxMemberNum must be a positive integer');
		if (b.MuteAllMember !== undefined && b.MuteAllMember !== 'On' && b.MuteAllMember !== 'Off') throw new Fail(10004, 'MuteAllMember must be On or Off');
		const p = this.profile(id);
		for (const field of ['Name', 'Introduction', 'Notification', 'FaceUrl', 'ApplyJoinOption', 'MuteAllMember'] as const) {
			if (b[field] !== undefined) (p as unknown as Record<string, unknown>)[field] = b[field];
		}
		if (b.MaxMemberNum !== undefined) p.MaxMemberNum = Number(b.MaxMemberNum);
		p.InfoSeq++;
		p.LastInfoTime = now();
		return {};
	}

	/**
	 * destroy_group (https://trtc.io/document/34896, zh https://cloud.tencent.com/document/product/269/1624):
	 * GroupId required; "the group disbanding operation is irrevocable". The group and its members
	 * are gone afterwards; its ID then answers 10010.
	 */
	private destroyGroup(b: Body): Answer {
		this.onlyFields(b, ['GroupId']);
		const { id } = this.existing(b.GroupId);
		this.fake.groups.delete(id);
		this.profiles.delete(id);
		this.members.delete(id);
		this.disbanded.add(id);
		return {};
	}

	/**
	 * add_group_member (https://trtc.io/document/34921, zh https://cloud.tencent.com/document/product/269/1621):
	 * GroupId and MemberList [{Member_Account}] of up to 300 ("up to 300 members can be added at a
	 * time"; older pages 500: the smaller reading); Silence 0 or 1; AVChatRoom answers 10007. Per
	 * member Result 0 failed (here: a user never imported), 1 added, 2 already a member. A call that
	 * would pass MaxMemberNum is refused whole with 10014 (group full), nothing added.
	 */
	private addGroupMember(b: Body): Answer {
		this.onlyFields(b, ['GroupId', 'MemberList', 'Silence']);
		const { id, set } = this.existing(b.GroupId);
		const list = b.MemberList;
		if (!Array.isArray(list) || list.length === 0 || list.some((m) => !m || typeof m !== 'object' || !isString((m as Body).Member_Account))) throw new Fail(10004, 'MemberList must hold {Member_Account}');
		// 10005: too many accounts in one request (https://trtc.io/document/34348).
		if (list.length > 300) throw new Fail(10005, 'at most 300 members per request');
		if (b.Silence !== undefined && b.Silence !== 0 && b.Silence !== 1) throw new Fail(10004, 'Silence must be 0 or 1');
		const p = this.profile(id);
		if (p.Type === 'AVChatRoom') throw new Fail(10007, 'audio-video groups do not support adding members');
		const accounts = (list as Body[]).map((m) => String(m.Member_Account));
		const joining = accounts.filter((user, i) => this.fake.users.has(user) && !set.has(user) && accounts.indexOf(user) === i);
		if (set.size + joining.length > p.MaxMemberNum) throw new Fail(10014, 'the group is full');
		return {
			MemberList: accounts.map((user) => {
				if (!this.fake.users.has(user)) return { Member_Account: user, Result: 0 };
				if (set.has(user)) return { Member_Account: user, Result: 2 };
				set.add(user);
				this.members.get(id)?.delete(user);
				this.memberOf(id, user);
				return { Member_Account: user, Result: 1 };
			}),
		};
	}

	/**
	 * delete_group_member (https://trtc.io/document/34949, zh https://cloud.tencent.com/document/product/269/1622):
	 * GroupId and MemberToDel_Account (up to 100); Silence 0 or 1; Reason a string; "even if a user
	 * to be deleted is not in the group, the API will still return success"; AVChatRoom: 10004.
	 */
	private deleteGroupMember(b: Body): Answer {
		this.onlyFields(b, ['GroupId', 'MemberToDel_Account', 'Silence', 'Reason']);
		const { id, set } = this.existing(b.GroupId);
		const list = b.MemberToDel_Account;
		if (!Array.isArray(list) || list.length === 0 || list.some((u) => !isString(u))) throw new Fail(10004, 'MemberToDel_Account must be a non-empty array of UserIDs');
		if (list.length > 100) throw new Fail(10005, 'at most 100 members per request');
		if (b.Silence !== undefined && b.Silence !== 0 && b.Silence !== 1) throw new Fail(10004, 'Silence must be 0 or 1');
		if (b.Reason !== undefined && typeof b.Reason !== 'string') throw new Fail(10004, 'Reason must be a string');
		if (this.profile(id).Type === 'AVChatRoom') throw new Fail(10004, 'audio-video groups do not support deleting members');
		for (const user of list as string[]) {
			set.delete(user);
			this.members.get(id)?.delete(user);
		}
		return {};
	}

	/**
	 * get_group_member_info (https://trtc.io/document/34948, zh https://cloud.tencent.com/document/product/269/1617):
	 * GroupId required; Limit and Offset page ("Limit: the maximum number of members per page"); a
	 * Community group pages with Next ("the pagination getting method is changed to the batch getting
	 * method based on the Next field"): the first page sends none (or Offset 0), later pages the Next
	 * of the last answer, "" when done. AVChatRoom: not supported, answered 10007 (the page names no
	 * code). Answer MemberNum (all members) and MemberList.
	 */
	private getGroupMemberInfo(b: Body): Answer {
		this.onlyFields(b, ['GroupId', 'Limit', 'Offset', 'Next', 'MemberInfoFilter', 'MemberRoleFilter', 'AppDefinedDataFilter_GroupMember']);
		const { id, set } = this.existing(b.GroupId);
		if (b.Limit !== undefined && (!Number.isInteger(b.Limit) || Number(b.Limit) < 1)) throw new Fail(10004, 'Limit must be a positive integer');
		if (b.Offset !== undefined && (!Number.isInteger(b.Offset) || Number(b.Offset) < 0)) throw new Fail(10004, 'Offset must be a non-negative integer');
		if (b.Next !== undefined && typeof b.Next !== 'string') throw new Fail(10004, 'Next must be a string');
		const p = this.profile(id);
		if (p.Type === 'AVChatRoom') throw new Fail(10007, 'audio-video groups do not list members');
		const all = [...set];
		const limit = Number(b.Limit ?? all.length);
		if (p.Type === 'Community') {
			if (b.Offset !== undefined && b.Offset !== 0) throw new Fail(10004, 'Community groups page with Next, not Offset');
			const start = b.Next ? Number(b.Next) : 0;
			if (!Number.isInteger(start) || start < 0) throw new Fail(10004, 'invalid Next');
			const end = start + limit;
			return { MemberNum: all.length, MemberList: all.slice(start, end).map((user) => this.memberEntry(id, user)), Next: end < all.length ? String(end) : '' };
		}
		if (b.Next !== undefined) throw new Fail(10004, 'only Community groups page with Next');
		const start = Number(b.Offset ?? 0);
		return { MemberNum: all.length, MemberList: all.slice(start, start + limit).map((user) => this.memberEntry(id, user)) };
	}

	/**
	 * forbid_send_msg (https://trtc.io/document/34951, zh https://cloud.tencent.com/document/product/269/1627):
	 * GroupId, Members_Account (up to 500) and MuteTime (seconds, uint32; 0 unmutes; older pages call
	 * it ShutUpTime) required. "Private groups (work groups) do not support muting members": the page
	 * names no code, answered 10007. A muted member's send_group_msg answers 10017.
	 */
	private forbidSendMsg(b: Body): Answer {
		this.onlyFields(b, ['GroupId', 'Members_Account', 'MuteTime', 'TopicId']);
		const { id } = this.existing(b.GroupId);
		const list = b.Members_Account;
		if (!Array.isArray(list) || list.length === 0 || list.some((u) => !isString(u))) throw new Fail(10004, 'Members_Account must be a non-empty array of UserIDs');
		if (list.length > 500) throw new Fail(10005, 'at most 500 accounts per request');
		if (!isUint32(b.MuteTime)) throw new Fail(10004, 'MuteTime must be a uint32 of seconds');
		if (this.profile(id).Type === 'Private') throw new Fail(10007, 'work groups do not support muting members');
		for (const user of list as string[]) {
			if (b.MuteTime === 0) this.mutedUntil.delete(`${id}|${user}`);
			else this.mutedUntil.set(`${id}|${user}`, now() + Number(b.MuteTime));
		}
		return {};
	}
}
