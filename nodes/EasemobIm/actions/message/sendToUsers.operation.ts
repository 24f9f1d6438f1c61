import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { EASEMOB_PACE } from '../../transport';
import { messageContentFields, sendAdditionalFields } from './fields';
import { retryWhenDeliveryUnknownOption, sendMessages } from './send';

/** Easemob accepts at most 600 recipients per call; longer lists are split. */
export const RECIPIENTS_PER_CALL = 600;

/**
 * Easemob counts one-to-one messages per app: 6,000 a minute, each recipient of a call one message
 * (https://doc.easemob.com/document/server-side/message_single.html, "发送频率").
 */
export const USER_MESSAGES = { limit: 6000, windowMs: 60_000, name: 'messages/users' };

const properties: INodeProperties[] = [
	{
		displayName: 'Recipients',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user2, user3',
		description: 'User IDs separated by commas, or an expression giving a list. More than 600 are sent in several calls.',
	},
	...messageContentFields('sendToUsers'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sendAdditionalFields('users'),
	},
	optionsCollection(EASEMOB_PACE, [retryWhenDeliveryUnknownOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendToUsers'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendMessages(this, { endpoint: '/messages/users', parameter: 'to', label: 'Recipients', perCall: RECIPIENTS_PER_CALL, recipients: 'users', messages: USER_MESSAGES });
}
