// Easemob user APIs beyond register/get/list/delete, modelled on the platform's pages (not on the
// node), each rule next to the page that states it:
//   STATUS   https://doc.easemob.com/document/server-side/account_presence_obtain_batch.html
//   OFFLINE  https://doc.easemob.com/document/server-side/offline_msg_count_get.html
//   BAN      https://doc.easemob.com/document/server-side/account_ban.html
//   UNBAN    https://doc.easemob.com/document/server-side/account_unban.html
//   LOGOUT   https://doc.easemob.com/document/server-side/account_offline_forced.html
//   NICKNAME https://doc.easemob.com/document/server-side/push_nickname_set_single.html
//   ERRORS   https://doc.easemob.com/document/server-side/error.html
//   LIMITS   https://doc.easemob.com/document/server-side/limitationapi.html
// Wired into FakeEasemob (fakeEasemob.ts) by its `users` routes.
import type { RecordedRequest, Reply } from './fakeServer';
import { WindowCounter } from './fakeServer';

/** What the routes borrow from FakeEasemob: its error and success envelopes and its users. */
export interface FakeEasemobKit {
	error(reply: Reply, status: number, error: string, description: string, exception?: string): void;
	invalidBody(reply: Reply): void;
	reachedApiLimit(req: RecordedRequest, reply: Reply): void;
	envelope(req: RecordedRequest, app: string, extra: Record<string, unknown>): Record<string, unknown>;
	/** The app's user (IDs ignore case), or undefined. */
	user(app: string, username: string): Record<string, unknown> | undefined;
	orgName(): string;
	baseUrl(): string;
}

const key = (app: string, username: string) => `${app}\n${username.toLowerCase()}`;

/** The user ID of a path segment (segments arrive decoded once, as a server reads them). */
function userOfSegment(segment: string | undefined): string {
	return segment ?? '';
}

export class FakeEasemobUsers {
	/** Users with a live connection ("app\nuser"). */
	readonly online = new Set<string>();
	/** Messages waiting for a user who is offline ("app\nuser" → count). */
	readonly offlineCounts = new Map<string, number>();
	/**
	 * POST /users/batch/status: 50 calls a second per app (LIMITS, older per-API table; the newest
	 * table pools the user APIs at 100 a second, which the per-API 100/s count of FakeEasemob covers
	 * for the other routes). The stricter reading refuses more, so nothing the node sends is lost.
	 */
	readonly statusLimit = new WindowCounter(50, 1000);
	/** GET /users/{u}/disconnect calls that logged a user out. */
	readonly logouts: string[] = [];

	constructor(private readonly kit: FakeEasemobKit) {}

	reset(): void {
		this.online.clear();
		this.offlineCounts.clear();
		this.statusLimit.clear();
		this.logouts.length = 0;
	}

	setOnline(app: string, username: string, online = true): void {
		if (online) this.online.add(key(app, username));
		else this.online.delete(key(app, username));
	}

	setOfflineCount(app: string, username: string, count: number): void {
		this.offlineCounts.set(key(app, username), count);
	}

	/** Handles the routes of this file; false for any other route. `route` is FakeEasemob's "METHOD users/:user/…" form. */
	handle(route: string, req: RecordedRequest, reply: Reply, app: string, rest: string[]): boolean {
		const username = userOfSegment(rest[1]);
		const routes: Record<string, () => void> = {
			'GET users/:user/offline_msg_count': () => this.withUser(reply, app, username, () => this.offlineCount(req, reply, app, username)),
			'POST users/:user/deactivate': () => this.withUser(reply, app, username, (user) => this.deactivate(reply, app, username, user)),
			'POST users/:user/activate': () => this.withUser(reply, app, username, (user) => this.activate(reply, user)),
			'GET users/:user/disconnect': () => this.withUser(reply, app, username, () => this.disconnect(req, reply, app, username)),
			'PUT users/:user': () => this.withUser(reply, app, username, (user) => this.setNickname(req, reply, app, user)),
		};
		if (route === 'POST users/:user/status' && rest[1] === 'batch') this.batchStatus(req, reply, app);
		else if (routes[route]) routes[route]();
		else return false;
		return true;
	}

	/**
	 * A user ID in the path that does not exist → 404 service_resource_not_found "Service resource not
	 * found" (BAN and UNBAN 错误码; ERRORS "用户 ID 不存在错误码" for the others, whose pages list no 404
	 * of their own: the fake applies the general rule rather than answer for a user nobody has).
	 */
	private withUser(reply: Reply, app: string, username: string, then: (user: Record<string, unknown>) => void): void {
		const user = this.kit.user(app, username);
		if (!user) return this.kit.error(reply, 404, 'service_resource_not_found', 'Service resource not found', 'ServiceResourceNotFoundException');
		then(user);
	}

	private batchStatus(req: RecordedRequest, reply: Reply, app: string): void {
		const body = req.json as Record<string, unknown> | undefined;
		// STATUS 请求 body: usernames, an Array, required. The page gives no error text for a missing or
		// malformed list, so the fake refuses it as an invalid body (ERRORS 400 invalid_request_body).
		if (req.jsonError || !body || typeof body !== 'object' || Array.isArray(body)) return this.kit.invalidBody(reply);
		const usernames = body.usernames;
		if (!Array.isArray(usernames) || usernames.length === 0 || usernames.some((u) => typeof u !== 'string' || u === '')) return this.kit.invalidBody(reply);
		// STATUS 错误码: more than 100 → 400 illegal_argument, word for word.
		if (usernames.length > 100) return this.kit.error(reply, 400, 'illegal_argument', 'request body exceeds maximum limit, maximum limit is 100', 'IllegalArgumentException');
		if (!this.statusLimit.take(app)) return this.kit.reachedApiLimit(req, reply);
		// STATUS 响应: data is a list of {"<user>": "online" | "offline"}; IDs are not checked and an
		// unknown user is "offline".
		const data = (usernames as string[]).map((u) => ({ [u]: this.online.has(key(app, u)) ? 'online' : 'offline' }));
		reply.json(200, { action: 'get batch user status', data, timestamp: Date.now(), duration: 4 });
	}

	private offlineCount(req: RecordedRequest, reply: Reply, app: string, username: string): void {
		// OFFLINE 响应: data {"<user>": <count>} keyed by the user of the path, entities [], count 0.
		const data = { [username]: this.offlineCounts.get(key(app, username)) ?? 0 };
		reply.json(200, this.kit.envelope(req, app, { action: 'get', entities: [], data, count: 0 }));
	}

	private deactivate(reply: Reply, app: string, username: string, user: Record<string, unknown>): void {
		// BAN: takes effect at once, logs the user out, and lasts until activate; the answer's entities[0]
		// is the user with activated false.
		user.activated = false;
		user.modified = Date.now();
		this.online.delete(key(app, username));
		reply.json(200, { action: 'Deactivate user', entities: [{ ...user }], timestamp: Date.now(), duration: 12 });
	}

	private activate(reply: Reply, user: Record<string, unknown>): void {
		// UNBAN 响应: {action: "activate user", timestamp, duration} only.
		user.activated = true;
		user.modified = Date.now();
		reply.json(200, { action: 'activate user', timestamp: Date.now(), duration: 9 });
	}

	private disconnect(req: RecordedRequest, reply: Reply, app: string, username: string): void {
		// LOGOUT: the user goes offline on every device; data.result true. The page does not say what a
		// user who is already offline gets; the fake answers true (the user is offline afterwards either way).
		this.online.delete(key(app, username));
		this.logouts.push(key(app, username));
		reply.json(200, this.kit.envelope(req, app, { action: 'get', entities: [], data: { result: true }, count: 0 }));
	}

	private setNickname(req: RecordedRequest, reply: Reply, app: string, user: Record<string, unknown>): void {
		const body = req.json as Record<string, unknown> | undefined;
		if (req.jsonError || !body || typeof body !== 'object' || Array.isArray(body)) return this.kit.invalidBody(reply);
		// NICKNAME 请求 body: nickname, a String of at most 100 characters. Its error page (push_error.html)
		// gives no text for these; the fake uses the register page's NICKNAME_TOO_LONG and refuses other types.
		if (body.nickname !== undefined && typeof body.nickname !== 'string') return this.kit.invalidBody(reply);
		if (typeof body.nickname === 'string' && [...body.nickname].length > 100) return this.kit.error(reply, 400, 'illegal_argument', 'NICKNAME_TOO_LONG', 'IllegalArgumentException');
		if (typeof body.nickname === 'string') user.nickname = body.nickname;
		user.modified = Date.now();
		// NICKNAME 响应: action "put", path "/users", entities[0] the user with the new nickname.
		reply.json(200, this.kit.envelope(req, app, { action: 'put', path: '/users', entities: [{ ...user }] }));
	}
}
