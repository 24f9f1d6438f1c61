// Sweep entries for the Tencent Cloud Chat operations on users (profiles, presence, deletion,
// logout), conversation read state and pinning, group history, group recall and message edits.
// Appended to OPERATIONS in table.ts. Each `expect` reads the item as the docs and the node's
// labels say, independently of the node's code.
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { Reader } from './model';
import type { OperationEntry, RunSettings } from './table';
import { collectionOf, expr, limitOf, tencent } from './table';
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

const tencentGetGroupHistory: OperationEntry = {
	title: 'tencentCloudChat / message / getGroupHistory',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'message',
	operation: 'getGroupHistory',
	values: { groupId: idValue(), 'filters.upToSequence': integerValue(1, UINT32_MAX), limit: integerValue(1, 300), simplify: booleanValue },
	optional: ['filters.upToSequence'],
	flags: fc.record({ returnAll: fc.boolean() }),
	parameters: (s) => ({
		resource: 'message',
		operation: 'getGroupHistory',
		groupId: expr('groupId'),
		filters: collectionOf('filters', s),
		returnAll: s.flags.returnAll === true,
		limit: expr('limit'),
		simplify: expr('simplify'),
	}),
	expect: (v, r, s) => {
		const groupId = r.text(v.groupId, 'Group ID', { required: true, maxLength: 48 });
		const upTo = r.integer(v['filters.upToSequence'], 'Up to Sequence', { min: 1, max: UINT32_MAX });
		const limit = limitOf(v, r, s);
		r.boolean(v.simplify, 'Simplify');
		if (!r.ok) return undefined;
		// At most 20 messages per call (https://trtc.io/document/34971); the sweep's group has none, so one call.
		const body: IDataObject = { GroupId: groupId, ReqMsgNumber: Math.min(20, limit!) };
		if (typeof upTo === 'number') body.ReqMsgSeq = upTo;
		return [tencent('group_open_http_svc/group_msg_get_simple', body)];
	},
};

const tencentRecallGroupMessage: OperationEntry = {
	title: 'tencentCloudChat / message / recallGroupMessage',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'message',
	operation: 'recallGroupMessage',
	values: {
		groupId: idValue(),
		msgSeqs: fc.oneof(
			{ weight: 3, arbitrary: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 25 }) },
			{ weight: 2, arbitrary: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 25 }).map((seqs) => seqs.join(', ')) },
			{ weight: 1, arbitrary: fc.constantFrom('1, 01, 1', '0', '-3', '4294967296', '12x', ' , ', '1.5') },
			{ weight: 1, arbitrary: idListValue },
		),
	},
	parameters: () => ({ resource: 'message', operation: 'recallGroupMessage', groupId: expr('groupId'), msgSeqs: expr('msgSeqs') }),
	expect: (v, r) => {
		const groupId = r.text(v.groupId, 'Group ID', { required: true, maxLength: 48 });
		const texts = r.idList(v.msgSeqs, 'Message Sequences', { maxLength: 20 });
		const seqs: number[] = [];
		texts?.forEach((text, position) => {
			const seq = r.integer(text, `Message Sequences (entry ${position + 1})`, { min: 1, max: UINT32_MAX, required: true });
			if (typeof seq === 'number' && !seqs.includes(seq)) seqs.push(seq);
		});
		if (!r.ok) return undefined;
		if (seqs.length === 0) return r.refuse('Message Sequences');
		// At most 10 sequences per call (https://trtc.io/document/34965).
		return batches(seqs, 10).map((batch) => tencent('group_open_http_svc/group_msg_recall', { GroupId: groupId, MsgSeqList: batch.map((MsgSeq) => ({ MsgSeq })) }));
	},
};

const tencentEdit: OperationEntry = {
	title: 'tencentCloudChat / message / edit',
	node: 'tencentCloudChat',
	platform: 'tencent',
	resource: 'message',
	operation: 'edit',
	values: {
		conversationType: choiceValue(['c2c', 'group']),
		fromAccount: idValue(),
		toAccount: idValue(),
		msgKey: idValue(fc.constantFrom('31906_833502_1572869830', '1_2_3')),
		groupId: idValue(),
		msgSeq: integerValue(1, UINT32_MAX),
		change: choiceValue(['content', 'cloudCustomData', 'both']),
		text: textValue(),
		customData: textValue(fc.oneof(fc.json(), fc.constantFrom('{"v":2}', 'plain'))),
		customDescription: textValue(),
		cloudCustomData: textValue(fc.oneof(fc.json(), fc.constantFrom(''))),
	},
	flags: fc.record({ messageType: fc.constantFrom('text', 'custom') }),
	parameters: (s) => ({
		resource: 'message',
		operation: 'edit',
		conversationType: expr('conversationType'),
		fromAccount: expr('fromAccount'),
		toAccount: expr('toAccount'),
		msgKey: expr('msgKey'),
		groupId: expr('groupId'),
		msgSeq: expr('msgSeq'),
		change: expr('change'),
		messageType: s.flags.messageType as string,
		text: expr('text'),
		customData: expr('customData'),
		customDescription: expr('customDescription'),
		cloudCustomData: expr('cloudCustomData'),
	}),
	expect: (v, r, s) => {
		const type = r.choice(v.conversationType, 'Conversation Type', ['c2c', 'group'] as const);
		if (type === undefined) return undefined;
		const body: IDataObject = {};
		if (type === 'c2c') {
			body.From_Account = r.text(v.fromAccount, 'From Account', { required: true, maxLength: 32 });
			body.To_Account = r.text(v.toAccount, 'To Account', { required: true, maxLength: 32 });
			body.MsgKey = r.text(v.msgKey, 'Message Key', { required: true, maxLength: 50 });
		} else {
			body.GroupId = r.text(v.groupId, 'Group ID', { required: true, maxLength: 48 });
			body.MsgSeq = r.integer(v.msgSeq, 'Message Sequence', { required: true, min: 1, max: UINT32_MAX });
		}
		const change = r.choice(v.change, 'Change', ['content', 'cloudCustomData', 'both'] as const);
		if (change === undefined) return undefined;
		if (change !== 'cloudCustomData') {
			if (s.flags.messageType === 'text') {
				body.MsgBody = [{ MsgType: 'TIMTextElem', MsgContent: { Text: r.text(v.text, 'Text', { required: true, multiline: true, maxLength: 12000 }) } }];
			} else {
				const data = r.text(v.customData, 'Custom Data', { required: true, multiline: true, maxLength: 12000 });
				const desc = r.text(v.customDescription, 'Custom Description', { multiline: true, maxLength: 1000 });
				body.MsgBody = [{ MsgType: 'TIMCustomElem', MsgContent: desc ? { Data: data, Desc: desc } : { Data: data } }];
			}
		}
		if (change !== 'content') body.CloudCustomData = r.text(v.cloudCustomData, 'Cloud Custom Data', { multiline: true, maxLength: 12000 });
		if (!r.ok) return undefined;
		// One-to-one and group edits both live under openim (https://trtc.io/document/47722, https://trtc.io/document/47948).
		return [tencent(type === 'c2c' ? 'openim/modify_c2c_msg' : 'openim/modify_group_msg', body)];
	},
};

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
	tencentGetGroupHistory,
	tencentRecallGroupMessage,
	tencentEdit,
];
