import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { toChoice, toIdList, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { GROUP_ID_MAX, USER_ID_MAX, collection, optionsField } from '../fields';
import { addMembersInBatches } from './addMembers.operation';
import {
		GROUP_TYPES,
	PROFILE_BYTES,
	PROFILE_TEXT_FIELDS,
	applyJoinOptionField,
	fieldCollection,
	groupTypeOptions,
	profileTextProperties,
	readJoinOption,
	readProfileText,
} from './common';

/**
 * Initial members sent with create_group; any further ones are added with add_group_member right
 * after (the initial list is capped at 100 in Tencent's examples, https://trtc.io/document/34895).
 */
export const CREATE_MEMBERS_MAX = 100;

const properties: INodeProperties[] = [
	{
		displayName: 'Group Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Support team',
		description: 'The name of the group, at most 30 bytes (UTF-8; a Chinese character takes 3)',
	},
	{
		displayName: 'Group Type',
		name: 'groupType',
		type: 'options',
		default: 'Public',
		options: groupTypeOptions,
		description: 'The kind of group; it cannot be changed later',
	},
	fieldCollection([
		applyJoinOptionField,
		...profileTextProperties(),
		{
			displayName: 'Custom Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			placeholder: 'e.g. support_2026',
			description: 'Your own ID for the group (at most 48 bytes). Empty: Tencent assigns one such as @TGS#1NVTZEAE4. With your own ID, running the workflow twice cannot create the group twice.',
		},
		{
			displayName: 'Max Members',
			name: 'maxMemberCount',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 200,
			description: 'Most members the group may have; default is the limit of the app edition',
		},
		{
			displayName: 'Member User IDs',
			name: 'memberIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. user_1, user_2',
			description: 'UserIDs added as members when the group is created, separated by commas, or an expression giving a list. Not for audio-video groups. Users must be imported first.',
		},
		{
			displayName: 'Owner User ID',
			name: 'ownerAccount',
			type: 'string',
			default: '',
			placeholder: 'e.g. user_1',
			description: 'The UserID of the group owner (an imported user); empty: the group has no owner',
		},
	]),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['create'] } }, properties);

interface CreatePlan {
	body: IDataObject;
	/** Members beyond the initial list, added after the group exists. */
	moreMembers: string[];
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<CreatePlan>(
		this,
		{
			prepare: (i) => {
				const extra = collection(this, 'additionalFields', i);
				const type = toChoice(node, i, this.getNodeParameter('groupType', i, 'Public'), 'Group Type', GROUP_TYPES);
				const body: IDataObject = {
					Type: type,
					Name: readProfileText(this, i, this.getNodeParameter('name', i, ''), 'Group Name', PROFILE_BYTES.Name, true),
				};
				if (extra.groupId !== undefined) {
					const id = readProfileText(this, i, extra.groupId, 'Custom Group ID', GROUP_ID_MAX);
					if (id) body.GroupId = id;
				}
				if (extra.ownerAccount !== undefined) {
					const owner = readProfileText(this, i, extra.ownerAccount, 'Owner User ID', USER_ID_MAX);
					if (owner) body.Owner_Account = owner;
				}
				for (const { name, field, displayName } of PROFILE_TEXT_FIELDS) {
					if (extra[name] === undefined) continue;
					const text = readProfileText(this, i, extra[name], displayName, PROFILE_BYTES[field]);
					if (text) body[field] = text;
				}
				if (extra.maxMemberCount !== undefined) {
					// create_group calls it MaxMemberCount; modify_group_base_info MaxMemberNum.
					const max = toInteger(node, i, extra.maxMemberCount, 'Max Members', { min: 1, max: 100_000 });
					if (max !== undefined) body.MaxMemberCount = max;
				}
				if (extra.applyJoinOption !== undefined) body.ApplyJoinOption = readJoinOption(this, i, extra.applyJoinOption);
				const members = toIdList(node, i, extra.memberIds, 'Member User IDs', { maxLength: USER_ID_MAX });
				if (members.length > 0 && type === 'AVChatRoom') {
					// "If a group member is specified during the group creation, error 10007 will be returned" (https://trtc.io/document/34895).
					throw parameterError(node, i, 'Member User IDs cannot be used with audio-video groups', 'Remove "Member User IDs": users join audio-video groups from the app (SDK).');
				}
				if (members.length > 0) body.MemberList = members.slice(0, CREATE_MEMBERS_MAX).map((Member_Account) => ({ Member_Account }));
				return { body, moreMembers: members.slice(CREATE_MEMBERS_MAX) };
			},
			run: async (session, { body, moreMembers }) => {
				// https://trtc.io/document/34895 (zh https://cloud.tencent.com/document/product/269/1615)
				const answer = await tencentRequest(this, account, session, 'group_open_http_svc/create_group', body, {
					notRepeatable:
						'An earlier attempt got no clear answer, so the group may have been created. Check with Group → Get Many before running again' +
						(body.GroupId ? '.' : ', or set a Custom Group ID so that a repeat cannot create a second group.'),
				});
				const groupId = String(answer.GroupId ?? body.GroupId ?? '');
				const output: IDataObject = { GroupId: groupId, Type: body.Type, Name: body.Name };
				if (moreMembers.length > 0) {
					const results = await addMembersInBatches(this, account, session, groupId, moreMembers, false);
					// Members past the initial list: add_group_member's per-member results (Result 1 added).
					output.MoreMembers = results;
				}
				return output;
			},
		},
		account.pace,
	);
}
