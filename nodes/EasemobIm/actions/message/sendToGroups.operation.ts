import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { EASEMOB_PACE } from '../../transport';
import { messageContentFields, sendAdditionalFields } from './fields';
import { retryWhenDeliveryUnknownOption, sendMessages } from './send';

/** Easemob accepts at most 3 groups per call; longer lists are split. */
export const GROUPS_PER_CALL = 3;

/**
 * Easemob limits group sends per app to 20 calls a second and 20 group messages a second, each group
 * of a call one message: 3 groups per call allow 7 calls a second
 * (https://doc.easemob.com/document/server-side/message_group.html, "发送频率").
 */
const GROUP_PACE = { ...EASEMOB_PACE, requestsPerSecond: 20, maxRequestsPerSecond: 20, rateNote: 'Easemob allows 20 group message calls and 20 group messages a second per app' };
export const GROUP_MESSAGES = { limit: 20, windowMs: 1000, name: 'messages/chatgroups' };

const properties: INodeProperties[] = [
	{
		displayName: 'Group IDs',
		name: 'groupIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 208571394080769, 208571394080770',
		description: 'Group IDs separated by commas, or an expression giving a list. More than 3 are sent in several calls.',
	},
	...messageContentFields('sendToGroups'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sendAdditionalFields('groups'),
	},
	optionsCollection(GROUP_PACE, [retryWhenDeliveryUnknownOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendToGroups'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await sendMessages(this, { endpoint: '/messages/chatgroups', parameter: 'groupIds', label: 'Group IDs', perCall: GROUPS_PER_CALL, recipients: 'groups', pace: GROUP_PACE, messages: GROUP_MESSAGES, limiterScope: 'messages/chatgroups' });
}
