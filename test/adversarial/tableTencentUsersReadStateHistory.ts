// Sweep entries for the Tencent Cloud Chat operations on users (profiles, presence, deletion,
// logout), conversation read state and pinning, group history, group recall and message edits.
// Appended to OPERATIONS in table.ts. Each `expect` reads the item as the docs and the node's
// labels say, independently of the node's code.
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { Reader } from './model';
import type { OperationEntry, RunSettings } from './table';
import { collectionOf, expr, tencent } from './table';
import { anyValue, booleanValue, choiceValue, dateValue, idListValue, idValue, integerValue, textValue } from './values';

const UINT32_MAX = 0xffffffff;
const batches = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, n) => list.slice(n * size, n * size + size));

/** Standard profile fields in the node's order: key, label, tag, kind (https://trtc.io/document/33520). */
const PROFILE_FIELDS: Array<[string, string, string, 'text' | 'number' | readonly string[]]> = [
	['nickname', 'Nickname', 'Tag_Profile_IM_Nick', 'text'],
	['gender', 'Gender', 'Tag_Profile_IM_Gender', ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male']],
	['birthday', 'Birthday', 'Tag_Profile_IM_BirthDay', 'number'],
	['location', 'Location', 'Tag_Profile_IM_Location', 'text'],
	['selfSignature', 'Status Message', 'Tag_Profile_IM_SelfSignature', 'text'],
	['allowType', 'Friend Requests', 'Tag_Profile_IM_AllowType', ['AllowType_Type_NeedConfirm', 'AllowType_Type_AllowAny', 'AllowType_Type_DenyAny']],
	['language', 'Language', 'Tag_Profile_IM_Language', 'number'],
	['avatarUrl', 'Avatar URL', 'Tag_Profile_IM_Image', 'text'],
	['messageSettings', 'Message Settings', 'Tag_Profile_IM_MsgSettings', 'number'],
	['adminForbidType', 'Admin Forbid Type', 'Tag_Profile_IM_AdminForbidType', ['AdminForbid_Type_None', 'AdminForbid_Type_SendOut']],
	['level', 'Level', 'Tag_Profile_IM_Level', 'number'],
	['role', 'Role', 'Tag_Profile_IM_Role', 'number'],
];
const STANDARD_TAGS = PROFILE_FIELDS.map(([, , tag]) => tag);
const CUSTOM_TAG = /^Tag_Profile_Custom_[A-Za-z0-9_]{1,8}$/;
const customNameValue = idValue(fc.constantFrom('Tag_Profile_Custom_Tier', 'Tag_Profile_Custom_A_1', 'Tag_Profile_Custom_TooLongName', 'Tier', 'Tag_Profile_Custom_'));

const userIds = (v: IDataObject, r: Reader) => r.idList(v.userIds, 'User IDs', { required: true, maxLength: 32 });

const tencentGetProfile: OperationEntry = {
	title: 'tencentCloudChat / user / getProfile',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'user',
	operation: 'getProfile',
	values: {
		userIds: idListValue,
		fields: fc.oneof({ weight: 4, arbitrary: fc.subarray(STANDARD_TAGS) }, { weight: 1, arbitrary: fc.constantFrom(['Tag_Profile_IM_Nick', 'Nick'], 'Tag_Profile_IM_Nick, Tag_Profile_IM_Image') }, { weight: 1, arbitrary: anyValue }),
		customFields: fc.oneof(fc.constantFrom('', 'Tag_Profile_Custom_Tier', 'Tag_Profile_Custom_Tier, Tag_Profile_Custom_TooLongName', ' Tag_Profile_Custom_A_1 ,'), anyValue),
	},
	parameters: () => ({ resource: 'user', operation: 'getProfile', userIds: expr('userIds'), fields: expr('fields'), customFields: expr('customFields') }),
	expect: (v, r) => {
		const ids = userIds(v, r);
		const standard = r.idList(v.fields, 'Fields', { maxLength: 100 });
		if (standard?.some((tag) => !STANDARD_TAGS.includes(tag))) r.refuse('Fields');
		const custom = r.idList(v.customFields, 'Custom Fields', { maxLength: 100 });
		if (custom?.some((tag) => !CUSTOM_TAG.test(tag))) r.refuse('Custom Fields');
		if (!r.ok) return undefined;
		const tags = [...standard!, ...custom!];
		if (tags.length === 0) return r.refuse('Fields');
		// portrait_get: at most 100 accounts per call (https://trtc.io/document/34917).
		return batches(ids!, 100).map((batch) => tencent('profile/portrait_get', { To_Account: batch, TagList: tags }));
	},
};

const tencentUpdateProfile: OperationEntry = {
	title: 'tencentCloudChat / user / updateProfile',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'user',
	operation: 'updateProfile',
	values: {
		userId: idValue(),
		...Object.fromEntries(
			PROFILE_FIELDS.map(([key, , , kind]) => [
				`updateFields.${key}`,
				kind === 'text' ? textValue(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('x'.repeat(500), 'é'.repeat(251), 'line\nbreak'))) : kind === 'number' ? integerValue(0, UINT32_MAX) : choiceValue(kind),
			]),
		),
		customName: customNameValue,
		customValue: textValue(),
	},
	optional: PROFILE_FIELDS.map(([key]) => `updateFields.${key}`),
	flags: fc.record({ withCustom: fc.boolean() }),
	parameters: (s) => ({
		resource: 'user',
		operation: 'updateProfile',
		userId: expr('userId'),
		updateFields: collectionOf('updateFields', s),
		customFields: s.flags.withCustom === true ? { field: [{ name: expr('customName'), value: expr('customValue') }] } : {},
	}),
	expect: (v, r, s: RunSettings) => {
		const userId = r.text(v.userId, 'User ID', { required: true, maxLength: 32 });
		const items: IDataObject[] = [];
		for (const [key, label, tag, kind] of PROFILE_FIELDS) {
			const value = v[`updateFields.${key}`];
			if (value === undefined) continue;
			let set: string | number | null | undefined;
			if (kind === 'text') set = r.text(value, label, { maxBytes: 500, multiline: label === 'Status Message' });
			else if (kind === 'number') set = r.integer(value, label, { required: true, min: 0, max: UINT32_MAX });
			else set = r.choice(value, label, kind);
			if (set !== undefined && set !== null) items.push({ Tag: tag, Value: set });
		}
		if (s.flags.withCustom === true) {
			const name = r.text(v.customName, 'Custom Field 1 Name', { required: true, maxLength: 100 });
			if (name !== undefined && !CUSTOM_TAG.test(name)) r.refuse('Custom Field 1 Name');
			const value = r.text(v.customValue, 'Custom Field 1 Value', { maxBytes: 500 });
			if (name !== undefined && value !== undefined) items.push({ Tag: name, Value: value });
		}
		if (!r.ok) return undefined;
		if (items.length === 0) return r.refuse('Update Fields');
		return [tencent('profile/portrait_set', { From_Account: userId, ProfileItem: items })];
	},
};

const tencentGetOnlineStatus: OperationEntry = {
	title: 'tencentCloudChat / user / getOnlineStatus',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'user',
	operation: 'getOnlineStatus',
	values: { userIds: idListValue, includeDetails: booleanValue },
	parameters: () => ({ resource: 'user', operation: 'getOnlineStatus', userIds: expr('userIds'), includeDetails: expr('includeDetails') }),
	expect: (v, r) => {
		const ids = userIds(v, r);
		const detail = r.boolean(v.includeDetails, 'Include Devices');
		if (!r.ok) return undefined;
		// query_online_status: at most 500 accounts per call (https://trtc.io/document/35477).
		return batches(ids!, 500).map((batch) => tencent('openim/query_online_status', detail ? { To_Account: batch, IsNeedDetail: 1 } : { To_Account: batch }));
	},
};

const tencentDeleteUsers: OperationEntry = {
	title: 'tencentCloudChat / user / delete',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'user',
	operation: 'delete',
	values: { userIds: idListValue },
	parameters: () => ({ resource: 'user', operation: 'delete', userIds: expr('userIds') }),
	expect: (v, r) => {
		const ids = userIds(v, r);
		if (!r.ok) return undefined;
		// account_delete: at most 100 accounts per call (https://trtc.io/document/34955).
		return batches(ids!, 100).map((batch) => tencent('im_open_login_svc/account_delete', { DeleteItem: batch.map((UserID) => ({ UserID })) }));
	},
};

const tencentForceLogout: OperationEntry = {
	title: 'tencentCloudChat / user / forceLogout',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'user',
	operation: 'forceLogout',
	values: { userId: idValue() },
	parameters: () => ({ resource: 'user', operation: 'forceLogout', userId: expr('userId') }),
	expect: (v, r) => {
		const userId = r.text(v.userId, 'User ID', { required: true, maxLength: 32 });
		return r.ok ? [tencent('im_open_login_svc/kick', { UserID: userId })] : undefined;
	},
};

const tencentGetUnreadCount: OperationEntry = {
	title: 'tencentCloudChat / conversation / getUnreadCount',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'conversation',
	operation: 'getUnreadCount',
	values: { userId: idValue(), peerAccounts: fc.oneof(fc.constantFrom('', null), idListValue) },
	parameters: () => ({ resource: 'conversation', operation: 'getUnreadCount', userId: expr('userId'), peerAccounts: expr('peerAccounts') }),
	expect: (v, r) => {
		const userId = r.text(v.userId, 'User ID', { required: true, maxLength: 32 });
		const peers = r.idList(v.peerAccounts, 'Peer Accounts', { maxLength: 32 });
		if (!r.ok) return undefined;
		if (peers!.length === 0) return [tencent('openim/get_c2c_unread_msg_num', { To_Account: userId })];
		// Peer_Account holds at most 10 UserIDs (https://www.tencentcloud.com/document/product/1047/41046).
		return batches(peers!, 10).map((batch) => tencent('openim/get_c2c_unread_msg_num', { To_Account: userId, Peer_Account: batch }));
	},
};

const tencentMarkAsRead: OperationEntry = {
	title: 'tencentCloudChat / conversation / markAsRead',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'conversation',
	operation: 'markAsRead',
	values: { userId: idValue(), peerAccount: idValue(), readUpTo: dateValue },
	parameters: () => ({ resource: 'conversation', operation: 'markAsRead', userId: expr('userId'), peerAccount: expr('peerAccount'), readUpTo: expr('readUpTo') }),
	expect: (v, r) => {
		const body: IDataObject = {
			Report_Account: r.text(v.userId, 'User ID', { required: true, maxLength: 32 }),
			Peer_Account: r.text(v.peerAccount, 'Peer Account', { required: true, maxLength: 32 }),
		};
		const readUpTo = r.unixSeconds(v.readUpTo, 'Read Up To');
		if (!r.ok) return undefined;
		// MsgReadTime is typed String on the page (https://www.tencentcloud.com/document/product/1047/38996).
		if (typeof readUpTo === 'number') body.MsgReadTime = String(readUpTo);
		return [tencent('openim/admin_set_msg_read', body)];
	},
};

function pinEntry(operation: 'pin' | 'unpin'): OperationEntry {
	return {
		title: `tencentCloudChat / conversation / ${operation}`,
		node: 'tencentCloudChat',
		platform: 'tencent',
		resource: 'conversation',
		operation,
		values: { fromAccount: idValue(), conversationType: choiceValue(['c2c', 'group']), toAccount: idValue(), groupId: idValue() },
		parameters: () => ({
			resource: 'conversation',
			operation,
			fromAccount: expr('fromAccount'),
			conversationType: expr('conversationType'),
			toAccount: expr('toAccount'),
			groupId: expr('groupId'),
		}),
		expect: (v, r) => {
			const from = r.text(v.fromAccount, 'From Account', { required: true, maxLength: 32 });
			const type = r.choice(v.conversationType, 'Conversation Type', ['c2c', 'group'] as const);
			if (type === undefined) return undefined;
			// recentcontact/top names a group GroupId (https://trtc.io/document/78304).
			const item: IDataObject =
				type === 'c2c' ? { Type: 1, To_Account: r.text(v.toAccount, 'To Account', { required: true, maxLength: 32 }) } : { Type: 2, GroupId: r.text(v.groupId, 'Group ID', { required: true, maxLength: 48 }) };
			return r.ok ? [tencent('recentcontact/top', { From_Account: from, OperationType: operation === 'pin' ? 1 : 2, RecentContactItem: [item] })] : undefined;
		},
	};
}

export const TENCENT_USERS_READ_STATE_HISTORY: OperationEntry[] = [
	tencentGetProfile,
	tencentUpdateProfile,
	tencentGetOnlineStatus,
	tencentDeleteUsers,
	tencentForceLogout,
	tencentGetUnreadCount,
	tencentMarkAsRead,
	pinEntry('pin'),
	pinEntry('unpin'),
];
