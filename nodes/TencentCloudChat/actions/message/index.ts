import type { INodeProperties } from 'n8n-workflow';

import * as edit from './edit.operation';
import * as getGroupHistory from './getGroupHistory.operation';
import * as getHistory from './getHistory.operation';
import * as recall from './recall.operation';
import * as recallGroupMessage from './recallGroupMessage.operation';
import * as send from './send.operation';
import * as sendToGroup from './sendToGroup.operation';
import * as sendToMany from './sendToMany.operation';

export { edit, getGroupHistory, getHistory, recall, recallGroupMessage, send, sendToGroup, sendToMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Edit',
				value: 'edit',
				description: 'Replace the content or cloud custom data of a sent one-to-one or group message',
				action: 'Edit a message',
			},
			{
				name: 'Get Group History',
				value: 'getGroupHistory',
				description: 'Get the messages of a group, newest first',
				action: 'Get group message history',
			},
			{
				name: 'Get History',
				value: 'getHistory',
				description: 'Get the messages of a one-to-one conversation, newest first',
				action: 'Get message history',
			},
			{
				name: 'Recall',
				value: 'recall',
				description: 'Recall (withdraw) a one-to-one message by its message key',
				action: 'Recall a message',
			},
			{
				name: 'Recall Group Message',
				value: 'recallGroupMessage',
				description: 'Recall (withdraw) group messages by their sequence numbers',
				action: 'Recall a group message',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a one-to-one message. Sending the first message is how a conversation starts.',
				action: 'Send a message',
			},
			{
				name: 'Send to Group',
				value: 'sendToGroup',
				description: 'Send a message to a group',
				action: 'Send a message to a group',
			},
			{
				name: 'Send to Many',
				value: 'sendToMany',
				description: 'Send the same one-to-one message to many users',
				action: 'Send a message to many users',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendToMany.description,
	...sendToGroup.description,
	...recall.description,
	...getHistory.description,
	...edit.description,
	...getGroupHistory.description,
	...recallGroupMessage.description,
];
