import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { textParameter, toChoice, toInteger, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { USER_ID_MAX, collection, optionsField, userIdField } from '../fields';
import { ADMIN_FORBID_TYPES, ALLOW_TYPES, CUSTOM_TAG, GENDERS, STANDARD_PROFILE_FIELDS } from './profileFields';

/** Profile strings are at most 500 bytes (https://trtc.io/document/33520). */
const PROFILE_TEXT_MAX_BYTES = 500;
const UINT32_MAX = 0xffffffff;

const numberField = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, maxValue: UINT32_MAX, numberPrecision: 0 },
	default: 0,
	description,
});
const textField = (name: string, displayName: string, description: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	description,
});

const properties: INodeProperties[] = [
	userIdField('userId', 'User ID', 'The UserID whose profile to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Admin Forbid Type',
				name: 'adminForbidType',
				type: 'options',
				default: 'AdminForbid_Type_None',
				options: [
					{ name: 'None', value: 'AdminForbid_Type_None', description: 'The user may add friends' },
					{ name: 'Send Out', value: 'AdminForbid_Type_SendOut', description: 'The user may not send friend requests' },
				],
				description: 'Whether the user may send friend requests (Tag_Profile_IM_AdminForbidType)',
			},
			textField('avatarUrl', 'Avatar URL', 'Link to the profile photo, at most 500 bytes (Tag_Profile_IM_Image)', 'e.g. https://example.com/avatar.png'),
			numberField('birthday', 'Birthday', 'Birthday as a number, e.g. 19900131 (Tag_Profile_IM_BirthDay)'),
			{
				displayName: 'Friend Requests',
				name: 'allowType',
				type: 'options',
				default: 'AllowType_Type_NeedConfirm',
				options: [
					{ name: 'Need Confirmation', value: 'AllowType_Type_NeedConfirm' },
					{ name: 'Allow Anyone', value: 'AllowType_Type_AllowAny' },
					{ name: 'Deny Everyone', value: 'AllowType_Type_DenyAny' },
				],
				description: 'How friend requests to the user are handled (Tag_Profile_IM_AllowType)',
			},
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				default: 'Gender_Type_Unknown',
				options: [
					{ name: 'Unknown', value: 'Gender_Type_Unknown' },
					{ name: 'Female', value: 'Gender_Type_Female' },
					{ name: 'Male', value: 'Gender_Type_Male' },
				],
				description: 'Gender (Tag_Profile_IM_Gender)',
			},
			numberField('language', 'Language', 'Language code your app uses (Tag_Profile_IM_Language)'),
			numberField('level', 'Level', 'User level your app uses (Tag_Profile_IM_Level)'),
			textField('location', 'Location', 'Location as your app encodes it (Tag_Profile_IM_Location)', 'e.g. CN'),
			numberField('messageSettings', 'Message Settings', 'Message settings bits; bit 0 set means the user does not receive messages (Tag_Profile_IM_MsgSettings)'),
			textField('nickname', 'Nickname', 'Display name, at most 500 bytes (Tag_Profile_IM_Nick)', 'e.g. Anna'),
			numberField('role', 'Role', 'User role your app uses (Tag_Profile_IM_Role)'),
			textField('selfSignature', 'Status Message', 'The personal signature or status line, at most 500 bytes (Tag_Profile_IM_SelfSignature)', 'e.g. Out of office until Monday'),
		],
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Tag_Profile_Custom_Tier',
						description: 'Tag_Profile_Custom_ followed by the name set up in the Chat console (at most 8 letters, digits or underscores)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. gold',
						description: 'The text to store, at most 500 bytes',
					},
				],
			},
		],
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['updateProfile'] } }, properties);

interface ProfileUpdate {
	userId: string;
	items: Array<{ Tag: string; Value: string | number }>;
}

function byteLimited(ctx: IExecuteFunctions, i: number, value: unknown, label: string): string {
	const text = toText(ctx.getNode(), i, value, label, { multiline: label === 'Status Message' });
	if (Buffer.byteLength(text, 'utf8') > PROFILE_TEXT_MAX_BYTES) {
		throw parameterError(ctx.getNode(), i, `${label} is too long (${Buffer.byteLength(text, 'utf8')} bytes; the limit is ${PROFILE_TEXT_MAX_BYTES})`, `Shorten "${label}".`);
	}
	return text;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<ProfileUpdate>(
		this,
		{
			prepare: (i) => {
				const userId = textParameter(this, 'userId', i, 'User ID', { required: true, maxLength: USER_ID_MAX });
				const fields = collection(this, 'updateFields', i);
				const items: ProfileUpdate['items'] = [];
				for (const field of STANDARD_PROFILE_FIELDS) {
					const value = fields[field.key];
					if (value === undefined) continue;
					let set: string | number;
					if (field.key === 'gender') set = toChoice(node, i, value, field.label, GENDERS);
					else if (field.key === 'allowType') set = toChoice(node, i, value, field.label, ALLOW_TYPES);
					else if (field.key === 'adminForbidType') set = toChoice(node, i, value, field.label, ADMIN_FORBID_TYPES);
					else if (field.type === 'number') set = toInteger(node, i, value, field.label, { required: true, min: 0, max: UINT32_MAX })!;
					else set = byteLimited(this, i, value, field.label);
					items.push({ Tag: field.tag, Value: set });
				}
				const custom = collection(this, 'customFields', i).field;
				for (const [position, entry] of (Array.isArray(custom) ? (custom as IDataObject[]) : []).entries()) {
					const name = toText(node, i, entry.name, `Custom Field ${position + 1} Name`, { required: true, maxLength: 100 });
					if (!CUSTOM_TAG.test(name)) {
						throw parameterError(node, i, `Custom Field ${position + 1} Name "${name.slice(0, 50)}" is not a custom profile field name`, 'Write it as Tag_Profile_Custom_ followed by up to 8 letters, digits or underscores, e.g. Tag_Profile_Custom_Tier.');
					}
					if (items.some((item) => item.Tag === name)) {
						throw parameterError(node, i, `Custom Field ${position + 1} Name ${name} is set twice`, 'Keep one value per custom field.');
					}
					items.push({ Tag: name, Value: byteLimited(this, i, entry.value, `Custom Field ${position + 1} Value`) });
				}
				if (items.length === 0) throw parameterError(node, i, 'Update Fields is empty', 'Add at least one field under "Update Fields" or "Custom Fields".');
				return { userId, items };
			},
			run: async (session, plan) => {
				// https://trtc.io/document/34916: setting a field again to the same value changes nothing.
				await tencentRequest(this, account, session, 'profile/portrait_set', { From_Account: plan.userId, ProfileItem: plan.items });
				const updated: IDataObject = {};
				for (const item of plan.items) updated[item.Tag] = item.Value;
				return { updated: true, userId: plan.userId, fields: updated };
			},
		},
		account.pace,
	);
}
