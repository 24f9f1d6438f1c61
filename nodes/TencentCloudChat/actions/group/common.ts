import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { textParameter, toChoice, toIdList, toText } from '../../../shared/parameters';
import { GROUP_ID_MAX, USER_ID_MAX } from '../fields';

/**
 * The group types of the REST API (https://trtc.io/document/33529): Private is the Work group,
 * ChatRoom the Meeting group of the newer SDKs; AVChatRoom is the audio-video (live) group.
 */
export const GROUP_TYPES = ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const groupTypeOptions = [
	{ name: 'Audio-Video Group (AVChatRoom)', value: 'AVChatRoom', description: 'Live group without a member limit; users join it from the SDK' },
	{ name: 'Community', value: 'Community', description: 'Large group of up to 100,000 members' },
	{ name: 'Meeting Group (ChatRoom)', value: 'ChatRoom', description: 'Members join and leave freely' },
	{ name: 'Public Group', value: 'Public', description: 'Users apply to join; an owner or admin approves' },
	{ name: 'Work Group (Private)', value: 'Private', description: 'Members join only when invited' },
];

export function groupIdField(description = 'The ID of the group, e.g. @TGS#1NVTZEAE4 or a custom ID (at most 48 bytes)'): INodeProperties {
	return {
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. @TGS#1NVTZEAE4',
		description,
	};
}

export function memberIdsField(description: string): INodeProperties {
	return {
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user_1, user_2',
		description,
	};
}

export function readGroupId(ctx: IExecuteFunctions, i: number, name = 'groupId', label = 'Group ID'): string {
	const id = textParameter(ctx, name, i, label, { required: true, maxLength: GROUP_ID_MAX });
	// Group IDs are counted in bytes (https://trtc.io/document/34895).
	if (Buffer.byteLength(id) > GROUP_ID_MAX) {
		throw parameterError(ctx.getNode(), i, `${label} is too long (${Buffer.byteLength(id)} bytes; the limit is ${GROUP_ID_MAX})`, `Shorten "${label}".`);
	}
	return id;
}

export function readUserIds(ctx: IExecuteFunctions, i: number, required = true): string[] {
	return toIdList(ctx.getNode(), i, ctx.getNodeParameter('userIds', i, ''), 'User IDs', { required, maxLength: USER_ID_MAX });
}

/** Splits a list into the batches one call takes. */
export function inBatches<T>(list: readonly T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size) batches.push(list.slice(start, start + size));
	return batches;
}

/**
 * Byte limits of the group profile fields, as Tencent's own OpenAPI description of the REST API
 * states them (TencentCloud/tencentcloud-im-sdk-java, docs/CreateGroupRequest.md; group profile
 * https://cloud.tencent.com/document/product/269/1502): UTF-8, a Chinese character is 3 bytes.
 */
export const PROFILE_BYTES = { Name: 30, Introduction: 240, Notification: 300, FaceUrl: 100 } as const;

/**
 * Join options: the node's values and Tencent's ApplyJoinOption (https://trtc.io/document/34895).
 * Expressions may give either. The node's own values avoid "FREEACCESS": n8n rewrites an error
 * message containing "EACCES" into a file-permission message.
 */
export const JOIN_OPTION_VALUES: Record<string, string> = {
	anyone: 'FreeAccess',
	approval: 'NeedPermission',
	nobody: 'DisableApply',
	FreeAccess: 'FreeAccess',
	NeedPermission: 'NeedPermission',
	DisableApply: 'DisableApply',
};
export const JOIN_OPTIONS = Object.keys(JOIN_OPTION_VALUES);

export const applyJoinOptionField: INodeProperties = {
	displayName: 'Join Option',
	name: 'applyJoinOption',
	type: 'options',
	default: 'approval',
	options: [
		{ name: 'Anyone Can Join', value: 'anyone' },
		{ name: 'Needs Approval', value: 'approval' },
		{ name: 'Nobody Can Apply', value: 'nobody' },
	],
	description:
		'How users who apply to join are handled (Public, Meeting and Community groups; Work groups take invitations only). Expressions may also give Tencent\'s values FreeAccess, NeedPermission or DisableApply.',
};

/** Tencent's ApplyJoinOption for a Join Option value. */
export function readJoinOption(ctx: IExecuteFunctions, i: number, value: unknown): string {
	return JOIN_OPTION_VALUES[toChoice(ctx.getNode(), i, value, 'Join Option', JOIN_OPTIONS)];
}

/** The profile fields Create and Update share: label, Tencent field, parameter name, description. */
export const PROFILE_TEXT_FIELDS: Array<{ name: string; field: keyof typeof PROFILE_BYTES; displayName: string; description: string }> = [
	{ name: 'introduction', field: 'Introduction', displayName: 'Introduction', description: 'What the group is about, at most 240 bytes (UTF-8)' },
	{ name: 'notification', field: 'Notification', displayName: 'Notice', description: 'The group notice, at most 300 bytes (UTF-8)' },
	{ name: 'faceUrl', field: 'FaceUrl', displayName: 'Avatar URL', description: 'URL of the group picture, at most 100 bytes' },
];

export function profileTextProperties(): INodeProperties[] {
	return PROFILE_TEXT_FIELDS.map(({ name, displayName, description }) => ({ displayName, name, type: 'string', default: '', description }));
}

/** A profile text of at most `maxBytes` UTF-8 bytes. */
export function readProfileText(ctx: IExecuteFunctions, i: number, value: unknown, label: string, maxBytes: number, required = false): string {
	const text = toText(ctx.getNode(), i, value, label, { required, maxLength: maxBytes, multiline: label === 'Introduction' || label === 'Notice' });
	const bytes = Buffer.byteLength(text);
	if (bytes > maxBytes) {
		throw parameterError(ctx.getNode(), i, `${label} is too long (${bytes} bytes; the limit is ${maxBytes})`, `Shorten "${label}": Tencent counts UTF-8 bytes, a Chinese character or an emoji takes 3 to 4.`);
	}
	return text;
}

/** A collection of optional fields (Additional Fields, Update Fields), in alphabetical order as the panel lists them. */
export function fieldCollection(options: INodeProperties[], name = 'additionalFields', displayName = 'Additional Fields'): INodeProperties {
	const sorted = [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, options: sorted };
}

/** Silence: only the users added or removed are notified, not the whole group. */
export function silentField(who: string): INodeProperties {
	return {
		displayName: 'Silent',
		name: 'silence',
		type: 'boolean',
		default: false,
		description: `Whether to ${who} without notifying the group members (only those users are told)`,
	};
}
