import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import type { TextRules } from '../../../shared/parameters';
import { textParameter, toBoolean, toIdList, toInteger, toText } from '../../../shared/parameters';

/** Easemob group IDs (digits in practice); they go into URL paths. */
export const GROUP_ID_RULES: TextRules = { required: true, maxLength: 128, pathSegment: true };

/** The Group ID parameter of the operations on one group. */
export function groupIdField(description = 'The ID Easemob gave the group when it was created'): INodeProperties {
	return { displayName: 'Group ID', name: 'groupId', type: 'string', default: '', required: true, placeholder: 'e.g. 208571394080769', description };
}

/**
 * A list of user IDs for a group or chat room. Easemob joins batches with "," in URL paths and
 * user IDs never hold one (letters, digits, "_", "-", "." only), so an entry with a comma is refused
 * rather than split into other users.
 */
export function readUserIds(node: INode, i: number, value: unknown, label: string, required: boolean): string[] {
	const ids = toIdList(node, i, value, label, { required, maxLength: 64 });
	for (const id of ids) {
		if (id.includes(',') || id === '.' || id === '..') {
			throw parameterError(node, i, `${label} entry "${id.slice(0, 70)}" is not a user ID`, 'Easemob user IDs hold letters, digits, "_", "-" and "." only; separate several IDs with commas.');
		}
	}
	return ids;
}

/** The group settings shared by Create and Update (Easemob names them the same in both bodies). */
export function groupSettingFields(forUpdate: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Allow Member Invites',
			name: 'allowinvites',
			type: 'boolean',
			default: false,
			description: forUpdate
				? 'Whether ordinary members may invite users into the group'
				: 'Whether ordinary members may invite users into the group. Private groups only: Easemob turns it off for a public group at creation (change it afterwards with Update).',
		},
		{
			displayName: 'Avatar URL',
			name: 'avatar',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/group.png',
			description: 'URL of the group picture, at most 1,024 characters',
		},
		{
			displayName: 'Custom Data',
			name: 'custom',
			type: 'string',
			default: '',
			description: forUpdate ? 'Your own text stored with the group, e.g. a CRM ticket number; at most 1,024 characters' : 'Your own text stored with the group, e.g. a CRM ticket number; at most 8 KB',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			description: 'At most 512 characters',
		},
		{
			displayName: 'Group Name',
			name: 'groupname',
			type: 'string',
			default: '',
			placeholder: 'e.g. Support 4711',
			description: 'At most 128 characters',
		},
		{
			displayName: 'Invite Needs Confirmation',
			name: 'inviteNeedConfirm',
			type: 'boolean',
			default: true,
			description: 'Whether an invited user must accept before joining',
		},
		{
			displayName: 'Join Needs Approval',
			name: 'membersonly',
			type: 'boolean',
			default: false,
			description: 'Whether the owner or an admin must approve requests to join (public groups)',
		},
		{
			displayName: 'Max Members',
			name: 'maxusers',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 200,
			description: "Most members the group may have, owner included (Easemob's default is 200; the plan sets the upper bound)",
		},
		...(forUpdate
			? [
					{
						displayName: 'Public',
						name: 'public',
						type: 'boolean',
						default: false,
						description: 'Whether anyone can find the group and ask to join; private groups are joined by invitation only',
					} as INodeProperties,
				]
			: []),
	];
}

/** Reads the settings the user added, into Easemob's body fields (group_manage.html, 创建群组 / 修改群组信息). */
export function readGroupSettings(node: INode, i: number, fields: IDataObject, forUpdate: boolean): IDataObject {
	const body: IDataObject = {};
	const texts: Array<[string, string, number]> = [
		['groupname', 'Group Name', 128],
		['description', 'Description', 512],
		['avatar', 'Avatar URL', 1024],
	];
	for (const [name, label, maxLength] of texts) {
		if (fields[name] === undefined) continue;
		const text = toText(node, i, fields[name], label, { maxLength, multiline: name === 'description' });
		if (text !== '') body[name] = text;
	}
	if (fields.maxusers !== undefined) {
		const max = toInteger(node, i, fields.maxusers, 'Max Members', { min: 1 });
		if (max !== undefined) body.maxusers = max;
	}
	if (fields.membersonly !== undefined) body.membersonly = toBoolean(node, i, fields.membersonly, 'Join Needs Approval');
	if (fields.allowinvites !== undefined) body.allowinvites = toBoolean(node, i, fields.allowinvites, 'Allow Member Invites');
	if (fields.inviteNeedConfirm !== undefined) body.invite_need_confirm = toBoolean(node, i, fields.inviteNeedConfirm, 'Invite Needs Confirmation');
	if (forUpdate && fields.public !== undefined) body.public = toBoolean(node, i, fields.public, 'Public');
	if (fields.custom !== undefined) {
		// Create: "不要超过 8 KB"; Update: "不要超过 1,024 字符" (group_manage.html).
		const custom = toText(node, i, fields.custom, 'Custom Data', { multiline: true, maxLength: forUpdate ? 1024 : undefined });
		if (!forUpdate && Buffer.byteLength(custom) > 8192) {
			throw parameterError(node, i, `Custom Data is too long (${Buffer.byteLength(custom)} bytes; the limit is 8 KB)`, 'Shorten "Custom Data".');
		}
		if (custom !== '') body.custom = custom;
	}
	return body;
}

/** The IDs of a member list answer, lower-case (Easemob user IDs ignore case). */
export function lowerSet(ids: unknown): Set<string> {
	return new Set((Array.isArray(ids) ? ids : []).map((id) => String(id).toLowerCase()));
}

/** The Usernames parameter of Add Members and Remove Members. */
export function usernamesField(description: string): INodeProperties {
	return { displayName: 'Usernames', name: 'usernames', type: 'string', default: '', required: true, placeholder: 'e.g. user2, user3', description };
}

/** Group ID and Usernames of one item, checked (Add Members, Remove Members). */
export function readMembersPlan(ctx: IExecuteFunctions, i: number): { groupId: string; usernames: string[] } {
	return {
		groupId: textParameter(ctx, 'groupId', i, 'Group ID', GROUP_ID_RULES),
		usernames: readUserIds(ctx.getNode(), i, ctx.getNodeParameter('usernames', i, ''), 'Usernames', true),
	};
}

/**
 * The Members of a new group or chat room: "该数组可包含的元素数量不超过 maxusers 的值" (group_manage.html,
 * chatroom_manage.html), else Easemob refuses the creation with 403 exceed_limit.
 */
export function readInitialMembers(node: INode, i: number, value: unknown, max: number, fix: string): string[] {
	const members = readUserIds(node, i, value, 'Members', false);
	if (members.length > max) throw parameterError(node, i, `Members lists ${members.length} users; Max Members is ${max}`, fix);
	return members;
}
