import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toBoolean, toChoice, toText } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { EASEMOB_PACE, easemobAccount, easemobRequest } from '../../transport';

const CHAT_TYPES = ['chat', 'groupchat', 'chatroom'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1029457500870543736',
		description: 'The ID Easemob returned when the message was sent',
	},
	{
		displayName: 'Chat Type',
		name: 'chatType',
		type: 'options',
		default: 'chat',
		options: [
			{ name: 'One-to-One Chat', value: 'chat' },
			{ name: 'Group Chat', value: 'groupchat' },
			{ name: 'Chat Room', value: 'chatroom' },
		],
	},
	{
		displayName: 'Recipient',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user2',
		description: 'The user, group or chat room ID the message was sent to',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Force',
				name: 'force',
				type: 'boolean',
				default: false,
				description: 'Whether to recall even after the recall time limit set in the console has passed',
			},
			{
				displayName: 'Sender',
				name: 'from',
				type: 'string',
				default: '',
				placeholder: 'e.g. user1',
				description:
					'The user ID doing the recall; Easemob uses "admin" when empty. When Force recalls a message past the time limit, set the original sender here so that the recall also reaches the sender\'s devices.',
			},
			{
				displayName: 'Sync to Sender',
				name: 'syncDevice',
				type: 'boolean',
				default: true,
				description: "Whether the recall of a one-to-one message also reaches all online devices of the sender",
			},
		],
	},
	optionsCollection(EASEMOB_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['recall'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await easemobAccount(this);
	const node = this.getNode();
	return await runOverItems<IDataObject>(
		this,
		{
			prepare: (i) => {
				const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
				const body: IDataObject = {
					msg_id: textParameter(this, 'messageId', i, 'Message ID', { required: true, maxLength: 64 }),
					to: textParameter(this, 'to', i, 'Recipient', { required: true, maxLength: 128 }),
					chat_type: toChoice(node, i, this.getNodeParameter('chatType', i), 'Chat Type', CHAT_TYPES),
					force: toBoolean(node, i, fields.force, 'Force'),
				};
				const from = toText(node, i, fields.from, 'Sender', { maxLength: 64 });
				if (from !== '') body.from = from;
				if (fields.syncDevice !== undefined) body.sync_device = toBoolean(node, i, fields.syncDevice, 'Sync to Sender');
				return body;
			},
			run: async (session, body) => {
				const response = await easemobRequest(this, account, session, { method: 'POST', path: '/messages/msg_recall', body, kind: 'write' });
				const data = response.data && typeof response.data === 'object' ? (response.data as IDataObject) : {};
				return { ...data, recalled: data.recalled === 'yes', messageId: body.msg_id };
			},
		},
		account.pace,
	);
}
