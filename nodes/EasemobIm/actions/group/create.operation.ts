import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toBoolean } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';
import { USERNAME_RULES } from '../fields';
import { groupSettingFields, readGroupSettings, readInitialMembers } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Owner',
		name: 'owner',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user1',
		description: 'The user ID of the group owner; the user must exist',
	},
	{
		displayName: 'Public',
		name: 'isPublic',
		type: 'boolean',
		default: false,
		description: 'Whether anyone can find the group and ask to join; private groups are joined by invitation only',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...groupSettingFields(false),
			{
				displayName: 'Members',
				name: 'members',
				type: 'string',
				default: '',
				placeholder: 'e.g. user2, user3',
				description: 'User IDs to add besides the owner, separated by commas (or an expression giving a list); at most Max Members of them. The users must exist.',
			},
		],
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	return await runOverItems<IDataObject>(
		this,
		{
			prepare: (i) => {
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				const body: IDataObject = {
					owner: textParameter(this, 'owner', i, 'Owner', USERNAME_RULES),
					public: toBoolean(node, i, this.getNodeParameter('isPublic', i, false), 'Public'),
					...readGroupSettings(node, i, fields, false),
				};
				// Max Members defaults to 200 (group_manage.html).
				const max = typeof body.maxusers === 'number' ? body.maxusers : 200;
				const members = readInitialMembers(node, i, fields.members, max, 'Raise "Max Members" or add the other users afterwards with Add Members.');
				if (members.length > 0) body.members = members;
				return body;
			},
			run: async (session, body) => {
				// https://doc.easemob.com/document/server-side/group_manage.html#创建群组: POST /chatgroups → data.groupid.
				// Easemob picks the ID, so a repeat after an unknown outcome could create a second group.
				const response = await easemobRequest(this, account, session, { method: 'POST', path: '/chatgroups', body, kind: 'create', creates: 'group' });
				const data = (response.data ?? {}) as IDataObject;
				return { created: true, groupId: data.groupid, owner: body.owner, ...(body.groupname !== undefined ? { groupName: body.groupname } : {}) };
			},
		},
		account.pace,
	);
}
