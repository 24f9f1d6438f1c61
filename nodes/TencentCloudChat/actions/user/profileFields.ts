import type { IDataObject } from 'n8n-workflow';

/**
 * The standard profile fields (https://trtc.io/document/33520): the tag, the name the node shows
 * them under, and their type. Strings are at most 500 bytes; numbers are uint32.
 */
export const STANDARD_PROFILE_FIELDS = [
	{ tag: 'Tag_Profile_IM_Nick', key: 'nickname', label: 'Nickname', type: 'string' },
	{ tag: 'Tag_Profile_IM_Gender', key: 'gender', label: 'Gender', type: 'string' },
	{ tag: 'Tag_Profile_IM_BirthDay', key: 'birthday', label: 'Birthday', type: 'number' },
	{ tag: 'Tag_Profile_IM_Location', key: 'location', label: 'Location', type: 'string' },
	{ tag: 'Tag_Profile_IM_SelfSignature', key: 'selfSignature', label: 'Status Message', type: 'string' },
	{ tag: 'Tag_Profile_IM_AllowType', key: 'allowType', label: 'Friend Requests', type: 'string' },
	{ tag: 'Tag_Profile_IM_Language', key: 'language', label: 'Language', type: 'number' },
	{ tag: 'Tag_Profile_IM_Image', key: 'avatarUrl', label: 'Avatar URL', type: 'string' },
	{ tag: 'Tag_Profile_IM_MsgSettings', key: 'messageSettings', label: 'Message Settings', type: 'number' },
	{ tag: 'Tag_Profile_IM_AdminForbidType', key: 'adminForbidType', label: 'Admin Forbid Type', type: 'string' },
	{ tag: 'Tag_Profile_IM_Level', key: 'level', label: 'Level', type: 'number' },
	{ tag: 'Tag_Profile_IM_Role', key: 'role', label: 'Role', type: 'number' },
] as const;

export const GENDERS = ['Gender_Type_Unknown', 'Gender_Type_Female', 'Gender_Type_Male'] as const;
export const ALLOW_TYPES = ['AllowType_Type_NeedConfirm', 'AllowType_Type_AllowAny', 'AllowType_Type_DenyAny'] as const;
export const ADMIN_FORBID_TYPES = ['AdminForbid_Type_None', 'AdminForbid_Type_SendOut'] as const;

/** Custom profile fields are named Tag_Profile_Custom_<name>, the name letters, digits and underscores. */
export const CUSTOM_TAG = /^Tag_Profile_Custom_[A-Za-z0-9_]{1,8}$/;

/** A profile as Tencent lists it ({Tag, Value}[]) in the node's names; custom fields under `custom`. */
export function profileFromItems(items: unknown): IDataObject {
	const profile: IDataObject = {};
	const custom: IDataObject = {};
	for (const item of Array.isArray(items) ? (items as IDataObject[]) : []) {
		const tag = String(item.Tag);
		const standard = STANDARD_PROFILE_FIELDS.find((field) => field.tag === tag);
		if (standard) profile[standard.key] = item.Value as IDataObject[keyof IDataObject];
		else custom[tag.replace(/^Tag_Profile_Custom_/, '')] = item.Value as IDataObject[keyof IDataObject];
	}
	if (Object.keys(custom).length > 0) profile.custom = custom;
	return profile;
}
