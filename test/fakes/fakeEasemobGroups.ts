// Groups and chat rooms of the fake Easemob server (fakeEasemob.ts routes their requests here),
// modelled on the platform's pages, not on the node. Pages (Chinese originals, easemob/easemob-doc,
// branch doc-v2):
//   GROUPS   https://doc.easemob.com/document/server-side/group_manage.html
//   MEMBERS  https://doc.easemob.com/document/server-side/group_member.html
//   ROOMS    https://doc.easemob.com/document/server-side/chatroom_manage.html
//   ROOMMSG  https://doc.easemob.com/document/server-side/message_chatroom.html
//   LIMITS   https://doc.easemob.com/document/server-side/limitationapi.html
// Where a page states a rule without its error text, the comment says so and the fake refuses with
// the nearest documented error (the reading that loses no data).
import type { RecordedRequest, Reply } from './fakeServer';
import { WindowCounter } from './fakeServer';

export const EASEMOB_GROUP_DOCS = {
	groups: 'https://doc.easemob.com/document/server-side/group_manage.html',
	members: 'https://doc.easemob.com/document/server-side/group_member.html',
	rooms: 'https://doc.easemob.com/document/server-side/chatroom_manage.html',
	roomMessages: 'https://doc.easemob.com/document/server-side/message_chatroom.html',
} as const;

export interface FakeGroup {
	id: string;
	app: string;
	name?: string;
	description?: string;
	avatar?: string;
	public: boolean;
	maxusers: number;
	membersonly: boolean;
	allowinvites: boolean;
	invite_need_confirm: boolean;
	custom: string;
	/** Lower-case user IDs (Easemob user IDs ignore case). */
	owner: string;
	/** Members besides the owner, lower-case, in joining order. */
	members: string[];
	created: number;
	lastModified: number;
}

export interface FakeChatRoom {
	id: string;
	app: string;
	name: string;
	description: string;
	maxusers: number;
	owner: string;
	members: string[];
	custom: string;
	created: number;
}

/** What the groups need from the fake server they live in. */
export interface GroupHost {
	groups(): Map<string, FakeGroup>;
	userExists(app: string, username: string): boolean;
	orgName(): string;
	error(reply: Reply, status: number, error: string, description: string, exception?: string): void;
	invalidBody(reply: Reply): void;
	envelope(req: RecordedRequest, app: string, extra: Record<string, unknown>): Record<string, unknown>;
}

/** Seeded groups of any app (the IDs the send tests use), owned by "admin". */
export function seedGroups(ids: string[]): Map<string, FakeGroup> {
	return new Map(ids.map((id) => [id, newGroup(id, '', 'admin')]));
}

function newGroup(id: string, app: string, owner: string): FakeGroup {
	const now = Date.now();
	return { id, app, public: false, maxusers: 200, membersonly: false, allowinvites: false, invite_need_confirm: true, custom: '', owner, members: [], created: now, lastModified: now };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const cursorOf = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

export class FakeEasemobGroups {
	readonly chatrooms = new Map<string, FakeChatRoom>();
	/** POST /chatrooms: 50 calls/s per app (LIMITS, 聊天室管理). */
	readonly chatroomCreateLimit = new WindowCounter(50, 1000);
	/** POST /messages/chatrooms: 20 calls/s per app, the 21st → 429 (ROOMMSG "发送频率"). */
	readonly chatroomCallLimit = new WindowCounter(20, 1000);
	private nextId = 208_571_394_080_769n;

	constructor(private readonly host: GroupHost) {}

	/** The call limit of a route when it is not the app's usual 100/s per API (LIMITS). */
	callLimitFor(route: string): WindowCounter | undefined {
		if (route === 'POST chatrooms') return this.chatroomCreateLimit;
		if (route === 'POST messages/chatrooms') return this.chatroomCallLimit;
		return undefined;
	}

	clearLimits(): void {
		this.chatroomCreateLimit.clear();
		this.chatroomCallLimit.clear();
	}

	/**
	 * The route of a group or chat room request with its IDs replaced by placeholders (Easemob counts
	 * calls per API, LIMITS), or undefined when the request is not one of them.
	 */
	static route(method: string, rest: string[]): string | undefined {
		const [resource, id, sub, members] = rest;
		if (resource !== 'chatgroups' && resource !== 'chatrooms') return undefined;
		const parts = [resource];
		if (id !== undefined) parts.push(resource === 'chatgroups' ? ':group' : ':room');
		if (sub !== undefined) parts.push(sub);
		if (members !== undefined) parts.push(':members');
		if (rest.length > 4) parts.push('…');
		return `${method} ${parts.join('/')}`;
	}

	/** Answers a group or chat room request; false when the route is not one this file serves. */
	handle(route: string, req: RecordedRequest, reply: Reply, app: string, rest: string[]): boolean {
		// Path segments arrive decoded once (RecordedRequest.segments), as a server reads them.
		const id = rest[1] ?? '';
		switch (route) {
			case 'POST chatgroups':
				this.createGroup(req, reply, app);
				return true;
			case 'GET chatgroups':
				this.listGroups(req, reply, app);
				return true;
			case 'GET chatgroups/:group':
				this.getGroups(req, reply, app, id);
				return true;
			case 'PUT chatgroups/:group':
				this.updateGroup(req, reply, app, id);
				return true;
			case 'DELETE chatgroups/:group':
				this.deleteGroup(req, reply, app, id);
				return true;
			case 'GET chatgroups/:group/users':
				this.listMembers(req, reply, app, id);
				return true;
			case 'POST chatgroups/:group/users':
				this.addMembers(req, reply, app, id);
				return true;
			case 'DELETE chatgroups/:group/users/:members':
				this.removeMembers(req, reply, app, id, rest[3]);
				return true;
			case 'POST chatrooms':
				this.createChatRoom(req, reply, app);
				return true;
			case 'DELETE chatrooms/:room':
				this.deleteChatRoom(req, reply, app, id);
				return true;
			default:
				return false;
		}
	}

	/** A group of this app. Seeded groups belong to every app; a group the test harness declares present is created on first use. */
	group(app: string, id: string): FakeGroup | undefined {
		const groups = this.host.groups();
		if (!groups.has(id)) return undefined;
		let group = groups.get(id);
		if (!group) groups.set(id, (group = newGroup(id, app, 'admin')));
		return group.app === '' || group.app === app ? group : undefined;
	}

	/** Creates a group directly (test set-up), returning its ID. */
	addGroup(app: string, owner: string, members: string[] = [], settings: Partial<FakeGroup> = {}): string {
		const id = this.newId();
		this.host.groups().set(id, { ...newGroup(id, app, owner.toLowerCase()), members: members.map((m) => m.toLowerCase()), ...settings });
		return id;
	}

	private newId(): string {
		this.nextId += 1n;
		return this.nextId.toString();
	}

	/** 404 resource_not_found "grpID XX does not exist!" (GROUPS and MEMBERS 错误码; ROOMS 解散聊天室 uses the same text). */
	private groupNotFound(reply: Reply, id: string): void {
		this.host.error(reply, 404, 'resource_not_found', `grpID ${id} does not exist!`, 'ResourceNotFoundException');
	}

	/** 404 resource_not_found "username XXXX doesn't exist!" (GROUPS 创建群组, MEMBERS 批量添加, ROOMS 创建聊天室 错误码). */
	private missingUser(reply: Reply, app: string, users: string[]): boolean {
		const missing = users.find((u) => !this.host.userExists(app, u));
		if (missing === undefined) return false;
		this.host.error(reply, 404, 'resource_not_found', `username ${missing} doesn't exist!`, 'ResourceNotFoundException');
		return true;
	}

	private invalidParameter(reply: Reply, description: string): void {
		this.host.error(reply, 400, 'invalid_parameter', description, 'InvalidParameterException');
	}

	/** Text fields with a documented maximum; the pages name the limit but, except for avatar, not the error text. */
	private tooLong(reply: Reply, body: Record<string, unknown>, limits: Record<string, number>): boolean {
		for (const [field, max] of Object.entries(limits)) {
			const value = body[field];
			if (isString(value) && [...value].length > max) {
				// GROUPS 创建群组 错误码: 400 invalid_parameter "avatar length is too big"; the same answer for the others.
				this.invalidParameter(reply, `${field} length is too big`);
				return true;
			}
		}
		return false;
	}

	/** Field types of the group bodies (GROUPS 请求 body): wrong types → 400 invalid_request_body (ERRORS). */
	private wrongTypes(body: Record<string, unknown>): boolean {
		for (const field of ['groupname', 'avatar', 'description', 'owner', 'custom', 'name']) if (body[field] !== undefined && !isString(body[field])) return true;
		for (const field of ['public', 'allowinvites', 'membersonly', 'invite_need_confirm']) if (body[field] !== undefined && typeof body[field] !== 'boolean') return true;
		if (body.maxusers !== undefined && (typeof body.maxusers !== 'number' || !Number.isInteger(body.maxusers))) return true;
		return body.members !== undefined && !isStringList(body.members);
	}

	private objectBody(req: RecordedRequest): Record<string, unknown> | undefined {
		const body = req.json;
		if (req.jsonError || !body || typeof body !== 'object' || Array.isArray(body)) return undefined;
		return body as Record<string, unknown>;
	}

	private createGroup(req: RecordedRequest, reply: Reply, app: string): void {
		const body = this.objectBody(req);
		if (!body || this.wrongTypes(body)) return this.host.invalidBody(reply);
		// GROUPS 创建群组: public and owner are required ("group must contain public field!", "XX must be provided").
		if (body.public === undefined) return this.invalidParameter(reply, 'group must contain public field!');
		if (!isString(body.owner) || body.owner === '') return this.invalidParameter(reply, 'owner must be provided');
		// groupname ≤ 128, description ≤ 512, avatar ≤ 1,024 characters; custom ≤ 8 KB.
		if (this.tooLong(reply, body, { groupname: 128, description: 512, avatar: 1024 })) return;
		if (isString(body.custom) && Buffer.byteLength(body.custom) > 8192) return this.invalidParameter(reply, 'custom length is too big');
		// maxusers: default 200; no error text is given for a value below 1, so the fake refuses it as a parameter.
		const maxusers = typeof body.maxusers === 'number' ? body.maxusers : 200;
		if (maxusers < 1) return this.invalidParameter(reply, 'maxusers is invalid');
		const members = ((body.members as string[] | undefined) ?? []).map((m) => m.toLowerCase());
		// "members … 该数组可包含的元素数量不超过 maxusers 的值" → 403 exceed_limit "members size is greater than max user size !".
		if (members.length > maxusers) return this.host.error(reply, 403, 'exceed_limit', 'members size is greater than max user size !', 'ExceedLimitException');
		if (this.missingUser(reply, app, [body.owner, ...members])) return;
		const id = this.newId();
		const group: FakeGroup = {
			...newGroup(id, app, body.owner.toLowerCase()),
			name: body.groupname as string | undefined,
			description: body.description as string | undefined,
			avatar: body.avatar as string | undefined,
			public: body.public === true,
			maxusers,
			membersonly: body.membersonly === true,
			// "创建公有群时，即使将 allowinvites 设置为 true，该设置也会自动修改为 false".
			allowinvites: body.public === true ? false : body.allowinvites === true,
			invite_need_confirm: body.invite_need_confirm !== false,
			custom: isString(body.custom) ? body.custom : '',
			members: [...new Set(members.filter((m) => m !== body.owner!.toString().toLowerCase()))],
		};
		this.host.groups().set(id, group);
		// 响应示例: entities [], data.groupid.
		reply.json(200, this.host.envelope(req, app, { entities: [], data: { groupid: id } }));
	}

	private listGroups(req: RecordedRequest, reply: Reply, app: string): void {
		// limit in [1,1000], default 10; larger values give 1,000 (GROUPS 获取 App 中的群组). Newest first.
		const limitText = req.query.get('limit');
		const asked = limitText === null || !/^\d+$/.test(limitText) ? 10 : Number(limitText);
		const limit = Math.min(1000, Math.max(1, asked));
		const all = [...this.host.groups().keys()]
			.map((id) => this.group(app, id))
			.filter((g): g is FakeGroup => g !== undefined && g.app === app)
			// Groups are kept in creation order: the newest first is that order reversed.
			.reverse();
		const cursor = req.query.get('cursor');
		const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8').replace('offset:', '')) : 0;
		if (!Number.isInteger(start) || start < 0) return this.host.invalidBody(reply);
		const page = all.slice(start, start + limit);
		// The page does not say whether the last page carries a cursor; the fake gives one only while groups follow.
		const next = start + limit < all.length ? cursorOf(start + limit) : undefined;
		const data = page.map((g) => ({
			owner: `${this.host.orgName()}#${app}_${g.owner}`,
			groupid: g.id,
			affiliations: g.members.length + 1,
			type: 'group',
			lastModified: String(g.lastModified),
			groupname: g.name ?? '',
		}));
		const params: Record<string, string[]> = {};
		if (limitText !== null) params.limit = [limitText];
		if (cursor) params.cursor = [cursor];
		reply.json(200, this.host.envelope(req, app, { params, entities: [], data, count: data.length, ...(next ? { cursor: next } : {}) }));
	}

	private details(g: FakeGroup): Record<string, unknown> {
		// GROUPS 获取群组详情, 响应 body (field by field).
		return {
			id: g.id,
			name: g.name ?? '',
			avatar: g.avatar ?? '',
			description: g.description ?? '',
			membersonly: g.membersonly,
			allowinvites: g.allowinvites,
			maxusers: g.maxusers,
			owner: g.owner,
			created: g.created,
			custom: g.custom,
			mute: false,
			affiliations_count: g.members.length + 1,
			disabled: false,
			affiliations: [...g.members.map((member) => ({ member })), { owner: g.owner }],
			public: g.public,
		};
	}

	private getGroups(req: RecordedRequest, reply: Reply, app: string, joined: string): void {
		const ids = joined.split(',');
		// "最多可传 100 个群组 ID": no error text is given for more, so the fake refuses them as a parameter.
		if (ids.length > 100 || ids.some((id) => id === '')) return this.invalidParameter(reply, 'group_id size is invalid');
		const found = ids.map((id) => this.group(app, id));
		// One ID that does not exist → 404 resource_not_found "grpID XX does not exist!" (错误码). With several,
		// "返回所有存在的群组的详情；对于不存在的群组，返回 “group id doesn’t exist”": the page does not show the
		// shape, so the fake answers an entry with the ID and that text (the node must not take it for a group).
		if (ids.length === 1 && !found[0]) return this.groupNotFound(reply, ids[0]);
		const data = ids.map((id, n) => (found[n] ? this.details(found[n]) : { id, error: "group id doesn't exist" }));
		reply.json(200, this.host.envelope(req, app, { entities: [], count: data.length, data, properties: {} }));
	}

	private updateGroup(req: RecordedRequest, reply: Reply, app: string, id: string): void {
		const body = this.objectBody(req);
		if (!body) return this.host.invalidBody(reply);
		// "可修改 groupname、avatar、description、maxusers、membersonly、allowinvites、invite_need_confirm、public 和
		// custom … 如果传入其他字段 … 会抛出异常": 400 invalid_parameter "some of [groupid] are not valid fields".
		const allowed = ['groupname', 'avatar', 'description', 'maxusers', 'membersonly', 'allowinvites', 'invite_need_confirm', 'custom', 'public'];
		const other = Object.keys(body).filter((k) => !allowed.includes(k));
		if (other.length > 0) return this.invalidParameter(reply, `some of [${other.join(', ')}] are not valid fields`);
		if (this.wrongTypes(body)) return this.host.invalidBody(reply);
		const group = this.group(app, id);
		if (!group) return this.groupNotFound(reply, id);
		if (this.tooLong(reply, body, { groupname: 128, description: 512, avatar: 1024, custom: 1024 })) return;
		// data.{field}: true when changed, false when not ("修改失败"). A size below the current member count
		// would drop members, so that change fails.
		const data: Record<string, boolean> = {};
		for (const field of Object.keys(body)) {
			const value = body[field];
			if (field === 'maxusers' && ((value as number) < 1 || (value as number) < group.members.length + 1)) {
				data[field] = false;
				continue;
			}
			if (field === 'groupname') group.name = value as string;
			else (group as unknown as Record<string, unknown>)[field] = value;
			data[field] = true;
		}
		group.lastModified = Date.now();
		reply.json(200, this.host.envelope(req, app, { entities: [], data, properties: {} }));
	}

	private deleteGroup(req: RecordedRequest, reply: Reply, app: string, id: string): void {
		const group = this.group(app, id);
		if (!group) return this.groupNotFound(reply, id);
		this.host.groups().delete(id);
		// 解散群组 响应示例: data {success: true, groupid}.
		reply.json(200, this.host.envelope(req, app, { entities: [], data: { success: true, groupid: id } }));
	}

	private listMembers(req: RecordedRequest, reply: Reply, app: string, id: string): void {
		const group = this.group(app, id);
		// MEMBERS 分页获取群成员列表 错误码: 404 service_resource_not_found "do not find this group:XX".
		if (!group) return this.host.error(reply, 404, 'service_resource_not_found', `do not find this group:${id}`, 'ServiceResourceNotFoundException');
		// pagenum from 1 (default 1); pagesize in [1,1000], default 1,000, larger values give 1,000.
		const number = (name: string, fallback: number) => {
			const text = req.query.get(name);
			return text === null || !/^\d+$/.test(text) ? fallback : Number(text);
		};
		const pagenum = Math.max(1, number('pagenum', 1));
		const pagesize = Math.min(1000, Math.max(1, number('pagesize', 1000)));
		const everyone = [{ owner: group.owner }, ...group.members.map((member) => ({ member }))];
		const data = everyone.slice((pagenum - 1) * pagesize, pagenum * pagesize);
		const params: Record<string, string[]> = {};
		for (const name of ['pagesize', 'pagenum']) if (req.query.get(name) !== null) params[name] = [req.query.get(name)!];
		reply.json(200, this.host.envelope(req, app, { params, entities: [], data, count: data.length }));
	}

	private addMembers(req: RecordedRequest, reply: Reply, app: string, id: string): void {
		const body = this.objectBody(req);
		if (!body || (body.usernames !== undefined && !isStringList(body.usernames))) return this.host.invalidBody(reply);
		// usernames is required; the page gives no error text for an empty list, so the fake refuses it as a parameter.
		const usernames = ((body.usernames as string[] | undefined) ?? []).map((u) => u.toLowerCase());
		if (usernames.length === 0) return this.invalidParameter(reply, 'usernames must be provided');
		// "每次最多可以添加 60 位成员" → 403 exceed_limit "members size is greater than max user size !".
		if (usernames.length > 60) return this.host.error(reply, 403, 'exceed_limit', 'members size is greater than max user size !', 'ExceedLimitException');
		const group = this.group(app, id);
		if (!group) return this.groupNotFound(reply, id);
		if (this.missingUser(reply, app, usernames)) return;
		const fresh = [...new Set(usernames)].filter((u) => u !== group.owner && !group.members.includes(u));
		// "如果所有用户均已是群成员，添加失败，返回错误": 403 forbidden_op "…already in group…".
		if (fresh.length === 0) {
			return this.host.error(reply, 403, 'forbidden_op', `an not join this group, reason:user: ${usernames[0]} already in group: ${id}\n`, 'ForbiddenOpException');
		}
		// maxusers counts the owner: more would exceed it → 403 exceed_limit (same text).
		if (group.members.length + 1 + fresh.length > group.maxusers) return this.host.error(reply, 403, 'exceed_limit', 'members size is greater than max user size !', 'ExceedLimitException');
		group.members.push(...fresh);
		reply.json(200, this.host.envelope(req, app, { entities: [], data: { newmembers: fresh, groupid: id, action: 'add_member' } }));
	}

	private removeMembers(req: RecordedRequest, reply: Reply, app: string, id: string, joined: string): void {
		const users = joined.split(',').filter((u) => u !== '');
		// "建议每次最多传 60 个用户 ID" and 错误码 400 invalid_parameter "kickMember: kickMembers number more than maxSize : 60".
		if (users.length > 60) return this.invalidParameter(reply, 'kickMember: kickMembers number more than maxSize : 60');
		const group = this.group(app, id);
		if (!group) return this.groupNotFound(reply, id);
		// 403 forbidden_op "forbidden operation on group owner!": the page does not say whether the others are
		// removed, so the fake removes nobody (the caller learns of the refusal and can retry without the owner).
		if (users.some((u) => u.toLowerCase() === group.owner)) return this.host.error(reply, 403, 'forbidden_op', 'forbidden operation on group owner!', 'ForbiddenOpException');
		const members = users.filter((u) => group.members.includes(u.toLowerCase()));
		// "如果所有被移除用户均不是群成员，将移除失败，并返回错误": 403 forbidden_op "users [XX] are not members of this group!".
		if (members.length === 0) return this.host.error(reply, 403, 'forbidden_op', `users [${users.join(', ')}] are not members of this group!`, 'ForbiddenOpException');
		// data[]{result, action, reason?, user, groupid}; reasons as in the page's examples.
		const data = users.map((user) => {
			const lower = user.toLowerCase();
			if (!group.members.includes(lower)) {
				const reason = this.host.userExists(app, user) ? `user: ${user} doesn't exist in group: ${id}` : `user ${user} doesn't exist.`;
				return { result: false, action: 'remove_member', reason, user, groupid: id };
			}
			group.members = group.members.filter((m) => m !== lower);
			return { result: true, action: 'remove_member', user, groupid: id };
		});
		reply.json(200, this.host.envelope(req, app, { entities: [], data }));
	}

	private createChatRoom(req: RecordedRequest, reply: Reply, app: string): void {
		const body = this.objectBody(req);
		if (!body || this.wrongTypes(body)) return this.host.invalidBody(reply);
		// ROOMS 创建聊天室: name, description and owner are required → 400 invalid_parameter "XX must be provided".
		for (const field of ['name', 'description', 'owner']) {
			if (!isString(body[field]) || body[field] === '') return this.invalidParameter(reply, `${field} must be provided`);
		}
		// name ≤ 128, description ≤ 512, custom ≤ 1,024 characters (no error text given: the avatar rule's).
		if (this.tooLong(reply, body, { name: 128, description: 512, custom: 1024 })) return;
		// maxusers in [1, 10,000], default 1,000; more members than maxusers → 403 exceed_limit.
		const maxusers = typeof body.maxusers === 'number' ? body.maxusers : 1000;
		if (maxusers < 1 || maxusers > 10_000) return this.host.error(reply, 403, 'exceed_limit', 'members size is greater than max user size !', 'ExceedLimitException');
		// "若传该参数，确保至少设置一个数组元素": an empty members list is refused (no error text given).
		if (Array.isArray(body.members) && body.members.length === 0) return this.invalidParameter(reply, 'members must be provided');
		const members = ((body.members as string[] | undefined) ?? []).map((m) => m.toLowerCase());
		if (members.length > maxusers) return this.host.error(reply, 403, 'exceed_limit', 'members size is greater than max user size !', 'ExceedLimitException');
		const owner = String(body.owner);
		if (this.missingUser(reply, app, [owner, ...members])) return;
		const id = this.newId();
		this.chatrooms.set(id, { id, app, name: String(body.name), description: String(body.description), maxusers, owner: owner.toLowerCase(), members: [...new Set(members)], custom: isString(body.custom) ? body.custom : '', created: Date.now() });
		// 响应示例: {"data": {"id": "66XXXX33"}}; the common envelope fields come with it (公共参数).
		reply.json(200, this.host.envelope(req, app, { entities: [], data: { id } }));
	}

	private deleteChatRoom(req: RecordedRequest, reply: Reply, app: string, id: string): void {
		const room = this.chatrooms.get(id);
		// "如果要解散的聊天室不存在，会返回错误": 404 resource_not_found "grpID XX does not exist!".
		if (!room || room.app !== app) return this.groupNotFound(reply, id);
		this.chatrooms.delete(id);
		reply.json(200, this.host.envelope(req, app, { entities: [], data: { success: true, id } }));
	}
}
