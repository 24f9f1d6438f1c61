// User commands of the fake Tencent Cloud Chat API (profiles, login state, account deletion), each
// rule with the page that states it. Wired into FakeTencent's routes; the state lives here.
import type { FakeTencent } from './fakeTencent';
import { Fail, isString } from './fakeTencent';

type Body = Record<string, unknown>;
type Answer = Record<string, unknown>;

/** Standard profile fields and their value types (https://trtc.io/document/33520). */
const STANDARD_TAGS: Record<string, 'string' | 'uint32' | readonly string[]> = {
	Tag_Profile_IM_Nick: 'string',
	Tag_Profile_IM_Gender: ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'],
	Tag_Profile_IM_BirthDay: 'uint32',
	Tag_Profile_IM_Location: 'string',
	Tag_Profile_IM_SelfSignature: 'string',
	Tag_Profile_IM_AllowType: ['AllowType_Type_NeedConfirm', 'AllowType_Type_AllowAny', 'AllowType_Type_DenyAny'],
	Tag_Profile_IM_Language: 'uint32',
	Tag_Profile_IM_Image: 'string',
	Tag_Profile_IM_MsgSettings: 'uint32',
	Tag_Profile_IM_AdminForbidType: ['AdminForbid_Type_None', 'AdminForbid_Type_SendOut'],
	Tag_Profile_IM_Level: 'uint32',
	Tag_Profile_IM_Role: 'uint32',
};
/** Strings (and custom values) "cannot exceed 500 bytes" (https://trtc.io/document/33520). */
const PROFILE_VALUE_MAX_BYTES = 500;

export type LoginState = 'Online' | 'PushOnline' | 'Offline';

export class FakeTencentUsers {
	/** Profile fields per UserID: tag → value. */
	readonly profiles = new Map<string, Map<string, string | number>>();
	/** Custom profile fields set up in the console (Tag_Profile_Custom_…); others are refused. */
	readonly customTags = new Set<string>(['Tag_Profile_Custom_Tier']);
	/** Login state per UserID (Offline when absent), with per-platform detail. */
	readonly logins = new Map<string, { state: LoginState; detail: Array<{ Platform: string; Status: LoginState }> }>();
	/** UserIDs whose login state was invalidated (kick), in order. */
	readonly kicked: string[] = [];
	/** UserIDs deleted by account_delete. */
	readonly deleted = new Set<string>();

	constructor(private readonly fake: FakeTencent) {}

	routes(): Record<string, (body: Body) => Answer> {
		return {
			'profile/portrait_get': (b) => this.portraitGet(b),
			'profile/portrait_set': (b) => this.portraitSet(b),
			'openim/query_online_status': (b) => this.queryOnlineStatus(b),
			'im_open_login_svc/account_delete': (b) => this.accountDelete(b),
			'im_open_login_svc/kick': (b) => this.kick(b),
		};
	}

	setLogin(userId: string, state: LoginState, detail: Array<{ Platform: string; Status: LoginState }> = []): void {
		this.logins.set(userId, { state, detail });
	}

	profileOf(userId: string): Map<string, string | number> {
		let profile = this.profiles.get(userId);
		if (!profile) {
			profile = new Map();
			this.profiles.set(userId, profile);
		}
		return profile;
	}

	/**
	 * profile/portrait_get (https://trtc.io/document/34917): To_Account (array, "no more than 100
	 * users each time") and TagList (array) required; every account must have been imported, "otherwise
	 * an error" (40003, the page's error table; 40001 for a bad request). One UserProfileItem per
	 * account with the fields that are set. A tag that is neither standard nor a configured custom field
	 * is refused (40001): the page asks for the fields of its profile-field list only.
	 */
	private portraitGet(b: Body): Answer {
		if (!Array.isArray(b.To_Account) || b.To_Account.length === 0 || !b.To_Account.every(isString)) throw new Fail(40001, 'To_Account must be a non-empty array of UserIDs');
		if (b.To_Account.length > 100) throw new Fail(40001, 'at most 100 accounts per request');
		if (!Array.isArray(b.TagList) || b.TagList.length === 0 || !b.TagList.every(isString)) throw new Fail(40001, 'TagList must be a non-empty array');
		for (const tag of b.TagList as string[]) {
			if (!(tag in STANDARD_TAGS) && !this.customTags.has(tag)) throw new Fail(40001, `unknown profile field ${tag}`);
		}
		const missing = (b.To_Account as string[]).find((id) => !this.fake.users.has(id));
		if (missing !== undefined) throw new Fail(40003, `account ${missing} does not exist`);
		return {
			UserProfileItem: (b.To_Account as string[]).map((id) => {
				const profile = this.profiles.get(id);
				return {
					To_Account: id,
					ProfileItem: (b.TagList as string[]).filter((tag) => profile?.has(tag)).map((tag) => ({ Tag: tag, Value: profile!.get(tag) })),
					ResultCode: 0,
					ResultInfo: '',
				};
			}),
			ErrorDisplay: '',
		};
	}

	/**
	 * profile/portrait_set (https://trtc.io/document/34916): From_Account and ProfileItem[{Tag, Value}]
	 * required (40001 "Err_Profile_Comm_Decode_Fail" otherwise); the account must exist (40003).
	 * Values as the profile-field page types them (https://trtc.io/document/33520): strings of at
	 * most 500 bytes, uint32 numbers, the listed constants for Gender, AllowType and AdminForbidType.
	 * The whole request is refused when one field is wrong, so nothing is half set.
	 */
	private portraitSet(b: Body): Answer {
		if (!isString(b.From_Account)) throw new Fail(40001, 'Err_Profile_Comm_Decode_Fail: From_Account is required');
		if (!Array.isArray(b.ProfileItem) || b.ProfileItem.length === 0) throw new Fail(40001, 'Err_Profile_Comm_Decode_Fail: ProfileItem is required');
		for (const item of b.ProfileItem as Body[]) {
			const tag = item?.Tag;
			if (!isString(tag)) throw new Fail(40001, 'Err_Profile_Comm_Decode_Fail: Tag is required');
			const type = STANDARD_TAGS[tag] ?? (this.customTags.has(tag) ? 'string' : undefined);
			if (type === undefined) throw new Fail(40001, `unknown profile field ${tag}`);
			const value = item.Value;
			if (type === 'uint32') {
				if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Fail(40001, `${tag} must be a uint32`);
			} else if (typeof type === 'string') {
				if (typeof value !== 'string') throw new Fail(40001, `${tag} must be a string`);
				if (Buffer.byteLength(value, 'utf8') > PROFILE_VALUE_MAX_BYTES) throw new Fail(40001, `${tag} is longer than 500 bytes`);
			} else if (typeof value !== 'string' || !type.includes(value)) {
				throw new Fail(40001, `${tag} must be one of ${type.join(', ')}`);
			}
		}
		if (!this.fake.users.has(b.From_Account)) throw new Fail(40003, 'From_Account does not exist');
		const profile = this.profileOf(b.From_Account);
		for (const item of b.ProfileItem as Body[]) profile.set(String(item.Tag), item.Value as string | number);
		return { ErrorDisplay: '' };
	}

	/**
	 * openim/query_online_status (https://trtc.io/document/35477): To_Account an array of up to 500
	 * UserIDs; IsNeedDetail 0 or 1 adds Detail[{Platform, Status}]. QueryResult[{To_Account, State}]
	 * with State Online, PushOnline or Offline; accounts that do not exist go to ErrorList with 70107.
	 * The page names no code for a malformed body; 90001 (the openim JSON error) is answered.
	 */
	private queryOnlineStatus(b: Body): Answer {
		if (!Array.isArray(b.To_Account) || b.To_Account.length === 0 || !b.To_Account.every(isString)) throw new Fail(90001, 'To_Account must be a non-empty array');
		if (b.To_Account.length > 500) throw new Fail(90001, 'at most 500 accounts per request');
		if (b.IsNeedDetail !== undefined && b.IsNeedDetail !== 0 && b.IsNeedDetail !== 1) throw new Fail(90001, 'IsNeedDetail must be 0 or 1');
		const result: Answer[] = [];
		const errors: Answer[] = [];
		for (const id of b.To_Account as string[]) {
			if (!this.fake.users.has(id)) {
				errors.push({ To_Account: id, ErrorCode: 70107 });
				continue;
			}
			const login = this.logins.get(id) ?? { state: 'Offline' as const, detail: [] };
			const entry: Answer = { To_Account: id, State: login.state };
			if (b.IsNeedDetail === 1) entry.Detail = login.detail;
			result.push(entry);
		}
		return errors.length > 0 ? { QueryResult: result, ErrorList: errors } : { QueryResult: result };
	}

	/**
	 * im_open_login_svc/account_delete (https://trtc.io/document/34955): DeleteItem[{UserID}], at most
	 * 100 per request; one ResultItem{ResultCode, ResultInfo, UserID} per account (partial success).
	 * An account that does not exist: ResultCode 70107 ("UserID not imported", https://trtc.io/document/34348).
	 * Deleting removes the account with its profile, conversations and login state (same page).
	 * Malformed requests: 70402 (invalid parameter, the account commands' code).
	 */
	private accountDelete(b: Body): Answer {
		if (!Array.isArray(b.DeleteItem) || b.DeleteItem.length === 0) throw new Fail(70402, 'DeleteItem must be a non-empty array');
		if (b.DeleteItem.length > 100) throw new Fail(70402, 'at most 100 accounts per request');
		const items = b.DeleteItem as Body[];
		if (!items.every((item) => item && isString(item.UserID))) throw new Fail(70402, 'every DeleteItem needs a UserID');
		return {
			ResultItem: items.map((item) => {
				const id = String(item.UserID);
				if (!this.fake.users.has(id)) return { ResultCode: 70107, ResultInfo: 'Err_TLS_PT_Open_Login_Account_Not_Exit', UserID: id };
				this.fake.users.delete(id);
				this.profiles.delete(id);
				this.logins.delete(id);
				this.fake.conversations.delete(id);
				this.deleted.add(id);
				return { ResultCode: 0, ResultInfo: '', UserID: id };
			}),
		};
	}

	/**
	 * im_open_login_svc/kick (https://trtc.io/document/34957): {"UserID"} required, one account per
	 * call; the user's current UserSig stops working and they are logged out. An unknown account is
	 * answered 70107 (https://trtc.io/document/34348); a missing UserID 70402.
	 */
	private kick(b: Body): Answer {
		if (!isString(b.UserID)) throw new Fail(70402, 'UserID is required');
		if (!this.fake.users.has(b.UserID)) throw new Fail(70107, 'UserID not imported');
		this.kicked.push(b.UserID);
		this.logins.set(b.UserID, { state: 'Offline', detail: [] });
		return {};
	}
}
