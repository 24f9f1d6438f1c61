import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toInteger, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { EASEMOB_CHATROOM_CREATE_PACE, easemobAccount, easemobRequest } from '../../transport';
import { USERNAME_RULES } from '../fields';
import { readInitialMembers } from '../group/fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Launch Q&A',
		description: 'The chat room name, at most 128 characters',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Questions during the launch stream',
		description: 'At most 512 characters; Easemob requires one',
	},
	{
		displayName: 'Owner',
		name: 'owner',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user1',
		description: 'The user ID of the chat room owner; the user must exist',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Custom Data',
				name: 'custom',
				type: 'string',
				default: '',
				description: 'Your own text stored with the chat room, at most 1,024 characters',
			},
			{
				displayName: 'Max Members',
				name: 'maxusers',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: 1000,
				description: 'Most members the chat room may have, owner included: 1 to 10,000 (default 1,000)',
			},
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
	optionsCollection(EASEMOB_CHATROOM_CREATE_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['chatRoom'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// POST /chatrooms is counted on its own: 50 calls a second (limitationapi.html, 聊天室管理).
	const account = await easemobAccount(this, EASEMOB_CHATROOM_CREATE_PACE, 'chatrooms/create');
	const node = this.getNode();
	return await runOverItems<IDataObject>(
		this,
		{
			prepare: (i) => {
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				const body: IDataObject = {
					name: textParameter(this, 'name', i, 'Name', { required: true, maxLength: 128 }),
					description: textParameter(this, 'description', i, 'Description', { required: true, maxLength: 512, multiline: true }),
					owner: textParameter(this, 'owner', i, 'Owner', USERNAME_RULES),
				};
				const max = fields.maxusers === undefined ? undefined : toInteger(node, i, fields.maxusers, 'Max Members', { min: 1, max: 10000 });
				if (max !== undefined) body.maxusers = max;
				// Max Members defaults to 1,000 (chatroom_manage.html).
				const members = readInitialMembers(node, i, fields.members, max ?? 1000, 'Raise "Max Members" (at most 10,000).');
				// "若传该参数，确保至少设置一个数组元素": members is sent only when it has users.
				if (members.length > 0) body.members = members;
				if (fields.custom !== undefined) {
					const custom = toText(node, i, fields.custom, 'Custom Data', { multiline: true, maxLength: 1024 });
					if (custom !== '') body.custom = custom;
				}
				return body;
			},
			run: async (session, body) => {
				// https://doc.easemob.com/document/server-side/chatroom_manage.html#创建聊天室: POST /chatrooms → data.id.
				// Easemob picks the ID, so a repeat after an unknown outcome could create a second chat room.
				const response = await easemobRequest(this, account, session, { method: 'POST', path: '/chatrooms', body, kind: 'create', creates: 'chat room' });
				const data = (response.data ?? {}) as IDataObject;
				return { created: true, chatRoomId: data.id, name: body.name, owner: body.owner };
			},
		},
		account.pace,
	);
}
