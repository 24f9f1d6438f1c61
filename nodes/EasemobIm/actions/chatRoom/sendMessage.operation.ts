import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { EASEMOB_PACE } from '../../transport';
import { messageContentFields, sendAdditionalFields } from '../message/fields';
import type { MessageLimit } from '../message/send';
import { retryWhenDeliveryUnknownOption, sendMessages } from '../message/send';

/** Easemob accepts at most 10 chat rooms per call; longer lists are split. */
export const CHATROOMS_PER_CALL = 10;

/**
 * https://doc.easemob.com/document/server-side/message_chatroom.html ("发送频率"): per app 20 calls a
 * second (the 21st → 429) and 100 chat room messages a second, each room of a call one message (the
 * 11th call of 10 rooms in a second → 403).
 */
const CHATROOM_PACE = { ...EASEMOB_PACE, requestsPerSecond: 20, maxRequestsPerSecond: 20, rateNote: 'Easemob allows 20 chat room message calls and 100 chat room messages a second per app' };
export const CHATROOM_MESSAGES: MessageLimit = { limit: 100, windowMs: 1000, name: 'messages/chatrooms' };

const OPERATION = 'sendMessage';

const properties: INodeProperties[] = [
	{
		displayName: 'Chat Room IDs',
		name: 'chatRoomIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 262912830316545, 262912830316546',
		description: 'Chat room IDs separated by commas, or an expression giving a list. More than 10 are sent in several calls. Easemob does not check that the rooms exist.',
	},
	...messageContentFields(OPERATION, 'chatRoom'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sendAdditionalFields('chatrooms'),
	},
	optionsCollection(CHATROOM_PACE, [retryWhenDeliveryUnknownOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['chatRoom'], operation: [OPERATION] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendMessages(this, {
		endpoint: '/messages/chatrooms',
		parameter: 'chatRoomIds',
		label: 'Chat Room IDs',
		perCall: CHATROOMS_PER_CALL,
		recipients: 'chatrooms',
		pace: CHATROOM_PACE,
		messages: CHATROOM_MESSAGES,
		limiterScope: 'messages/chatrooms',
	});
}
